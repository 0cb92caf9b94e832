import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: 'forks',
    // vitest's default leaves one core idle (cores - 1 = one worker on a 2-core machine); most e2e
    // files wait on a child CLI process or a socket, so every core gets a worker
    maxWorkers: Math.max(2, availableParallelism()),
    // the JSON summary lets .ci/run print a plain "N passed, N failed" closing line
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
