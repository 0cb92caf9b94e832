import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: 'forks',
    // the JSON summary lets .ci/run print a plain "N passed, N failed" closing line
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
