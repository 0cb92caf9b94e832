// A run you can trust under faults: the CLI against the reference server,
// often behind the fault-injecting proxy. Each test is a regression test for one
// finding of issue 10 (each failed on the main branch before the fix).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ROOT, type CliResult } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { startFaultProxy, type Fault, type FaultProxy, type FaultProxyOptions } from '../helpers/fault-proxy.js';

const SUITE = 'fixtures/suites/e2e/create-users.yaml';
let cleanups: (() => Promise<void>)[] = [];

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
});

afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function server(quirks: string[] = [], seedUsers = 2): Promise<RunningServer> {
  const s = await startServer({ port: 0, quirks, seed: { users: seedUsers } });
  cleanups.push(() => s.close());
  return s;
}

async function proxied(
  s: RunningServer,
  rule: (req: import('node:http').IncomingMessage, n: number) => Fault | undefined,
  opts?: FaultProxyOptions,
): Promise<FaultProxy & { baseUrl: string }> {
  const p = await startFaultProxy(new URL(s.baseUrl).origin, rule, opts);
  cleanups.push(() => p.close());
  return { ...p, baseUrl: p.url + new URL(s.baseUrl).pathname };
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'scim-check-faults-'));

function expectNoToken(token: string, res: CliResult): void {
  expect(res.stdout).not.toContain(token);
  expect(res.stderr).not.toContain(token);
}

