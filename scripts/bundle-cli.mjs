// Build step after tsc: the CLI's own modules (dist/cli/main.js and everything it imports,
// lazily imported commands included) bundled into dist/bundle/, one chunk per lazy boundary.
// Loading ~100 small ES modules one by one (resolve, stat, read, compile, link each) was a
// measurable share of a run's start-up (bench/run-bench.js); a chunk is read and compiled at
// once. Packages stay external: the same node_modules the unbundled modules use.
// dist/bundle/ sits at the depth of dist/util/, so util/paths.ts finds the package root as before.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'dist', 'cli', 'main.js')],
  outdir: path.join(root, 'dist', 'bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
