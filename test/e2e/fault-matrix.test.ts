// The fault matrix: one run of the real CLI per fault of the target, injected by the
// fault proxy in front of the reference server (or by a peer of its own: TLS, not HTTP).
// For each fault: the documented exit code, no stack trace, no token in any output,
// nothing left on the server, and the token never sent to another host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { startFaultProxy, type Fault } from '../helpers/fault-proxy.js';

const SUITE = 'fixtures/suites/e2e/create-users.yaml';
const SUITES = [SUITE, 'okta/test-credentials']; // a second suite: what a halted run did not reach is listed
const TIMEOUT_MS = 1000; // generous: on a loaded machine the requests that should pass must not time out
const READ = /\/Users\/[^/?]+$/; // the suite's read-first step: the creates before it succeed
const DISCOVERY = 3; // probe, /Schemas, /ResourceTypes

interface Row {
  fault: string;
  rule: (req: http.IncomingMessage, n: number, token: string, other: string) => Fault | undefined;
  exit: number;
  /** Extra assertion on the output. */
  says?: RegExp;
  /** --timeout for this row, when the default would end it before the fault shows. */
  timeoutMs?: number;
}

const onRead = (f: Fault) => (req: http.IncomingMessage) =>
  req.method === 'GET' && READ.test(req.url ?? '') ? f : undefined;
const afterDiscovery = (f: Fault) => (_req: http.IncomingMessage, n: number) => (n > DISCOVERY ? f : undefined);
const once = (f: Fault) => {
  const seen = new Set<string>();
  return (req: http.IncomingMessage) => {
    const key = `${req.method} ${req.url}`;
    if (req.method !== 'GET' || !READ.test(req.url ?? '') || seen.has(key)) return undefined;
    seen.add(key);
    return f;
  };
};

