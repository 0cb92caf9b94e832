#!/usr/bin/env node
// Benchmark of `scim-check audit`: the real CLI against the reference server seeded with
// N users, beside a bare undici loop fetching the same pages (startIndex/count=100) at the
// same concurrency. The server, the bare loop and the audit each run in their own process,
// so every peak RSS is that process's own (process.resourceUsage().maxRSS).
//   node bench/audit-bench.js [--sizes 10000,100000] [--concurrency 4] [--repeat 2]
// AUDIT_NODE_ARGS adds Node flags to the audit's process only, e.g. to profile it:
//   AUDIT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node bench/audit-bench.js --sizes 100000 --repeat 1
// Prints a table; bench/index.js (npm run bench) sets the figures beside their goals.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const PAGE_SIZE = 100;
const RSS_TAG = 'AUDIT_BENCH_USAGE=';

/** Peak RSS (KB) and CPU time (µs) of this process, for the parent to read. */
function usageLine() {
  const u = process.resourceUsage();
  return `${RSS_TAG}${u.maxRSS},${u.userCPUTime + u.systemCPUTime}\n`;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

// ---- children -------------------------------------------------------------------------

/** Reference server seeded with N users (1 in 200 inactive, 1 in 200 with preferredLanguage "en-US"). */
async function serverChild(users) {
  const { startServer } = await import('../dist/server/index.js');
  const defects = { inactive: Math.floor(users / 200), 'language-region': Math.floor(users / 200) };
  const server = await startServer({ seed: { users, defects } });
  process.stdout.write(
    `${JSON.stringify({ baseUrl: server.baseUrl, token: server.token, total: server.store.count('User') })}\n`,
  );
  process.stdin.resume();
  process.stdin.on('end', () => server.close().then(() => process.exit(0)));
}

/** The baseline: the same GETs with undici, bodies read and parsed, nothing checked. */
async function bareChild(baseUrl, total, concurrency) {
  const { Agent, request } = await import('undici');
  const agent = new Agent({ connections: concurrency });
  const headers = { authorization: `Bearer ${process.env.SCIM_TOKEN}`, accept: 'application/scim+json' };
  const started = performance.now();
  let next = 1;
  let read = 0;
  const worker = async () => {
    while (next <= total) {
      const startIndex = next;
      next += PAGE_SIZE;
      const res = await request(`${baseUrl}/Users?startIndex=${startIndex}&count=${PAGE_SIZE}`, {
        headers,
        dispatcher: agent,
      });
      read += JSON.parse(await res.body.text()).Resources.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - started;
  await agent.close();
  process.stdout.write(`${JSON.stringify({ ms, read })}\n`);
  process.stderr.write(usageLine());
}

/** The real CLI in this process, so its peak RSS can be read at exit. */
async function auditChild(cliArgs) {
  (await import('node:v8')).setFlagsFromString('--liftoff-only');
  process.on('exit', () => process.stderr.write(usageLine()));
  process.argv = [process.argv[0], path.join(ROOT, 'bin', 'scim-check.js'), ...cliArgs];
  await import('../dist/bundle/main.js'); // what bin/scim-check.js loads
}

// ---- parent ---------------------------------------------------------------------------

function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const nodeArgs = args[1] === 'audit' ? (process.env.AUDIT_NODE_ARGS ?? '').split(' ').filter(Boolean) : [];
    const child = spawn(process.execPath, [...nodeArgs, SELF, ...args], {
      env: { ...process.env, CI: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = stderr.match(new RegExp(`${RSS_TAG}(\\d+),(\\d+)`)) ?? [];
      resolve({
        code,
        stdout,
        stderr: stderr.replace(new RegExp(`${RSS_TAG}[\\d,]+\\n?`), ''),
        maxRssMb: Number(m[1]) / 1024,
        cpuMs: Number(m[2]) / 1000,
      });
    });
  });
}

function startServerChild(users) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', SELF, '--child', 'server', String(users)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      if (buf.includes('\n')) resolve({ child, ...JSON.parse(buf.split('\n')[0]) });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server child exited ${code}`)));
  });
}

