// Read side of the build-time artefacts under dist/generated (written by generate.ts):
// the bundled suites and profiles already parsed and validated, and standalone ajv
// validators for our own schemas. Every artefact is a cache keyed by the content hash
// of the files it was made from: a suite, profile or schema edited after the build is
// simply parsed or compiled at run time, as before, so nothing can go stale.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { GENERATED_DIR, PROFILES_DIR, RUNNING_FROM_DIST } from '../util/paths.js';
import { CONFIG_SCHEMA_FILE, profileInputs, scimSchemaInputs, SUITE_SCHEMA_FILE } from './inputs.js';
import { contentHash, filesHash } from './content-hash.js';
import type { SuiteSpec } from '../suite/types.js';
import type { AttributeProfile } from '../profile/types.js';

export const MANIFEST_FILE = 'manifest.json';
export const BUNDLED_FILE = 'bundled.json';
export const SCIM_VALIDATORS_FILE = 'scim-validators.cjs';
export const SCIM_QUICK_VALIDATORS_FILE = 'scim-quick-validators.cjs';
/** The string formats both SCIM validator files require (ajv-formats with fast paths). */
export const SCIM_FORMATS_FILE = 'scim-formats.cjs';
export const SUITE_VALIDATOR_FILE = 'suite-validator.cjs';
export const CONFIG_VALIDATOR_FILE = 'config-validator.cjs';
export const DECLARED_VALIDATORS_FILE = 'declared-validators.cjs';

/** What the build read, by content hash. */
export interface Manifest {
  /** Hash of schemas/scim/*.json and schemas/profile.schema.json (scim-validators.cjs). */
  scimSchemas: string;
  /** Hash of schemas/suite.schema.json (suite-validator.cjs, and every prebuilt suite). */
  suiteSchema: string;
  /** Hash of schemas/config.schema.json (config-validator.cjs). */
  configSchema: string;
  /** Hash of profiles/*.yaml and schemas/profile.schema.json (every prebuilt profile). */
  profiles: string;
}

export interface PrebuiltSuite {
  /** `okta/provisioning`: path below suites/, without extension. */
  relative: string;
  /** Content hash of the YAML text it was parsed from. */
  hash: string;
  /** The absolute path the build loaded it from: suite.file and every position's file. */
  builtFrom: string;
  /** The SuiteSpec as JSON text: each use parses its own copy, and positions move by a text replace. */
  json: string;
}

export interface Bundled {
  suites: PrebuiltSuite[];
  /** Bundled profile name -> the profile (file = the build's absolute path). */
  profiles: Record<string, AttributeProfile>;
}

let disabled = !RUNNING_FROM_DIST;
let manifest: Manifest | null | undefined;
let bundled: Bundled | null | undefined;
const requireGenerated = createRequire(path.join(GENERATED_DIR, 'x.cjs'));

/** The generator itself must parse and compile everything from the sources. */
export function disablePrebuilt(): void {
  disabled = true;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(path.join(GENERATED_DIR, file), 'utf8')) as T;
  } catch {
    return null; // not built (or built by an older version): everything is done at run time
  }
}

function getManifest(): Manifest | null {
  if (disabled) return null;
  return (manifest ??= readJson<Manifest>(MANIFEST_FILE));
}

function getBundled(): Bundled | null {
  if (disabled) return null;
  return (bundled ??= readJson<Bundled>(BUNDLED_FILE));
}

function requireIfPresent<T>(file: string): T | null {
  try {
    return requireGenerated(`./${file}`) as T;
  } catch {
    return null;
  }
}

/** Hashes of the inputs, computed once per process and only when an artefact is asked for. */
const inputHashes = new Map<string, string>();
function hashOf(key: string, files: () => string[]): string {
  let h = inputHashes.get(key);
  if (h === undefined) {
    h = filesHash(files());
    inputHashes.set(key, h);
  }
  return h;
}

/**
 * The prebuilt suite for a bundled suite file whose text is `text`, with its file and
 * positions pointing at `absoluteFile` (shown as `displayFile`); null when not prebuilt or stale.
 */
