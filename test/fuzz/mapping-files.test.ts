// Fuzzed validate-mapping inputs: Okta mapping exports (API, compact YAML, Terraform), app user
// schemas, Okta user schemas and sample users, each run through validateMapping as the command
// runs it (offline). Each case gives findings, or fails with exit 2 and one line naming
// file:line:col. Seed, replay and oracle: harness.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateMapping } from '../../src/mapping/index.js';
import { ROOT } from '../helpers/cli.js';
import { FUZZ_TIMEOUT_MS, caseDir, fuzzLoader, seed, seedsFrom } from './harness.js';

const dir = caseDir();
const APP_SCHEMA = path.join(ROOT, 'fixtures/mapping/cases/_shared/app-schema.json');
const MAPPING = path.join(ROOT, 'fixtures/mapping/example-eptura/mapping.json');

describe('fuzzed mapping inputs give findings or fail with one line naming file:line:col (exit 2, never 70)', () => {
  it(
    'mapping exports (--mapping)',
    async () => {
      const seeds = [
        ...seedsFrom('fixtures/mapping', /^mapping.*\.(json|yaml)$/),
        seed('fixtures/provision/mapping.json'),
      ];
      const load = (f: string) =>
        validateMapping({ mappingFile: f, appSchemaFile: APP_SCHEMA, profile: 'okta-minimum' });
      const r = await fuzzLoader({ file: path.join(dir, 'mapping.json'), seeds, load }, 200);
      expect(r.loaded).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'app user schemas (--app-schema) and Okta user schemas (--user-schema)',
    async () => {
      const seeds = seedsFrom('fixtures', /^(app|okta-user)-schema\.json$/);
      const load = (f: string, text: string) =>
        // an Okta user schema has no externalName anywhere; an app schema has
        text.includes('externalName')
          ? validateMapping({ mappingFile: MAPPING, appSchemaFile: f, profile: 'okta-minimum' })
          : validateMapping({
              mappingFile: MAPPING,
              appSchemaFile: APP_SCHEMA,
              userSchemaFile: f,
              profile: 'okta-minimum',
            });
      const r = await fuzzLoader({ file: path.join(dir, 'schema.json'), seeds, load }, 200);
      expect(r.loaded).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'sample users (--samples)',
    async () => {
      const seeds = seedsFrom('fixtures', /^(samples|users)\.(json|yaml)$/);
      const load = (f: string) =>
        validateMapping({ mappingFile: MAPPING, appSchemaFile: APP_SCHEMA, profile: 'eptura', samplesFile: f });
      const r = await fuzzLoader({ file: path.join(dir, 'samples.json'), seeds, load }, 150);
      expect(r.loaded).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );
});
