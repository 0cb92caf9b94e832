// Fuzzed profiles, baselines and project config files, loaded as the CLI loads them for
// --profile, --baseline and scim-check.config.yaml. Each case loads, or fails with exit 2 and
// one line naming file:line:col. Seed, replay and oracle: harness.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/profile/load.js';
import { loadBaseline } from '../../src/runner/baseline.js';
import { loadConfigFile } from '../../src/config/load.js';
import { configValues } from '../../src/config/apply.js';
import { readDeclaredSchemasFile } from '../../src/schema/declared/index.js';
import { FUZZ_TIMEOUT_MS, caseDir, fuzzLoader, seed, seedsFrom } from './harness.js';

const dir = caseDir();

describe('fuzzed YAML and JSON inputs load or fail with one line naming file:line:col (exit 2, never 70)', () => {
  it(
    'profiles (--profile FILE, with extends)',
    async () => {
      const seeds = [
        ...seedsFrom('profiles', /\.yaml$/),
        seed('fixtures/fuzz/profile-extends.yaml'),
        seed('fixtures/fuzz/profile-only-extends.yaml'),
      ];
      const r = await fuzzLoader({ file: path.join(dir, 'profile.yaml'), seeds, load: (f) => loadProfile(f) }, 250);
      expect(r.loaded).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'baselines (--baseline FILE)',
    async () => {
      const seeds = [
        seed('fixtures/fuzz/baseline-full.yaml'),
        seed('templates/init/scim-check.baseline.yaml'),
        seed('test/interop/scimmy.baseline.yaml'),
      ];
      const r = await fuzzLoader({ file: path.join(dir, 'baseline.yaml'), seeds, load: (f) => loadBaseline(f) }, 250);
      expect(r.loaded).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'project config files (scim-check.config.yaml, then its first target)',
    async () => {
      const seeds = [seed('fixtures/fuzz/config-full.yaml'), seed('templates/init/scim-check.config.yaml')];
      const load = (f: string) => {
        const config = loadConfigFile(f);
        return configValues(config, Object.keys(config.targets ?? {})[0]);
      };
      const r = await fuzzLoader({ file: path.join(dir, 'scim-check.config.yaml'), seeds, load }, 250);
      expect(r.loaded).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'declared schemas (--schemas FILE)',
    async () => {
      const seeds = [seed('fixtures/fuzz/declared-schemas.json')];
      const load = (f: string) => readDeclaredSchemasFile(f);
      const r = await fuzzLoader({ file: path.join(dir, 'schemas.json'), seeds, load }, 150);
      expect(r.loaded).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );
});
