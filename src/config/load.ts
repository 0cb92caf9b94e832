// Finds and loads scim-check.config.yaml: YAML with positions -> schema check -> ProjectConfig.
// Every problem is one UsageError line `file:line:col: message`, like suites and profiles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlInput } from '../util/yaml-input.js'; // yaml loads only when a config file exists
import type { ErrorObject } from 'ajv';
import { validatorOfFile } from '../schema/ajv.js';
import { prebuiltConfigValidator } from '../prebuilt/artefacts.js';
import { UsageError } from '../errors.js';
import type { SourcePosition } from '../model/position.js';
import { SCHEMAS_DIR } from '../util/paths.js';
import { SourceLocator } from '../suite/yaml-locate.js';
import { pointerToPath } from '../suite/schema-check.js';
import { suggestionSuffix } from '../util/did-you-mean.js';
import type { ProjectConfig } from './types.js';
import { TYPE_WORDS } from '../util/value-words.js';

export { CONFIG_FILE_NAMES, findConfigFile } from './find.js';

export function loadConfigFile(file: string): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--config ${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return loadConfigText(text, file);
}

/** `file` is used as given in messages; relative paths inside are resolved against its directory. */
export function loadConfigText(text: string, file: string): ProjectConfig {
  const parsed = parseYamlInput(text, displayPath(file));
  const locator = new SourceLocator(parsed.doc, parsed.lineCounter, text, displayPath(file));
  const data = withoutEmptyKeys(parsed.data ?? {}); // an empty file is a valid, empty config
  const validate = configValidator();
  // ajv fills `errors` whenever it returns false
  const error = validate(data) ? undefined : mostRelevant(validate.errors ?? []);
  if (error) {
    const dataPath = pointerToPath(error.instancePath, data);
    const key =
      error.keyword === 'additionalProperties'
        ? String((error.params as { additionalProperty: string }).additionalProperty)
        : undefined;
    throw new UsageError(describe(error, dataPath), locator.positionOf({ path: dataPath, key }));
  }
  return {
    ...(data as Omit<ProjectConfig, 'file' | 'dir' | 'positionOf'>),
    file: path.resolve(file),
    dir: path.dirname(path.resolve(file)),
    positionOf: (p: (string | number)[]): SourcePosition => locator.positionOf({ path: p }),
  };
}

/** `targets:` followed only by comments (as `init` writes it) counts as absent, not as null. */
function withoutEmptyKeys(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null));
}

const configValidator = validatorOfFile(
  'config',
  path.join(SCHEMAS_DIR, 'config.schema.json'),
  prebuiltConfigValidator,
);

/** Unknown keys first (usually a typo), then the deepest error. */
function mostRelevant(errors: ErrorObject[]): ErrorObject | undefined {
  const useful = errors.filter((e) => e.keyword !== 'propertyNames');
  const pool = useful.length ? useful : errors;
  const unknown = pool.find((e) => e.keyword === 'additionalProperties');
  return unknown ?? [...pool].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

function describe(error: ErrorObject, dataPath: (string | number)[]): string {
  const where = dataPath.length
    ? dataPath.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
    : 'config';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return `unknown key "${key}" in ${where}${suggestionSuffix(key, allowed)}`;
    }
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}, got ${JSON.stringify(error.data)}`;
    case 'type':
      // never echo what was written under token: it may be the token itself
      if (dataPath[dataPath.length - 1] === 'token' || dataPath.includes('token')) {
        return `${where} must be a mapping naming where the token comes from ({ env: NAME } or { file: PATH }); the token itself never goes in this file`;
      }
      return `${where} must be ${wordFor(String(params.type))}, got ${JSON.stringify(error.data)}`;
    case 'required':
      return `${where} is missing required key "${String(params.missingProperty)}"`;
    case 'pattern':
      return `${where} name ${JSON.stringify(error.propertyName ?? error.data)} must start with a letter and contain only letters, digits, "_" and "-"`;
    case 'maxProperties':
    case 'minProperties':
      return `${where} must name exactly one source: env (an environment variable) or file`;
    default:
      return `${where} ${error.message ?? error.keyword}`;
  }
}

function wordFor(type: string): string {
  return type
    .split(',')
    .map((t) => TYPE_WORDS[t] ?? t)
    .join(' or ');
}

/** Relative to the working directory when inside it, for readable messages. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}