const ROWS: Row[] = [
  {
    fault: 'connection reset (every request after discovery)',
    rule: afterDiscovery({ reset: true }),
    exit: 3,
    says: /not run: target unresponsive/,
  },
  { fault: 'connection reset on a read', rule: onRead({ reset: true }), exit: 3, says: /SCIM_HTTP_RESET/ },
  { fault: 'reset mid-body', rule: onRead({ resetMidBody: '{"id":"x","user' }), exit: 3, says: /SCIM_HTTP_/ },
  {
    fault: 'hang (every request after discovery)',
    rule: afterDiscovery({ hang: true }),
    exit: 3,
    says: /not run: target unresponsive/,
  },
  { fault: 'slow drip (1 byte / 50 ms)', rule: onRead({ dripMs: 50 }), exit: 3, says: /SCIM_HTTP_TIMEOUT/ },
  { fault: 'headers, then stall', rule: onRead({ stallAfterHeaders: true }), exit: 3, says: /SCIM_HTTP_TIMEOUT/ },
  {
    fault: 'oversized body (21 MB)',
    rule: onRead({ status: 200, body: `{"pad":"${'x'.repeat(21 * 1024 * 1024)}"}` }),
    exit: 3,
    says: /SCIM_HTTP_BODY_TOO_LARGE/,
    timeoutMs: 20_000,
  },
  {
    fault: 'malformed JSON',
    rule: onRead({ status: 200, body: '{"id": "abc", "userName": ' }),
    exit: 1,
    says: /response has a JSON body/,
  },
  {
    fault: 'JSON nested 100,000 deep',
    rule: onRead({ status: 200, body: '['.repeat(100_000) + ']'.repeat(100_000) }),
    exit: 1,
    says: /nested deeper than 64/,
  },
  {
    fault: 'HTML error page',
    rule: onRead({
      status: 500,
      headers: { 'content-type': 'text/html' },
      body: '<html><body><h1>Internal Server Error</h1></body></html>',
    }),
    exit: 1,
    says: /actual:\s+500/,
  },
  { fault: 'empty 200', rule: onRead({ status: 200, body: '' }), exit: 1, says: /\(empty body\)/ },
  {
    fault: 'wrong Content-Length',
    rule: onRead({
      raw: 'HTTP/1.1 200 OK\r\ncontent-type: application/scim+json\r\ncontent-length: 500\r\n\r\n{"id":"x"}',
    }),
    exit: 3,
    says: /SCIM_HTTP_/,
  },
  {
    fault: 'gzip garbage',
    rule: onRead({ status: 200, headers: { 'content-encoding': 'gzip' }, body: 'definitely not gzip' }),
    exit: 3,
    says: /SCIM_HTTP_BAD_ENCODING/,
  },
  {
    fault: 'redirect loop',
    rule: (req) =>
      req.method === 'GET' && READ.test(req.url ?? '')
        ? { status: 302, headers: { location: req.url ?? '/' } }
        : undefined,
    exit: 1,
    says: /actual:\s+302/,
  },
  {
    fault: 'redirect to another host',
    rule: (req, _n, _t, other) =>
      req.method === 'GET' && READ.test(req.url ?? '')
        ? { status: 307, headers: { location: `${other}${req.url}` } }
        : undefined,
    exit: 1,
    says: /actual:\s+307/,
  },
  {
    fault: '429 with Retry-After: 0, then OK',
    rule: once({ status: 429, headers: { 'retry-after': '0' }, body: '{}' }),
    exit: 0,
    says: /RETRIED/,
  },
  {
    fault: '429 without Retry-After (the answer stands)',
    rule: once({ status: 429, body: '{}' }),
    exit: 1,
    says: /actual:\s+429/,
  },
  {
    fault: '503 then OK',
    rule: once({ status: 503, headers: { 'retry-after': '0' }, body: '{}' }),
    exit: 0,
    says: /RETRIED/,
  },
  {
    fault: 'token echoed in an error',
    rule: (req, _n, token) =>
      req.method === 'GET' && READ.test(req.url ?? '')
        ? {
            status: 400,
            body: JSON.stringify({
              schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
              status: '400',
              detail: `bad token ${token}`,
            }),
          }
        : undefined,
    exit: 1,
    says: /\[REDACTED\]/,
  },
  {
    fault: 'control characters in the body',
    rule: onRead({ status: 400, body: JSON.stringify({ status: '400', detail: 'evil \u001b[2J\u0007\u0000 text' }) }),
    exit: 1,
    says: /\\u001b\[2J/,
  },
  {
    fault: 'POST created, then no answer (swept by prefix)',
    rule: (() => {
      let posts = 0;
      return (req: http.IncomingMessage) =>
        req.method === 'POST' && ++posts === 1 ? { forwardThenHang: true } : undefined;
    })(),
    exit: 3,
    says: /DELETE \(sweep\) \(1\)/,
  },
  {
    fault: 'token revoked mid-run (401)',
    rule: onRead({ status: 401, body: '{"status":"401"}' }),
    exit: 4,
    says: /token rejected/,
  },
];

let other: http.Server;
let otherUrl: string;
const otherHits: string[] = [];
// by row: the rows run side by side, and the table keeps the order of ROWS
const table: string[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  // "another host": a listener that must never see a request (and so never the token)
  other = http.createServer((req, res) => {
    otherHits.push(`${req.method} ${req.url}`);
    res.end();
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => other.close(() => r()));
  // The table the closing note quotes (reports/ is git-ignored): what each fault measured, in this run.
  const file = path.join(ROOT, 'reports', 'fault-matrix.md');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, matrixTable(table));
  if (process.env.SCIM_CHECK_PRINT_MATRIX) process.stdout.write(`\n${matrixTable(table)}`);
});

function matrixTable(rows: string[]): string {
  const measured = rows.filter((r) => r !== undefined); // a row that never ran leaves a hole
  return `| fault | exit code | seconds | resources left behind |\n|---|---:|---:|---:|\n${measured.join('\n')}\n`;
}

