// Declarations JSON Schema cannot express because they depend on the request:
// returned (never/always), mutability (writeOnly never returned, readOnly not taken
// from the client), canonicalValues and uniqueness. Each rule returns the dotted
// paths that contradict the declaration, on an already normalized resource.
import { isDeepStrictEqual } from 'node:util';
import { findSchema } from './parse.js';
import type { DeclaredAttribute, DeclaredModel, DeclaredResourceType } from './types.js';
import { isObject } from '../../util/object.js';

type Json = Record<string, unknown>;
type Visit = (attr: DeclaredAttribute, value: unknown, path: string, parentPresent: boolean) => void;

/** The core schema's attributes, then each extension's (under its URN): found once per resource type. */
const partsOf = new WeakMap<DeclaredResourceType, { schema?: string; attrs: DeclaredAttribute[] }[]>();

function declaredParts(
  rt: DeclaredResourceType,
  model: DeclaredModel,
): { schema?: string; attrs: DeclaredAttribute[] }[] {
  let parts = partsOf.get(rt);
  if (!parts) {
    parts = [
      { attrs: findSchema(model, rt.schema)?.attributes ?? [] },
      ...rt.schemaExtensions.map((ext) => ({
        schema: ext.schema,
        attrs: findSchema(model, ext.schema)?.attributes ?? [],
      })),
    ];
    partsOf.set(rt, parts);
  }
  return parts;
}

/** Every declared attribute (core, extension, sub-attribute) with its value in `resource` (undefined when absent). */
export function eachDeclared(resource: Json, rt: DeclaredResourceType, model: DeclaredModel, visit: Visit): void {
  for (const { schema, attrs } of declaredParts(rt, model)) {
    if (schema === undefined) {
      walk(resource, attrs, '', true, visit);
      continue;
    }
    const obj = resource[schema];
    walk(isObject(obj) ? obj : {}, attrs, `${schema}:`, isObject(obj), visit);
  }
}

export interface ResponseRuleFindings {
  returnedNever: string[];
  writeOnlyReturned: string[];
  returnedAlwaysMissing: string[];
  nonCanonicalValues: string[];
}

/**
 * returnedNever, writeOnlyReturned, returnedAlwaysMissing and nonCanonicalValues of one
 * response resource in one walk (each list as its own function gives it).
 */
export function responseRuleFindings(
  resource: Json,
  rt: DeclaredResourceType,
  model: DeclaredModel,
): ResponseRuleFindings {
  const found: ResponseRuleFindings = {
    returnedNever: [],
    writeOnlyReturned: [],
    returnedAlwaysMissing: [],
    nonCanonicalValues: [],
  };
  eachDeclared(resource, rt, model, (a, v, path, parentPresent) => {
    if (v === undefined) {
      if (parentPresent && a.returned === 'always') found.returnedAlwaysMissing.push(path);
      return;
    }
    if (a.returned === 'never') found.returnedNever.push(path);
    else if (a.mutability.toLowerCase() === 'writeonly') found.writeOnlyReturned.push(path);
    if (a.canonicalValues && a.type !== 'complex') canonicalCheck(a, v, path, found.nonCanonicalValues);
  });
  return found;
}

function walk(obj: Json, attrs: DeclaredAttribute[], prefix: string, present: boolean, visit: Visit): void {
  for (const attr of attrs) {
    const value = obj[attr.name];
    const path = `${prefix}${attr.name}`;
    visit(attr, value, path, present);
    if (!attr.subAttributes || value === undefined) continue;
    if (Array.isArray(value))
      value.forEach((v, i) => isObject(v) && walk(v, attr.subAttributes!, `${path}[${i}].`, true, visit));
    else if (isObject(value)) walk(value, attr.subAttributes, `${path}.`, true, visit);
  }
}

export function returnedNever(resource: Json, rt: DeclaredResourceType, model: DeclaredModel): string[] {
  const out: string[] = [];
  eachDeclared(resource, rt, model, (a, v, path) => v !== undefined && a.returned === 'never' && out.push(path));
  return out;
}

/** writeOnly values SHALL NOT be returned (RFC 7643 §7); those also `returned: never` are reported by returnedNever. */
export function writeOnlyReturned(resource: Json, rt: DeclaredResourceType, model: DeclaredModel): string[] {
  const out: string[] = [];
  eachDeclared(
    resource,
    rt,
    model,
    (a, v, path) =>
      v !== undefined && a.mutability.toLowerCase() === 'writeonly' && a.returned !== 'never' && out.push(path),
  );
  return out;
}

/** `returned: always` attributes missing, whatever `attributes`/`excludedAttributes` asked (sub-attributes only inside a present parent). */
export function returnedAlwaysMissing(resource: Json, rt: DeclaredResourceType, model: DeclaredModel): string[] {
  const out: string[] = [];
  eachDeclared(
    resource,
    rt,
    model,
    (a, v, path, parentPresent) => parentPresent && v === undefined && a.returned === 'always' && out.push(path),
  );
  return out;
}

export function nonCanonicalValues(resource: Json, rt: DeclaredResourceType, model: DeclaredModel): string[] {
  const out: string[] = [];
  eachDeclared(resource, rt, model, (a, v, path) => {
    if (!a.canonicalValues || v === undefined || a.type === 'complex') return;
    canonicalCheck(a, v, path, out);
  });
  return out;
}

function canonicalCheck(a: DeclaredAttribute, v: unknown, path: string, out: string[]): void {
  const canonical = a.canonicalValues ?? [];
  const values = Array.isArray(v) ? v : [v];
  const allowed = canonical.map((c) => (a.caseExact ? String(c) : String(c).toLowerCase()));
  for (const one of values) {
    const text = a.caseExact ? String(one) : String(one).toLowerCase();
    if (!allowed.includes(text))
      out.push(`${path}=${JSON.stringify(one)} (declared: ${canonical.map(String).join(', ')})`);
  }
}

/**
 * readOnly values the client sent and the response carries unchanged: the server
 * took them from the client (RFC 7644 §3.5.1: readOnly values provided SHALL be ignored).
 * Only non-empty leaf values count; an equal value the server computed itself is possible, hence `should`.
 */
export function readOnlyEchoed(sent: Json, returned: Json, rt: DeclaredResourceType, model: DeclaredModel): string[] {
  const got = new Map<string, unknown>();
  eachDeclared(returned, rt, model, (_a, v, path) => v !== undefined && got.set(path, v));
  const out: string[] = [];
  eachDeclared(sent, rt, model, (a, v, path) => {
    if (a.mutability.toLowerCase() !== 'readonly' || isEmpty(v) || a.subAttributes) return;
    if (got.has(path) && isDeepStrictEqual(got.get(path), v)) out.push(`${path}=${JSON.stringify(v)}`);
  });
  return out;
}

/** Values of `uniqueness: server|global` single-valued attributes shared by two resources of one list. */
export function duplicateUniqueValues(resources: Json[], rt: DeclaredResourceType, model: DeclaredModel): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  resources.forEach((resource, index) => {
    eachDeclared(resource, rt, model, (a, v, path) => {
      if (a.uniqueness === 'none' || a.multiValued || v === undefined || typeof v === 'object') return;
      const key = `${path}\u0000${a.caseExact ? String(v) : String(v).toLowerCase()}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else if (first !== index)
        out.push(`Resources[${first}] and Resources[${index}] share ${path}=${JSON.stringify(v)}`);
    });
  });
  return out;
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0)
  );
}
