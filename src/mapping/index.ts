// Public API of validate-mapping (the CLI command and reporters call only this).
export type { MappingFinding, ValidateMappingOptions, ValidateMappingResult, SamplePayload, LanguageFormat, MappingFormat } from './types.js';
export { validateMapping, DEFAULT_USERNAME_FORMAT } from './validate-mapping.js';
export { mappingResultToRunResult, type MappingRunMeta } from './run-result.js';
export { formatMappingFindings, renderPayloads } from './format.js';
export { RULES, type RuleCode, type RuleInfo } from './codes.js';
export { parseExpression } from './el/parser.js';
export { evaluate, type EvalContext, type EvalOutcome } from './el/evaluator.js';