function expectClean(res: { stdout: string; stderr: string }, token: string): void {
  expect(res.stderr).not.toMatch(/\n\s+at /);
  expect(res.stderr).not.toContain('internal error');
  expect(res.stdout).not.toContain(token);
  expect(res.stderr).not.toContain(token);
  expect(res.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
}

// Rows run side by side (vitest.config.ts: maxConcurrency): most of a row is waiting on a fault.
describe.concurrent('fault matrix', () => {
  for (const [index, row] of ROWS.entries()) {
    it(`${row.fault}: exit ${row.exit}, nothing left behind`, async () => {
      const s: RunningServer = await startServer({ port: 0, seed: { users: 2 } });
      const before = s.store.snapshot();
      const [beforeUsers, beforeGroups] = [s.store.users().length, s.store.groups().length];
      const proxy = await startFaultProxy(new URL(s.baseUrl).origin, (req, n) => row.rule(req, n, s.token, otherUrl));
      try {
        const started = performance.now();
        const res = await runCli(
          [
            'run',
            ...SUITES,
            '--base-url',
            proxy.url + new URL(s.baseUrl).pathname,
            '--timeout',
            String(row.timeoutMs ?? TIMEOUT_MS),
          ],
          { env: { SCIM_TOKEN: s.token } },
        );
        const seconds = (performance.now() - started) / 1000;
        // recorded before the assertions: a row that fails is in the table too, as measured
        const residue = s.store.users().length + s.store.groups().length - (beforeUsers + beforeGroups);
        table[index] = `| ${row.fault} | ${res.code} | ${seconds.toFixed(1)} | ${residue} |`;
        expect(res.code, res.stdout + res.stderr).toBe(row.exit);
        if (row.says) expect(res.stdout + res.stderr).toMatch(row.says);
        expectClean(res, s.token);
        expect(s.store.snapshot()).toBe(before);
        expect(otherHits).toEqual([]);
        expect(
          proxy.log.every(
            (l) =>
              l.authorization === undefined ||
              l.authorization === `Bearer ${s.token}` ||
              l.authorization === 'Bearer scim-check-invalid-token',
          ),
        ).toBe(true);
      } finally {
        await proxy.close();
        await s.close();
      }
    });
  }

  it('a self-signed TLS peer: one line, exit 3, nothing sent in the clear', async () => {
    const tls = https.createServer(
      {
        key: readFileSync(path.join(ROOT, 'fixtures/tls/self-signed.key')),
        cert: readFileSync(path.join(ROOT, 'fixtures/tls/self-signed.crt')),
      },
      (_req, res) => res.end('{}'),
    );
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    try {
      const token = 'tls-fault-token-9f8e7d';
      const started = performance.now();
      const res = await runCli(
        [
          'run',
          SUITE,
          '--base-url',
          `https://127.0.0.1:${(tls.address() as AddressInfo).port}/scim/v2`,
          '--timeout',
          String(TIMEOUT_MS),
        ],
        { env: { SCIM_TOKEN: token } },
      );
      expect(res.code).toBe(3);
      expect(res.stderr).toMatch(
        /^scim-check: target unreachable: GET https:\/\/127\.0\.0\.1:\d+: TLS failure \([A-Z_]+\) \[SCIM_HTTP_TLS\]\n$/,
      );
      expectClean(res, token);
      table[ROWS.length] =
        `| self-signed TLS | ${res.code} | ${((performance.now() - started) / 1000).toFixed(1)} | 0 (nothing sent) |`;
    } finally {
      await new Promise<void>((r) => tls.close(() => r()));
    }
  });

  it('a peer that does not speak HTTP: one line, exit 3', async () => {
    const sockets = new Set<net.Socket>();
    const peer = net.createServer((sock) => {
      sockets.add(sock);
      sock.on('error', () => undefined);
      sock.end('SSH-2.0-OpenSSH_9.0\r\n');
    });
    await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
    try {
      const token = 'not-http-token-1a2b3c';
      const started = performance.now();
      const res = await runCli(
        [
          'run',
          SUITE,
          '--base-url',
          `http://127.0.0.1:${(peer.address() as AddressInfo).port}/scim/v2`,
          '--timeout',
          String(TIMEOUT_MS),
        ],
        { env: { SCIM_TOKEN: token } },
      );
      expect(res.code).toBe(3);
      expect(res.stderr).toMatch(
        /^scim-check: target unreachable: GET http:\/\/127\.0\.0\.1:\d+: .*\[SCIM_HTTP_[A-Z_]+\]\n$/,
      );
      expectClean(res, token);
      table[ROWS.length + 1] =
        `| peer that does not speak HTTP | ${res.code} | ${((performance.now() - started) / 1000).toFixed(1)} | 0 (nothing sent) |`;
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => peer.close(() => r()));
    }
  });
});
