// Ids the server issued during the recording become captures of the step whose answer
// first carried them (a POST's `id`, or `Resources[k].id` of a list), and every later
// use in a path, filter or body is written as that capture. Resources created by a POST
// are registered for clean-up.
import type { Exchange } from '../capture.js';
import type { ReplacementTable } from './replacements.js';

export interface IssuedId {
  exchangeIndex: number;
  capture: string;
  source: string; // body path within the answer
  type: 'User' | 'Group' | string;
  createdHere: boolean;
}

export function collectServerIds(exchanges: Exchange[], table: ReplacementTable): IssuedId[] {
  const issued: IssuedId[] = [];
  const counters = new Map<string, number>();
  exchanges.forEach((e, i) => {
    const body = e.response?.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return;
    const created = e.request.method === 'POST' && (e.response?.status ?? 0) >= 200 && (e.response?.status ?? 0) < 300;
    const candidates: { id: string; source: string; type: string }[] = [];
    const obj = body as Record<string, unknown>;
    if (typeof obj.id === 'string' || typeof obj.id === 'number')
      candidates.push({ id: String(obj.id), source: 'id', type: typeOf(obj, e.request.path) });
    if (Array.isArray(obj.Resources)) {
      obj.Resources.forEach((r: unknown, k) => {
        const rid = (r as { id?: unknown })?.id;
        if (typeof rid === 'string' || typeof rid === 'number')
          candidates.push({
            id: String(rid),
            source: `Resources[${k}].id`,
            type: typeOf(r as Record<string, unknown>, e.request.path),
          });
      });
    }
    for (const c of candidates) {
      if (table.get(c.id)) continue;
      const createdHere = created && c.source === 'id';
      if (!createdHere && !usedLater(c.id, exchanges.slice(i + 1))) continue;
      const word = c.type === 'User' ? 'user' : c.type === 'Group' ? 'group' : 'resource';
      const n = (counters.get(word) ?? 0) + 1;
      counters.set(word, n);
      const capture = `${word}${n}Id`;
      table.add({ original: c.id, expression: capture, kind: 'server-id', issuedAt: i });
      issued.push({ exchangeIndex: i, capture, source: c.source, type: c.type, createdHere });
    }
  });
  return issued;
}

function typeOf(resource: Record<string, unknown>, requestPath: string): string {
  const meta = resource.meta as { resourceType?: unknown } | undefined;
  if (typeof meta?.resourceType === 'string') return meta.resourceType;
  if (/^\/?Users/i.test(requestPath)) return 'User';
  if (/^\/?Groups/i.test(requestPath)) return 'Group';
  return 'Resource';
}

function usedLater(id: string, later: Exchange[]): boolean {
  return later.some((e) => {
    const text = `${e.request.path}?${e.request.query}\n${JSON.stringify(e.request.body ?? '')}`;
    return e.request.path.split('/').includes(id) || (id.length >= 4 && text.includes(id));
  });
}
