// Finds and removes what scim-check runs left behind: resources whose userName,
// displayName or externalId starts with a scim-check prefix. Used after every run
// (a POST that timed out may still have created its resource) and by
// `scim-check sweep`. The server's filter is only a hint: every candidate is
// checked here, so a server that ignores filters cannot make us touch its data.
import type { HttpClient } from '../http/client.js';
import { TransportError } from '../errors.js';
import { joinUrl } from '../http/url.js';
import { parseJson } from '../util/json-depth.js';
import type { CleanupRecord } from '../model/run-result.js';

import { TOOL_PREFIX } from '../suite/run-info.js';

export { TOOL_PREFIX };

export interface SweepTarget {
  client: HttpClient;
  baseUrl: string;
  headers: Record<string, string>;
  signal?: AbortSignal;
}

export interface Leftover {
  type: 'User' | 'Group';
  id: string;
  name: string;
}

const SEARCHES: { type: Leftover['type']; collection: string; attrs: string[] }[] = [
  { type: 'User', collection: '/Users', attrs: ['userName', 'externalId'] },
  { type: 'Group', collection: '/Groups', attrs: ['displayName', 'externalId'] },
];

/** Pages read per search: a sweep is a safety net, not an export. */
const MAX_PAGES = 20;
const PAGE_SIZE = 100;

export async function findLeftovers(t: SweepTarget, prefix: string): Promise<Leftover[]> {
  if (!prefix.startsWith(TOOL_PREFIX)) throw new Error(`sweep prefix must start with ${TOOL_PREFIX}`);
  const found = new Map<string, Leftover>();
  for (const search of SEARCHES) {
    for (const attr of search.attrs) {
      for (const r of await listMatching(t, search.collection, attr, prefix)) {
        const name = carriesPrefix(r, search.attrs, prefix);
        // a deactivated User counts as removed (that is how Okta-style servers remove users)
        if (search.type === 'User' && r.active === false) continue;
        if (name && r.id !== undefined && r.id !== null)
          found.set(`${search.type}/${String(r.id)}`, { type: search.type, id: String(r.id), name });
      }
    }
  }
  return [...found.values()];
}

async function listMatching(
  t: SweepTarget,
  collection: string,
  attr: string,
  prefix: string,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let startIndex = 1;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = { filter: `${attr} sw "${prefix}"`, startIndex: String(startIndex), count: String(PAGE_SIZE) };
    const res = await t.client.send({
      method: 'GET',
      url: joinUrl(t.baseUrl, collection, query),
      headers: t.headers,
      signal: t.signal,
    });
    if (res.status !== 200) return out; // no filter support, or no such collection: nothing to find this way
    let body: { Resources?: unknown; totalResults?: unknown };
    try {
      body = parseJson(res.bodyText) as typeof body;
    } catch {
      return out;
    }
    const resources = Array.isArray(body?.Resources) ? (body.Resources as Record<string, unknown>[]) : [];
    out.push(...resources.filter((r) => r && typeof r === 'object'));
    const total = Number(body?.totalResults);
    if (resources.length === 0 || !Number.isFinite(total) || startIndex + resources.length > total) break;
    startIndex += resources.length;
  }
  return out;
}

/** The attribute value that carries the prefix, checked here whatever the server's filter did. */
function carriesPrefix(r: Record<string, unknown>, attrs: string[], prefix: string): string | undefined {
  for (const a of attrs) {
    const v = r[a];
    if (typeof v === 'string' && v.startsWith(prefix)) return v;
  }
  return undefined;
}

/** DELETE each leftover; a User the server will not delete is deactivated instead (Okta never deletes). */
export async function removeLeftovers(t: SweepTarget, leftovers: Leftover[]): Promise<CleanupRecord[]> {
  const records: CleanupRecord[] = [];
  for (const l of leftovers) {
    const path = `/${l.type === 'User' ? 'Users' : 'Groups'}/${encodeURIComponent(l.id)}`;
    const url = joinUrl(t.baseUrl, path);
    try {
      const del = await t.client.send({ method: 'DELETE', url, headers: t.headers });
      if ((del.status >= 200 && del.status < 300) || del.status === 404) {
        records.push({ type: l.type, id: l.id, via: 'DELETE (sweep)', status: 'removed' });
        continue;
      }
      if (l.type === 'User') {
        const body = JSON.stringify({
          schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
          Operations: [{ op: 'replace', value: { active: false } }],
        });
        const patch = await t.client.send({
          method: 'PATCH',
          url,
          headers: { ...t.headers, 'content-type': 'application/scim+json' },
          body,
        });
        if (patch.status >= 200 && patch.status < 300) {
          records.push({ type: l.type, id: l.id, via: 'PATCH active=false (sweep)', status: 'removed' });
          continue;
        }
      }
      records.push({ type: l.type, id: l.id, status: 'failed', detail: `DELETE answered ${del.status}` });
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      records.push({ type: l.type, id: l.id, status: 'failed', detail: err.message });
    }
  }
  return records;
}
