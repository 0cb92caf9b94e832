// One resource against the server's declared core schema and its extensions: required
// attributes present, values of the declared type and multiplicity, no attribute the
// server never declared. audit (every user and group it reads) and provision (every
// payload it would send) use it; run checks whole responses through the JSON Schema of
// the same declarations (checker.ts). Both take the types from value-types.ts.
import { GROUP_SCHEMA, USER_SCHEMA } from '../../scim/urns.js';
// attribute names are case-insensitive (RFC 7643 §2.1): the declared spelling first, then any other
import { getCi } from '../../scim/attribute-path.js';
import { COMMON_ATTRIBUTES, type DeclaredAttribute, type DeclaredModel } from './types.js';
import { isComplexType, typeName, typeTest } from './value-types.js';

type Json = Record<string, unknown>;

export type ConformanceCode =
  'SERVER_SCHEMA_REQUIRED_MISSING' | 'SERVER_SCHEMA_TYPE_MISMATCH' | 'SERVER_SCHEMA_UNDECLARED';

export interface ConformanceProblem {
  code: ConformanceCode;
  attribute: string;
  value?: unknown;
  message: string;
}

/** A declared attribute with what checking a value needs, worked out once. */
interface Attr {
  name: string;
  multiValued: boolean;
  complex: boolean;
  /** The RFC spelling of its type, for messages. */
  typeName: string;
  hasType: (value: unknown) => boolean;
  subs?: Fields;
}

/** One list of declared attributes (a schema's, or a complex attribute's sub-attributes). */
interface Fields {
  attrs: Attr[];
  /** The declared spellings: an object whose keys are all among them needs no case-insensitive search. */
  exact: Set<string>;
}

/** What a key of a resource is, by its exact spelling: keys repeat from one resource to the next. */
type KeyRole =
  { role: 'common' } | { role: 'declared'; attr: Attr } | { role: 'extension'; fields: Fields } | { role: 'other' };

/** What checking one kind needs, worked out once per model: this runs for every resource. */
interface Prepared {
  required: DeclaredAttribute[];
  /** lower-cased name -> attribute (a later duplicate wins) */
  declared: Map<string, Attr>;
  /** lower-cased schema URN -> its attributes (the first schema of that URN) */
  schemas: Map<string, Fields>;
  /** exact key -> its role; bounded, so odd keys cannot make it grow without end */
  roles: Map<string, KeyRole>;
}

const COMMON = new Set(COMMON_ATTRIBUTES.map((n) => n.toLowerCase()));
const MAX_ROLES = 1024;
const prepared = new WeakMap<DeclaredModel, Map<string, Prepared | null>>();

function fields(defs: DeclaredAttribute[]): Fields {
  return { attrs: defs.map(compile), exact: new Set(defs.map((a) => a.name)) };
}

function compile(def: DeclaredAttribute): Attr {
  const complex = isComplexType(def.type);
  return {
    name: def.name,
    multiValued: def.multiValued,
    complex,
    typeName: typeName(def.type),
    hasType: typeTest(def.type),
    ...(complex && def.subAttributes ? { subs: fields(def.subAttributes) } : {}),
  };
}

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
    const schemas = new Map<string, Fields>();
    for (const s of model.schemas)
      if (!schemas.has(s.id.toLowerCase())) schemas.set(s.id.toLowerCase(), fields(s.attributes));
    const coreId = (kind === 'User' ? USER_SCHEMA : GROUP_SCHEMA).toLowerCase();
    const core = model.schemas.find((s) => s.id.toLowerCase() === coreId);
    const attrs = schemas.get(coreId)?.attrs ?? [];
    found = core
      ? {
          required: core.attributes.filter((a) => a.required && a.returned !== 'never'),
          declared: new Map(attrs.map((a) => [a.name.toLowerCase(), a])),
          schemas,
          roles: new Map(),
        }
      : null;
    byKind.set(kind, found);
  }
  return found ?? undefined;
}

function roleOf(p: Prepared, key: string): KeyRole {
  let role = p.roles.get(key);
  if (role) return role;
  const lower = key.toLowerCase();
  const attr = p.declared.get(lower);
  const ext = key.startsWith('urn:') ? p.schemas.get(lower) : undefined;
  role = COMMON.has(lower)
    ? { role: 'common' }
    : attr
      ? { role: 'declared', attr }
      : ext
        ? { role: 'extension', fields: ext }
        : { role: 'other' };
  if (p.roles.size >= MAX_ROLES) p.roles.clear();
  p.roles.set(key, role);
  return role;
}

export function checkConformance(resource: Json, kind: 'User' | 'Group', model: DeclaredModel): ConformanceProblem[] {
  const p = prepare(model, kind);
  if (!p) return [];
  const problems: ConformanceProblem[] = [];
  for (const def of p.required) {
    if (isAbsent(getCi(resource, def.name))) {
      problems.push({
        code: 'SERVER_SCHEMA_REQUIRED_MISSING',
        attribute: def.name,
        message: `${def.name} is required by the server's ${kind} schema`,
      });
    }
  }
  for (const key in resource) {
    const value = resource[key];
    const r = roleOf(p, key);
    if (r.role === 'common') continue;
    if (r.role === 'declared') {
      typeProblems(value, r.attr, '', problems);
      continue;
    }
    if (r.role === 'extension' && value && typeof value === 'object') {
      presentProblems(value as Json, r.fields, `${key}:`, problems);
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

/** Each declared attribute present in `obj`, in declared order; paths are `prefix` + name. */
function presentProblems(obj: Json, f: Fields, prefix: string, problems: ConformanceProblem[]): void {
  let exactOnly = true;
  for (const key in obj) {
    if (!f.exact.has(key)) {
      exactOnly = false;
      break;
    }
  }
  for (const attr of f.attrs) {
    // all keys spelled as declared: an attribute not found by its name is absent
    const v = exactOnly ? obj[attr.name] : getCi(obj, attr.name);
    if (v !== undefined) typeProblems(v, attr, prefix, problems);
  }
}

// Problems are pushed into one array, and nothing is allocated for a value that is fine
// (not even its path, which is `prefix` + the attribute's name).
function typeProblems(value: unknown, attr: Attr, prefix: string, problems: ConformanceProblem[]): void {
  if (value === null) return;
  if (attr.multiValued) {
    if (!Array.isArray(value)) problems.push(mismatch(prefix + attr.name, value, 'a multi-valued array'));
    else for (const v of value) singleTypeProblems(v, attr, prefix, problems);
    return;
  }
  if (Array.isArray(value)) problems.push(mismatch(prefix + attr.name, value, `a single ${attr.typeName}`));
  else singleTypeProblems(value, attr, prefix, problems);
}

function singleTypeProblems(value: unknown, attr: Attr, prefix: string, problems: ConformanceProblem[]): void {
  if (attr.complex) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(mismatch(prefix + attr.name, value, 'a complex object'));
      return;
    }
    if (attr.subs) presentProblems(value as Json, attr.subs, `${prefix}${attr.name}.`, problems);
    return;
  }
  if (!attr.hasType(value)) problems.push(mismatch(prefix + attr.name, value, attr.typeName));
}

function mismatch(path: string, value: unknown, expected: string): ConformanceProblem {
  return {
    code: 'SERVER_SCHEMA_TYPE_MISMATCH',
    attribute: path,
    value,
    message: `${path} should be ${expected}, got ${JSON.stringify(value)}`,
  };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
