// --verbose, --trace and the curl reproduction of failed checks: what a person reads to fix a
// server without re-running locally. Redaction is checked on every output.
import { describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliResult } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import type { RunningServer } from '../../src/server/index.js';

const startTestServer = useServers();
const HEADER_SECRET = 'tenant-secret-4711';

async function server(quirks: string[] = []): Promise<RunningServer> {
  const s = await startTestServer({ port: 0, quirks, seed: { users: 3 } });
  return s;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'scim-check-trace-'));

function expectRedacted(s: RunningServer, res: CliResult): void {
  for (const out of [res.stdout, res.stderr]) {
    expect(out).not.toContain(s.token);
    expect(out).not.toContain(HEADER_SECRET);
  }
}

// One failing path expectation after a POST, so the trace has a request body and a marked response line.
const SUITE = `name: my/marked
tests:
  - name: create, then a wrong expectation on the list
    id: marked
    steps:
      - id: create
        request:
          method: POST
          path: /Users
          body: { schemas: [urn:ietf:params:scim:schemas:core:2.0:User], userName: "\${{ randomEmail('t') }}", name: { givenName: "O'Neil" } }
        expect:
          - path: name.familyName
            exists: true
            code: MY_FAMILY_NAME
        capture: { userId: id }
        creates: { type: User, id: "\${{ userId }}" }
      - id: list
        request: { method: GET, path: /Users, query: { count: 2 } }
        expect:
          - path: totalResults
            equals: 999
            code: MY_TOTAL
`;

function against(s: RunningServer, args: string[], cwd?: string) {
  return runCli(['run', ...args, '--base-url', s.baseUrl, '--header', `X-Tenant: ${HEADER_SECRET}`], {
    env: { SCIM_TOKEN: s.token },
    cwd,
  });
}

/** Runs a reproduction: curl when this machine has it, else the same request through fetch. */
async function reproduce(command: string, token: string): Promise<{ status: number; body: string }> {
  const hasCurl = spawnSync('curl', ['--version']).status === 0;
  if (hasCurl) {
    // asynchronously: the server answering curl lives in this process
    const out = await promisify(execFile)('sh', ['-c', command], {
      env: { ...process.env, SCIM_TOKEN: token },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.stderr).toBe('');
    const [head, ...rest] = out.stdout.split(/\r?\n\r?\n/);
    return { status: Number(/^HTTP\/[\d.]+ (\d+)/.exec(head)![1]), body: rest.join('\n\n') };
  }
  const words = [...command.matchAll(/'((?:[^']|'\\'')*)'|"([^"]*)"|(\S+)/g)].map(
    (m) => m[1]?.replace(/'\\''/g, "'") ?? m[2]?.replace('$SCIM_TOKEN', token) ?? m[3],
  );
  const headers: Record<string, string> = {};
  let method = 'GET';
  let url = '';
  let body: string | undefined;
  for (let i = 1; i < words.length; i++) {
    if (words[i] === '-X') method = words[++i];
    else if (words[i] === '-H') {
      const h = words[++i];
      headers[h.slice(0, h.indexOf(':'))] = h.slice(h.indexOf(':') + 1).trim();
    } else if (words[i] === '--data-raw') body = words[++i];
    else if (!words[i].startsWith('-')) url = words[i];
  }
  const res = await fetch(url, { method, headers, body });
  return { status: res.status, body: await res.text() };
}

describe('seeing what happened', () => {
  it('--verbose prints the exchange behind each failed check, redacted, with the body path at fault marked', async () => {
    const s = await server();
    const dir = tmp();
    writeFileSync(path.join(dir, 'marked.yaml'), SUITE);
    const res = await against(s, ['marked.yaml', '--verbose'], dir);
    expect(res.code).toBe(1);
    expectRedacted(s, res);
    expect(res.stdout).toContain('│ > POST ' + s.baseUrl + '/Users');
    expect(res.stdout).toContain('│ > authorization: Bearer [REDACTED]');
    expect(res.stdout).toContain('│ > x-tenant: [REDACTED]');
    expect(res.stdout).toMatch(/│ < {3}"totalResults": 4, {2}◀\n/); // 3 seeded + 1 created
    expect(res.stdout).toMatch(/│ > {5}"givenName": "O'Neil"\n/);
    expect(res.stdout).toContain('│ < 201 (');
    expect(res.stdout).toContain('│ < (name.familyName is not in this body)  ◀\n'); // an absent value is pointed at too
  });

  it('--verbose shows nothing for passing checks; --trace shows every exchange of the run', async () => {
    const s = await server();
    const json = path.join(tmp(), 'run.json');
    const verbose = await against(s, [
      'okta/test-credentials',
      '--verbose',
      '--reporter',
      'console',
      '--reporter',
      `json:${json}`,
    ]);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).not.toContain('│ >');
    const trace = await against(s, [
      'okta/test-credentials',
      '--trace',
      '--reporter',
      'console',
      '--reporter',
      `json:${json}`,
    ]);
    expect(trace.code).toBe(0);
    expectRedacted(s, trace);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const exchanges = report.suites.flatMap((x: any) =>
      x.tests.flatMap((t: any) => t.steps.flatMap((st: any) => st.exchanges)),
    );
    expect(exchanges.length).toBeGreaterThanOrEqual(3);
    const printed = trace.stdout.split('\n').filter((l) => /│ > (GET|POST|PUT|PATCH|DELETE) /.test(l));
    expect(printed).toHaveLength(exchanges.length);
    expect(trace.stdout).toContain('│ > GET ' + s.baseUrl + '/Users?startIndex=1&count=2');
    // the wrong-token probe keeps its header hidden whole: it was not the run's token
    expect(trace.stdout).toContain('│ > authorization: [REDACTED]');
  });

  it('every failed check carries a curl command (console and JSON) that reproduces the failure with $SCIM_TOKEN', async () => {
    const s = await server(['list-counters-as-strings']);
    const dir = tmp();
    writeFileSync(path.join(dir, 'marked.yaml'), SUITE);
    const json = path.join(dir, 'run.json');
    const res = await against(
      s,
      ['okta/test-credentials', 'marked.yaml', '--reporter', 'console', '--reporter', `json:${json}`],
      dir,
    );
    expect(res.code).toBe(1);
    expectRedacted(s, res);
    expect(readFileSync(json, 'utf8')).not.toContain(s.token);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const failed = report.suites.flatMap((x: any) =>
      x.tests.flatMap((t: any) => t.steps.flatMap((st: any) => st.checks.filter((c: any) => !c.passed))),
    );
    expect(failed.length).toBeGreaterThan(0);
    for (const check of failed) {
      expect(check.curl, check.code).toMatch(/^curl -sS -i /);
      expect(res.stdout).toContain(`curl:     ${check.curl}`);
    }
    const counters = failed.find((c: any) => c.code === 'OKTA_TC_COUNTERS_INTEGERS');
    expect(counters.curl).toContain('"Authorization: Bearer $SCIM_TOKEN"');
    const again = await reproduce(counters.curl, s.token);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body).totalResults).toBe('3'); // the same deviation (a string), seen again

    const family = failed.find((c: any) => c.code === 'MY_FAMILY_NAME');
    expect(family.curl).toContain(`-X POST '${s.baseUrl}/Users'`);
    const created = await reproduce(family.curl, s.token);
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body).name).toEqual({ givenName: "O'Neil" }); // quotes survive the shell
  });
});
