// Turns what a server publishes at /Schemas and /ResourceTypes into a DeclaredModel.
// Tolerant on purpose: a ListResponse, a bare array or nothing at all are accepted,
// unknown members are ignored, and RFC defaults fill what a definition leaves out.
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../../scim/urns.js';
import type { DeclaredAttribute, DeclaredModel, DeclaredResourceType, DeclaredSchema } from './types.js';
import { isObject } from '../../util/object.js';

type Json = Record<string, unknown>;

/** The definitions of a ListResponse (`Resources`), a bare array, or a single definition. */
export function definitionsOf(body: unknown): Json[] {
  if (Array.isArray(body)) return body.filter(isObject);
  if (!isObject(body)) return [];
  const resources = body.Resources ?? body.resources;
  if (Array.isArray(resources)) return resources.filter(isObject);
  return 'id' in body || 'endpoint' in body ? [body] : [];
}

export function parseDeclared(schemasBody: unknown, resourceTypesBody: unknown): DeclaredModel {
  const problems: string[] = [];
  const schemas: DeclaredSchema[] = [];
  definitionsOf(schemasBody).forEach((raw, i) => {
    if (typeof raw.id !== 'string' || raw.id === '') return void problems.push(`schema ${i + 1} has no "id": skipped`);
    // No attribute list says nothing about the attributes: better unchecked than all "unknown".
    if (!Array.isArray(raw.attributes)) return void problems.push(`schema ${raw.id} has no "attributes" list: skipped`);
    const attributes = raw.attributes.filter(isObject).map(parseAttribute);
    schemas.push({ id: raw.id, name: typeof raw.name === 'string' ? raw.name : undefined, attributes });
  });
  const resourceTypes = definitionsOf(resourceTypesBody).flatMap((raw, i) => parseResourceType(raw, i, problems));
  const model: DeclaredModel = {
    schemas,
    resourceTypes: resourceTypes.length ? resourceTypes : impliedResourceTypes(schemas),
    problems,
  };
  for (const rt of model.resourceTypes) {
    for (const urn of [rt.schema, ...rt.schemaExtensions.map((e) => e.schema)]) {
      if (!findSchema(model, urn))
        problems.push(`resource type ${rt.name} names schema ${urn}, which /Schemas does not define`);
    }
  }
  return model;
}

export function findSchema(model: DeclaredModel, urn: string): DeclaredSchema | undefined {
  const wanted = urn.toLowerCase();
  return model.schemas.find((s) => s.id.toLowerCase() === wanted);
}

/** RFC defaults (§7): type string, single-valued, optional, readWrite, returned default, uniqueness none. */
export function parseAttribute(raw: Json): DeclaredAttribute {
  const sub = Array.isArray(raw.subAttributes) ? raw.subAttributes.filter(isObject).map(parseAttribute) : undefined;
  return {
    name: String(raw.name ?? ''),
    type: typeof raw.type === 'string' ? raw.type.toLowerCase() : 'string',
    multiValued: raw.multiValued === true,
    required: raw.required === true,
    caseExact: raw.caseExact === true,
    mutability: typeof raw.mutability === 'string' ? raw.mutability : 'readWrite',
    returned: typeof raw.returned === 'string' ? raw.returned.toLowerCase() : 'default',
    uniqueness: typeof raw.uniqueness === 'string' ? raw.uniqueness.toLowerCase() : 'none',
    ...(Array.isArray(raw.canonicalValues) && raw.canonicalValues.length
      ? { canonicalValues: raw.canonicalValues }
      : {}),
    ...(sub && sub.length ? { subAttributes: sub } : {}),
  };
}

function parseResourceType(raw: Json, i: number, problems: string[]): DeclaredResourceType[] {
  if (typeof raw.schema !== 'string' || typeof raw.endpoint !== 'string') {
    problems.push(`resource type ${i + 1} needs "schema" and "endpoint": skipped`);
    return [];
  }
  const extensions = Array.isArray(raw.schemaExtensions) ? raw.schemaExtensions.filter(isObject) : [];
  return [
    {
      name: typeof raw.name === 'string' ? raw.name : typeof raw.id === 'string' ? raw.id : raw.endpoint,
      endpoint: raw.endpoint.startsWith('/') ? raw.endpoint : `/${raw.endpoint}`,
      schema: raw.schema,
      schemaExtensions: extensions
        .filter((e) => typeof e.schema === 'string')
        .map((e) => ({ schema: e.schema as string, required: e.required === true })),
    },
  ];
}

/** No /ResourceTypes: assume the RFC's own User (with enterprise extension) and Group types for the schemas present. */
function impliedResourceTypes(schemas: DeclaredSchema[]): DeclaredResourceType[] {
  const has = (urn: string) => schemas.some((s) => s.id.toLowerCase() === urn.toLowerCase());
  const out: DeclaredResourceType[] = [];
  if (has(USER_SCHEMA)) {
    out.push({
      name: 'User',
      endpoint: '/Users',
      schema: USER_SCHEMA,
      schemaExtensions: has(ENTERPRISE_USER_SCHEMA) ? [{ schema: ENTERPRISE_USER_SCHEMA, required: false }] : [],
    });
  }
  if (has(GROUP_SCHEMA)) out.push({ name: 'Group', endpoint: '/Groups', schema: GROUP_SCHEMA, schemaExtensions: [] });
  return out;
}
