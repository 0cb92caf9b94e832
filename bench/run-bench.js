#!/usr/bin/env node
// Benchmark of the spine: a full default `scim-check run` against the reference
// server, beside a bare undici loop sending the same requests in the same order
// to a fresh reference server; and `scim-check --version` beside `node -e 0`.
// Prints figures; no thresholds (machines are noisy: quote ratios from one run).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request, Agent } from 'undici';
import { startServer } from '../dist/server/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'scim-check.js');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeProcess(args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  const ms = performance.now() - t0;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The reference server lives in this process, so the CLI must run without blocking it.
function timeProcessAsync(args, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ ms: performance.now() - t0, status, stderr }));
  });
}

async function scimCheckRun(reportFile) {
  const server = await startServer({ port: 0 });
  try {
    const r = await timeProcessAsync([BIN, 'run', '--base-url', server.baseUrl, '--reporter', `json:${reportFile}`], { SCIM_TOKEN: server.token });
    if (r.status !== 0) throw new Error(`scim-check run exited ${r.status}: ${r.stderr}`);
    return r.ms;
  } finally {
    await server.close();
  }
}

function exchangesOf(reportFile) {
  const run = JSON.parse(readFileSync(reportFile, 'utf8'));
  const out = [];
  for (const s of run.suites) for (const t of s.tests) for (const st of t.steps) for (const ex of st.exchanges) out.push(ex);
  // clean-up requests are not in the report; replay one DELETE per removed resource
  for (const c of run.cleanup) out.push({ method: 'DELETE', url: `${run.target.baseUrl}/${c.type === 'Group' ? 'Groups' : 'Users'}/bench-missing`, requestHeaders: { accept: 'application/scim+json' } });
  return { run, exchanges: out };
}

async function bareReplay(exchanges, originalBase) {
  const server = await startServer({ port: 0 });
  const agent = new Agent({ connections: 1 });
  try {
    const t0 = performance.now();
    for (const ex of exchanges) {
      const url = server.baseUrl + ex.url.slice(originalBase.length);
      const headers = { ...ex.requestHeaders, authorization: `Bearer ${server.token}` };
      delete headers['content-length'];
      const res = await request(url, { method: ex.method, headers, body: ex.requestBody === undefined ? undefined : JSON.stringify(ex.requestBody), dispatcher: agent });
      await res.body.text();
    }
    return performance.now() - t0;
  } finally {
    await agent.close();
    await server.close();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-bench-'));
const runTimes = [];
const bareTimes = [];
let requests = 0;
for (let i = 0; i < REPEAT; i++) {
  const file = path.join(dir, `run-${i}.json`);
  runTimes.push(await scimCheckRun(file));
  const { run, exchanges } = exchangesOf(file);
  requests = exchanges.length;
  bareTimes.push(await bareReplay(exchanges, run.target.baseUrl));
}
const versionTimes = [];
const nodeTimes = [];
for (let i = 0; i < REPEAT; i++) {
  versionTimes.push(timeProcess([BIN, '--version']).ms);
  nodeTimes.push(timeProcess(['-e', '0']).ms);
}
// Where the time goes, in this process: loading and validating the suites, a first
// run (ajv and V8 compile on first use), and a warm run of the same suites.
const { resolveSuites } = await import('../dist/suite/discover.js');
const { runSuites } = await import('../dist/runner/run.js');
const { loadProfile } = await import('../dist/profile/load.js');
const phases = { load: [], first: [], warm: [] };
{
  const t0 = performance.now();
  const suites = resolveSuites([], {});
  phases.load.push(performance.now() - t0);
  const server = await startServer({ port: 0 });
  const opts = { baseUrl: server.baseUrl, token: server.token, embedded: true, timeoutMs: 60000, bail: false, extraHeaders: {}, profile: loadProfile('okta-minimum'), languageFormat: 'iso639-1' };
  const t1 = performance.now();
  await runSuites(suites, opts);
  phases.first.push(performance.now() - t1);
  for (let i = 0; i < REPEAT; i++) {
    const t2 = performance.now();
    await runSuites(suites, opts);
    phases.warm.push(performance.now() - t2);
  }
  await server.close();
}
const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`scim-check bench (median of ${REPEAT}, node ${process.version})`);
console.log(`  default run, whole process     ${fmt(median(runTimes))}  (${requests} requests incl. clean-up)`);
console.log(`  bare undici, same requests     ${fmt(median(bareTimes))}`);
console.log(`  ratio run / bare               ${(median(runTimes) / median(bareTimes)).toFixed(1)}x`);
console.log(`  in process: load+validate suites ${fmt(phases.load[0])}, first run ${fmt(phases.first[0])}, warm run ${fmt(median(phases.warm))}`);
console.log(`  ratio warm run / bare          ${(median(phases.warm) / median(bareTimes)).toFixed(1)}x`);
console.log(`  scim-check --version           ${fmt(median(versionTimes))}`);
console.log(`  node -e 0                      ${fmt(median(nodeTimes))}`);
console.log(`  ratio --version / node -e 0    ${(median(versionTimes) / median(nodeTimes)).toFixed(1)}x`);
