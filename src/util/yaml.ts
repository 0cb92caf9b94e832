// The yaml package, loaded on first use: a run of the bundled suites (prebuilt at build
// time) parses no YAML at all.
import { lazyRequire } from './lazy-require.js';

export const loadYaml = lazyRequire<typeof import('yaml')>('yaml');

/** A YAML parse error in one line, without the "at line N, column M" that the caller's position already gives. */
export function yamlErrorReason(error: { message: string }): string {
  const [firstLine = ''] = error.message.split('\n', 1);
  return firstLine.replace(/ at line \d+, column \d+:?$/, '');
}
