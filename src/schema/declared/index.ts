// Schemas declared by the server itself (RFC 7643 §6-7), for validating what it returns.
export { DeclaredSchemas, type ExchangeInfo } from './checker.js';
export { FINDINGS, type FindingCode } from './findings.js';
export { parseDeclared, definitionsOf } from './parse.js';
export { readDeclaredSchemasFile } from './read-file.js';
export { fetchDeclaredSchemas, type DiscoveryGet, type DiscoveryResponse, type FetchedDeclarations } from './fetch.js';
export { attributeSchema, resourceTypeSchema } from './to-json-schema.js';
export type { DeclaredAttribute, DeclaredModel, DeclaredResourceType, DeclaredSchema } from './types.js';
export {
  checkConformance,
  declaresUserOrGroup,
  type ConformanceCode,
  type ConformanceProblem,
} from './resource-conformance.js';
