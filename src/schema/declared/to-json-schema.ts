// A declared resource type (core schema + extensions) as a JSON Schema for ajv:
// types, multiValued, required attributes and sub-attributes, and additionalProperties
// false so that an attribute the server never declared is reported. Resources are
// first normalized (see normalize.ts), so property names here are the declared ones.
// Returned/mutability/canonicalValues/uniqueness need the request, so rules.ts checks them.
import type { AnySchemaObject } from 'ajv';
import { findSchema } from './parse.js';
import {
  COMMON_ATTRIBUTES,
  DEFAULT_MULTI_VALUED_SUBS,
  type DeclaredAttribute,
  type DeclaredModel,
  type DeclaredResourceType,
} from './types.js';
import { isComplexType, scalarSchema } from './value-types.js';

/** The JSON Schema of one value of `attr` (arrays for multi-valued attributes). */
export function attributeSchema(attr: DeclaredAttribute): AnySchemaObject {
  const one = isComplexType(attr.type) ? complexSchema(attr) : scalarSchema(attr.type);
  return attr.multiValued ? { type: 'array', items: one } : one;
}

function complexSchema(attr: DeclaredAttribute): AnySchemaObject {
  const subs = attr.subAttributes ?? [];
  const properties: Record<string, AnySchemaObject> = {};
  // RFC 7643 §2.4: multi-valued attributes may carry these without declaring them.
  if (attr.multiValued) for (const name of DEFAULT_MULTI_VALUED_SUBS) properties[name] = {};
  for (const sub of subs) properties[sub.name] = attributeSchema(sub);
  return { type: 'object', properties, additionalProperties: subs.length === 0, ...requiredOf(subs) };
}

/** Required attributes a response must carry: `returned: never` ones never appear. */
function requiredOf(attrs: DeclaredAttribute[]): { required?: string[] } {
  const names = attrs.filter((a) => a.required && a.returned !== 'never').map((a) => a.name);
  return names.length ? { required: names } : {};
}

export function resourceTypeSchema(
  rt: DeclaredResourceType,
  model: DeclaredModel,
  opts: { requireRequired: boolean },
): AnySchemaObject {
  const core = findSchema(model, rt.schema);
  const properties: Record<string, AnySchemaObject> = {};
  for (const name of COMMON_ATTRIBUTES) properties[name] = {};
  for (const attr of core?.attributes ?? []) properties[attr.name] = attributeSchema(attr);
  const required = opts.requireRequired ? (requiredOf(core?.attributes ?? []).required ?? []) : [];
  for (const ext of rt.schemaExtensions) {
    const def = findSchema(model, ext.schema);
    const extProps: Record<string, AnySchemaObject> = {};
    for (const attr of def?.attributes ?? []) extProps[attr.name] = attributeSchema(attr);
    properties[ext.schema] = {
      type: 'object',
      properties: extProps,
      additionalProperties: !def, // an extension /Schemas does not define: its content is unknown, not wrong
      ...(opts.requireRequired ? requiredOf(def?.attributes ?? []) : {}),
    };
    if (ext.required && opts.requireRequired) required.push(ext.schema);
  }
  // A resource type whose core schema is missing from /Schemas: nothing can be called unknown.
  return {
    type: 'object',
    properties,
    additionalProperties: !core ? true : false,
    ...(required.length ? { required } : {}),
  };
}
