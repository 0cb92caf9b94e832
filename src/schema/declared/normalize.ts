// SCIM attribute names and schema URNs are case-insensitive (RFC 7643 §2.1), JSON
// Schema property names are not: resources are rewritten to the declared spelling
// before validation, and null values (same as unassigned, RFC 7643 §2.5) are dropped.
import { findSchema } from './parse.js';
import { COMMON_ATTRIBUTES, type DeclaredAttribute, type DeclaredModel, type DeclaredResourceType } from './types.js';
import { isObject } from '../../util/object.js';

type Json = Record<string, unknown>;

export function normalizeResource(resource: Json, rt: DeclaredResourceType, model: DeclaredModel): Json {
  const core = findSchema(model, rt.schema)?.attributes ?? [];
  const names = spellings([
    ...COMMON_ATTRIBUTES,
    ...core.map((a) => a.name),
    ...rt.schemaExtensions.map((e) => e.schema),
  ]);
  const out: Json = {};
  for (const [key, value] of Object.entries(resource)) {
    if (value === null) continue;
    const name = names.get(key.toLowerCase()) ?? key;
    const ext = rt.schemaExtensions.find((e) => e.schema === name);
    if (ext && isObject(value)) out[name] = normalizeObject(value, findSchema(model, ext.schema)?.attributes ?? []);
    else {
      const attr = core.find((a) => a.name === name);
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
  const names = spellings(attrs.map((a) => a.name));
  const out: Json = {};
  for (const [key, value] of Object.entries(obj)) {
    if (value === null) continue;
    const name = names.get(key.toLowerCase()) ?? key;
    const attr = attrs.find((a) => a.name === name);
    out[name] = attr ? normalizeValue(value, attr) : value;
  }
  return out;
}

function spellings(names: string[]): Map<string, string> {
  return new Map(names.map((n) => [n.toLowerCase(), n]));
}
