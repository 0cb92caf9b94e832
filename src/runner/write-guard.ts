// The write guard denies by default. A write (POST/PUT/PATCH/DELETE) is sent only when
// it creates in a collection (`POST /Users`), searches (`POST /Users/.search`), or
// names a resource the run created (or an id made of the run's prefix, for "unknown
// id" checks that cannot exist on the server). Paths compare case-insensitively
// (`/users/x` is `/Users/x`), `/Bulk` is refused (one request, many writes) unless the suite
// declares `allowBulk: true`, and then each operation is checked (bulk-guard.ts); and every
// request, read or write, must stay under the base URL: the token never goes elsewhere.
import { guardBulkBody } from './bulk-guard.js';

const WRITE_METHODS = new Set(['PUT', 'PATCH', 'DELETE', 'POST']);

export interface BulkPermission {
  /** The suite declares `allowBulk: true`. */
  allowBulk: boolean;
  /** The body that will be sent, whose operations are checked one by one. */
  body: string | undefined;
}

export function guardWrite(
  method: string,
  path: string,
  owns: (id: string) => boolean,
  prefix: string,
  bulk?: BulkPermission,
): string | null {
  const m = method.toUpperCase();
  if (!WRITE_METHODS.has(m)) return null;
  const refuse = (why: string) => `refusing ${m} ${path}: ${why}`;
  const [pathOnly = ''] = path.split(/[?#]/, 1);
  const segments = pathOnly.split('/').filter((s) => s !== '');
  const decoded = segments.map(safeDecode);
  if (decoded.some((s) => s === undefined || s === '.' || s === '..' || s.includes('/')))
    return refuse('the path is not a plain resource path');
  const [collection, id, ...deeper] = decoded as string[];
  if (collection === undefined) return refuse('not a resource path');
  if (collection.toLowerCase() === 'bulk') {
    if (!bulk?.allowBulk)
      return refuse('bulk requests are sent only by a suite that declares allowBulk: true (each operation is checked)');
    if (m !== 'POST' || id !== undefined) return refuse('a bulk request is a POST to /Bulk');
    // each operation on its own, with no bulk permission: a Bulk inside a Bulk is refused
    const refusal = guardBulkBody(bulk.body, (opMethod, opPath) => guardWrite(opMethod, opPath, owns, prefix));
    return refusal ? refuse(refusal) : null;
  }
  if (id === undefined) return m === 'POST' ? null : refuse('a write to a whole collection');
  if (deeper.length === 0 && m === 'POST' && id.toLowerCase() === '.search') return null;
  if (deeper.length === 0) {
    if (owns(id) || id.includes(prefix)) return null;
    return refuse(`resource ${id} was not created by this run`);
  }
  return refuse('not a resource path the run created');
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

// a run has one base URL: parsed once, not for every request
let lastBase: { text: string; origin: string; pathname: string } | undefined;

function parsedBase(baseUrl: string): { origin: string; pathname: string } {
  if (lastBase?.text !== baseUrl) {
    const { origin, pathname } = new URL(baseUrl);
    lastBase = { text: baseUrl, origin, pathname };
  }
  return lastBase;
}

/** The final URL of every request stays under the base URL (same origin, same path prefix). */
export function guardTarget(url: string, baseUrl: string): string | null {
  let u: URL;
  let base: { origin: string; pathname: string };
  try {
    u = new URL(url);
    base = parsedBase(baseUrl);
  } catch {
    return 'refusing a request: not a valid URL';
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const under = u.pathname === basePath || u.pathname.startsWith(`${basePath}/`);
  if (u.origin !== base.origin || !under)
    return `refusing a request outside the base URL (${u.origin}${u.origin === base.origin ? ', path outside the base path' : ''})`;
  return null;
}
