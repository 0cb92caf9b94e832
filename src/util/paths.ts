import { fileURLToPath } from 'node:url';
import path from 'node:path';

// src/util/paths.ts and dist/util/paths.js sit at the same depth, so this
// resolves to the package root both under vitest and from the built CLI.
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SUITES_DIR = path.join(PACKAGE_ROOT, 'suites');
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const PROFILES_DIR = path.join(PACKAGE_ROOT, 'profiles');
export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'templates');

/** Build-time artefacts (parsed bundled suites and profiles, compiled validators): `npm run build` writes them. */
export const GENERATED_DIR = path.join(PACKAGE_ROOT, 'dist', 'generated');

/**
 * True in the compiled CLI (dist/*.js), false under vitest (src/*.ts). The artefacts are made by the
 * dist code at build time, so only the dist code may trust them; the sources always work from the data.
 */
export const RUNNING_FROM_DIST = import.meta.url.endsWith('.js');
