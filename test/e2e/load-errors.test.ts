// What a suite can get wrong is found when it loads: the CLI exits 2 with one line naming
// file:line:col, and the server (here the reference server on 127.0.0.1:0) receives no request at
// all, not even for a good suite named beside the bad one. Run-time: a path that renders to a URL
// under the base URL is followed; one that renders to another host is refused and never sent.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';

const startServer = useServers();

/** A fresh directory holding these suite files (name -> text), for the CLI to run from. */
function suiteDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-load-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const GOOD = `name: t/good
tests:
  - name: lists users
    steps:
      - id: list
        request: { method: GET, path: /Users }
        expect: [{ status: 200 }]
`;

/** A suite whose one step lists users with the given expectation (and extra step lines). */
const suiteWith = (expectation: string, request = '{ method: GET, path: /Users }') => `name: t/bad
tests:
  - name: the bad one
    steps:
      - id: list
        request: ${request}
        expect:
          - ${expectation}
`;

const CASES: [string, string, RegExp][] = [
  [
    'a with: argument of the wrong shape',
    suiteWith('{ check: list-within-count, with: { count: [100] } }'),
    /^scim-check: bad\.yaml:8:56: expectation #1 of step "list", check "list-within-count": with\.count must be an integer, got \[100\]/,
  ],
  [
    'an unknown schema name (each-resource-schema)',
    suiteWith('{ check: each-resource-schema, with: { schema: Users } }'),
    /^scim-check: bad\.yaml:8:60: .*with\.schema must be one of User, .*got "Users"; did you mean "User"\?/,
  ],
  [
    'a templated body path that can never parse',
    suiteWith(`{ path: 'Resources[userName eq "\${{ run.prefix }}"', exists: false }`),
    /^scim-check: bad\.yaml:8:21: invalid body path "Resources\[userName eq "\$\{\{ run\.prefix \}\}"" whatever its templates render to/,
  ],
  [
    'an absolute URL as the step path',
    suiteWith('{ status: 200 }', '{ method: GET, path: "http://127.0.0.1:9/scim/v2/Users" }'),
    /^scim-check: bad\.yaml:6:39: step\.request\.path "http:\/\/127\.0\.0\.1:9\/scim\/v2\/Users" is an absolute URL; write the path relative to the base URL/,
  ],
];

describe('suite mistakes are caught when the suite loads', () => {
  for (const [name, text, line] of CASES) {
    it(`${name}: exit 2, one line with file:line:col, and no request sent`, async () => {
      const s = await startServer();
      const dir = suiteDir({ 'good.yaml': GOOD, 'bad.yaml': text });
      const res = await runCli(['run', 'good.yaml', 'bad.yaml', '--base-url', s.baseUrl], {
        cwd: dir,
        env: { SCIM_TOKEN: s.token },
      });
      expect(res.code, res.stdout + res.stderr).toBe(2);
      expect(res.stderr).toMatch(line);
      expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(s.requestLog).toEqual([]);
    });
  }
});

describe('a step path rendered at run time', () => {
  it('to a URL under the base URL is followed; to another host it is refused and never sent', async () => {
    const s = await startServer();
    const elsewhere = await startServer();
    const dir = suiteDir({
      'follow.yaml': `name: t/follow
variables: { other: "${elsewhere.baseUrl}/Users" }
tests:
  - name: follows meta.location
    steps:
      - id: create
        request: { method: POST, path: /Users, body: { schemas: [urn:ietf:params:scim:schemas:core:2.0:User], userName: "\${{ uniqueName('loc') }}" } }
        expect: [{ status: 201 }]
        capture: { userId: id, location: meta.location }
        creates: { type: User, id: "\${{ userId }}" }
      - id: read
        request: { method: GET, path: "\${{ location }}" }
        expect: [{ status: 200 }, { path: id, equals: "\${{ userId }}" }]
  - name: another host
    steps:
      - id: elsewhere
        request: { method: GET, path: "\${{ other }}" }
        expect: [{ status: 200 }]
`,
    });
    const res = await runCli(['run', 'follow.yaml', '--base-url', s.baseUrl], {
      cwd: dir,
      env: { SCIM_TOKEN: s.token },
    });
    expect(res.stdout).toMatch(/✓ follows meta\.location/);
    expect(res.stdout).toContain(
      `SCIM_CHECK_REFUSED: refusing GET to ${new URL(elsewhere.baseUrl).origin}: a step path renders to a URL outside the base URL`,
    );
    expect(res.code).not.toBe(0);
    expect(elsewhere.requestLog).toEqual([]);
    expect(s.requestLog.filter((r) => r.method === 'GET' && /^\/scim\/v2\/Users\/[^/?]+$/.test(r.path))).toHaveLength(
      1,
    );
  });
});

describe('a with: rendered at run time', () => {
  it('that a check cannot take errors the test (SUITE_ARGUMENT, exit 1) instead of judging the server; a number from --var is taken', async () => {
    const s = await startServer();
    const dir = suiteDir({
      'with.yaml': `name: t/with
variables: { n: "2" }
tests:
  - name: counted page
    steps:
      - id: list
        request: { method: GET, path: /Users, query: { count: "2" } }
        expect:
          - check: list-within-count
            with: { count: "\${{ n }}" }
`,
    });
    const env = { SCIM_TOKEN: s.token };
    const good = await runCli(['run', 'with.yaml', '--base-url', s.baseUrl], { cwd: dir, env });
    expect(good.stdout + good.stderr).toMatch(/✓ counted page/);
    expect(good.code).toBe(0);
    const bad = await runCli(['run', 'with.yaml', '--var', 'n=two', '--base-url', s.baseUrl], { cwd: dir, env });
    expect(bad.stdout).toContain(
      'SUITE_ARGUMENT: list-within-count, once its templates are rendered: with.count must be an integer, got "two"',
    );
    expect(bad.stdout).toMatch(/1 errored/);
    expect(bad.stdout).not.toMatch(/✗ list\.check\.list-within-count/); // not a failed check of the server
    expect(bad.code).toBe(1);
  });
});