async function measureSize(users, concurrency, repeat) {
  const seedStart = performance.now();
  const server = await startServerChild(users);
  const seedMs = performance.now() - seedStart;
  const env = { SCIM_TOKEN: server.token };
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-bench-'));
  const bare = [];
  const audit = [];
  try {
    const runBare = async () => {
      const b = await run(['--child', 'bare', server.baseUrl, String(server.total), String(concurrency)], env);
      if (b.code !== 0) throw new Error(`bare loop failed: ${b.stderr}`);
      bare.push({ ...JSON.parse(b.stdout), maxRssMb: b.maxRssMb, cpuMs: b.cpuMs });
    };
    const runAudit = async (i) => {
      const jsonl = path.join(dir, `audit-${i}.jsonl`);
      const args = [
        'audit',
        '--base-url',
        server.baseUrl,
        '--resources',
        'users',
        '--page-size',
        String(PAGE_SIZE),
        '--concurrency',
        String(concurrency),
        '--reporter',
        `jsonl:${jsonl}`,
      ];
      const a = await run(['--child', 'audit', ...args], env);
      if (a.code !== 1) throw new Error(`audit exited ${a.code} (expected 1: seeded must-level defects): ${a.stderr}`);
      const lines = readFileSync(jsonl, 'utf8').trimEnd().split('\n');
      const summary = JSON.parse(lines.at(-1));
      audit.push({
        ms: summary.durationMs,
        read: summary.totals.resourcesRead,
        findings: summary.totals.findings,
        maxRssMb: a.maxRssMb,
        cpuMs: a.cpuMs,
      });
    };
    // side by side, alternating which goes first
    for (let i = 0; i < repeat; i++) {
      if (i % 2 === 0) {
        await runBare();
        await runAudit(i);
      } else {
        await runAudit(i);
        await runBare();
      }
    }
  } finally {
    server.child.stdin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  const med = (xs) => ({ ...xs[0], ms: median(xs.map((x) => x.ms)), cpuMs: median(xs.map((x) => x.cpuMs)) });
  return {
    users: server.total,
    seedMs,
    bare: med(bare),
    audit: med(audit),
    auditRssMax: Math.max(...audit.map((a) => a.maxRssMb)),
    bareRssMax: Math.max(...bare.map((b) => b.maxRssMb)),
  };
}

function table(rows) {
  const head = [
    'users',
    'bare undici (res/s)',
    'audit (res/s)',
    'audit/bare',
    'audit time',
    'audit CPU/user',
    'findings',
    'peak RSS audit',
    'peak RSS bare',
  ];
  const body = rows.map((r) => [
    String(r.users),
    (r.bare.read / (r.bare.ms / 1000)).toFixed(0),
    (r.audit.read / (r.audit.ms / 1000)).toFixed(0),
    (r.bare.ms / r.audit.ms).toFixed(2),
    `${(r.audit.ms / 1000).toFixed(1)} s`,
    `${((r.audit.cpuMs * 1000) / r.audit.read).toFixed(0)} µs`,
    String(r.audit.findings),
    `${r.auditRssMax.toFixed(0)} MB`,
    `${r.bareRssMax.toFixed(0)} MB`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main() {
  const sizes = flag('sizes', '10000,100000').split(',').map(Number);
  const concurrency = Number(flag('concurrency', '4'));
  const repeat = Number(flag('repeat', '2'));
  process.stdout.write(
    `audit benchmark: page size ${PAGE_SIZE}, concurrency ${concurrency}, medians of ${repeat}, alternating; node ${process.version}\n`,
  );
  const rows = [];
  for (const users of sizes) {
    const row = await measureSize(users, concurrency, repeat);
    if (row.audit.read !== row.users || row.bare.read !== row.users)
      throw new Error(`read ${row.audit.read}/${row.bare.read} of ${row.users}`);
    process.stdout.write(
      `  ${users} users: seeded in ${(row.seedMs / 1000).toFixed(1)} s, audit ${(row.audit.ms / 1000).toFixed(1)} s, bare ${(row.bare.ms / 1000).toFixed(1)} s\n`,
    );
    rows.push(row);
  }
  process.stdout.write(
    `\n${table(rows)}\n\naudit/bare = bare loop time / audit time (1.00 = the audit is as fast as fetching alone).\n`,
  );
}

/** For bench/index.js: one row per size (10k and 100k by default; 1M takes minutes). */
/** `repeatLarge`: the runs at a million users and more, which take minutes each. */
export async function auditBench({ sizes = [10_000, 100_000], concurrency = 4, repeat = 2, repeatLarge = 1 } = {}) {
  const rows = [];
  for (const users of sizes) {
    const runs = users >= 1_000_000 ? repeatLarge : repeat;
    const row = { ...(await measureSize(users, concurrency, runs)), runs };
    if (row.audit.read !== row.users || row.bare.read !== row.users)
      throw new Error(`read ${row.audit.read}/${row.bare.read} of ${row.users}`);
    rows.push(row);
  }
  return rows;
}

if (process.argv[1] === SELF) {
  const mode = flag('child');
  if (mode === 'server') await serverChild(Number(process.argv[4]));
  else if (mode === 'bare') await bareChild(process.argv[4], Number(process.argv[5]), Number(process.argv[6]));
  else if (mode === 'audit') await auditChild(process.argv.slice(4));
  else await main();
}
