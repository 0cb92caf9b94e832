#!/usr/bin/env node
// Benchmark of a `scim-check run` and of start-up.
//  - whole process against whole process: `scim-check run` (default suites) beside
//    bench/bare-replay.js, a bare undici script sending the very requests that run sent
//    (recorded once), in the same order; each against a fresh reference server in a third process;
//  - `scim-check --version` beside `node -e 0`;
//  - in process (where the time goes): loading the suites, a first run, a warm run, beside a bare loop.
// Measurements alternate (A B, B A, ...) and the medians are compared.
//   node bench/run-bench.js [--repeat 7]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, ROOT, median, startServerProcess, timeNode } from './lib/common.js';

const SELF = fileURLToPath(import.meta.url);
const BARE = path.join(ROOT, 'bench', 'bare-replay.js');
/** What bin/scim-check.js sets for `run` (v8.setFlagsFromString), given to the bare script as flags. */
const RUN_V8_FLAGS = ['--liftoff-only', '--no-turbofan'];

/** Child mode: the real CLI in this process, with every request it sends written to a file. */
async function recordChild(out, cliArgs) {
  const { HttpClient } = await import('../dist/http/client.js');
  const base = cliArgs[cliArgs.indexOf('--base-url') + 1];
  const sent = [];
  const send = HttpClient.prototype.send;
  HttpClient.prototype.send = function (req) {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k]) => !/^(authorization|content-length)$/i.test(k)),
    );
    sent.push({ method: req.method, path: req.url.slice(base.length), headers, body: req.body });
    return send.call(this, req);
  };
  process.on('exit', () => writeFileSync(out, JSON.stringify(sent)));
  process.argv = [process.argv[0], BIN, ...cliArgs];
  await import('../dist/cli/main.js');
}

