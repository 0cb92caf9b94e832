// One resource against the server's declared core schema and its extensions: required
// attributes present, values of the declared type and multiplicity, no attribute the
// server never declared. audit (every user and group it reads) and provision (every
// payload it would send) use it; run checks whole responses through the JSON Schema of
// the same declarations (checker.ts). Both take the types from value-types.ts.
import { GROUP_SCHEMA, USER_SCHEMA } from '../../scim/urns.js';
import { COMMON_ATTRIBUTES, type DeclaredAttribute, type DeclaredModel, type DeclaredSchema } from './types.js';
import { hasDeclaredType, isComplexType, typeName } from './value-types.js';

type Json = Record<string, unknown>;

export type ConformanceCode =
  'SERVER_SCHEMA_REQUIRED_MISSING' | 'SERVER_SCHEMA_TYPE_MISMATCH' | 'SERVER_SCHEMA_UNDECLARED';

export interface ConformanceProblem {
  code: ConformanceCode;
  attribute: string;
  value?: unknown;
  message: string;
}

/** What checking one kind needs, worked out once per model: this runs for every resource. */
interface Prepared {
  core: DeclaredSchema;
  /** lower-cased name -> definition (a later duplicate wins) */
  declared: Map<string, DeclaredAttribute>;
  required: DeclaredAttribute[];
  /** lower-cased schema URN -> its definition (the first of that URN) */
  schemas: Map<string, DeclaredSchema>;
}

const COMMON = new Set(COMMON_ATTRIBUTES.map((n) => n.toLowerCase()));
const prepared = new WeakMap<DeclaredModel, Map<string, Prepared | null>>();

/** Whether the model defines the core User or Group schema, i.e. whether there is anything to check. */
export function declaresUserOrGroup(model: DeclaredModel): boolean {
  const core = [USER_SCHEMA.toLowerCase(), GROUP_SCHEMA.toLowerCase()];
  return model.schemas.some((s) => core.includes(s.id.toLowerCase()));
}

function prepare(model: DeclaredModel, kind: 'User' | 'Group'): Prepared | undefined {
  let byKind = prepared.get(model);
  if (!byKind) prepared.set(model, (byKind = new Map()));
  let found = byKind.get(kind);
  if (found === undefined) {
    const schemas = new Map<string, DeclaredSchema>();
    for (const s of model.schemas) if (!schemas.has(s.id.toLowerCase())) schemas.set(s.id.toLowerCase(), s);
    const core = schemas.get((kind === 'User' ? USER_SCHEMA : GROUP_SCHEMA).toLowerCase());
    found = core
      ? {
          core,
          declared: new Map(core.attributes.map((a) => [a.name.toLowerCase(), a])),
          required: core.attributes.filter((a) => a.required && a.returned !== 'never'),
          schemas,
        }
      : null;
    byKind.set(kind, found);
  }
  return found ?? undefined;
}

export function checkConformance(resource: Json, kind: 'User' | 'Group', model: DeclaredModel): ConformanceProblem[] {
  const p = prepare(model, kind);
  if (!p) return [];
  const problems: ConformanceProblem[] = [];
  for (const def of p.required) {
    if (isAbsent(findValue(resource, def.name))) {
      problems.push({
        code: 'SERVER_SCHEMA_REQUIRED_MISSING',
        attribute: def.name,
        message: `${def.name} is required by the server's ${kind} schema`,
      });
    }
  }
  for (const key in resource) {
    const value = resource[key];
    const lower = key.toLowerCase();
    if (COMMON.has(lower)) continue;
    const def = p.declared.get(lower);
    if (def) {
      typeProblems(value, def, def.name, problems);
      continue;
    }
    const extension = key.startsWith('urn:') ? p.schemas.get(lower) : undefined;
    if (extension && value && typeof value === 'object') {
      for (const ext of extension.attributes) {
        const v = findValue(value as Json, ext.name);
        if (v !== undefined) typeProblems(v, ext, `${key}:${ext.name}`, problems);
      }
      continue;
    }
    problems.push({
      code: 'SERVER_SCHEMA_UNDECLARED',
      attribute: key,
      message: `${key} is not declared in the server's ${kind} schema or its extensions`,
    });
  }
  return problems;
}

// Problems are pushed into one array, and nothing is allocated for a value that is fine.
function typeProblems(value: unknown, def: DeclaredAttribute, path: string, problems: ConformanceProblem[]): void {
  if (value === null) return;
  if (def.multiValued) {
    if (!Array.isArray(value)) problems.push(mismatch(path, value, 'a multi-valued array'));
    else for (const v of value) singleTypeProblems(v, def, path, problems);
    return;
  }
  if (Array.isArray(value)) problems.push(mismatch(path, value, `a single ${typeName(def.type)}`));
  else singleTypeProblems(value, def, path, problems);
}

function singleTypeProblems(
  value: unknown,
  def: DeclaredAttribute,
  path: string,
  problems: ConformanceProblem[],
): void {
  if (isComplexType(def.type)) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(mismatch(path, value, 'a complex object'));
      return;
    }
    for (const sub of def.subAttributes ?? []) {
      const v = findValue(value as Json, sub.name);
      if (v !== undefined) typeProblems(v, sub, `${path}.${sub.name}`, problems);
    }
    return;
  }
  if (!hasDeclaredType(value, def.type)) problems.push(mismatch(path, value, typeName(def.type)));
}

function mismatch(path: string, value: unknown, expected: string): ConformanceProblem {
  return {
    code: 'SERVER_SCHEMA_TYPE_MISMATCH',
    attribute: path,
    value,
    message: `${path} should be ${expected}, got ${JSON.stringify(value)}`,
  };
}

/** Attribute names are case-insensitive (RFC 7643 §2.1); the declared spelling is tried first. */
function findValue(obj: Json, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
