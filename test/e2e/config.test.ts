// The project config file: found from the working directory upward, named targets,
// defaults, precedence (flags > file > built-in), one-line errors, and --var / vars:.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import type { RunningServer } from '../../src/server/index.js';

const startTestServer = useServers();

async function server(): Promise<RunningServer> {
  const s = await startTestServer({ port: 0 });
  return s;
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

// A custom suite with a variable the config or --var can set; the check fails unless the value arrives.
const ECHO_SUITE = `name: my/echo
variables:
  department: Default
tests:
  - name: department arrives
    id: dept
    steps:
      - id: create
        request:
          method: POST
          path: /Users
          body:
            schemas: [urn:ietf:params:scim:schemas:core:2.0:User, urn:ietf:params:scim:schemas:extension:enterprise:2.0:User]
            userName: "\${{ randomEmail('v') }}"
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "\${{ department }}" }
        expect:
          - status: 201
            code: MY_CREATED
          - path: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department"
            equals: Sales
            code: MY_DEPARTMENT_IS_SALES
        capture: { userId: id }
        creates: { type: User, id: "\${{ userId }}" }
`;

describe('project config file', () => {
  it('--target picks a named target: base URL, token from the named env var, extra headers; defaults for suites and reporters', async () => {
    const s = await server();
    const dir = project({
      'scim-check.config.yaml': `targets:
  staging:
    baseUrl: ${s.baseUrl}
    token: { env: STAGING_TOKEN }
    headers: { X-Tenant: acme-tenant }
suites: [okta/test-credentials]
reporters: [json:reports/run.json]
`,
    });
    const sub = path.join(dir, 'deep', 'er');
    mkdirSync(sub, { recursive: true });
    // run from a subdirectory: the file is found upward; its relative report path resolves against the file
    const res = await runCli(['run', '--target', 'staging'], { cwd: sub, env: { STAGING_TOKEN: s.token } });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const report = readJson(path.join(dir, 'reports', 'run.json'));
    expect(report.target).toEqual({ baseUrl: s.baseUrl, embedded: false });
    expect(report.suites.map((x: { name: string }) => x.name)).toEqual(['okta/test-credentials']);
    const sent = report.suites[0].tests[0].steps[0].exchanges[0].requestHeaders;
    expect(Object.keys(sent).map((k) => k.toLowerCase())).toContain('x-tenant');
    expect(JSON.stringify(report)).not.toContain('acme-tenant'); // header values are redacted like the token
    expect(JSON.stringify(report)).not.toContain(s.token);
  });

  it('flags override the file, the file overrides built-in defaults; without --target the embedded server is used', async () => {
    const a = await server();
    const b = await server();
    const dir = project({
      'scim-check.config.yaml': `targets:
  staging: { baseUrl: ${a.baseUrl}, token: { env: A_TOKEN } }
suites: [okta/test-credentials]
reporters: [json:from-config.json]
`,
    });
    const overridden = await runCli(
      [
        'run',
        '--target',
        'staging',
        '--base-url',
        b.baseUrl,
        '--token-env',
        'B_TOKEN',
        '--reporter',
        'json:from-flag.json',
      ],
      {
        cwd: dir,
        env: { A_TOKEN: a.token, B_TOKEN: b.token },
      },
    );
    expect(overridden.code).toBe(0);
    expect(existsSync(path.join(dir, 'from-config.json'))).toBe(false);
    expect(readJson(path.join(dir, 'from-flag.json')).target.baseUrl).toBe(b.baseUrl);
    expect(b.requestLog.length).toBeGreaterThan(0);
    expect(a.requestLog.length).toBe(0);

    const embedded = await runCli(['run'], { cwd: dir });
    expect(embedded.code).toBe(0);
    expect(readJson(path.join(dir, 'from-config.json')).target.embedded).toBe(true);

    const ignored = await runCli(['run', 'okta/test-credentials', '--no-config', '--reporter', 'json:ignored.json'], {
      cwd: dir,
    });
    expect(ignored.code).toBe(0);
    expect(readJson(path.join(dir, 'ignored.json')).suites).toHaveLength(1);
  });

  it('verdict, profile and baseline defaults come from the file; a flag still wins', async () => {
    const dir = project({
      'scim-check.config.yaml':
        'suites: [okta/test-credentials]\nverdict: { for: rfc, okta: oin }\nprofile: profiles/strict.yaml\nbaseline: known.yaml\nreporters: [json:run.json]\n',
      'profiles/strict.yaml': 'name: strict\nextends: okta-minimum\n',
      'known.yaml': 'entries: []\n',
    });
    const res = await runCli(['run'], { cwd: dir });
    expect(res.code).toBe(0);
    expect(readJson(path.join(dir, 'run.json')).judgedFor).toEqual({ for: ['rfc'], okta: 'oin' });
    const flag = await runCli(['run', '--for', 'okta'], { cwd: dir });
    expect(flag.code).toBe(0);
    expect(readJson(path.join(dir, 'run.json')).judgedFor).toEqual({ for: ['okta'], okta: 'oin' });
    // the file's paths are its own: a missing profile is reported by the path the file gives
    writeFileSync(path.join(dir, 'scim-check.config.yaml'), 'profile: profiles/missing.yaml\n');
    const missing = await runCli(['run'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(path.join(dir, 'profiles', 'missing.yaml'));
  });

  it('audit takes the target and profile from the file but not the run reporters (it has its own)', async () => {
    const s = await server();
    const dir = project({
      'scim-check.config.yaml': `targets:\n  staging: { baseUrl: ${s.baseUrl}, token: { env: T } }\nreporters: [har:run.har, github]\nprofile: eptura\n`,
    });
    const res = await runCli(['audit', '--target', 'staging'], { cwd: dir, env: { T: s.token } });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`scim-check audit of ${s.baseUrl}`);
    expect(res.stdout).toContain('profile eptura');
  });

  it('--config FILE names the file explicitly', async () => {
    const s = await server();
    const dir = project({
      'ci/scim.yaml': `targets:\n  prod: { baseUrl: ${s.baseUrl}, token: { file: token.txt } }\n`,
      'ci/token.txt': `${s.token}\n`,
    });
    const res = await runCli(['test-credentials', '--config', path.join(dir, 'ci', 'scim.yaml'), '--target', 'prod'], {
      cwd: dir,
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(s.baseUrl);
    expect(s.requestLog.some((r) => r.path.startsWith('/scim/v2/Users?startIndex=1&count=2'))).toBe(true);
  });

  it('an error in the file is one line with file:line:col, with a suggestion; nothing is sent', async () => {
    const s = await server();
    const dir = project({
      'scim-check.config.yaml': `targets:\n  staging:\n    baseUrl: ${s.baseUrl}\n    tokn: { env: X }\n`,
    });
    const res = await runCli(['run', '--target', 'staging'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'scim-check: scim-check.config.yaml:4:5: unknown key "tokn" in targets.staging; did you mean "token"?\n',
    );
    expect(s.requestLog).toHaveLength(0);

    const typo = project({
      'scim-check.config.yaml': 'targets:\n  staging: { baseUrl: https://x.example/scim }\nreporters: console\n',
    });
    const bad = await runCli(['run'], { cwd: typo });
    expect(bad.stderr).toBe('scim-check: scim-check.config.yaml:3:12: reporters must be a list, got "console"\n');

    const yamlError = project({ 'scim-check.config.yaml': 'suites: [a, b\n' });
    const y = await runCli(['run'], { cwd: yamlError });
    expect(y.code).toBe(2);
    expect(y.stderr).toMatch(/^scim-check: scim-check\.config\.yaml:\d+:\d+: invalid YAML: .+\n$/);
  });

  it('a token written into the file is refused without echoing it', async () => {
    const dir = project({
      'scim-check.config.yaml':
        'targets:\n  staging:\n    baseUrl: https://x.example/scim\n    token: sekrit-token-value-123\n',
    });
    const res = await runCli(['run', '--target', 'staging'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('scim-check.config.yaml:4:12: targets.staging.token must be a mapping');
    expect(res.stderr + res.stdout).not.toContain('sekrit-token-value-123');
  });

  it('an unknown --target names the known ones with a suggestion; --target without a file says how to make one', async () => {
    const dir = project({
      'scim-check.config.yaml':
        'targets:\n  staging: { baseUrl: https://x.example/scim }\n  production: { baseUrl: https://y.example/scim }\n',
    });
    const res = await runCli(['run', '--target', 'stagin'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'scim-check: --target stagin: no such target (targets in scim-check.config.yaml: staging, production); did you mean "staging"?\n',
    );
    const empty = mkdtempSync(path.join(tmpdir(), 'scim-check-noconfig-'));
    const none = await runCli(['audit', '--target', 'staging'], { cwd: empty });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no scim-check.config.yaml here or in a parent directory');
  });

  it('vars: in the file and --var on the command line feed suite variables (flag wins); a --var no suite declares is refused', async () => {
    const dir = project({
      'scim-check.config.yaml': 'suites: [suites/]\nvars:\n  department: Sales\n',
      'suites/echo.yaml': ECHO_SUITE,
    });
    const fromFile = await runCli(['run'], { cwd: dir });
    expect(fromFile.stdout).toContain('1 passed, 0 failed');
    expect(fromFile.code).toBe(0);

    const fromFlag = await runCli(['run', '--var', 'department=Marketing'], { cwd: dir });
    expect(fromFlag.code).toBe(1);
    expect(fromFlag.stdout).toContain('MY_DEPARTMENT_IS_SALES');
    expect(fromFlag.stdout).toContain('"Marketing"');

    const typo = await runCli(['run', '--var', 'departmnt=Sales'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'scim-check: --var departmnt: no selected suite declares a variable "departmnt"; did you mean "department"?\n',
    );

    const malformed = await runCli(['run', '--var', 'department'], { cwd: dir });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--var must look like NAME=VALUE');
  });

  it('the JSON Schema for editors describes every key the loader accepts', () => {
    const schema = readJson(path.join(ROOT, 'schemas', 'config.schema.json'));
    expect(Object.keys(schema.properties).sort()).toEqual([
      'baseline',
      'languageFormat',
      'profile',
      'reporters',
      'schemas',
      'suites',
      'targets',
      'vars',
      'verdict',
    ]);
    expect(Object.keys(schema.properties.verdict.properties)).toEqual(['for', 'okta']); // the --for and --okta flags
    expect(schema.additionalProperties).toBe(false);
  });
});
