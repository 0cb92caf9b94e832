// Validates parsed suite data against schemas/suite.schema.json and turns ajv's errors into
// one-line, human diagnostics. The schema is compiled once per process.
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { SCHEMAS_DIR } from '../util/paths.js';
import { validatorOfFile } from '../schema/ajv.js';
import { prebuiltSuiteValidator } from '../prebuilt/artefacts.js';
import type { DataPath, Diagnostic } from './diagnostic.js';
import { describeLocation, placeOf, subjectOf } from './describe-location.js';
import { suggestionSuffix } from '../util/did-you-mean.js';
import { TYPE_WORDS, showValue as show } from '../util/value-words.js';
import { absolutePathProblem } from './request-path.js';

/** The pattern of request.path in schemas/suite.schema.json. */
const REQUEST_PATH_PATTERN = '^(/|\\$\\{\\{)';

export const EXPECTATION_KINDS = ['status', 'header', 'path', 'schema', 'check', 'maxDurationMs'] as const;

// The suite format has its own validator: the SCIM one would load every SCIM schema just to check a suite.
const suiteValidator = validatorOfFile('suite', path.join(SCHEMAS_DIR, 'suite.schema.json'), prebuiltSuiteValidator);

/** Every schema problem in the data, as diagnostics (empty when valid). */
export function checkSuiteShape(data: unknown): Diagnostic[] {
  const validate = suiteValidator();
  if (validate(data)) return [];
  const errors = [...(validate.errors ?? [])]; // ajv overwrites .errors on the next call
  return errors.filter((e) => !isCompanionError(e)).map((e) => toDiagnostic(e, data));
}

/** Errors that only repeat another, more precise error. */
function isCompanionError(error: ErrorObject): boolean {
  if (error.keyword === 'propertyNames') return true; // the inner pattern error names the key
  return error.keyword === 'required' && error.schemaPath.includes('/oneOf/'); // summarised by the oneOf error
}

export function pointerToPath(pointer: string, data: unknown): DataPath {
  const path: DataPath = [];
  let value = data;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(value) ? Number(segment) : segment;
    path.push(key);
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

const PATTERN_HINTS: Record<string, string> = {
  '^[A-Za-z][A-Za-z0-9_-]*$': 'must start with a letter and contain only letters, digits, "_" and "-"',
  '^[A-Za-z_][A-Za-z0-9_]*$': 'must contain only letters, digits and "_", and not start with a digit',
  '^[A-Z][A-Z0-9_]*$': 'must be UPPER_SNAKE_CASE (e.g. USER_CREATE_STATUS)',
  [REQUEST_PATH_PATTERN]: 'must be a path relative to the base URL, starting with "/" (e.g. "/Users"), or a template',
  '^(okta|test-app|oin|rfc)$': 'must be okta, test-app, oin or rfc (or a list of them)',
};

function toDiagnostic(error: ErrorObject, data: unknown): Diagnostic {
  const path = pointerToPath(error.instancePath, data);
  const location = describeLocation(data, path);
  const subject = subjectOf(location);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return {
        path,
        key,
        rank: 0,
        message: `unknown key "${key}" in ${placeOf(location)}${suggestionSuffix(key, allowed)}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const got = show(error.data);
      const hint = typeof error.data === 'string' ? suggestionSuffix(error.data, allowed) : '';
      return { path, rank: 1, message: `${subject} must be one of ${allowed.join(', ')}, got ${got}${hint}` };
    }
    case 'type': {
      const types = ([] as string[]).concat(params.type as string | string[]);
      return {
        path,
        rank: 1,
        message: `${subject} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, got ${show(error.data)}`,
      };
    }
    case 'pattern': {
      const hint = PATTERN_HINTS[String(params.pattern)] ?? `must match ${String(params.pattern)}`;
      if (error.propertyName !== undefined) {
        const name = error.propertyName;
        return {
          path,
          key: name,
          rank: 1,
          message: `${location.relative || 'key'} name "${name}" in ${location.ownerLabel} ${hint}`,
        };
      }
      const absolute = params.pattern === REQUEST_PATH_PATTERN ? absolutePathProblem(String(error.data)) : undefined;
      if (absolute !== undefined) return { path, rank: 1, message: `${subject} ${absolute}` };
      return { path, rank: 1, message: `${subject} ${show(error.data)} ${hint}` };
    }
    case 'required':
      return {
        path,
        rank: 2,
        message: `${placeOf(location)} is missing required key "${String(params.missingProperty)}"`,
      };
    case 'oneOf':
      return expectationKindDiagnostic(path, data, placeOf(location));
    default:
      return { path, rank: 1, message: `${subject} ${describeLimit(error)}` };
  }
}

function describeLimit(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'minItems':
      return params.limit === 1 ? 'must not be empty' : `must have at least ${String(params.limit)} items`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)}, got ${show(error.data)}`;
    case 'uniqueItems':
      return `lists ${show((error.data as unknown[])[Number(params.j)])} twice`;
    default:
      return error.message ?? 'is invalid';
  }
}

function expectationKindDiagnostic(path: DataPath, data: unknown, place: string): Diagnostic {
  let value: unknown = data;
  for (const key of path) value = (value as Record<string | number, unknown>)[key];
  const present = EXPECTATION_KINDS.filter((k) => Object.prototype.hasOwnProperty.call(value ?? {}, k));
  if (present.length === 0) {
    return { path, rank: 3, message: `${place} needs one of ${EXPECTATION_KINDS.join(', ')}` };
  }
  const [first, second] = present;
  return {
    path,
    key: second,
    rank: 1,
    message: `${place} has both "${first}" and "${second}"; use one expectation per kind`,
  };
}
