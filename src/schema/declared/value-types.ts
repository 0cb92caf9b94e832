// What a value must look like to have a declared SCIM type (RFC 7643 §2.3), in one place:
// run checks responses through the JSON Schema (`scalarSchema`, compiled by ajv), audit and
// provision check resources with `hasDeclaredType`; both read the same table. Types are
// matched case-insensitively: servers write "dateTime", "DateTime" or "datetime".
import type { AnySchemaObject } from 'ajv';

// xsd:dateTime (RFC 7643 §2.3.5): the time zone is optional there, so no ajv `date-time` format.
const DATE_TIME = '^-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?$';
const BINARY = '^[A-Za-z0-9+/=\\s_-]*$'; // base64 or base64url

interface ScalarType {
  schema: AnySchemaObject;
  matches: (value: unknown) => boolean;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const dateTime = new RegExp(DATE_TIME);
const binary = new RegExp(BINARY);

/** Keyed by the lower-cased type name. */
const SCALARS: Record<string, ScalarType> = {
  string: { schema: { type: 'string' }, matches: isString },
  boolean: { schema: { type: 'boolean' }, matches: (v) => typeof v === 'boolean' },
  decimal: { schema: { type: 'number' }, matches: (v) => typeof v === 'number' },
  integer: { schema: { type: 'integer' }, matches: (v) => Number.isInteger(v) },
  datetime: { schema: { type: 'string', pattern: DATE_TIME }, matches: (v) => isString(v) && dateTime.test(v) },
  binary: { schema: { type: 'string', pattern: BINARY }, matches: (v) => isString(v) && binary.test(v) },
  // a URI, a relative URI or a resource id: the RFC allows all three
  reference: { schema: { type: 'string' }, matches: isString },
};

/** The JSON Schema of one value of a scalar type; `{}` (anything) for a type nobody defined. */
export function scalarSchema(type: string): AnySchemaObject {
  return SCALARS[type.toLowerCase()]?.schema ?? {};
}

const anything = (): boolean => true;

/** The test of one value of a scalar `type`; an unknown type accepts anything, as its JSON Schema does. */
export function typeTest(type: string): (value: unknown) => boolean {
  return SCALARS[type.toLowerCase()]?.matches ?? anything;
}

/** The RFC's spelling of a type, for messages: `dateTime` whether the server wrote "DateTime" or "datetime". */
export function typeName(type: string): string {
  const lower = type.toLowerCase();
  return lower === 'datetime' ? 'dateTime' : lower;
}

/** `complex`, whatever the case. */
export function isComplexType(type: string): boolean {
  return type.toLowerCase() === 'complex';
}
