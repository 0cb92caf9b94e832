// A `/Bulk` request is many writes in one (RFC 7644 §3.7). It is sent only by a suite that
// declares `allowBulk: true`, and then each of its operations must pass the write guard as
// if it were sent on its own. An operation may also name a resource created earlier in the
// same request (`/Users/bulkId:new-user`), when a POST of that request declares the bulkId.
import { parseJson } from '../util/json-depth.js';
import { isObject } from '../util/object.js';

const BULK_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type GuardOne = (method: string, path: string) => string | null;

/** Null when every operation of the bulk body may be sent; otherwise why not. */
export function guardBulkBody(body: string | undefined, guardOne: GuardOne): string | null {
  let parsed: unknown;
  try {
    parsed = body === undefined ? undefined : parseJson(body);
  } catch {
    parsed = undefined;
  }
  const operations = isObject(parsed) ? parsed.Operations : undefined;
  if (!Array.isArray(operations) || operations.length === 0)
    return 'the body is not a BulkRequest with Operations (each operation must be checked)';
  const declared = new Set<string>();
  for (const op of operations)
    if (isObject(op) && String(op.method).toUpperCase() === 'POST' && typeof op.bulkId === 'string')
      declared.add(op.bulkId);
  for (const [i, op] of operations.entries()) {
    const where = `operation ${i + 1}`;
    if (!isObject(op) || typeof op.method !== 'string' || typeof op.path !== 'string')
      return `${where} has no method and path`;
    const method = op.method.toUpperCase();
    if (!BULK_METHODS.has(method)) return `${where}: ${method} is not a bulk operation`;
    if (!op.path.startsWith('/') || op.path.startsWith('//'))
      return `${where}: its path must be relative to the base URL (start with one /)`;
    const bulkId = /^\/[^/?#]+\/bulkId:([^/?#]+)$/.exec(op.path)?.[1];
    if (bulkId !== undefined && method !== 'POST') {
      if (declared.has(bulkId)) continue; // created by a POST of this very request
      return `${where}: bulkId ${bulkId} is not declared by a POST of this request`;
    }
    const refusal = guardOne(method, op.path);
    if (refusal) return `${where}: ${refusal}`;
  }
  return null;
}

/** What the POST operations of a bulk answer created (`location` of a 201), to clean them up. */
export function createdByBulk(response: unknown): { type: string; id: string }[] {
  const operations = isObject(response) ? response.Operations : undefined;
  if (!Array.isArray(operations)) return [];
  const created: { type: string; id: string }[] = [];
  for (const op of operations) {
    if (!isObject(op) || String(op.method).toUpperCase() !== 'POST' || String(op.status) !== '201') continue;
    const [, collection, id] =
      (typeof op.location === 'string' && /\/(Users|Groups)\/([^/?#]+)\/?$/i.exec(op.location)) || [];
    if (collection && id)
      created.push({ type: collection.toLowerCase() === 'users' ? 'User' : 'Group', id: safeDecode(id) });
  }
  return created;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
