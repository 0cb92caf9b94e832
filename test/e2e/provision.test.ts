// `scim-check provision` end to end: the CLI pushes the Okta export fixtures through
// the mapping into the reference server with quirks that refuse or rewrite real-world
// values. Run `npm run build` first (npm test does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { runCli, spawnCli } from '../helpers/cli.js';

const FX = 'fixtures/provision';
const QUIRKS = [
  'create-rejects-empty-strings',
  'rejects-non-latin-names',
  'lowercase-emails',
  'truncate-long-strings=40',
];
const base = (users: string) => [
  'provision',
  '--users',
  `${FX}/${users}`,
  '--mapping',
  `${FX}/mapping.json`,
  '--app-schema',
  `${FX}/app-schema.json`,
];

/** users.csv replayed one user at a time through a fault proxy, the report as JSON on stdout (token in $T). */
const oneByOneThrough = (proxy: { url: string }, target: { baseUrl: string }, ...extra: string[]) => [
  ...base('users.csv'),
  '--concurrency',
  '1',
  ...extra,
  '--reporter',
  'json',
  '--base-url',
  proxy.url + new URL(target.baseUrl).pathname,
  '--token-env',
  'T',
];

/** Every personal value of the two exports (names, emails, phones, titles). */
const PII = [
  'alice.martin@example.com',
  'Alice',
  'Martin',
  'Marie Dubois',
  'José',
  'Müller-Lüdenscheidt',
  'jose.muller@example.com',
  '太郎',
  '山田',
  'taro.yamada@example.jp',
  'Ana.Perez+scim@Example.com',
  'ana.perez+scim@example.com',
  'Pérez',
  'bruno.leroy@example.com',
  'Leroy',
  'Wolfeschlegelsteinhausenbergerdorff',
  'hubert.wolfeschlegel@example.com',
  '+1 555 0100',
  'Facilities Manager',
  'wei.chen@example.com',
  '陈',
  '伟',
  'Zoë',
  "O'Connor",
  'O&#39;Connor',
  'Zoe.OConnor@Example.ie',
  'zoe.oconnor@example.ie',
  'Siobhán',
  'ravi.subramanian',
  'Subramanian',
  'lena.berg@example.se',
  'Berg',
  'Head of Design',
];

type Json = any;

