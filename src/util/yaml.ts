// The yaml package, loaded on first use: a run of the bundled suites (prebuilt at build
// time) parses no YAML at all.
import { lazyRequire } from './lazy-require.js';

export const loadYaml = lazyRequire<typeof import('yaml')>('yaml');
