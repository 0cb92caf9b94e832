// Reads the app user schema (/api/v1/meta/schemas/apps/{appId}/default) and the Okta user
// schema (/api/v1/meta/schemas/user/default). Without the latter, Okta's 31 base attributes are used.
import { UsageError } from '../../errors.js';
import type { ElType } from '../el/types.js';
import type { AppAttribute, AppSchemaModel, SourceAttribute, UserSchemaModel } from '../types.js';
import { readPositioned, type PositionedDoc } from './positioned.js';
import { isObject } from '../../util/object.js';

type Obj = Record<string, unknown>;

interface RawProperty {
  group: 'base' | 'custom';
  name: string;
  spec: Obj;
  requiredList: boolean;
}

function schemaProperties(doc: PositionedDoc, what: string): RawProperty[] {
  const root = doc.value;
  const defs = isObject(root) && isObject(root.definitions) ? root.definitions : undefined;
  if (!defs || (!isObject(defs.base) && !isObject(defs.custom))) {
    throw new UsageError(
      `not an Okta ${what} schema: expected definitions.base / definitions.custom`,
      doc.posOf(['definitions']),
    );
  }
  const out: RawProperty[] = [];
  for (const group of ['base', 'custom'] as const) {
    const sub = defs[group];
    if (!isObject(sub)) continue;
    const required = Array.isArray(sub.required) ? sub.required : [];
    const props = isObject(sub.properties) ? sub.properties : {};
    for (const [name, spec] of Object.entries(props)) {
      if (spec === null) continue; // removal form of a partial update
      if (!isObject(spec))
        throw new UsageError(
          `definitions.${group}.properties.${name} must be an object`,
          doc.posOf(['definitions', group, 'properties', name]),
        );
      out.push({ group, name, spec, requiredList: required.includes(name) });
    }
  }
  return out;
}

export function readAppSchema(file: string): AppSchemaModel {
  const doc = readPositioned(file);
  const attributes = new Map<string, AppAttribute>();
  for (const p of schemaProperties(doc, 'app user')) {
    const s = p.spec;
    const str = (k: string) => (typeof s[k] === 'string' ? (s[k] as string) : undefined);
    attributes.set(p.name, {
      name: p.name,
      type: str('type'),
      externalName: str('externalName'),
      externalNamespace: str('externalNamespace'),
      required: s.required === true || p.requiredList,
      enum: Array.isArray(s.enum) ? s.enum : undefined,
      maxLength: typeof s.maxLength === 'number' ? s.maxLength : undefined,
      pattern: str('pattern'),
      position: doc.posOf(['definitions', p.group, 'properties', p.name]),
    });
  }
  return { file, attributes };
}

const EL_TYPES: Record<string, ElType> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  array: 'array',
};

export function readUserSchema(file: string): UserSchemaModel {
  const doc = readPositioned(file);
  const attributes = new Map<string, SourceAttribute>();
  for (const p of schemaProperties(doc, 'user')) {
    const type = typeof p.spec.type === 'string' ? (EL_TYPES[p.spec.type] ?? 'unknown') : 'unknown';
    attributes.set(p.name, { type, nullable: !(p.spec.required === true || p.requiredList) });
  }
  return { source: 'file', attributes };
}

// Okta's 31 base user attributes (reference §4). Only these are never null by default.
const BASE_ATTRIBUTES = [
  'login',
  'email',
  'secondEmail',
  'firstName',
  'lastName',
  'middleName',
  'honorificPrefix',
  'honorificSuffix',
  'title',
  'displayName',
  'nickName',
  'profileUrl',
  'primaryPhone',
  'mobilePhone',
  'streetAddress',
  'city',
  'state',
  'zipCode',
  'postalAddress',
  'countryCode',
  'preferredLanguage',
  'locale',
  'timezone',
  'userType',
  'employeeNumber',
  'costCenter',
  'organization',
  'division',
  'department',
  'managerId',
  'manager',
];
const NEVER_NULL = new Set(['login', 'email', 'firstName', 'lastName', 'locale']);

export function builtinUserSchema(): UserSchemaModel {
  const attributes = new Map<string, SourceAttribute>();
  for (const name of BASE_ATTRIBUTES) attributes.set(name, { type: 'string', nullable: !NEVER_NULL.has(name) });
  return { source: 'builtin', attributes };
}
