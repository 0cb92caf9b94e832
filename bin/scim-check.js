#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (run `npm run build` first).
// `--version` alone is answered here, before the CLI and its dependencies load.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // undici parses HTTP with a WebAssembly module. V8 first compiles it with its baseline
  // compiler, then recompiles it with the optimising one on a background thread, and Node
  // waits for that thread before the process may exit: 150-250 ms of CPU after the last
  // request, for a speed-up that a run of a few hundred requests never earns back.
  setFlagsFromString('--liftoff-only');
  import('../dist/cli/main.js').catch((err) => {
    process.stderr.write(
      `scim-check: cannot start (${err && err.code === 'ERR_MODULE_NOT_FOUND' ? 'dist/ is missing; run `npm run build`' : String(err && err.message)})\n`,
    );
    process.exitCode = 70;
  });
}
