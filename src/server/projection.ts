// The `attributes` and `excludedAttributes` query parameters (RFC 7644 §3.4.2.5).
import { AttrPath, findKey, parseAttrPath } from '../scim/attribute-path.js';
import type { ScimResource } from './store.js';
import { ScimHttpError } from './http-util.js';
import { copyJson, isObject } from '../util/object.js';

/** Attributes returned whatever the request asks (returned: "always"). */
const ALWAYS = ['schemas', 'id'];

export interface Projection {
  attributes?: string[];
  excluded?: string[];
}

export function projectionFrom(url: URL): Projection {
  const split = (name: string) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw.trim() === '') return undefined;
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  };
  return { attributes: split('attributes'), excluded: split('excludedAttributes') };
}

export function project(resource: ScimResource, projection: Projection): Record<string, unknown> {
  if (projection.attributes) return include(resource, projection.attributes);
  if (projection.excluded) return exclude(resource, projection.excluded);
  return resource;
}

function parse(text: string): AttrPath {
  const path = parseAttrPath(text);
  if (!path) throw new ScimHttpError(400, `invalid attribute name "${text}"`, 'invalidValue');
  return path;
}

function include(resource: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ALWAYS) if (name in resource) out[name] = resource[name];
  for (const name of names) {
    const extKey = findKey(resource, name);
    if (extKey !== undefined && /^urn:/i.test(name)) {
      out[extKey] = resource[extKey]; // a whole extension object
      continue;
    }
    const path = parse(name);
    const [source, target] = containers(resource, out, path);
    if (!source) continue;
    const key = findKey(source, path.attr);
    if (key === undefined) continue;
    if (!path.sub) {
      target[key] = source[key];
    } else {
      const picked = pickSub(source[key], path.sub, target[key]);
      if (picked !== undefined) target[key] = picked;
    }
  }
  return out;
}

/** The object holding the attribute in the resource, and the matching object in the output. */
function containers(
  resource: Record<string, unknown>,
  out: Record<string, unknown>,
  path: AttrPath,
): [Record<string, unknown> | undefined, Record<string, unknown>] {
  if (!path.schema || path.schema.toLowerCase().includes(':core:')) return [resource, out];
  const key = findKey(resource, path.schema);
  if (key === undefined || !isObject(resource[key])) return [undefined, out];
  if (!isObject(out[key])) out[key] = {};
  return [resource[key] as Record<string, unknown>, out[key] as Record<string, unknown>];
}

/** `name.givenName` or `emails.value`: keep only that sub-attribute, merging with earlier picks. */
function pickSub(value: unknown, sub: string, already: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      const prev = Array.isArray(already) && isObject(already[i]) ? already[i] : {};
      const key = isObject(item) ? findKey(item, sub) : undefined;
      return key === undefined ? prev : { ...prev, [key]: (item as Record<string, unknown>)[key] };
    });
  }
  if (!isObject(value)) return undefined;
  const key = findKey(value, sub);
  if (key === undefined) return already;
  return { ...(isObject(already) ? already : {}), [key]: value[key] };
}

function exclude(resource: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out = copyJson(resource);
  for (const name of names) {
    const extKey = findKey(out, name);
    if (extKey !== undefined && /^urn:/i.test(name)) {
      delete out[extKey];
      continue;
    }
    const path = parse(name);
    const [source] = containers(out, {}, path);
    if (!source) continue;
    const key = findKey(source, path.attr);
    if (key === undefined || (source === out && ALWAYS.includes(key))) continue;
    if (!path.sub) delete source[key];
    else
      for (const item of [source[key]].flat())
        if (isObject(item)) {
          const subKey = findKey(item, path.sub);
          if (subKey !== undefined) delete item[subKey];
        }
  }
  return out;
}
