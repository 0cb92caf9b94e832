// Build step (`npm run build` runs it after tsc): everything a command needs that does not
// depend on the user's input is done here once, instead of at every start-up.
//   - standalone ajv validators for our own schemas (SCIM resources, profile format, suite format)
//   - validators for the declared schemas of the reference server (a cache keyed by schema hash)
//   - the bundled suites and profiles, parsed and validated, positions kept for messages
// It reads whatever suites/, profiles/ and schemas/ hold now, so their changes flow through.
// A bundled suite or profile that does not load is left out: the run reports it as before.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { _, type AnySchemaObject } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import formatsModule from 'ajv-formats/dist/formats.js';
import { GENERATED_DIR, PROFILES_DIR, SUITES_DIR } from '../util/paths.js';
import {
  BUNDLED_FILE,
  DECLARED_VALIDATORS_FILE,
  MANIFEST_FILE,
  SCIM_VALIDATORS_FILE,
  SCIM_QUICK_VALIDATORS_FILE,
  SCIM_FORMATS_FILE,
  SUITE_VALIDATOR_FILE,
  CONFIG_VALIDATOR_FILE,
  declaredExportName,
  declaredSchemaKey,
  disablePrebuilt,
  type Bundled,
  type Manifest,
  type PrebuiltSuite,
} from './artefacts.js';
import { contentHash, filesHash } from './content-hash.js';
import {
  CONFIG_SCHEMA_FILE,
  PROFILE_SCHEMA_FILE,
  SCIM_SCHEMAS_DIR,
  SUITE_SCHEMA_FILE,
  profileInputs,
  scimSchemaInputs,
} from './inputs.js';
import { QUICK_AJV_OPTIONS, SCHEMA_FILES } from '../schema/validator.js';
import { createAjv } from '../schema/ajv.js';
import { declaredJsonSchemas } from '../schema/declared/checker.js';
import { loadSuiteText } from '../suite/load.js';
import { loadProfile } from '../profile/load.js';
import { startServer } from '../server/index.js';
import { parseDeclared } from '../schema/declared/parse.js';
import {
  FAST_ABSOLUTE_PATH,
  FAST_DATE_TIME,
  FAST_HTTP_URI,
  FAST_URN,
  fastDateTime,
  fastUri,
  fastUriReference,
} from '../schema/fast-formats.js';

const standaloneCode = standaloneModule.default;
const addFormats = addFormatsModule.default;
const readJson = (file: string): AnySchemaObject => JSON.parse(readFileSync(file, 'utf8')) as AnySchemaObject;

/**
 * The formats module the SCIM validators require: ajv-formats' full formats, with a fast path
 * in front of date-time, uri and uri-reference (src/schema/fast-formats.ts; the fallback is
 * ajv-formats itself, so every answer is the same).
 */
function scimFormats(): string {
  return [
    '"use strict";',
    'const full = require("ajv-formats/dist/formats").fullFormats;',
    `const FAST_DATE_TIME = ${FAST_DATE_TIME.toString()};`,
    `const fastDateTime = ${fastDateTime.toString()};`,
    `const FAST_HTTP_URI = ${FAST_HTTP_URI.toString()};`,
    `const FAST_URN = ${FAST_URN.toString()};`,
    `const FAST_ABSOLUTE_PATH = ${FAST_ABSOLUTE_PATH.toString()};`,
    `const fastUri = ${fastUri.toString()};`,
    `const fastUriReference = ${fastUriReference.toString()};`,
    'const uriReference = full["uri-reference"];',
    'module.exports = Object.assign({}, full, {',
    '  "date-time": Object.assign({}, full["date-time"], { validate: (s) => fastDateTime(s) || full["date-time"].validate(s) }),',
    '  uri: (s) => fastUri(s) || full.uri(s),',
    '  "uri-reference": (s) => fastUriReference(s) || uriReference.test(s),',
    '});',
    '',
  ].join('\n');
}

/** quick: the same schemas without allErrors/verbose, stopping at the first error (valid data's fast path). */
function scimValidators(quick = false): string {
  const ajv = createAjv('scim', {
    ...(quick ? QUICK_AJV_OPTIONS : {}),
    code: { source: true, formats: _`require(${`./${SCIM_FORMATS_FILE}`})` },
  });
  addFormats(ajv);
  // the same shapes as scimFormats() exports, so the generated code calls them alike
  const formats = formatsModule.fullFormats as unknown as {
    'date-time': { validate: (s: string) => boolean; compare: (a: string, b: string) => number | undefined };
    uri: (s: string) => boolean;
    'uri-reference': RegExp;
  };
  ajv.addFormat('date-time', {
    ...formats['date-time'],
    validate: (s: string) => fastDateTime(s) || formats['date-time'].validate(s),
  });
  ajv.addFormat('uri', (s: string) => fastUri(s) || formats.uri(s));
  ajv.addFormat('uri-reference', (s: string) => fastUriReference(s) || formats['uri-reference'].test(s));
  for (const file of readdirSync(SCIM_SCHEMAS_DIR).filter((f) => f.endsWith('.json')))
    ajv.addSchema(readJson(path.join(SCIM_SCHEMAS_DIR, file)));
  ajv.addSchema(readJson(PROFILE_SCHEMA_FILE), 'scim-check:profile');
  const exports: Record<string, string> = { profile: 'scim-check:profile' };
  for (const [name, file] of Object.entries(SCHEMA_FILES))
    exports[name] = readJson(path.join(SCIM_SCHEMAS_DIR, file)).$id as string;
  return standaloneCode(ajv, exports);
}

