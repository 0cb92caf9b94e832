// Reports for CI and for people: HAR 1.2, GitHub annotations and job summary, the run's HTML
// page, JUnit paths relative to the repository, and --rerun-failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ROOT, type CliResult } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

const HEADER_SECRET = 'tenant-secret-0815';
// line 3 is the test; line 12 the failing familyName expectation; line 20 the failing totalResults one
const SUITE = `name: my/marked
tests:
  - name: create, then a wrong expectation on the list
    id: marked
    steps:
      - id: create
        request:
          method: POST
          path: /Users
          body: { schemas: [urn:ietf:params:scim:schemas:core:2.0:User], userName: "\${{ randomEmail('t') }}" }
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
            ref: RFC 7644 §3.4.2
  - name: a passing test
    id: passing
    steps:
      - id: list
        request: { method: GET, path: /Users }
        expect:
          - status: 200
            code: MY_LIST_OK
`;

let quirky: RunningServer;
let dir: string; // a repository: .git marks its root, suites live below it
let first: CliResult;
const env = () => ({ SCIM_TOKEN: quirky.token });

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  quirky = await startServer({ port: 0, quirks: ['list-counters-as-strings'] });
  dir = mkdtempSync(path.join(tmpdir(), 'scim-check-ci-'));
  mkdirSync(path.join(dir, '.git'));
  mkdirSync(path.join(dir, 'suites'));
  writeFileSync(path.join(dir, 'suites', 'marked.yaml'), SUITE);
  // one run, every report: the tests below read what it wrote
  first = await runCli(
    [
      'run',
      'suites/marked.yaml',
      'okta/test-credentials',
      '--base-url',
      quirky.baseUrl,
      '--header',
      `X-Tenant: ${HEADER_SECRET}`,
      '--reporter',
      'console',
      '--reporter',
      'json:out/run.json',
      '--reporter',
      'har:out/run.har',
      '--reporter',
      'html:out/run.html',
      '--reporter',
      'junit:out/run.xml',
    ],
    { cwd: dir, env: env() },
  );
}, 120_000);

afterAll(async () => quirky?.close());

const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');

function expectNoSecrets(...texts: string[]): void {
  for (const t of texts) {
    expect(t).not.toContain(quirky.token);
    expect(t).not.toContain(HEADER_SECRET);
  }
}

