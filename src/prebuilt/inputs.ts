// The files each build-time artefact is made from (the generator and the run-time check
// must agree on them).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PROFILES_DIR, SCHEMAS_DIR } from '../util/paths.js';

export const SUITE_SCHEMA_FILE = path.join(SCHEMAS_DIR, 'suite.schema.json');
export const CONFIG_SCHEMA_FILE = path.join(SCHEMAS_DIR, 'config.schema.json');
export const PROFILE_SCHEMA_FILE = path.join(SCHEMAS_DIR, 'profile.schema.json');
export const SCIM_SCHEMAS_DIR = path.join(SCHEMAS_DIR, 'scim');

function listed(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => pattern.test(f))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** The SCIM schemas and the profile format: scim-validators.cjs. */
export function scimSchemaInputs(): string[] {
  return [...listed(SCIM_SCHEMAS_DIR, /\.json$/), PROFILE_SCHEMA_FILE];
}

/** Every bundled profile and the profile format: the prebuilt profiles (one may extend another). */
export function profileInputs(): string[] {
  return [...listed(PROFILES_DIR, /\.ya?ml$/), PROFILE_SCHEMA_FILE];
}
