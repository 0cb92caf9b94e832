import { isObject } from '../util/object.js';
// SCIM attribute paths ("userName", "name.givenName", "urn:...:User:employeeNumber")
// and case-insensitive access to them. Shared by the filter matcher, PATCH and
// attribute projection, so that every part of the product resolves names the same way.

export interface AttrPath {
  /** Schema URN prefix as written, if any (e.g. the enterprise extension URN). */
  schema?: string;
  /** Top-level attribute name as written. */
  attr: string;
  /** Sub-attribute name as written, if any. */
  sub?: string;
}

const NAME_RE = /^[A-Za-z$][\w$-]*$/;

/**
 * Parse an attribute path. A URN prefix is everything up to the last ':'.
 * Returns undefined when the text is not a valid path.
 */
export function parseAttrPath(text: string): AttrPath | undefined {
  let schema: string | undefined;
  let rest = text;
  if (/^urn:/i.test(text)) {
    const cut = text.lastIndexOf(':');
    schema = text.slice(0, cut);
    rest = text.slice(cut + 1);
  }
  const parts = rest.split('.');
  const [attr, sub] = parts;
  if (attr === undefined || parts.length > 2 || !parts.every((p) => NAME_RE.test(p))) return undefined;
  return { schema, attr, sub };
}

/** Lower-case dotted name without the URN ("name.givenname"), for lookups in sets. */
export function pathKey(path: AttrPath): string {
  return (path.sub ? `${path.attr}.${path.sub}` : path.attr).toLowerCase();
}

/** The actual key in `obj` that matches `name`: the exact key if present, else one that matches case-insensitively. Own keys only. */
export function findKey(obj: Record<string, unknown>, name: string): string | undefined {
  if (Object.hasOwn(obj, name)) return name; // not `in`: "constructor" is no attribute of a JSON object
  const lower = name.toLowerCase();
  // A miss is the common case (an optional attribute not set) and runs for every resource an
  // audit reads: a key that lower-cases to an ASCII name has that name's length, so other
  // lengths are skipped without lower-casing them (and no key array is made).
  const sameLength = ASCII.test(lower);
  for (const k in obj) {
    if (sameLength && k.length !== lower.length) continue;
    if (Object.hasOwn(obj, k) && k.toLowerCase() === lower) return k;
  }
  return undefined;
}

const ASCII = /^[\x00-\x7f]*$/;

export function getCi(obj: unknown, name: string): unknown {
  if (!isObject(obj)) return undefined;
  const key = findKey(obj, name);
  return key === undefined ? undefined : obj[key];
}

/**
 * The object that holds the path's top-level attribute: the extension object when the
 * URN names a key present on the resource, else the resource itself (core schema URN).
 */
export function containerFor(
  resource: Record<string, unknown>,
  path: AttrPath,
  create = false,
): Record<string, unknown> | undefined {
  if (!path.schema) return resource;
  const key = findKey(resource, path.schema);
  if (key !== undefined) {
    const inner = resource[key];
    return isObject(inner) ? inner : undefined;
  }
  if (isCoreSchemaOf(resource, path.schema)) return resource;
  if (!create) return undefined;
  const fresh: Record<string, unknown> = {};
  resource[path.schema] = fresh;
  return fresh;
}

/** True when `urn` is a core (non-extension) schema: its attributes live at the top level. */
function isCoreSchemaOf(resource: Record<string, unknown>, urn: string): boolean {
  const lower = urn.toLowerCase();
  if (lower.includes(':core:')) return true;
  const schemas = getCi(resource, 'schemas');
  return (
    Array.isArray(schemas) &&
    schemas.length > 0 &&
    String(schemas[0]).toLowerCase() === lower &&
    !lower.includes(':extension:')
  );
}

/**
 * Every value the path reaches, flattened over multi-valued attributes:
 * `emails.value` on two emails gives both values. Absent values are skipped.
 */
export function valuesAt(resource: unknown, path: AttrPath): unknown[] {
  if (!isObject(resource)) return [];
  const container = containerFor(resource, path);
  const top = getCi(container, path.attr);
  const tops = Array.isArray(top) ? top : top === undefined ? [] : [top];
  if (!path.sub) return tops.filter((v) => v !== null && v !== undefined);
  const out: unknown[] = [];
  for (const item of tops) {
    const v = getCi(item, path.sub);
    if (Array.isArray(v)) out.push(...v);
    else if (v !== undefined && v !== null) out.push(v);
  }
  return out;
}