function expectNoStack(res: CliResult): void {
  expect(res.stderr).not.toMatch(/\n\s+at /);
  expect(res.stderr).not.toContain('internal error');
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('one verdict', () => {
  it('an errored test (a refused write) exits 1, never 0, and every output says FAIL', async () => {
    const s = await server();
    const dir = tmp();
    const res = await runCli(
      [
        'run',
        'fixtures/suites/faults/refused-write.yaml',
        '--base-url',
        s.baseUrl,
        '--reporter',
        'console',
        '--reporter',
        `json:${dir}/r.json`,
        '--reporter',
        `junit:${dir}/r.xml`,
      ],
      { env: { SCIM_TOKEN: s.token } },
    );
    expect(res.code).toBe(1);
    expect(res.stdout.trimEnd().split('\n').at(-1)).toBe('FAIL: 1 test errored');
    const json = readJson(`${dir}/r.json`);
    expect(json.verdict).toMatchObject({ exitCode: 1, line: 'FAIL: 1 test errored', tests: 1 });
    const junit = readFileSync(`${dir}/r.xml`, 'utf8');
    expect(junit).toMatch(/<testsuites name="scim-check" tests="1" failures="0" errors="1"/);
    expect(junit).toContain('<property name="verdict.exitCode" value="1"/>');
    expect(s.requestLog.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('when every reporter writes a file, the console still prints the verdict and where the reports went', async () => {
    const s = await server();
    const dir = tmp();
    const res = await runCli(['run', SUITE, '--base-url', s.baseUrl, '--reporter', `json:${dir}/r.json`], {
      env: { SCIM_TOKEN: s.token },
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`json report: ${dir}/r.json\nPASS\n`);
  });
});

describe('a step contains its own errors', () => {
  it('an expectation that cannot be evaluated is one errored check; the others still run and the user is removed', async () => {
    const s = await server();
    const before = s.store.snapshot();
    const dir = tmp();
    const res = await runCli(
      [
        'run',
        'fixtures/suites/faults/contained-errors.yaml',
        '--base-url',
        s.baseUrl,
        '--reporter',
        'console',
        '--reporter',
        `json:${dir}/r.json`,
      ],
      { env: { SCIM_TOKEN: s.token } },
    );
    expect(res.code).toBe(1);
    const step = readJson(`${dir}/r.json`).suites[0].tests[0].steps[0];
    expect(step.status).toBe('errored');
    expect(step.checks.map((c: { code: string; passed: boolean }) => [c.code, c.passed])).toEqual([
      ['FAULTS_BAD_TEMPLATE', false],
      ['FAULTS_CREATED', true],
    ]);
    expect(step.checks[0].error.code).toBe('SUITE_TEMPLATE');
    expect(step.exchanges[0].status).toBe(201); // request and response kept
    expect(s.store.snapshot()).toBe(before);
    expect(res.stdout).toContain('FAIL: 1 test errored');
  });

  it('a response nested 100,000 levels deep is a failed check, not a crash; clean-up still runs', async () => {
    const s = await server();
    const before = s.store.snapshot();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const p = await proxied(s, (req) =>
      req.method === 'GET' && /\/Users\/[^/?]+$/.test(req.url ?? '') ? { status: 200, body: deep } : undefined,
    );
    const res = await runCli(['run', SUITE, '--base-url', p.baseUrl], { env: { SCIM_TOKEN: s.token } });
    expectNoStack(res);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('read-first.response.depth');
    expect(res.stdout).toContain('JSON nested deeper than 64 levels');
    expect(s.store.snapshot()).toBe(before);
  });

  it("ids returned as JSON numbers are still the run's own: nothing is refused, nothing left behind", async () => {
    const s = await server();
    const before = s.store.snapshot();
    const p = await proxied(s, () => undefined, { numericIds: true });
    const res = await runCli(['run', SUITE, '--base-url', p.baseUrl], { env: { SCIM_TOKEN: s.token } });
    expect(res.stdout).not.toContain('was not created by this run');
    expect(res.code).toBe(0);
    expect(s.store.snapshot()).toBe(before);
  });
});

describe('faults of the target', () => {
  it('a rejected token is one line and exit 4, with no request beyond the probe', async () => {
    const s = await server();
    const res = await runCli(['run', 'okta/provisioning', '--base-url', s.baseUrl], {
      env: { SCIM_TOKEN: 'not-the-right-token' },
    });
    expect(res.code).toBe(4);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(
      'scim-check: token rejected: the target answered 401 to GET /Users (check the token and its scopes) [exit 4]\n',
    );
    expect(s.requestLog).toHaveLength(1);
  });

  it('audit says "token rejected" the same way (not "/Schemas not published")', async () => {
    const s = await server();
    const res = await runCli(['audit', '--base-url', s.baseUrl], {
      env: { SCIM_TOKEN: 'not-the-right-token', CI: 'true' },
    });
    expect(res.code).toBe(4);
    expect(res.stderr).toMatch(/^scim-check: token rejected: the target answered 401 to GET \/Schemas/);
    expect(res.stdout).not.toContain('not published');
  });

  it('a token revoked mid-run stops the run (exit 4); what was created is still removed', async () => {
    const s = await server();
    const before = s.store.snapshot();
    let posts = 0;
    const p = await proxied(s, (req) => {
      if (req.method === 'POST') posts++;
      return req.method === 'GET' && posts >= 3 && /\/Users\/[^/?]+$/.test(req.url ?? '')
        ? { status: 401, body: '{"status":"401"}' }
        : undefined;
    });
    const res = await runCli(['run', SUITE, 'okta/test-credentials', '--base-url', p.baseUrl], {
      env: { SCIM_TOKEN: s.token },
    });
    expect(res.code).toBe(4);
    expect(res.stdout).toMatch(/skipped: not run: token rejected/);
    expect(s.store.snapshot()).toBe(before);
  });

  it('a target that stops answering ends the run after 3 failures, lists the rest as not run, exit 3', async () => {
    const s = await server();
    const p = await proxied(s, (_req, n) => (n > 3 ? { hang: true } : undefined)); // probe, /Schemas and /ResourceTypes answer
    const res = await runCli(['run', SUITE, 'okta/test-credentials', '--base-url', p.baseUrl, '--timeout', '1000'], {
      env: { SCIM_TOKEN: s.token },
    });
    expect(res.code).toBe(3);
    expectNoStack(res);
    expect(res.stdout).toMatch(
      /skipped: not run: target unresponsive: 3 requests in a row failed \(last: SCIM_HTTP_TIMEOUT\)/,
    );
    expect(p.log.length).toBeLessThanOrEqual(3 + 3); // not tests x timeout
    expectNoToken(s.token, res);
  });

  it('a POST that timed out after the server created the user: the run finds it by its prefix and removes it', async () => {
    const s = await server();
    const before = s.store.snapshot();
    let posts = 0;
    const p = await proxied(s, (req) =>
      req.method === 'POST' && ++posts === 1 ? { forwardThenHang: true } : undefined,
    );
    const dir = tmp();
    const res = await runCli(
      [
        'run',
        SUITE,
        '--base-url',
        p.baseUrl,
        '--timeout',
        '500',
        '--reporter',
        'console',
        '--reporter',
        `json:${dir}/r.json`,
      ],
      { env: { SCIM_TOKEN: s.token } },
    );
    expect(res.code).toBe(3);
    const swept = readJson(`${dir}/r.json`).cleanup.filter((c: { via?: string }) => c.via === 'DELETE (sweep)');
    expect(swept).toHaveLength(1);
    expect(p.log.some((l) => l.url.includes('filter=userName%20sw%20%22scimcheck-'))).toBe(true);
    expect(s.store.snapshot()).toBe(before);
  });

  it('429 and 503 with Retry-After: idempotent requests are sent again and the report says so; POST is not', async () => {
    const s = await server();
    const before = s.store.snapshot();
    const seen = new Map<string, number>();
    const p = await proxied(s, (req) => {
      const key = `${req.method} ${req.url}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (req.method === 'GET' && /\/Users\/[^/?]+$/.test(req.url ?? '') && n === 1)
        return { status: 429, headers: { 'retry-after': '0' }, body: '{}' };
      if (req.method === 'DELETE' && n === 1)
        return { status: 503, headers: { 'retry-after': new Date(Date.now() - 1000).toUTCString() }, body: '{}' };
      return undefined;
    });
    const dir = tmp();
    const res = await runCli(
      ['run', SUITE, '--base-url', p.baseUrl, '--reporter', 'console', '--reporter', `json:${dir}/r.json`],
      { env: { SCIM_TOKEN: s.token } },
    );
    expect(res.code).toBe(0);
    const json = readJson(`${dir}/r.json`);
    const read = json.suites[0].tests[0].steps.find((st: { id: string }) => st.id === 'read-first');
    expect(read.exchanges[0].retries).toEqual([{ status: 429, waitedMs: 0 }]);
    expect(json.notices.find((n: { code: string }) => n.code === 'RETRIED').message).toMatch(
      /^1 request\(s\) sent again after 429/,
    );
    expect(s.store.snapshot()).toBe(before); // DELETE retried after its 503
  });
});

describe('the write guard', () => {
  it('a step path outside the base URL is refused and the token never leaves for another host', async () => {
    const s = await server();
    const res = await runCli(['run', 'fixtures/suites/faults/escape-base.yaml', '--base-url', s.baseUrl], {
      env: { SCIM_TOKEN: s.token },
    });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('refusing a request outside the base URL');
    expect(s.requestLog.some((r) => !r.path.startsWith('/scim/v2'))).toBe(false);
  });
});

describe('flags, files and pipes', () => {
  it('serve on a busy port is exit 2 with one line', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => blocker.close(() => r())));
    const port = (blocker.address() as import('node:net').AddressInfo).port;
    const res = await runCli(['serve', '--port', String(port)]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      `scim-check: --host 127.0.0.1 --port ${port}: cannot listen (the port is in use, EADDRINUSE)\n`,
    );
  });
});

describe('scim-check sweep', () => {
  it('lists only resources carrying the prefix, removes them with --yes, and never touches anything else', async () => {
    const s = await server(['filter-ignored'], 3); // a server that ignores filters must not lead us astray
    s.store.insertUser({ userName: 'scimcheck-abc123-left@example.test', name: { givenName: 'L', familyName: 'O' } });
    s.store.insertGroup({ displayName: 'scimcheck-abc123-group' });
    s.store.insertUser({ userName: 'alice-scimcheck-@example.test' });
    const others = s.store.users().filter((u) => !String(u.userName).startsWith('scimcheck-'));
    const list = await runCli(['sweep', '--base-url', s.baseUrl], { env: { SCIM_TOKEN: s.token } });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('found 2 resources carrying scimcheck-:');
    expect(list.stdout).toContain('nothing removed: run again with --yes');
    expect(s.requestLog.every((r) => r.method === 'GET')).toBe(true);
    const yes = await runCli(['sweep', '--base-url', s.baseUrl, '--yes'], { env: { SCIM_TOKEN: s.token } });
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain('removed 2 of 2');
    expect(s.store.users()).toEqual(others);
    expect(s.store.groups()).toEqual([]);
    expectNoToken(s.token, yes);
  });

  it("refuses a prefix that is not scim-check's", async () => {
    const res = await runCli(['sweep', '--base-url', 'http://127.0.0.1:9/scim/v2', '--prefix', 'a'], {
      env: { SCIM_TOKEN: 'x-token-1234' },
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--prefix must start with scimcheck-/);
  });
});
