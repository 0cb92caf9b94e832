// Fuzzed suites: every bundled suite (cut into one suite per test, so cases stay small) and the
// fixtures, mutated and loaded as `scim-check run FILE` loads them. Each case loads, or fails with
// exit 2 and one line naming file:line:col. Seed, replay and oracle: harness.ts.
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadSuiteFile } from '../../src/suite/load.js';
import { FUZZ_TIMEOUT_MS, caseDir, fuzzLoader, seed, seedsFrom } from './harness.js';
import { splitSuite } from './mutate.js';

it(
  'fuzzed suites load or fail with one line naming file:line:col (exit 2, never 70)',
  async () => {
    const seeds = [
      ...seedsFrom('suites', /\.ya?ml$/).flatMap(splitSuite),
      ...seedsFrom('fixtures/suites/good', /\.ya?ml$/),
      seed('suites/rfc/etag.yaml'), // whole, in its own formatting (flow maps, comments)
      seed('templates/init/example-suite.yaml'),
    ];
    const file = path.join(caseDir(), 'suite.yaml');
    const r = await fuzzLoader({ file, seeds, load: (f) => loadSuiteFile(f) }, 300);
    expect(r.loaded).toBeGreaterThan(0); // some mutations keep a valid suite: the loader is not refusing everything
  },
  FUZZ_TIMEOUT_MS,
);