function suiteValidator(): string {
  const ajv = createAjv('suite', { code: { source: true } });
  return standaloneCode(ajv, ajv.compile(readJson(SUITE_SCHEMA_FILE)));
}

function configValidator(): string {
  const ajv = createAjv('config', { code: { source: true } });
  return standaloneCode(ajv, ajv.compile(readJson(CONFIG_SCHEMA_FILE)));
}

/** The reference server's own /Schemas and /ResourceTypes, as a run would read them. */
async function declaredValidators(): Promise<string> {
  const server = await startServer({ port: 0 });
  try {
    const get = async (p: string): Promise<unknown> => {
      const res = await fetch(`${server.baseUrl}${p}`, {
        headers: { authorization: `Bearer ${server.token}`, accept: 'application/scim+json' },
      });
      return res.json();
    };
    const model = parseDeclared(await get('/Schemas'), await get('/ResourceTypes'));
    const ajv = createAjv('declared', { code: { source: true } });
    const exports: Record<string, string> = {};
    for (const schema of declaredJsonSchemas(model)) {
      const key = declaredSchemaKey(schema);
      if (exports[declaredExportName(key)]) continue;
      ajv.addSchema(schema, key);
      exports[declaredExportName(key)] = key;
    }
    return standaloneCode(ajv, exports);
  } finally {
    await server.close();
  }
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(full));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function bundledSuites(skipped: string[]): PrebuiltSuite[] {
  const out: PrebuiltSuite[] = [];
  for (const file of listYaml(SUITES_DIR)) {
    const relative = path
      .relative(SUITES_DIR, file)
      .split(path.sep)
      .join('/')
      .replace(/\.ya?ml$/i, '');
    const text = readFileSync(file, 'utf8');
    try {
      out.push({ relative, hash: contentHash(text), builtFrom: file, json: JSON.stringify(loadSuiteText(text, file)) });
    } catch (error) {
      skipped.push(`${relative}: ${(error as Error).message}`);
    }
  }
  return out;
}

function bundledProfiles(skipped: string[]): Bundled['profiles'] {
  const out: Bundled['profiles'] = {};
  for (const file of readdirSync(PROFILES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const name = file.slice(0, -'.yaml'.length);
    try {
      out[name] = loadProfile(name);
    } catch (error) {
      skipped.push(`profile ${name}: ${(error as Error).message}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  disablePrebuilt();
  const started = performance.now();
  rmSync(GENERATED_DIR, { recursive: true, force: true });
  const skipped: string[] = [];
  const bundled: Bundled = { suites: bundledSuites(skipped), profiles: bundledProfiles(skipped) };
  const files: [string, string][] = [
    [SCIM_FORMATS_FILE, scimFormats()],
    [SCIM_VALIDATORS_FILE, scimValidators()],
    [SCIM_QUICK_VALIDATORS_FILE, scimValidators(true)],
    [SUITE_VALIDATOR_FILE, suiteValidator()],
    [CONFIG_VALIDATOR_FILE, configValidator()],
    [DECLARED_VALIDATORS_FILE, await declaredValidators()],
    [BUNDLED_FILE, JSON.stringify(bundled)],
  ];
  const manifest: Manifest = {
    scimSchemas: filesHash(scimSchemaInputs()),
    suiteSchema: filesHash([SUITE_SCHEMA_FILE]),
    configSchema: filesHash([CONFIG_SCHEMA_FILE]),
    profiles: filesHash(profileInputs()),
  };
  mkdirSync(GENERATED_DIR, { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(GENERATED_DIR, name), text);
  // written last: without a manifest nothing here is used
  writeFileSync(path.join(GENERATED_DIR, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const ms = (performance.now() - started).toFixed(0);
  process.stdout.write(
    `prebuilt: ${bundled.suites.length} suites, ${Object.keys(bundled.profiles).length} profiles, validators (${ms} ms) -> ${path.relative(process.cwd(), GENERATED_DIR) || GENERATED_DIR}\n`,
  );
  for (const s of skipped) process.stdout.write(`prebuilt: left out (loads at run time instead) ${s}\n`);
}

await main();
