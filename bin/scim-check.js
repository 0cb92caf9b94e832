#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (run `npm run build` first).
import('../dist/cli/main.js').catch((err) => {
  process.stderr.write(`scim-check: cannot start (${err && err.code === 'ERR_MODULE_NOT_FOUND' ? 'dist/ is missing; run `npm run build`' : String(err && err.message)})\n`);
  process.exitCode = 70;
});
