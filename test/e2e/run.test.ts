// End-to-end tests of `scim-check run` and friends: the CLI (in the test process, and as a
// child process where a signal is sent) against the reference server on 127.0.0.1:0. Every test also checks
// that the bearer token appears nowhere in what the CLI printed or wrote.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, startCli, ROOT, type CliResult, type LiveCli, spawnCli } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import type { RunningServer } from '../../src/server/index.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';

const SUITE = 'fixtures/suites/e2e/create-users.yaml';
const startTestServer = useServers();

async function server(quirks: string[] = [], seedUsers = 2): Promise<RunningServer> {
  const s = await startTestServer({ port: 0, quirks, seed: { users: seedUsers } });
  return s;
}

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'scim-check-e2e-'));
}

/** The token must not appear in stdout, stderr or any file of the report dir. */
function expectNoToken(token: string, res: CliResult, reportDir?: string): void {
  expect(res.stdout).not.toContain(token);
  expect(res.stderr).not.toContain(token);
  if (!reportDir) return;
  for (const f of readdirSync(reportDir, { recursive: true, withFileTypes: true })) {
    if (f.isFile()) expect(readFileSync(path.join(f.parentPath, f.name), 'utf8')).not.toContain(token);
  }
}

function against(s: RunningServer, ...args: string[]) {
  return runCli(['run', ...args, '--base-url', s.baseUrl], { env: { SCIM_TOKEN: s.token } });
}

