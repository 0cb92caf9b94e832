// The shared Ajv instance for the bundled SCIM schemas (made by createAjv, src/schema/ajv.ts).
// Every bundled SCIM schema is compiled once, on first use, and the compiled functions are
// reused (compiling per step is slow).
// ajv overwrites `validate.errors` on every call, so issues are copied out at once.
// The build compiles them ahead of time (standalone code, src/prebuilt); ajv itself is
// loaded only when those are missing or stale, or for a schema made at run time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ajv, AnySchemaObject, ErrorObject, Options, ValidateFunction } from 'ajv';
import type addFormatsModule from 'ajv-formats';
import { UsageError } from '../errors.js';
import { SCHEMAS_DIR } from '../util/paths.js';
import { lazyRequire } from '../util/lazy-require.js';
import { createAjv } from './ajv.js';
import { prebuiltScimQuickValidators, prebuiltScimValidators } from '../prebuilt/artefacts.js';

// ajv-formats is CommonJS: module.exports.default is the function.
const loadAddFormats = lazyRequire<typeof addFormatsModule>('ajv-formats');

/** The build also compiles each schema with these: it stops at the first error and says nothing, so valid data costs less. */
export const QUICK_AJV_OPTIONS: Options = { allErrors: false, verbose: false };

/** Bundled schema name -> file under schemas/scim/. */
export const SCHEMA_FILES = {
  User: 'user.schema.json',
  EnterpriseUser: 'enterprise-user.schema.json',
  Group: 'group.schema.json',
  ListResponse: 'list-response.schema.json',
  Error: 'error.schema.json',
  PatchOp: 'patch-op.schema.json',
  ServiceProviderConfig: 'service-provider-config.schema.json',
  ResourceType: 'resource-type.schema.json',
  Schema: 'schema.schema.json',
} as const;

/** Referenced by the others but not a resource of its own. */
const SUPPORT_FILES = ['common.schema.json'];

export type SchemaName = keyof typeof SCHEMA_FILES;
export const SCHEMA_NAMES = Object.keys(SCHEMA_FILES) as SchemaName[];

export interface SchemaIssue {
  /** JSON pointer into the validated document (`/Resources/0/userName`). */
  path: string;
  message: string;
}

export interface SchemaVerdict {
  valid: boolean;
  errors: SchemaIssue[];
}

let sharedAjv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** The shared instance, with every bundled SCIM schema added (not yet compiled). */
export function getAjv(): Ajv {
  if (sharedAjv) return sharedAjv;
  const ajv = createAjv('scim');
  loadAddFormats().default(ajv);
  for (const file of [...SUPPORT_FILES, ...Object.values(SCHEMA_FILES)]) {
    ajv.addSchema(readSchemaFile(path.join(SCHEMAS_DIR, 'scim', file)));
  }
  sharedAjv = ajv;
  return ajv;
}

/** Reads a bundled JSON schema file (shipped with the package). */
export function readSchemaFile(file: string): AnySchemaObject {
  return JSON.parse(readFileSync(file, 'utf8')) as AnySchemaObject;
}

export function isSchemaName(name: string): name is SchemaName {
  return Object.prototype.hasOwnProperty.call(SCHEMA_FILES, name);
}

function unknownSchema(name: string): never {
  throw new UsageError(`unknown schema "${name}" (known: ${SCHEMA_NAMES.join(', ')})`);
}

function validatorFor(name: string): ValidateFunction {
  if (!isSchemaName(name)) unknownSchema(name);
  let validate = compiled.get(name);
  if (!validate) validate = prebuiltScimValidators()?.[name];
  if (!validate) {
    const ajv = getAjv();
    const id = readSchemaFile(path.join(SCHEMAS_DIR, 'scim', SCHEMA_FILES[name])).$id as string;
    validate = ajv.getSchema(id);
    if (!validate) throw new Error(`bundled schema ${name} has no $id ${id}`);
  }
  compiled.set(name, validate);
  return validate;
}

let quickValidators: Record<string, ValidateFunction> | null | undefined;

/** The build's quick validator (first error only, no details) for this schema, if any. */
function quickFor(name: SchemaName): ValidateFunction | undefined {
  if (quickValidators === undefined) quickValidators = prebuiltScimQuickValidators();
  return quickValidators?.[name];
}

/** The verdict of all valid data, shared (an audit validates every resource): frozen, so no caller can change it. */
const VALID: SchemaVerdict = Object.freeze({ valid: true, errors: Object.freeze([]) as unknown as SchemaIssue[] });

/** Validates `data` against a bundled SCIM schema. Unknown name -> UsageError. */
export function validateAgainst(name: SchemaName | string, data: unknown): SchemaVerdict {
  if (!isSchemaName(name)) return unknownSchema(name);
  // valid data passes the quick validator; only invalid data pays for collecting every error
  // (and for loading the validators that collect them)
  if (quickFor(name)?.(data)) return VALID;
  const validate = validatorFor(name);
  const valid = validate(data) as boolean;
  return { valid, errors: valid ? [] : toIssues(validate.errors ?? []) };
}

/**
 * Validates a ListResponse, then each of its Resources against `resourceSchema`;
 * resource issues carry their full pointer (`/Resources/2/userName`).
 */
export function validateListOf(resourceSchema: SchemaName | string, body: unknown): SchemaVerdict {
  const itemValidator = validatorFor(resourceSchema); // fail fast on a bad name
  const quickItem = quickFor(resourceSchema as SchemaName);
  const list = validateAgainst('ListResponse', body);
  const errors = [...list.errors];
  const resources = (body as { Resources?: unknown } | null)?.Resources;
  if (Array.isArray(resources)) {
    resources.forEach((resource, index) => {
      if (quickItem?.(resource) || itemValidator(resource)) return;
      for (const issue of toIssues(itemValidator.errors ?? [])) {
        errors.push({ path: `/Resources/${index}${issue.path}`, message: issue.message });
      }
    });
  }
  return { valid: errors.length === 0, errors };
}

/** Copies ajv errors into plain issues, pointing at the missing/extra member itself. */
export function toIssues(errors: ErrorObject[]): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    // `if` only says "must match then/else"; the branch's own error says what is wrong.
    if (error.keyword === 'if') continue;
    issues.push({ path: issuePath(error), message: issueMessage(error) });
  }
  return issues;
}

function issuePath(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const member =
    error.keyword === 'required'
      ? params.missingProperty
      : error.keyword === 'additionalProperties'
        ? params.additionalProperty
        : undefined;
  if (typeof member !== 'string') return error.instancePath;
  return `${error.instancePath}/${member.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function issueMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const base = error.message ?? error.keyword;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `${base}: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (error.keyword === 'additionalProperties') return `unknown attribute "${String(params.additionalProperty)}"`;
  const wanted = (error.schema as { const?: unknown } | undefined)?.const;
  if (error.keyword === 'contains' && typeof wanted === 'string') return `must contain "${wanted}"`;
  return base;
}