async function withServer(fn) {
  const server = await startServerProcess();
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

async function recordRequests(dir) {
  const file = path.join(dir, 'requests.json');
  await withServer(async (server) => {
    const r = await timeNode([SELF, '--record', file, 'run', '--base-url', server.baseUrl], {
      env: { SCIM_TOKEN: server.token },
    });
    if (r.status !== 0) throw new Error(`recording run exited ${r.status}: ${r.stderr}`);
  });
  return { file, count: JSON.parse(readFileSync(file, 'utf8')).length };
}

const timeCliRun = () =>
  withServer(async (server) => {
    const r = await timeNode([BIN, 'run', '--base-url', server.baseUrl], { env: { SCIM_TOKEN: server.token } });
    if (r.status !== 0) throw new Error(`scim-check run exited ${r.status}: ${r.stderr}`);
    return r.ms;
  });

// `v8Flags`: the bare script under the V8 settings bin/scim-check.js makes for a run, a
// reference floor printed beside the goal's, so the ratio's gain from that setting is visible.
const timeBare = (requestsFile, v8Flags = []) =>
  withServer(async (server) => {
    const r = await timeNode([...v8Flags, BARE, server.baseUrl, requestsFile], { env: { SCIM_TOKEN: server.token } });
    if (r.status !== 0) throw new Error(`bare replay exited ${r.status}: ${r.stderr}`);
    return r.ms;
  });

/** Alternates a and b (a b, b a, a b, ...) `repeat` times each; medians. */
async function sideBySide(repeat, a, b) {
  const as = [];
  const bs = [];
  for (let i = 0; i < repeat; i++) {
    if (i % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  return { a: median(as), b: median(bs), as, bs };
}

/** In this process: suite loading, a first and a warm run, and a bare loop, against an in-process server. */
async function inProcess(requestsFile, repeat) {
  const { resolveSuites } = await import('../dist/suite/discover.js');
  const { runSuites } = await import('../dist/runner/run.js');
  const { loadProfile } = await import('../dist/profile/load.js');
  const { startServer } = await import('../dist/server/index.js');
  const { Agent, request } = await import('undici');
  const t0 = performance.now();
  const suites = resolveSuites([], {});
  const load = performance.now() - t0;
  const server = await startServer({ port: 0 });
  const opts = {
    baseUrl: server.baseUrl,
    token: server.token,
    embedded: false,
    timeoutMs: 60000,
    bail: false,
    extraHeaders: {},
    profile: loadProfile('okta-minimum'),
    languageFormat: 'iso639-1',
  };
  const t1 = performance.now();
  await runSuites(suites, opts);
  const first = performance.now() - t1;
  const requests = JSON.parse(readFileSync(requestsFile, 'utf8'));
  const bareLoop = async () => {
    const agent = new Agent({ connections: 1 });
    const t = performance.now();
    for (const r of requests) {
      const res = await request(server.baseUrl + r.path, {
        method: r.method,
        headers: { ...r.headers, authorization: `Bearer ${server.token}` },
        body: r.body,
        dispatcher: agent,
      });
      await res.body.text();
    }
    const ms = performance.now() - t;
    await agent.close();
    return ms;
  };
  const warmRun = async () => {
    const t = performance.now();
    await runSuites(suites, opts);
    return performance.now() - t;
  };
  const { a: warm, b: bare } = await sideBySide(repeat, warmRun, bareLoop);
  await server.close();
  return { load, first, warm, bare };
}

export async function runBench({ repeat = 7 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-run-bench-'));
  try {
    const recorded = await recordRequests(dir);
    await timeCliRun(); // warm the file system cache for both sides
    await timeBare(recorded.file);
    const run = await sideBySide(repeat, timeCliRun, () => timeBare(recorded.file));
    const liftoff = await sideBySide(
      repeat,
      () => timeBare(recorded.file),
      () => timeBare(recorded.file, RUN_V8_FLAGS),
    );
    const version = await sideBySide(
      repeat * 2,
      async () => (await timeNode([BIN, '--version'])).ms,
      async () => (await timeNode(['-e', '0'])).ms,
    );
    const phases = await inProcess(recorded.file, repeat);
    return {
      requests: recorded.count,
      runMs: run.a,
      bareMs: run.b,
      // the same bare script, timed beside itself under the CLI's V8 settings, scaled to this sitting's bare figure
      bareSameFlagsMs: (liftoff.b / liftoff.a) * run.b,
      versionMs: version.a,
      nodeMs: version.b,
      phases,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printRunBench(r, repeat) {
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(`run benchmark (medians of ${repeat}, alternating; node ${process.version})`);
  console.log(`  scim-check run (default suites), whole process   ${ms(r.runMs)}  (${r.requests} requests)`);
  console.log(`  bare undici script, same requests, own process   ${ms(r.bareMs)}`);
  console.log(`  ratio run / bare                                 ${(r.runMs / r.bareMs).toFixed(2)}x  (goal <= 1.3x)`);
  console.log(
    `  for reference: bare script under ${RUN_V8_FLAGS.join(' ')}  ${ms(r.bareSameFlagsMs)}  (run / that ${(r.runMs / r.bareSameFlagsMs).toFixed(2)}x)`,
  );
  console.log(
    `  in process: loading the suites ${ms(r.phases.load)}, first run ${ms(r.phases.first)}, warm run ${ms(r.phases.warm)}, bare loop ${ms(r.phases.bare)} (warm/bare ${(r.phases.warm / r.phases.bare).toFixed(2)}x)`,
  );
  console.log(
    `  scim-check --version ${ms(r.versionMs)}, node -e 0 ${ms(r.nodeMs)}: ${(r.versionMs / r.nodeMs).toFixed(2)}x  (goal <= 1.5x)`,
  );
}

const i = process.argv.indexOf('--record');
if (i >= 0) {
  await recordChild(process.argv[i + 1], process.argv.slice(i + 2));
} else if (process.argv[1] === SELF) {
  const r = process.argv.indexOf('--repeat');
  const repeat = r >= 0 ? Number(process.argv[r + 1]) : 7;
  printRunBench(await runBench({ repeat }), repeat);
}
