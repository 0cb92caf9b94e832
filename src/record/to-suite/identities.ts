// Finds the identities a recording sent (userName, displayName, externalId, email values,
// in bodies and in filters) and gives each distinct value one suite variable made of the
// run prefix. A value that differs from a known one only by case (Okta's upper-cased
// userName check) is written as upper()/lower() of it, so the link survives the rewrite.
import type { Exchange } from '../capture.js';
import type { ReplacementTable } from './replacements.js';
import { queryPairs } from './query.js';
import { isObject } from '../../util/object.js';

const FILTER_IDENTITY = /\b(userName|displayName|externalId|emails(?:\.value)?)\s+eq\s+"((?:[^"\\]|\\.)*)"/gi;
const BODY_IDENTITY_KEYS = ['userName', 'displayName', 'externalId'];

export function collectIdentities(exchanges: Exchange[], table: ReplacementTable): Record<string, string> {
  const variables: Record<string, string> = {};
  const counters = new Map<string, number>();
  const add = (attribute: string, value: string, onGroups: boolean) => {
    if (value === '' || value.startsWith('[REDACTED') || table.get(value)) return;
    const caseTwin = table
      .all()
      .find(
        (r) => r.kind === 'identity' && r.original.toLowerCase() === value.toLowerCase() && !r.expression.includes('('),
      );
    if (caseTwin && value === value.toUpperCase())
      return table.add({ original: value, expression: `upper(${caseTwin.expression})`, kind: 'identity' });
    if (caseTwin && value === value.toLowerCase())
      return table.add({ original: value, expression: `lower(${caseTwin.expression})`, kind: 'identity' });
    const base = variableBase(attribute, onGroups);
    const n = (counters.get(base) ?? 0) + 1;
    counters.set(base, n);
    const name = `${base}${n}`;
    const label = `${base.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}${n}`;
    variables[name] = value.includes('@') ? `\${{ randomEmail('${label}') }}` : `\${{ uniqueName('${label}') }}`;
    table.add({ original: value, expression: name, kind: 'identity' });
  };
  for (const e of exchanges) {
    const onGroups = /^\/?Groups/i.test(e.request.path);
    for (const [name, value] of queryPairs(e.request.query)) {
      if (name !== 'filter') continue;
      for (const [, attr = '', quoted = ''] of value.matchAll(FILTER_IDENTITY))
        add(attr.replace(/\.value$/, ''), quoted.replace(/\\(.)/g, '$1'), onGroups);
    }
    for (const [attr, value] of bodyIdentities(e.request.body)) add(attr, value, onGroups);
  }
  return variables;
}

function variableBase(attribute: string, onGroups: boolean): string {
  if (attribute === 'displayName') return onGroups ? 'groupName' : 'displayName';
  if (attribute.startsWith('emails')) return 'email';
  return attribute;
}

/** Identity attributes in a resource body or in PATCH operations. */
function bodyIdentities(body: unknown): [string, string][] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const obj = body as Record<string, unknown>;
  const out: [string, string][] = [];
  const fromResource = (r: Record<string, unknown>) => {
    for (const k of BODY_IDENTITY_KEYS) if (typeof r[k] === 'string') out.push([k, r[k] as string]);
    if (Array.isArray(r.emails))
      for (const e of r.emails)
        if (e && typeof (e as { value?: unknown }).value === 'string')
          out.push(['emails', (e as { value: string }).value]);
  };
  fromResource(obj);
  if (Array.isArray(obj.Operations)) {
    for (const op of obj.Operations as Record<string, unknown>[]) {
      if (!op || typeof op !== 'object') continue;
      if (isObject(op.value)) fromResource(op.value);
      if (typeof op.path === 'string' && BODY_IDENTITY_KEYS.includes(op.path) && typeof op.value === 'string')
        out.push([op.path, op.value]);
    }
  }
  return out;
}
