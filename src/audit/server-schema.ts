// The server's own /Schemas (RFC 7643 §7), when it publishes them: each resource is
// checked against what the server says about itself (required attributes, value types,
// attributes it never declared). A server without /Schemas simply skips these rules.
import { joinUrl } from '../http/url.js';
import { GROUP_SCHEMA, USER_SCHEMA } from '../scim/urns.js';
import { getWithRetry, type FetchContext } from './fetch-with-retry.js';
import type { AuditRuleCode } from './rules.js';
import { parseJson } from '../util/json-depth.js';
import { TokenRejectedError } from '../errors.js';

type ScimObject = Record<string, unknown>;

interface AttrDef {
  name: string;
  type: string;
  multiValued?: boolean;
  required?: boolean;
  returned?: string;
  mutability?: string;
  subAttributes?: AttrDef[];
}

interface SchemaDoc {
  id: string;
  attributes: AttrDef[];
}

export interface SchemaProblem {
  code: AuditRuleCode;
  attribute: string;
  value?: unknown;
  message: string;
}

export interface ServerSchemas {
  byId: Map<string, SchemaDoc>;
}

const COMMON_ATTRIBUTES = new Set(['id', 'externalid', 'meta', 'schemas']);

/** GET /Schemas; undefined when the server does not publish usable definitions. */
export async function loadServerSchemas(fetch: FetchContext, baseUrl: string): Promise<ServerSchemas | undefined> {
  let body: unknown;
  try {
    const { response } = await getWithRetry(fetch, joinUrl(baseUrl, '/Schemas'));
    // a rejected token is not "no /Schemas": say it the way run and test-credentials do
    if (response.status === 401 || response.status === 403)
      throw new TokenRejectedError(response.status, 'GET /Schemas');
    if (response.status !== 200) return undefined;
    body = parseJson(response.bodyText);
  } catch (err) {
    if (err instanceof SyntaxError) return undefined;
    throw err;
  }
  const obj = body as ScimObject | null;
  const list = Array.isArray(body) ? body : obj?.Resources;
  if (!Array.isArray(list)) return undefined;
  return serverSchemasFrom(list);
}

/** Schema definitions from /Schemas or from a --schemas file (already validated there). */
export function serverSchemasFrom(list: readonly unknown[]): ServerSchemas | undefined {
  const byId = new Map<string, SchemaDoc>();
  for (const doc of list as ScimObject[]) {
    if (doc && typeof doc === 'object' && typeof doc.id === 'string' && Array.isArray(doc.attributes))
      byId.set(doc.id.toLowerCase(), doc as unknown as SchemaDoc);
  }
  return byId.has(USER_SCHEMA.toLowerCase()) || byId.has(GROUP_SCHEMA.toLowerCase()) ? { byId } : undefined;
}

export function checkServerSchema(
  resource: ScimObject,
  kind: 'User' | 'Group',
  schemas: ServerSchemas,
): SchemaProblem[] {
  const core = schemas.byId.get((kind === 'User' ? USER_SCHEMA : GROUP_SCHEMA).toLowerCase());
  if (!core) return [];
  const problems: SchemaProblem[] = [];
  const declared = declaredAttributes(core);
  for (const def of core.attributes) {
    if (def.required && def.returned !== 'never' && isAbsent(findValue(resource, def.name))) {
      problems.push({
        code: 'SERVER_SCHEMA_REQUIRED_MISSING',
        attribute: def.name,
        message: `${def.name} is required by the server's ${kind} schema`,
      });
    }
  }
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (COMMON_ATTRIBUTES.has(lower)) continue;
    const def = declared.get(lower);
    if (def) {
      typeProblems(value, def, Boolean(def.multiValued), def.name, problems);
      continue;
    }
    const extension = key.startsWith('urn:') ? schemas.byId.get(lower) : undefined;
    if (extension && value && typeof value === 'object') {
      for (const ext of extension.attributes) {
        const v = findValue(value as ScimObject, ext.name);
        if (v !== undefined) typeProblems(v, ext, Boolean(ext.multiValued), `${key}:${ext.name}`, problems);
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

const DECLARED = new WeakMap<SchemaDoc, Map<string, AttrDef>>();

/** Lower-cased name -> definition, built once per schema (this runs for every resource). */
function declaredAttributes(doc: SchemaDoc): Map<string, AttrDef> {
  let map = DECLARED.get(doc);
  if (!map) {
    map = new Map(doc.attributes.map((a) => [a.name.toLowerCase(), a]));
    DECLARED.set(doc, map);
  }
  return map;
}

// These run for every attribute of every resource an audit reads: problems are pushed into
// one array, and nothing is allocated for a value that is fine.
function typeProblems(
  value: unknown,
  def: AttrDef,
  multiValued: boolean,
  path: string,
  problems: SchemaProblem[],
): void {
  if (value === null) return;
  if (multiValued) {
    if (!Array.isArray(value)) problems.push(mismatch(path, value, 'a multi-valued array'));
    else for (const v of value) singleTypeProblems(v, def, path, problems);
    return;
  }
  if (Array.isArray(value)) problems.push(mismatch(path, value, `a single ${def.type}`));
  else singleTypeProblems(value, def, path, problems);
}

function singleTypeProblems(value: unknown, def: AttrDef, path: string, problems: SchemaProblem[]): void {
  if (def.type === 'complex') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(mismatch(path, value, 'a complex object'));
      return;
    }
    for (const sub of def.subAttributes ?? []) {
      const v = findValue(value as ScimObject, sub.name);
      if (v !== undefined) typeProblems(v, sub, Boolean(sub.multiValued), `${path}.${sub.name}`, problems);
    }
    return;
  }
  if (!hasType(value, def.type)) problems.push(mismatch(path, value, def.type));
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'decimal':
      return typeof value === 'number';
    case 'dateTime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    default: // string, reference, binary
      return typeof value === 'string';
  }
}

function mismatch(path: string, value: unknown, expected: string): SchemaProblem {
  return {
    code: 'SERVER_SCHEMA_TYPE_MISMATCH',
    attribute: path,
    value,
    message: `${path} should be ${expected}, got ${JSON.stringify(value)}`,
  };
}

function findValue(obj: ScimObject, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