describe('scim-check provision (e2e)', () => {
  let server: RunningServer;
  let dir: string;
  const replay = (args: string[]) =>
    runCli([...args, '--base-url', server.baseUrl, '--token-env', 'STAGING_TOKEN'], {
      env: { STAGING_TOKEN: server.token, CI: 'true' },
    });

  beforeAll(async () => {
    server = await startServer({ quirks: QUIRKS });
    dir = await mkdtemp(path.join(os.tmpdir(), 'scim-provision-e2e-'));
  });
  afterAll(() => server.close());

  it('replays the CSV export: accepted, accepted with changes and refused users, nothing left behind', async () => {
    const logStart = server.requestLog.length;
    const reports = ['json', 'junit', 'html'].map((r) => ['--reporter', `${r}:${dir}/csv.${r}`]).flat();
    const res = await replay([...base('users.csv'), '--concurrency', '3', ...reports, '--reporter', 'console']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(1);
    const report: Json = JSON.parse(await readFile(`${dir}/csv.json`, 'utf8'));
    const byLogin = (login: string) => report.users.find((u: Json) => u.user.login === login);
    expect(report.mode).toBe('replay');
    expect(report.counts).toMatchObject({ accepted: 1, changed: 4, refused: 1, error: 0, exists: 0 });

    expect(byLogin('bruno.leroy@example.com').outcome).toBe('accepted');
    const ana = byLogin('Ana.Perez+scim@Example.com');
    expect(ana.outcome).toBe('changed');
    expect(ana.findings).toContainEqual(
      expect.objectContaining({
        attribute: 'emails[primary eq true].value',
        cause: 'lower-cased',
        sent: 'Ana.Perez+scim@Example.com',
        stored: 'ana.perez+scim@example.com',
      }),
    );
    const hubert = byLogin('hubert.wolfeschlegel@example.com');
    expect(hubert.findings).toContainEqual(
      expect.objectContaining({ attribute: 'name.familyName', cause: 'truncated to 40 characters' }),
    );
    const alice = byLogin('alice.martin@example.com');
    expect(alice.findings).toContainEqual(
      expect.objectContaining({
        attribute: 'urn:ietf:params:scim:schemas:extension:acme:2.0:User:badgeId',
        cause: 'dropped',
        sent: 'B-1001',
      }),
    );
    const taro = byLogin('taro.yamada@example.jp');
    expect(taro.outcome).toBe('refused');
    expect(taro.refusal).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(taro.refusal.detail).toContain('name.familyName');

    // grouped by attribute and cause, with counts
    expect(report.groups).toContainEqual(
      expect.objectContaining({
        attribute: 'name.familyName',
        cause: 'refused 400 invalidValue',
        severity: 'must',
        count: 1,
      }),
    );
    expect(report.groups).toContainEqual(
      expect.objectContaining({ attribute: 'locale', cause: 'LOCALE_UNDERSCORE_LEGACY', count: 6 }),
    );
    // an expression that cannot be evaluated: listed, attribute left out, never guessed
    const costCenter = report.notEvaluated.find((g: Json) => g.attribute === 'costCenter');
    expect(costCenter).toMatchObject({ expression: 'user.getLinkedObject("manager").costCenter', count: 6 });
    expect(
      report.users.every(
        (u: Json) =>
          u.leftOut.includes('costCenter') &&
          !('costCenter' in (u.payload['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] ?? {})),
      ),
    ).toBe(true);

    // Okta's create flow, with the run prefix on every identity, and nothing left on the server
    expect(report.prefix).toMatch(/^scimcheck-[0-9a-f]{6}$/);
    expect(report.cleanup).toEqual({ created: 5, removed: 5, failed: [] });
    expect(server.store.users()).toHaveLength(0);
    const log = server.requestLog.slice(logStart);
    const count = (method: string, re: RegExp) => log.filter((r) => r.method === method && re.test(r.path)).length;
    expect(count('POST', /\/Users$/)).toBe(6);
    expect(count('PATCH', /\/Users\/[^?]+$/)).toBe(5);
    expect(count('DELETE', /\/Users\/[^?]+$/)).toBe(5);
    const filters = log.filter((r) => r.path.includes('filter='));
    expect(filters.length).toBeGreaterThanOrEqual(11);
    for (const f of filters) expect(decodeURIComponent(f.path)).toContain(`userName eq "${report.prefix}-`);

    expect(res.stdout).toMatch(/Outcomes: 1 accepted, 4 accepted with changes, 1 refused/);
    expect(res.stdout).toContain('Clean-up: 5 created, 5 removed, nothing left on the server');
    const junit = await readFile(`${dir}/csv.junit`, 'utf8');
    expect(junit).toMatch(
      /<testcase classname="provision.users" name="#3 00u1taro0000000003 taro.yamada@example.jp"[^>]*>\s*<failure/,
    );
    for (const f of await readdir(dir))
      expect(await readFile(path.join(dir, f), 'utf8'), f).not.toContain(server.token);
    expect(res.stdout).not.toContain(server.token);
  });

  it('masks every personal value in every report with --mask-pii (JSON export: CJK, empty strings, + in emails)', async () => {
    const masked = path.join(dir, 'masked');
    const res = await replay([
      ...base('users.json'),
      '--mask-pii',
      ...['json', 'junit', 'html'].flatMap((r) => ['--reporter', `${r}:${masked}/r.${r}`]),
      '--reporter',
      'console',
    ]);
    expect(res.code).toBe(1);
    const report: Json = JSON.parse(await readFile(`${masked}/r.json`, 'utf8'));
    expect(report.counts).toMatchObject({ changed: 1, refused: 3 });
    expect(report.groups).toContainEqual(
      expect.objectContaining({
        attribute: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
        cause: 'refused 400 invalidValue',
        count: 1,
      }),
    );
    expect(server.store.users()).toHaveLength(0);
    expect(res.stderr).toBe('');
    const outputs = [
      res.stdout,
      ...(await Promise.all((await readdir(masked)).map((f) => readFile(path.join(masked, f), 'utf8')))),
    ];
    for (const text of outputs) {
      for (const value of PII) expect(text, value).not.toContain(value);
      expect(text).not.toContain(server.token);
      expect(text).toContain('00u2chen0000000001'); // ids stay readable
    }
    expect(res.stdout).toContain('w***@example.com');
  });

  it('builds the payloads offline with --dry-run: no request at all', async () => {
    const logStart = server.requestLog.length;
    const res = await runCli([...base('users.json'), '--dry-run', '--reporter', 'json'], { env: { CI: 'true' } });
    expect(res.code).toBe(1); // the mapping's own must-level finding (preferredLanguage)
    const report: Json = JSON.parse(res.stdout);
    expect(report.mode).toBe('dry-run');
    expect(report.target).toBeUndefined();
    expect(report.counts['dry-run']).toBe(4);
    const zoe = report.users.find((u: Json) => u.user.oktaId === '00u2zoe00000000002');
    expect(zoe.payload).toMatchObject({
      userName: 'zoe.oconnor@example.ie',
      name: { givenName: 'Zoë', middleName: 'Siobhán', familyName: "O'Connor" },
      emails: [{ primary: true, value: 'Zoe.OConnor@Example.ie', type: 'work' }],
      externalId: '00u2zoe00000000002',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: '', employeeNumber: '20001' },
    });
    expect(zoe.payload.schemas).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ]);
    expect(server.requestLog.length).toBe(logStart);
  });

  it('--dry-run with a target only reads its /Schemas, and checks each body against them', async () => {
    const logStart = server.requestLog.length;
    const res = await replay([
      ...base('users.csv'),
      '--dry-run',
      '--reporter',
      'json',
      '--reporter',
      `html:${dir}/dry.html`,
    ]);
    const report: Json = JSON.parse(res.stdout);
    expect(report.target).toEqual({ baseUrl: server.baseUrl, serverSchemas: 'used' });
    expect(report.groups).toContainEqual(
      expect.objectContaining({
        attribute: 'urn:ietf:params:scim:schemas:extension:acme:2.0:User',
        cause: 'SERVER_SCHEMA_UNDECLARED',
        count: 1,
      }),
    );
    expect(server.requestLog.slice(logStart).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /scim/v2/Schemas']);
    const html = await readFile(`${dir}/dry.html`, 'utf8');
    expect(html).toContain('Findings by attribute and cause');
    expect(html).toContain('&quot;userName&quot;: &quot;alice.martin@example.com&quot;'); // each user's body
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it("flags a user that Okta's next exists check would not find (stored lower-cased, filter case-sensitive)", async () => {
    const other = await startServer({ quirks: ['lowercase-usernames', 'usernames-case-sensitive'] });
    try {
      const res = await runCli(
        [...base('users.csv'), '--limit', '4', '--reporter', 'json', '--base-url', other.baseUrl, '--token-env', 'T'],
        { env: { T: other.token, CI: 'true' } },
      );
      expect(res.code).toBe(1);
      const report: Json = JSON.parse(res.stdout);
      const notFound = report.groups.find((g: Json) => g.cause === 'not found through the filter');
      expect(notFound).toMatchObject({ attribute: 'userName', severity: 'must', count: 1 });
      expect(notFound.examples[0].user.login).toBe('Ana.Perez+scim@Example.com');
      expect(report.groups).toContainEqual(
        expect.objectContaining({ attribute: 'userName', cause: 'lower-cased', count: 1 }),
      );
      expect(other.store.users()).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('leaves a user that already exists alone (a server that ignores the filter makes every user "exist")', async () => {
    const other = await startServer({ quirks: ['filter-ignored'], seed: { users: 1 } });
    try {
      const before = other.store.snapshot();
      const res = await runCli(
        [...base('users.csv'), '--limit', '2', '--reporter', 'json', '--base-url', other.baseUrl, '--token-env', 'T'],
        { env: { T: other.token, CI: 'true' } },
      );
      expect(res.code).toBe(1);
      const report: Json = JSON.parse(res.stdout);
      expect(report.counts.exists).toBe(2);
      expect(other.store.snapshot()).toBe(before);
      expect(other.requestLog.every((r) => r.method === 'GET')).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('on SIGINT stops taking users, removes the ones it created, writes the report and exits 130', async () => {
    const target = await startServer();
    // the signal goes out when the second user's POST arrives; that POST is never answered (nor
    // forwarded): one user exists, the next request is in flight, the rest are not sent yet
    let posts = 0;
    let interrupt = () => {};
    const proxy = await startFaultProxy(new URL(target.baseUrl).origin, (req) => {
      if (req.method !== 'POST' || ++posts !== 2) return undefined;
      interrupt();
      return { hang: true };
    });
    try {
      const res = await spawnCli(oneByOneThrough(proxy, target), {
        env: { T: target.token, CI: 'true' },
        onSpawn: (child) => (interrupt = () => child.kill('SIGINT')),
      });
      expect(posts).toBeGreaterThanOrEqual(2);
      expect(res.code).toBe(130);
      const report: Json = JSON.parse(res.stdout);
      expect(report.interrupted).toBe('SIGINT');
      expect(report.cleanup.failed).toEqual([]);
      expect(report.cleanup.created).toBeGreaterThanOrEqual(1);
      expect(report.counts['dry-run']).toBeGreaterThan(0); // the users after the signal were never sent
      expect(target.store.users()).toHaveLength(0);
      expect(res.stdout).not.toContain(target.token);
    } finally {
      await proxy.close();
      await target.close();
    }
  });

  it('a POST answered with nothing after the server created the user: found by the run prefix and removed', async () => {
    const target = await startServer();
    // the second user's POST reaches the server, which creates the user; its answer never comes back
    let posts = 0;
    const proxy = await startFaultProxy(new URL(target.baseUrl).origin, (req) =>
      req.method === 'POST' && ++posts === 2 ? { forwardThenHang: true } : undefined,
    );
    try {
      const res = await runCli(oneByOneThrough(proxy, target, '--timeout', '1000'), {
        env: { T: target.token, CI: 'true' },
      });
      const report: Json = JSON.parse(res.stdout);
      expect(target.requestLog.filter((r) => r.method === 'POST' && r.status === 201).length).toBeGreaterThanOrEqual(2);
      expect(report.cleanup.failed).toEqual([]);
      expect(target.store.users()).toHaveLength(0); // the unanswered one too
      expect(target.requestLog.some((r) => r.method === 'GET' && r.path.includes('filter=userName%20sw%20'))).toBe(
        true,
      ); // looked up by its prefix
      expect(res.stdout + res.stderr).not.toContain(target.token);
    } finally {
      await proxy.close();
      await target.close();
    }
  });

  it('exits 2 with file:line:col for a broken CSV, and for --limit with --sample', async () => {
    const bad = path.join(dir, 'bad.csv');
    await writeFile(bad, 'login,firstName\nann@example.com,"Ann\nbob@example.com,Bob\n');
    const res = await runCli([
      'provision',
      '--users',
      bad,
      '--mapping',
      `${FX}/mapping.json`,
      '--app-schema',
      `${FX}/app-schema.json`,
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`scim-check: ${bad}:2:17: unterminated quoted field\n`);
    const both = await runCli([...base('users.csv'), '--limit', '1', '--sample', '2']);
    expect(both.code).toBe(2);
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
  });
});
