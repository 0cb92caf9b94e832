// The value-handling deviations of /Users (quirks create-rejects-empty-strings,
// rejects-non-latin-names, lowercase-emails, truncate-long-strings): what a staging
// server does to real directory data that test users never show.
import type { RequestContext } from './http-util.js';
import { ScimHttpError } from './http-util.js';
import { isObject } from '../util/object.js';

type Obj = Record<string, unknown>;
/** Beyond Latin (basic, supplement, extended A/B) and general punctuation. */
const NON_LATIN = /[^\u0000-\u024F\u1E00-\u1EFF\u2000-\u206F]/u;
const NOT_TRUNCATED = new Set(['schemas', 'userName', 'externalId']);

export function applyValueQuirks(ctx: RequestContext, data: Obj, creating: boolean): void {
  if (creating && ctx.quirks.has('create-rejects-empty-strings')) {
    const path = emptyStringPath(data, '');
    if (path) throw new ScimHttpError(400, `${path} must not be an empty string`, 'invalidValue');
  }
  if (ctx.quirks.has('rejects-non-latin-names')) {
    const names = [
      ...Object.entries(isObject(data.name) ? data.name : {}).map(([k, v]) => [`name.${k}`, v] as const),
      ['displayName', data.displayName] as const,
    ];
    const bad = names.find(([, v]) => typeof v === 'string' && NON_LATIN.test(v));
    if (bad)
      throw new ScimHttpError(400, `${bad[0]} "${String(bad[1])}" must be written in Latin characters`, 'invalidValue');
  }
  if (ctx.quirks.has('lowercase-emails') && Array.isArray(data.emails)) {
    for (const e of data.emails) if (isObject(e) && typeof e.value === 'string') e.value = e.value.toLowerCase();
  }
  if (ctx.quirks.has('truncate-long-strings')) {
    const n = Number(ctx.quirks.param('truncate-long-strings') ?? 40);
    truncate(data, Number.isInteger(n) && n > 0 ? n : 40, true);
  }
}

/** Path of the first empty string, written as SCIM writes it (`urn:…:User:department`). */
function emptyStringPath(value: unknown, path: string): string | undefined {
  if (value === '') return path;
  if (Array.isArray(value)) {
    for (const v of value) {
      const hit = emptyStringPath(v, path);
      if (hit) return hit;
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const sep =
        path === ''
          ? ''
          : path.startsWith('urn:') && !path.slice(path.lastIndexOf(':')).includes('.') && path.endsWith('User')
            ? ':'
            : '.';
      const hit = emptyStringPath(v, `${path}${sep}${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

function truncate(obj: Obj, n: number, top: boolean): void {
  for (const [k, v] of Object.entries(obj)) {
    if (top && NOT_TRUNCATED.has(k)) continue;
    if (typeof v === 'string' && Array.from(v).length > n) obj[k] = Array.from(v).slice(0, n).join('');
    else if (isObject(v)) truncate(v, n, false);
    else if (Array.isArray(v)) for (const el of v) if (isObject(el)) truncate(el, n, false);
  }
}