describe('CI reporters', () => {
  it('the run fails as expected and no output or report holds a secret', () => {
    expect(first.code).toBe(1);
    expectNoSecrets(
      first.stdout,
      first.stderr,
      read('out/run.json'),
      read('out/run.har'),
      read('out/run.html'),
      read('out/run.xml'),
    );
    expect(first.stdout).not.toContain('::error'); // the github reporter is off outside GitHub Actions
  });

  it('har:FILE is HAR 1.2 with every exchange of the run, redacted', () => {
    const har = JSON.parse(read('out/run.har'));
    const report = JSON.parse(read('out/run.json'));
    const exchanges = report.suites.flatMap((s: any) =>
      s.tests.flatMap((t: any) => t.steps.flatMap((st: any) => st.exchanges)),
    );
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'scim-check', version: report.tool.version });
    expect(har.log.entries).toHaveLength(exchanges.length);
    for (const e of har.log.entries) {
      expect(Number.isNaN(Date.parse(e.startedDateTime))).toBe(false);
      expect(e.pageref).toBe(har.log.pages[0].id);
      expect(typeof e.time).toBe('number');
      expect(Object.keys(e.request).sort()).toEqual(
        expect.arrayContaining([
          'bodySize',
          'cookies',
          'headers',
          'headersSize',
          'httpVersion',
          'method',
          'queryString',
          'url',
        ]),
      );
      expect(Object.keys(e.response).sort()).toEqual(
        expect.arrayContaining([
          'bodySize',
          'content',
          'cookies',
          'headers',
          'headersSize',
          'httpVersion',
          'redirectURL',
          'status',
          'statusText',
        ]),
      );
      expect(typeof e.response.content.size).toBe('number');
      expect(typeof e.response.content.mimeType).toBe('string');
      expect(e.cache).toEqual({});
      for (const k of ['send', 'wait', 'receive']) expect(typeof e.timings[k]).toBe('number');
      for (const h of [...e.request.headers, ...e.response.headers])
        expect(Object.keys(h).sort()).toEqual(['name', 'value']);
    }
    const post = har.log.entries.find((e: any) => e.request.method === 'POST');
    expect(JSON.parse(post.request.postData.text).schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User']);
    expect(post.response.status).toBe(201);
    const probe = har.log.entries.find((e: any) => e.request.url.endsWith('/Users?startIndex=1&count=2'));
    expect(probe.request.queryString).toEqual([
      { name: 'startIndex', value: '1' },
      { name: 'count', value: '2' },
    ]);
    expect(probe.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer [REDACTED]' });
    expect(JSON.parse(probe.response.content.text).totalResults).toBe('0');
    expect(probe.comment).toBe(
      'okta/test-credentials › Test API Credentials probe (GET /Users?startIndex=1&count=2) › probe-users (failed)',
    );
  });

  it('the github reporter, on by default in GitHub Actions: one annotation per failed check at the suite file and line, and a job summary', async () => {
    const summary = path.join(dir, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const res = await runCli(['run', 'suites/marked.yaml', '--base-url', quirky.baseUrl], {
      cwd: dir,
      env: { ...env(), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: dir },
    });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('FAIL: 2 MUST-level checks failed'); // the console is still there
    const annotations = res.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toEqual([
      '::error file=suites/marked.yaml,line=12,col=13,title=MY_FAMILY_NAME [MUST]::create, then a wrong expectation on the list (step create): name.familyName exists%0Aexpected: "present"%0Aactual:   "(absent)"',
      expect.stringMatching(
        /^::error file=suites\/marked\.yaml,line=20,col=13,title=MY_TOTAL \[MUST\]::create, then a wrong expectation on the list \(step list\): totalResults equals 999%0Aexpected: 999%0Aactual: {3}"\d+"%0Aref: {6}RFC 7644 §3\.4\.2$/,
      ),
    ]);
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step\n## scim-check: ❌ FAIL\n')).toBe(true); // appended, never replaced
    expect(md).toContain('| 2 | 1 | 1 | 0 | 0 | 0 | 2 | 0 |');
    expect(md).toContain(
      '- **`MY_TOTAL`** [MUST] create, then a wrong expectation on the list: totalResults equals 999 (`suites/marked.yaml:20`)',
    );
    expect(md).toContain('  - ref: RFC 7644 §3.4.2');
    expect(md).toMatch(
      /```sh\n {4}curl -sS -i 'http:\/\/127\.0\.0\.1:\d+\/scim\/v2\/Users\?count=2' .*"Authorization: Bearer \$SCIM_TOKEN"\n {4}```/,
    );
    expect(md).toContain('**Clean-up:** removed 1 resource');
    expectNoSecrets(res.stdout, md);

    const asked = await runCli(['run', 'suites/marked.yaml', '--base-url', quirky.baseUrl, '--reporter', 'github'], {
      cwd: dir,
      env: env(),
    });
    expect(
      asked.stdout
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('::')),
    ).toBe(true); // only annotations: no console asked for
  });

  it('validate-mapping in GitHub Actions: annotations point at the mapping file and line', async () => {
    const fixtures = path.join(ROOT, 'fixtures', 'mapping', 'example-eptura');
    for (const f of ['mapping.json', 'app-schema.json'])
      writeFileSync(path.join(dir, f), readFileSync(path.join(fixtures, f)));
    const res = await runCli(
      ['validate-mapping', '--mapping', 'mapping.json', '--app-schema', 'app-schema.json', '--profile', 'eptura'],
      {
        cwd: dir,
        env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir },
      },
    );
    expect(res.code).toBe(1);
    const annotations = res.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toContainEqual(
      expect.stringMatching(
        /^::error file=mapping\.json,line=67,col=22,title=MAP_PREFERRED_LANGUAGE_NOT_ISO639_1 \[MUST\]::/,
      ),
    );
    expect(annotations).toContainEqual(
      expect.stringMatching(/^::warning file=mapping\.json,line=\d+,col=\d+,title=MAP_LOCALE_FORMAT \[SHOULD\]::/),
    );
  });

  it('JUnit file and line attributes are relative to the repository', () => {
    const xml = read('out/run.xml');
    expect(xml).toContain('<testsuite name="my/marked"');
    expect(xml).toMatch(/<testsuite name="my\/marked"[^>]* file="suites\/marked\.yaml"/);
    expect(xml).toMatch(
      /<testcase classname="my\/marked" name="create, then a wrong expectation on the list"[^>]* file="suites\/marked\.yaml" line="3"/,
    );
    expect(xml).toMatch(/<testcase classname="my\/marked" name="a passing test"[^>]* line="24"/);
  });

  it('html:FILE is one self-contained page: verdict, failures first with exchange, reference link and reproduction; passing tests folded', () => {
    const html = read('out/run.html');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('<p class="verdict fail">FAIL: ');
    expect(html.indexOf('<h2>Failures</h2>')).toBeLessThan(html.indexOf('<h2>All tests</h2>'));
    const failuresPart = html.slice(html.indexOf('<h2>Failures</h2>'), html.indexOf('<h2>All tests</h2>'));
    const report = JSON.parse(read('out/run.json'));
    const failedChecks = report.suites.flatMap((s: any) =>
      s.tests.flatMap((t: any) => t.steps.flatMap((st: any) => st.checks.filter((c: any) => !c.passed))),
    );
    expect(failuresPart.split('<div class="failure').length - 1).toBe(failedChecks.length);
    expect(failuresPart).toContain('<summary>Reproduce</summary><pre>curl -sS -i ');
    expect(failuresPart).toContain('&quot;Authorization: Bearer $SCIM_TOKEN&quot;');
    expect(failuresPart).toContain(
      '<a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2">RFC 7644 §3.4.2</a>',
    );
    expect(failuresPart).toMatch(/&lt; <mark> {2}&quot;totalResults&quot;: &quot;\d+&quot;, {2}◀<\/mark>/); // the quirk's string counter, marked
    expect(html).toMatch(/<details><summary><span class="ok">✓<\/span> a passing test /); // folded
    expect(html).toMatch(/<details open><summary><span class="must">✗<\/span> create, then a wrong expectation/);
  });

  it('--rerun-failed runs only the tests that failed, from the same suites; when all pass there is nothing to re-run', async () => {
    const rerun = await runCli(
      ['run', '--rerun-failed', 'out/run.json', '--base-url', quirky.baseUrl, '--reporter', 'json:out/rerun.json'],
      { cwd: dir, env: env() },
    );
    expect(rerun.code).toBe(1);
    const before = JSON.parse(read('out/run.json'));
    const failedBefore = before.suites.flatMap((s: any) =>
      s.tests.filter((t: any) => t.status === 'failed').map((t: any) => `${s.name}#${t.id}`),
    );
    const after = JSON.parse(read('out/rerun.json'));
    expect(after.suites.flatMap((s: any) => s.tests.map((t: any) => `${s.name}#${t.id}`))).toEqual(failedBefore);
    expect(failedBefore).not.toContain('my/marked#passing');

    const fixed = await startServer({ port: 0 });
    try {
      const green = await runCli(
        [
          'run',
          '--rerun-failed',
          'out/run.json',
          '--base-url',
          fixed.baseUrl,
          '--grep',
          'probe',
          '--reporter',
          'json:out/green.json',
        ],
        { cwd: dir, env: { SCIM_TOKEN: fixed.token } },
      );
      expect(green.code).toBe(0);
      const nothing = await runCli(['run', '--rerun-failed', 'out/green.json', '--base-url', fixed.baseUrl], {
        cwd: dir,
        env: { SCIM_TOKEN: fixed.token },
      });
      expect(nothing.code).toBe(0);
      expect(nothing.stderr).toBe('scim-check: nothing to re-run: no failed or errored test in out/green.json\n');
      expect(fixed.requestLog.filter((r) => r.path.includes('count=2')).length).toBe(1); // only the green run's probe
    } finally {
      await fixed.close();
    }
    const bad = await runCli(['run', '--rerun-failed', 'out/run.har'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'scim-check: --rerun-failed out/run.har: not a scim-check run report (write one with --reporter json:FILE)\n',
    );
  });
});
