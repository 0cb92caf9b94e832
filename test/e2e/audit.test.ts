// `scim-check audit` end to end: the CLI against the reference server seeded with
// defective data. Run `npm run build` first (npm test does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { AUDIT_DEFECTS } from '../../src/server/seed-defects.js';
import { runCli, type CliResult, spawnCli } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';

const DEFECTS = Object.fromEntries(Object.keys(AUDIT_DEFECTS).map((name) => [name, 3]));

describe('scim-check audit (e2e)', () => {
  let server: RunningServer;
  let dir: string;
  const audit = (args: string[], env: Record<string, string> = {}) =>
    runCli(['audit', '--base-url', server.baseUrl, '--token-env', 'AUDIT_TOKEN', ...args], {
      env: { AUDIT_TOKEN: server.token, CI: 'true', ...env },
    });

  beforeAll(async () => {
    server = await startServer({ seed: { users: 250, groups: 5, defects: DEFECTS } });
    dir = await mkdtemp(path.join(os.tmpdir(), 'scim-audit-e2e-'));
  });
  afterAll(() => server.close());

  it('reports every rule, writes every format, never shows the token and changes nothing', async () => {
    const before = server.store.snapshot();
    const logBefore = server.requestLog.length;
    const reports = ['markdown:audit.md', 'html:audit.html', 'jsonl:audit.jsonl', 'junit:audit.xml'].map((r) =>
      r.replace(':', `:${dir}/`),
    );
    const res = await audit([
      '--page-size',
      '50',
      '--concurrency',
      '3',
      ...reports.flatMap((r) => ['--reporter', r]),
      '--reporter',
      'console',
    ]);
    expect(res.stderr).toBe(''); // no progress bar when piped / in CI
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/USERNAME_DUPLICATE\s+MUST\s+6\s/);
    expect(res.stdout).toMatch(/GROUP_MEMBER_UNKNOWN\s+MUST\s+3\s/);
    expect(res.stdout).toMatch(/^FAIL: \d+ must-level findings/m);

    const lines = (await readFile(path.join(dir, 'audit.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const summary = lines.at(-1);
    expect(summary.type).toBe('summary');
    const findings = lines.slice(0, -1);
    expect(findings.every((l) => l.type === 'finding')).toBe(true);
    for (const rule of summary.rules) expect(findings.filter((f) => f.code === rule.code)).toHaveLength(rule.count);
    expect(summary.endpoints.map((e: { read: number }) => e.read)).toEqual([250 + 3 * 14, 5 + 3 * 2]);

    const files = await readdir(dir);
    expect(files.sort()).toEqual(['audit.html', 'audit.jsonl', 'audit.md', 'audit.xml']);
    for (const f of files) expect(await readFile(path.join(dir, f), 'utf8'), f).not.toContain(server.token);
    expect(res.stdout + res.stderr).not.toContain(server.token);

    expect(server.store.snapshot()).toBe(before);
    expect(server.requestLog.slice(logBefore).every((r) => r.method === 'GET')).toBe(true);
  });

  it('masks emails and names with --mask-pii', async () => {
    const res = await audit(['--mask-pii', '--reporter', `markdown:${dir}/masked.md`, '--reporter', 'json']);
    expect(res.code).toBe(1);
    const md = await readFile(path.join(dir, 'masked.md'), 'utf8');
    for (const text of [md, res.stdout]) {
      expect(text).toContain('defect-username-case-duplicate-1a'); // ids stay
      expect(text).not.toMatch(/[\w.-]{2,}@example\.com/); // no full address
    }
  });

  it('exits 0 on a clean tenant, and honours --resources and --max-resources', async () => {
    const clean = await startServer({ seed: { users: 120, groups: 2 } });
    try {
      const run = (args: string[]) =>
        runCli(['audit', '--base-url', clean.baseUrl, '--token-env', 'T', ...args], {
          env: { T: clean.token, CI: 'true' },
        });
      const all = await run([]);
      expect(all.code).toBe(0);
      expect(all.stdout).toContain('Users: 120 read of 120 announced, 2 pages');
      expect(all.stdout).toMatch(/^PASS: no must-level finding/m);
      const some = await run([
        '--resources',
        'users',
        '--max-resources',
        '30',
        '--page-size',
        '20',
        '--reporter',
        'json',
      ]);
      const summary = JSON.parse(some.stdout); // json: one document
      expect(summary.endpoints).toEqual([
        { resourceType: 'User', totalResults: 120, read: 30, pages: 2, retries: 0, truncated: true },
      ]);
      expect(some.code).toBe(0);
    } finally {
      await clean.close();
    }
  });

  it('bad flags exit 2 with one line and send nothing', async () => {
    const logBefore = server.requestLog.length;
    for (const args of [
      ['--rate', 'fast'],
      ['--resources', 'users,roles'],
      ['--reporter', 'pdf'],
      ['--page-size', '0'],
    ]) {
      const res = await audit(args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr.trim().split('\n')[0]).toMatch(/^(scim-check: |error: )/);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    }
    expect(server.requestLog.length).toBe(logBefore);
  });

  it('an unreachable server exits 3', async () => {
    const res = await runCli([
      'audit',
      '--base-url',
      'http://127.0.0.1:9/scim/v2',
      '--token',
      'x-not-a-real-token',
      '--timeout',
      '2000',
    ]);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/SCIM_HTTP_CONNECT/);
  });

  it('SIGINT stops the audit with 130 and leaves no half-written report', async () => {
    const out = path.join(dir, 'interrupted.jsonl');
    // the signal goes out when the first page of users is asked for; that request is never answered
    let pages = 0;
    let interrupt = () => {};
    const proxy = await startFaultProxy(new URL(server.baseUrl).origin, (req) => {
      if (!/\/Users(\?|$)/.test(req.url ?? '')) return undefined;
      if (++pages === 1) interrupt();
      return { hang: true };
    });
    let res: CliResult;
    try {
      res = await spawnCli(
        [
          'audit',
          '--base-url',
          proxy.url + new URL(server.baseUrl).pathname,
          '--token-env',
          'AUDIT_TOKEN',
          '--reporter',
          `jsonl:${out}`,
        ],
        {
          env: { AUDIT_TOKEN: server.token, CI: 'true' },
          onSpawn: (child) => (interrupt = () => child.kill('SIGINT')),
        },
      );
    } finally {
      await proxy.close();
    }
    expect(pages).toBeGreaterThan(0);
    expect(res.code).toBe(130);
    expect(res.stderr).toMatch(/interrupted/);
    expect((await readdir(dir)).filter((f) => f.includes('interrupted'))).toEqual([]);
  });
});
