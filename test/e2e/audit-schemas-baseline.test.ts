// audit --schemas and --baseline (as for run), and the audit HTML page: rule links, fixes,
// the rules that passed, tool version and time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { toolVersion } from '../../src/util/version.js';

let s: RunningServer;
let dir: string;

// A schema file stricter than the server's own: it requires `title`, which no seeded user has.
const SCHEMAS = `Schemas:
  - id: urn:ietf:params:scim:schemas:core:2.0:User
    name: User
    attributes:
      - { name: userName, type: string, multiValued: false, required: true, caseExact: false, mutability: readWrite, returned: default, uniqueness: server }
      - { name: title, type: string, multiValued: false, required: true, caseExact: false, mutability: readWrite, returned: default, uniqueness: none }
`;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  s = await startServer({ port: 0, seed: { users: 4 } });
  dir = mkdtempSync(path.join(tmpdir(), 'scim-check-audit-'));
  writeFileSync(path.join(dir, 'schemas.yaml'), SCHEMAS);
});

afterAll(async () => s?.close());

const audit = (...args: string[]) =>
  runCli(['audit', '--base-url', s.baseUrl, '--resources', 'users', ...args], {
    cwd: dir,
    env: { SCIM_TOKEN: s.token },
  });

describe('audit --schemas and --baseline', () => {
  it('--schemas replaces GET /Schemas: its definitions are what resources are checked against', async () => {
    const before = s.requestLog.length;
    const res = await audit('--schemas', 'schemas.yaml');
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/SERVER_SCHEMA_REQUIRED_MISSING\s+MUST\s+4 /);
    expect(s.requestLog.slice(before).some((r) => r.path.includes('/Schemas'))).toBe(false);

    const plain = await audit();
    expect(plain.stdout).not.toContain('SERVER_SCHEMA_REQUIRED_MISSING');
  });

  it('a broken --schemas file is exit 2 with file:line:col and nothing is sent', async () => {
    writeFileSync(path.join(dir, 'broken.yaml'), 'Schemas:\n  - id: [oops\n');
    const before = s.requestLog.length;
    const res = await audit('--schemas', 'broken.yaml');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^scim-check: broken\.yaml:\d+:\d+: .+\n$/);
    expect(s.requestLog.length).toBe(before);
  });

  it('--baseline accepts a rule until it expires; stale audit entries are reported', async () => {
    writeFileSync(
      path.join(dir, 'baseline.yaml'),
      `entries:
  - suite: audit
    code: SERVER_SCHEMA_REQUIRED_MISSING
    reason: title is filled after the HR import (JIRA-77)
    expires: 2999-12-31
  - suite: audit
    code: USERNAME_DUPLICATE
    reason: fixed last sprint
  - suite: rfc/users
    code: RFC_USER_LOCATION
    reason: a run entry, not the audit's business
`,
    );
    const res = await audit(
      '--schemas',
      'schemas.yaml',
      '--baseline',
      'baseline.yaml',
      '--reporter',
      'console',
      '--reporter',
      'html:audit.html',
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(
      'baselined SERVER_SCHEMA_REQUIRED_MISSING (4): title is filled after the HR import (JIRA-77), expires 2999-12-31',
    );
    expect(res.stdout).toContain(
      'warning BASELINE_STALE: baseline entry audit:USERNAME_DUPLICATE matched no finding: remove it',
    );
    expect(res.stdout).not.toContain('RFC_USER_LOCATION');
    expect(res.stdout).toMatch(/PASS: no must-level finding \(\d+ should, \d+ info, 1 rule baselined\) in 4 resources/);

    writeFileSync(
      path.join(dir, 'expired.yaml'),
      'entries:\n  - { suite: audit, code: SERVER_SCHEMA_REQUIRED_MISSING, reason: old, expires: 2020-01-01 }\n',
    );
    const expired = await audit('--schemas', 'schemas.yaml', '--baseline', 'expired.yaml');
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain(
      'error BASELINE_EXPIRED: baseline entry SERVER_SCHEMA_REQUIRED_MISSING expired on 2020-01-01',
    );
  });

  it('the HTML links each rule to its section, gives its fix, lists the rules that passed, and shows the version and time', () => {
    const html = readFileSync(path.join(dir, 'audit.html'), 'utf8');
    expect(html).toContain(
      '<a href="#rule-SERVER_SCHEMA_REQUIRED_MISSING"><code>SERVER_SCHEMA_REQUIRED_MISSING</code></a>',
    );
    expect(html).toContain('<h3 id="rule-SERVER_SCHEMA_REQUIRED_MISSING">');
    expect(html).toContain('<th>Fix</th>');
    expect(html).toContain('Fill the attribute for every resource, or stop declaring it required in /Schemas.');
    expect(html).toContain('<em>baselined: title is filled after the HR import (JIRA-77), expires 2999-12-31</em>');
    expect(html).toMatch(/<h2>Rules with no finding \(\d+\)<\/h2>/);
    expect(html).toContain('<li class="pass-rule"><code>USERNAME_DUPLICATE</code>');
    expect(html).not.toContain('<li class="pass-rule"><code>SERVER_SCHEMA_REQUIRED_MISSING</code>');
    expect(html).toMatch(
      new RegExp(
        `Audited at \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, took [\\d.]+ s, with scim-check ${toolVersion().replace(/\./g, '\\.')}`,
      ),
    );
    expect(html).not.toContain(s.token);
  });
});
