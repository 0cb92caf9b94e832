// Public API of validate-mapping (the CLI command and reporters call only this).
export type { MappingFinding, ValidateMappingResult, SamplePayload, MappingFormat } from '../model/mapping-result.js';
export type { ValidateMappingOptions, LanguageFormat } from './types.js';
export { validateMapping, DEFAULT_USERNAME_FORMAT } from './validate-mapping.js';
export { renderPayloads } from './format.js';
export { RULES, type RuleCode, type RuleInfo } from './codes.js';
export { parseExpression } from './el/parser.js';
export { evaluate, type EvalContext, type EvalOutcome } from './el/evaluator.js';
