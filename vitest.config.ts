import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: 'forks',
    // Each worker keeps its modules from one test file to the next. Under vitest the prebuilt
    // artefacts are off (src/prebuilt), so every fresh module graph re-read the YAML suites and
    // re-compiled the ajv validators: with isolation, src/ took 66 s of CPU, without it 19 s.
    // Tests must therefore leave no global state behind: test/setup/no-leaks.ts fails a file that does.
    isolate: false,
    setupFiles: ['test/setup/no-leaks.ts'],
    // one scratch directory per test run (TMPDIR), removed at its end
    globalSetup: ['test/setup/temp-dir.ts'],
    // tests marked concurrent (CLI runs that mostly wait on a fault or a timeout) run three at a
    // time: more would let CPU contention stretch requests that are meant to pass past --timeout
    maxConcurrency: 3,
    // vitest's default leaves one core idle (cores - 1 = one worker on a 2-core machine); most e2e
    // files wait on a child CLI process or a socket, so every core gets a worker
    maxWorkers: Math.max(2, availableParallelism()),
    // the JSON summary lets .ci/run print a plain "N passed, N failed" closing line
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
