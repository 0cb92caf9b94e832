#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (run `npm run build` first), bundled into
// dist/bundle/ (scripts/bundle-cli.mjs) so that it loads as a few chunks, not ~100 modules.
// `--version` alone is answered here, before the CLI and its dependencies load.
import { readFileSync, statSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { setFlagsFromString } = await import('node:v8'); // not for --version: it costs a few ms
  // undici parses HTTP with a WebAssembly module. V8 first compiles it with its baseline
  // compiler, then recompiles it with the optimising one on a background thread, and Node
  // waits for that thread before the process may exit: 150-250 ms of CPU after the last
  // request, for a speed-up that a run of a few hundred requests never earns back.
  setFlagsFromString('--liftoff-only');
  // A run or a credentials test is over in seconds, and V8's optimising compiler spent about
  // 150 ms of CPU on background threads recompiling code that such a run then barely uses
  // (bench/run-bench.js). The long-lived commands (audit, provision, record, serve) keep it.
  // Both flags exist from V8 11 (Node 20) on; an unknown one would be reported on stderr.
  if (['run', 'test-credentials'].includes(args[0]) && Number(process.versions.v8.split('.')[0]) >= 11)
    setFlagsFromString('--no-turbofan');
  import(entry()).catch((err) => {
    process.stderr.write(
      `scim-check: cannot start (${err && err.code === 'ERR_MODULE_NOT_FOUND' ? 'dist/ is missing; run `npm run build`' : String(err && err.message)})\n`,
    );
    process.exitCode = 70;
  });
}

/**
 * The bundle, unless it is older than the compiled modules it was made from: after a bare `tsc`
 * (no `npm run build`), the modules are the current code and the bundle would run the old one.
 */
function entry() {
  const bundle = new URL('../dist/bundle/main.js', import.meta.url);
  const modules = new URL('../dist/cli/main.js', import.meta.url);
  const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
  const bundled = mtime(bundle);
  return bundled !== undefined && bundled >= (mtime(modules) ?? 0) ? bundle.href : modules.href;
}
