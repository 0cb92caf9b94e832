// SCIM attribute names and schema URNs are case-insensitive (RFC 7643 §2.1), JSON
// Schema property names are not: resources are rewritten to the declared spelling
// before validation, and null values (same as unassigned, RFC 7643 §2.5) are dropped.
import { findSchema } from './parse.js';
import { COMMON_ATTRIBUTES, type DeclaredAttribute, type DeclaredModel, type DeclaredResourceType } from './types.js';
import { isObject } from '../../util/object.js';

type Json = Record<string, unknown>;

/** What normalizing needs to know about one list of attributes, worked out once. */
interface Spelling {
  /** lower-cased name -> declared spelling (a later duplicate wins, as it always did) */
  names: Map<string, string>;
  /** declared spelling -> the first attribute of that name */
  byName: Map<string, DeclaredAttribute>;
}

interface ResourceSpelling extends Spelling {
  /** extension URN -> its attributes (the first extension of that URN) */
  extensions: Map<string, DeclaredAttribute[]>;
}

// Keyed by the model's own objects, which do not change once read: a run normalizes every
// response against the same few resource types.
const resourceSpellings = new WeakMap<DeclaredResourceType, ResourceSpelling>();
const objectSpellings = new WeakMap<DeclaredAttribute[], Spelling>();

function firstByName(attrs: DeclaredAttribute[]): Map<string, DeclaredAttribute> {
  const byName = new Map<string, DeclaredAttribute>();
  for (const a of attrs) if (!byName.has(a.name)) byName.set(a.name, a);
  return byName;
}

function resourceSpelling(rt: DeclaredResourceType, model: DeclaredModel): ResourceSpelling {
  let known = resourceSpellings.get(rt);
  if (!known) {
    const core = findSchema(model, rt.schema)?.attributes ?? [];
    const extensions = new Map<string, DeclaredAttribute[]>();
    for (const e of rt.schemaExtensions)
      if (!extensions.has(e.schema)) extensions.set(e.schema, findSchema(model, e.schema)?.attributes ?? []);
    known = {
      names: spellings([...COMMON_ATTRIBUTES, ...core.map((a) => a.name), ...rt.schemaExtensions.map((e) => e.schema)]),
      byName: firstByName(core),
      extensions,
    };
    resourceSpellings.set(rt, known);
  }
  return known;
}

function objectSpelling(attrs: DeclaredAttribute[]): Spelling {
  let known = objectSpellings.get(attrs);
  if (!known) {
    known = { names: spellings(attrs.map((a) => a.name)), byName: firstByName(attrs) };
    objectSpellings.set(attrs, known);
  }
  return known;
}

export function normalizeResource(resource: Json, rt: DeclaredResourceType, model: DeclaredModel): Json {
  const { names, byName, extensions } = resourceSpelling(rt, model);
  const out: Json = {};
  for (const key of Object.keys(resource)) {
    const value = resource[key];
    if (value === null) continue;
    const name = names.get(key.toLowerCase()) ?? key;
    const ext = extensions.get(name);
    if (ext && isObject(value)) out[name] = normalizeObject(value, ext);
    else {
      const attr = byName.get(name);
      out[name] = attr ? normalizeValue(value, attr) : value;
    }
  }
  return out;
}

function normalizeValue(value: unknown, attr: DeclaredAttribute): unknown {
  if (attr.type !== 'complex' || !attr.subAttributes) return value;
  if (Array.isArray(value)) return value.map((v) => (isObject(v) ? normalizeObject(v, attr.subAttributes!) : v));
  return isObject(value) ? normalizeObject(value, attr.subAttributes) : value;
}

function normalizeObject(obj: Json, attrs: DeclaredAttribute[]): Json {
  const { names, byName } = objectSpelling(attrs);
  const out: Json = {};
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (value === null) continue;
    const name = names.get(key.toLowerCase()) ?? key;
    const attr = byName.get(name);
    out[name] = attr ? normalizeValue(value, attr) : value;
  }
  return out;
}

function spellings(names: string[]): Map<string, string> {
  return new Map(names.map((n) => [n.toLowerCase(), n]));
}