describe('scim-check run', () => {
  it('with no arguments runs the default suites on the embedded server and passes', async () => {
    const res = await runCli(['run']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('(embedded reference server)');
    expect(res.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(res.stdout).toContain('okta/test-credentials');
  });

  it('passes against a clean server, writes JSON and JUnit reports, leaves the server as it was', async () => {
    const s = await server();
    const before = s.store.snapshot();
    const dir = tmp();
    const res = await against(
      s,
      SUITE,
      '--reporter',
      'console',
      '--reporter',
      `junit:${dir}/nested/scim.xml`,
      '--reporter',
      `json:${dir}/scim.json`,
    );
    expect(res.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'scim.json'), 'utf8'));
    expect(json.summary.mustFailures).toBe(0);
    expect(json.cleanup.map((c: { status: string }) => c.status)).toEqual(['removed', 'removed', 'removed']);
    const junit = readFileSync(path.join(dir, 'nested', 'scim.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites[^>]* failures="0"/);
    expect(s.store.snapshot()).toBe(before);
    expectNoToken(s.token, res, dir);
  });

  it('exits 1 against a quirk, names the failing check, and still cleans up', async () => {
    const s = await server(['drop-preferred-language']);
    const before = s.store.snapshot();
    const dir = tmp();
    const res = await against(s, SUITE, '--reporter', 'console', '--reporter', `junit:${dir}/scim.xml`);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('E2E_LANGUAGE_ROUND_TRIP');
    expect(res.stdout).toMatch(/create-users\.yaml:\d+:\d+/);
    expect(readFileSync(path.join(dir, 'scim.xml'), 'utf8')).toContain('type="E2E_LANGUAGE_ROUND_TRIP"');
    expect(s.store.snapshot()).toBe(before);
    expectNoToken(s.token, res, dir);
  });

  it('exits 2 with file:line:col for an invalid suite and sends nothing', async () => {
    const s = await server();
    const res = await against(s, 'fixtures/suites/bad/unknown-key.yaml');
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe(
      `scim-check: ${readFileSync(path.join(ROOT, 'fixtures/suites/bad/unknown-key.err'), 'utf8').trim()}`,
    );
    expect(s.requestLog).toEqual([]);
    expectNoToken(s.token, res);
  });

  it('exits 3 when the target refuses connections', async () => {
    const s = await server();
    const port = s.port;
    await s.close();
    const token = 'closed-port-token-123456';
    const res = await runCli(['run', 'okta/test-credentials', '--base-url', `http://127.0.0.1:${port}/scim/v2`], {
      env: { SCIM_TOKEN: token },
    });
    // the probe before the suites: one line, no report, no cascade of failed checks
    expect(res.code).toBe(3);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(
      /^scim-check: target unreachable: GET http:\/\/127\.0\.0\.1:\d+: cannot connect \(ECONNREFUSED\) \[SCIM_HTTP_CONNECT\]\n$/,
    );
    expectNoToken(token, res);
  });

  it('exits 3 on a timeout, and the clean-up still removes what was created', async () => {
    const s = await server();
    const before = s.store.snapshot();
    // only the read of a created user hangs; the creates and the clean-up go through
    const proxy = await startFaultProxy(new URL(s.baseUrl).origin, (req) =>
      req.method === 'GET' && /\/Users\/[^/?]+$/.test(req.url ?? '') ? { delayMs: 4000 } : undefined,
    );
    try {
      const res = await runCli(
        ['run', SUITE, '--base-url', proxy.url + new URL(s.baseUrl).pathname, '--timeout', '1500'],
        { env: { SCIM_TOKEN: s.token } },
      );
      expect(res.code).toBe(3);
      expect(res.stdout).toContain('SCIM_HTTP_TIMEOUT');
      expect(s.requestLog.filter((r) => r.method === 'DELETE' && r.status === 204).length).toBe(3);
      expect(s.store.snapshot()).toBe(before);
      expectNoToken(s.token, res);
    } finally {
      await proxy.close();
    }
  });

  it('exits 3 when every answer is too slow, and touches nothing it does not own', async () => {
    const s = await server();
    // the server acts on every request, but no answer ever comes back: each one times out, whatever the load
    const proxy = await startFaultProxy(new URL(s.baseUrl).origin, () => ({ forwardThenHang: true }));
    try {
      const res = await runCli(
        ['run', SUITE, '--base-url', proxy.url + new URL(s.baseUrl).pathname, '--timeout', '250'],
        {
          env: { SCIM_TOKEN: s.token },
        },
      );
      expect(res.code).toBe(3);
      expect(res.stderr).toContain('target unreachable');
      expect(res.stderr).toContain('SCIM_HTTP_TIMEOUT');
      // Had a POST been sent, its answer (and id) would never have reached us: the run
      // owns nothing and must touch nothing else (no DELETE/PUT/PATCH at all).
      expect(proxy.log.filter((r) => r.method !== 'POST' && r.method !== 'GET')).toEqual([]);
      expect(s.requestLog.filter((r) => r.method !== 'POST' && r.method !== 'GET')).toEqual([]);
      expect(s.store.users().length).toBeGreaterThanOrEqual(2);
      expectNoToken(s.token, res);
    } finally {
      await proxy.close();
    }
  });

  it('lists a resource it could not remove, with its id, in the console and JUnit reports', async () => {
    const s = await server();
    const proxy = await startFaultProxy(new URL(s.baseUrl).origin, (req) =>
      req.method === 'DELETE' ? { status: 500, body: '{"status":"500"}' } : undefined,
    );
    try {
      const dir = tmp();
      const res = await runCli(
        [
          'run',
          SUITE,
          '--base-url',
          proxy.url + new URL(s.baseUrl).pathname,
          '--reporter',
          'console',
          '--reporter',
          `junit:${dir}/r.xml`,
          '--reporter',
          `json:${dir}/r.json`,
        ],
        { env: { SCIM_TOKEN: s.token } },
      );
      const json = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
      const failed = json.cleanup.filter((c: { status: string }) => c.status === 'failed');
      expect(failed).toHaveLength(3);
      for (const c of failed) {
        expect(res.stdout).toContain(c.id);
        expect(readFileSync(path.join(dir, 'r.xml'), 'utf8')).toContain(c.id);
      }
      expect(readFileSync(path.join(dir, 'r.xml'), 'utf8')).toContain('CLEANUP_FAILED');
      expectNoToken(s.token, res, dir);
    } finally {
      await proxy.close();
    }
  });

  it('reads the target from SCIM_BASE_URL', async () => {
    const s = await server();
    const res = await runCli(['run', 'okta/test-credentials'], {
      env: { SCIM_TOKEN: s.token, SCIM_BASE_URL: s.baseUrl },
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(s.baseUrl);
    expect(res.stdout).not.toContain('embedded');
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`on ${signal} stops, removes every resource it created, and exits ${code}`, async () => {
      const s = await server();
      const before = s.store.snapshot();
      // the signal goes out when the third POST arrives, which is held (never forwarded): two users
      // exist, the third request is in flight, the read step has not run
      let posts = 0;
      let interrupt = () => {};
      const proxy = await startFaultProxy(new URL(s.baseUrl).origin, (req) => {
        if (req.method !== 'POST' || ++posts !== 3) return undefined;
        interrupt();
        return { hang: true };
      });
      let res: CliResult;
      try {
        res = await spawnCli(['run', SUITE, '--base-url', proxy.url + new URL(s.baseUrl).pathname], {
          env: { SCIM_TOKEN: s.token },
          onSpawn: (child) => (interrupt = () => child.kill(signal)),
        });
      } finally {
        await proxy.close();
      }
      expect(posts).toBe(3);
      expect(s.requestLog.filter((r) => r.method === 'POST' && r.status === 201)).toHaveLength(2);
      expect(res.code).toBe(code);
      expect(res.stderr).toContain(signal);
      expect(s.requestLog.some((r) => r.method === 'DELETE')).toBe(true);
      expect(s.requestLog.some((r) => r.method === 'GET' && /\/Users\/[^/?]+$/.test(r.path))).toBe(false); // the read step never ran
      expect(s.store.snapshot()).toBe(before);
      expectNoToken(s.token, res);
    });
  }

  it('rejects bad flags with one line and exit 2, before sending anything', { timeout: 120_000 }, async () => {
    const s = await server();
    const cases: [string[], RegExp][] = [
      [['run', '--bogus-flag'], /unknown option '--bogus-flag'/],
      [['run', '--base-url', 'not a url'], /--base-url: not a valid URL/],
      [['run', '--base-url', 'http://scim.example.com/v2'], /refusing to send a token over plain http/],
      [['run', '--reporter', 'xml:out.xml', '--base-url', s.baseUrl], /unknown reporter "xml"/],
      [['run', '--timeout', 'soon'], /--timeout must be an integer from 1 to 2147483647/],
      [['run', '--timeout', '2147483648'], /--timeout must be an integer from 1 to 2147483647/],
      [['run', '--header', 'no-colon', '--base-url', s.baseUrl], /--header must look like/],
      [['run', 'no-such-suite', '--base-url', s.baseUrl], /no-such-suite/],
      [
        ['run', '--token-file', '/nonexistent/token', '--base-url', s.baseUrl],
        /--token-file \/nonexistent\/token: cannot read/,
      ],
    ];
    // side by side: each case ends before a single request, so they cannot disturb one another
    const results = await Promise.all(cases.map(([args]) => runCli(args, { env: { SCIM_TOKEN: s.token } })));
    for (const [i, [args, pattern]] of cases.entries()) {
      const res = results[i]!;
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toMatch(pattern);
      expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(s.requestLog).toEqual([]);
  });

  it('takes the token from --token-file and from --token-env, and redacts --header values', async () => {
    const s = await server();
    const dir = tmp();
    const tokenFile = path.join(tmp(), 'token'); // outside the report dir, which must hold no token
    writeFileSync(tokenFile, `${s.token}\n`);
    const viaFile = await runCli([
      'run',
      'okta/test-credentials',
      '--base-url',
      s.baseUrl,
      '--token-file',
      tokenFile,
      '--reporter',
      `json:${dir}/a.json`,
    ]);
    expect(viaFile.code).toBe(0);
    const viaEnv = await runCli(
      [
        'run',
        'okta/test-credentials',
        '--base-url',
        s.baseUrl,
        '--token-env',
        'MY_SCIM',
        '--header',
        'X-Api-Secret: hunter2-secret',
        '--reporter',
        `json:${dir}/b.json`,
      ],
      { env: { MY_SCIM: s.token } },
    );
    expect(viaEnv.code).toBe(0);
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).not.toContain('hunter2-secret');
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toContain('[REDACTED]');
    expectNoToken(s.token, viaFile, dir);
    expectNoToken(s.token, viaEnv, dir);
  });

  it('--grep selects tests, and a run of the selection passes', async () => {
    const s = await server();
    const res = await against(s, 'okta/test-credentials', '--grep', 'wrong token');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('1 passed');
  });

  it('--bail stops after the first failed test', async () => {
    const s = await server(['ignore-auth']);
    const dir = tmp();
    const res = await against(s, 'okta/test-credentials', '--bail', '--reporter', `json:${dir}/r.json`);
    expect(res.code).toBe(1);
    const json = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    const tests = json.suites[0].tests;
    expect(tests.map((t: { status: string }) => t.status)).toEqual(['passed', 'failed', 'skipped']); // the third test never ran
    expect(tests[2].skipReason).toMatch(/^not run: --bail: stopped after "A wrong token is refused with 401" failed/);
    expect(s.requestLog.some((r) => r.path.includes('/Groups'))).toBe(false);
  });
});

describe('other commands', () => {
  it('--version prints the version; --help documents exit codes', async () => {
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const h = await runCli(['run', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Exit codes:');
    expect(h.stdout).toMatch(/3\s+the target could not be reached/);
  });

  it('list shows the bundled suites and their tests', async () => {
    const res = await runCli(['list', 'okta/test-credentials']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('okta/test-credentials');
    expect(res.stdout).toContain('A wrong token is refused with 401');
  });

  it("test-credentials answers whether Okta's button goes green, and --no-groups skips the groups probe", async () => {
    const s = await server();
    const dir = tmp();
    const ok = await runCli(
      ['test-credentials', '--base-url', s.baseUrl, '--no-groups', '--reporter', `json:${dir}/tc.json`],
      { env: { SCIM_TOKEN: s.token } },
    );
    expect(ok.code).toBe(0);
    const tests = JSON.parse(readFileSync(path.join(dir, 'tc.json'), 'utf8')).suites[0].tests.map(
      (t: { id: string }) => t.id,
    );
    expect(tests).toEqual(['probe-users', 'probe-bad-token']);
    // exactly Okta's probe: GET /Users?startIndex=1&count=2 (good token, then a bad one), nothing else
    expect(s.requestLog.map((r) => `${r.method} ${r.path.replace(/^.*\/scim\/v2/, '')}`)).toEqual([
      'GET /Users?startIndex=1&count=2',
      'GET /Users?startIndex=1&count=2',
    ]);
    const bad = await runCli(['test-credentials', '--base-url', s.baseUrl], {
      env: { SCIM_TOKEN: 'wrong-token-value' },
    });
    expect(bad.code).toBe(4); // token rejected, the same way as run and audit say it
    expect(bad.stdout).toContain('OKTA_TC_STATUS');
    expect(bad.stdout).toMatch(/FAIL: stopped: token rejected: the target answered 401/);
    expectNoToken('wrong-token-value', bad);
  });

  it("test-credentials sends Okta's exact probe: path, query order and headers", async () => {
    const s = await server();
    const seen: { url?: string; headers: Record<string, string | string[] | undefined> }[] = [];
    const proxy = await startFaultProxy(new URL(s.baseUrl).origin, (req) => {
      seen.push({ url: req.url, headers: req.headers });
      return undefined;
    });
    try {
      const res = await runCli(['test-credentials', '--base-url', proxy.url + new URL(s.baseUrl).pathname], {
        env: { SCIM_TOKEN: s.token },
      });
      expect(res.code).toBe(0);
      expect(seen.map((r) => r.url)).toEqual([
        '/scim/v2/Users?startIndex=1&count=2',
        '/scim/v2/Users?startIndex=1&count=2',
        '/scim/v2/Groups?startIndex=1&count=100',
      ]);
      for (const r of seen) {
        expect(r.headers).toMatchObject({
          'user-agent': 'Okta SCIM Client 1.0.0',
          accept: 'application/scim+json',
          'accept-charset': 'utf-8',
          'accept-encoding': 'gzip,deflate',
        });
      }
      expect(seen[0].headers.authorization).toBe(`Bearer ${s.token}`);
      expect(seen[1].headers.authorization).not.toBe(`Bearer ${s.token}`); // the bad-token probe
    } finally {
      await proxy.close();
    }
  });

  it('serve seeds users and defects for trying audit; a bad --seed-defect is exit 2', async () => {
    const serve = startCli([
      'serve',
      '--token',
      'serve-token-seeded',
      '--seed-users',
      '3',
      '--seed-defect',
      'language-region=2',
    ]);
    const total = await whileServing(serve, async (url) => {
      const r = await fetch(`${url}/Users?count=0`, { headers: { authorization: 'Bearer serve-token-seeded' } });
      return ((await r.json()) as { totalResults: number }).totalResults;
    });
    await serve.done;
    expect(total).toBe(5);
    const bad = await runCli(['serve', '--seed-defect', 'language-region']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--seed-defect must look like NAME=COUNT');
  });

  it('serve prints a base URL that answers with its token', async () => {
    const serve = startCli(['serve', '--token', 'serve-token-abcdef']);
    const { url, status } = await whileServing(serve, async (url) => ({
      url,
      status: (await fetch(`${url}/Users`, { headers: { authorization: 'Bearer serve-token-abcdef' } })).status,
    }));
    const res = await serve.done;
    expect(status).toBe(200);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
    expect(res.stdout).not.toContain('serve-token-abcdef');
    expect(res.code).toBe(0);
  });
});

/** Runs `use` against the base URL a `scim-check serve` prints, then stops the server, whatever `use` did. */
async function whileServing<T>(serve: LiveCli, use: (url: string) => Promise<T>): Promise<T> {
  try {
    const [, url] = await serve.waitFor(/base URL: (\S+)/);
    return await use(url);
  } finally {
    serve.child.kill('SIGTERM');
  }
}