export function prebuiltSuite(
  relative: string,
  text: string,
  absoluteFile: string,
  displayFile: string,
  suiteSchemaFile = SUITE_SCHEMA_FILE,
): SuiteSpec | null {
  const m = getManifest();
  const b = getBundled();
  if (!m || !b) return null;
  const entry = b.suites.find((s) => s.relative === relative);
  if (!entry || entry.hash !== contentHash(text)) return null;
  if (hashOf('suiteSchema', () => [suiteSchemaFile]) !== m.suiteSchema) return null;
  // A fresh copy (callers such as grep/tag filters and the runner may reshape it) whose positions
  // name the file as this process shows it. In JSON text the sequence `"file":"<path>"` can only be
  // a member (inside a string value its quotes would be escaped), so one replace moves them all.
  const from = `"file":${JSON.stringify(entry.builtFrom)}`;
  const json =
    displayFile === entry.builtFrom ? entry.json : entry.json.replaceAll(from, `"file":${JSON.stringify(displayFile)}`);
  const suite = JSON.parse(json) as SuiteSpec;
  suite.file = absoluteFile;
  return suite;
}

/** A bundled profile by name, as loadProfile would return it; null when not prebuilt or stale. */
export function prebuiltProfile(name: string, profilesDir = PROFILES_DIR): AttributeProfile | null {
  const m = getManifest();
  const b = getBundled();
  if (!m || !b || !Object.prototype.hasOwnProperty.call(b.profiles, name)) return null;
  if (hashOf('profiles', profileInputs) !== m.profiles) return null;
  const profile = JSON.parse(JSON.stringify(b.profiles[name])) as AttributeProfile;
  profile.file = path.join(profilesDir, path.basename(profile.file));
  return profile;
}

/** Standalone validators of the bundled SCIM schemas (by schema name) and of the profile format (`profile`). */
export function prebuiltScimValidators(): Record<string, ValidateFunction> | null {
  const m = getManifest();
  if (!m || hashOf('scimSchemas', scimSchemaInputs) !== m.scimSchemas) return null;
  return requireIfPresent<Record<string, ValidateFunction>>(SCIM_VALIDATORS_FILE);
}

/** The same, compiled to stop at the first error: valid data (the common case) checked fast. */
export function prebuiltScimQuickValidators(): Record<string, ValidateFunction> | null {
  const m = getManifest();
  if (!m || hashOf('scimSchemas', scimSchemaInputs) !== m.scimSchemas) return null;
  return requireIfPresent<Record<string, ValidateFunction>>(SCIM_QUICK_VALIDATORS_FILE);
}

/** The standalone validator of the suite format. */
export function prebuiltSuiteValidator(): ValidateFunction | null {
  const m = getManifest();
  if (!m || hashOf('suiteSchema', () => [SUITE_SCHEMA_FILE]) !== m.suiteSchema) return null;
  return requireIfPresent<ValidateFunction>(SUITE_VALIDATOR_FILE);
}

/** The standalone validator of the project config file format. */
export function prebuiltConfigValidator(): ValidateFunction | null {
  const m = getManifest();
  if (!m || hashOf('configSchema', () => [CONFIG_SCHEMA_FILE]) !== m.configSchema) return null;
  return requireIfPresent<ValidateFunction>(CONFIG_VALIDATOR_FILE);
}

/**
 * A validator compiled at build time for a declared-schema JSON Schema with this key
 * (declaredSchemaKey): the reference server's /Schemas, which many servers publish unchanged.
 */
export function prebuiltDeclaredValidator(key: string): ValidateFunction | null {
  if (!getManifest()) return null;
  const all = requireIfPresent<Record<string, ValidateFunction>>(DECLARED_VALIDATORS_FILE);
  return all?.[declaredExportName(key)] ?? null;
}

export function declaredSchemaKey(schema: object): string {
  return contentHash(JSON.stringify(schema));
}

export function declaredExportName(key: string): string {
  return `d${key}`;
}
