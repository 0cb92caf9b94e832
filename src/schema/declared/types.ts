// The server's own description of itself (RFC 7643 §6 ResourceTypes, §7 Schemas), as
// read from /Schemas and /ResourceTypes or from a --schemas file. Field names follow the RFC.

export type DeclaredType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'binary' | 'reference' | 'complex';

export interface DeclaredAttribute {
  name: string;
  /** Lower-cased by the parser: servers write "String" or "DateTime" too. */
  type: string;
  multiValued: boolean;
  required: boolean;
  caseExact: boolean;
  mutability: string; // readOnly | readWrite | immutable | writeOnly
  returned: string; // always | never | default | request
  uniqueness: string; // none | server | global
  canonicalValues?: unknown[];
  subAttributes?: DeclaredAttribute[];
}

export interface DeclaredSchema {
  id: string;
  name?: string;
  attributes: DeclaredAttribute[];
}

export interface DeclaredResourceType {
  name: string;
  /** `/Users`; compared case-insensitively with the request path. */
  endpoint: string;
  schema: string;
  schemaExtensions: { schema: string; required: boolean }[];
}

export interface DeclaredModel {
  schemas: DeclaredSchema[];
  resourceTypes: DeclaredResourceType[];
  /** Things skipped while reading (a schema without id, an unresolvable extension...). */
  problems: string[];
}

/** RFC 7643 §3.1: common attributes are not listed in /Schemas but every resource may carry them. */
export const COMMON_ATTRIBUTES = ['id', 'externalId', 'meta', 'schemas'];

/** RFC 7643 §2.4: sub-attributes a multi-valued attribute may carry without declaring them. */
export const DEFAULT_MULTI_VALUED_SUBS = ['type', 'primary', 'display', 'value', '$ref'];
