// Shapes client input to the server's schemas: canonical attribute names (input names are
// case-insensitive), readOnly and unknown attributes dropped, null meaning "unassigned",
// value types checked. Used for POST, PUT and the result of PATCH.
import { findKey } from '../scim/attribute-path.js';
import type { AttributeDef, SchemaDef } from './schema-defs.js';
import { ScimHttpError } from './http-util.js';
import { isObject } from '../util/object.js';

/** Common attributes (RFC 7643 §3.1) that live outside every schema's attribute list. */
const COMMON_KEPT = ['externalId'];

export interface ShapedResource {
  data: Record<string, unknown>;
  /** writeOnly password, kept apart so it is never returned. */
  password?: string;
}

/** `notRequired`: attributes a quirk lets the client leave out although the schema requires them. */
export function shapeResource(
  input: unknown,
  core: SchemaDef,
  extensions: SchemaDef[],
  notRequired: string[] = [],
): ShapedResource {
  if (!isObject(input)) throw new ScimHttpError(400, 'the request body must be a JSON object', 'invalidSyntax');
  checkSchemasMember(input, core);
  const data: Record<string, unknown> = {};
  const schemas = [core.id];
  for (const common of COMMON_KEPT) {
    const key = findKey(input, common);
    if (key !== undefined && input[key] !== null) data[common] = checkSimple(input[key], 'string', common);
  }
  Object.assign(data, shapeAttributes(input, core.attributes, ''));
  for (const ext of extensions) {
    const key = findKey(input, ext.id);
    if (key === undefined || input[key] === null) continue;
    if (!isObject(input[key])) throw new ScimHttpError(400, `${ext.id} must be an object`, 'invalidValue');
    const shaped = shapeAttributes(input[key] as Record<string, unknown>, ext.attributes, `${ext.id}:`);
    if (Object.keys(shaped).length > 0) {
      data[ext.id] = shaped;
      schemas.push(ext.id);
    }
  }
  for (const def of core.attributes) {
    if (def.required && isMissing(data[def.name]) && !notRequired.includes(def.name)) {
      throw new ScimHttpError(400, `required attribute ${def.name} is missing or empty`, 'invalidValue');
    }
  }
  const passwordKey = findKey(input, 'password');
  const password = core.attributes.some((a) => a.name === 'password') && passwordKey ? input[passwordKey] : undefined;
  delete data.password;
  return { data: { schemas, ...data }, password: typeof password === 'string' ? password : undefined };
}

function checkSchemasMember(input: Record<string, unknown>, core: SchemaDef): void {
  const key = findKey(input, 'schemas');
  if (key === undefined) return; // tolerated: the endpoint already says what the resource is
  const schemas = input[key];
  if (!Array.isArray(schemas) || !schemas.every((s) => typeof s === 'string')) {
    throw new ScimHttpError(400, 'schemas must be an array of URN strings', 'invalidSyntax');
  }
  if (!schemas.some((s) => (s as string).toLowerCase() === core.id.toLowerCase())) {
    throw new ScimHttpError(400, `schemas must contain ${core.id}`, 'invalidValue');
  }
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function shapeAttributes(
  input: Record<string, unknown>,
  defs: AttributeDef[],
  prefix: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    const key = findKey(input, def.name);
    if (key === undefined || def.mutability === 'readOnly') continue;
    const value = shapeValue(input[key], def, prefix + def.name);
    if (value !== undefined) out[def.name] = value;
  }
  return out;
}

function shapeValue(value: unknown, def: AttributeDef, where: string): unknown {
  if (value === null) return undefined;
  if (def.multiValued) {
    const items = Array.isArray(value) ? value : [value];
    const shaped = items.map((item) => shapeSingle(item, def, where)).filter((v) => v !== undefined);
    return shaped.length > 0 ? shaped : undefined;
  }
  if (Array.isArray(value)) throw new ScimHttpError(400, `${where} is single-valued but got an array`, 'invalidValue');
  return shapeSingle(value, def, where);
}

function shapeSingle(value: unknown, def: AttributeDef, where: string): unknown {
  if (value === null) return undefined;
  if (def.type !== 'complex') return checkSimple(value, def.type, where);
  if (!isObject(value)) throw new ScimHttpError(400, `${where} must be an object`, 'invalidValue');
  const shaped = shapeAttributes(value, def.subAttributes ?? [], `${where}.`);
  return Object.keys(shaped).length > 0 ? shaped : undefined;
}

function checkSimple(value: unknown, type: AttributeDef['type'], where: string): unknown {
  switch (type) {
    case 'boolean':
      // Some clients send "True"/"false" strings; accept them, store real booleans.
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      if (typeof value === 'boolean') return value;
      break;
    case 'integer':
      if (Number.isInteger(value)) return value;
      break;
    case 'decimal':
      if (typeof value === 'number') return value;
      break;
    default:
      if (typeof value === 'string') return value;
  }
  throw new ScimHttpError(400, `${where} must be of type ${type}`, 'invalidValue');
}
