// The worked examples of docs/suite-format.md, docs/profile-format.md and docs/config.md,
// taken from the pages and run, so the reference pages cannot drift from the tool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { loadConfigText } from '../../src/config/load.js';

let seeded: RunningServer;
let dir: string;

const doc = (name: string) => readFileSync(path.join(ROOT, 'docs', name), 'utf8');
function block(text: string, tag: string): string {
  const m = new RegExp('```\\w+ ' + tag + '\\n([\\s\\S]*?)```').exec(text);
  if (!m) throw new Error(`no block ${tag}`);
  return m[1];
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  seeded = await startServer({ port: 0, seed: { users: 3 } });
  dir = mkdtempSync(path.join(tmpdir(), 'scim-check-docs-'));
  mkdirSync(path.join(dir, 'scim-suites'));
  mkdirSync(path.join(dir, 'profiles'));
  writeFileSync(path.join(dir, 'scim-suites', 'department.yaml'), block(doc('suite-format.md'), 'example=suite'));
  writeFileSync(path.join(dir, 'profiles', 'acme.yaml'), block(doc('profile-format.md'), 'example=profile'));
});
afterAll(async () => seeded?.close());

describe('docs worked examples', () => {
  it('suite-format.md: the example suite passes, and fails as the page shows on a server that drops the enterprise extension', async () => {
    const ok = await runCli(['run', 'scim-suites/department.yaml'], { cwd: dir });
    expect(ok.code).toBe(0);
    const withVars = await runCli(
      [
        'run',
        'scim-suites/department.yaml',
        '--var',
        'emailDomain=acme.example',
        '--var',
        'department=Sales',
        '--reporter',
        'json:vars.json',
      ],
      { cwd: dir },
    );
    expect(withVars.code).toBe(0);
    const sent = JSON.parse(readFileSync(path.join(dir, 'vars.json'), 'utf8')).suites[0].tests[0].steps[0].exchanges[0]
      .requestBody;
    expect(sent['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']).toEqual({ department: 'Sales' });
    expect(sent.userName).toMatch(/@acme\.example$/);

    const bad = await runCli(['run', 'scim-suites/department.yaml', '--quirk', 'drop-enterprise-extension'], {
      cwd: dir,
    });
    expect(bad.code).toBe(1);
    const page = doc('suite-format.md');
    for (const line of [
      '    ✗ ACME_DEPARTMENT_KEPT [MUST] urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department is "Engineering" (step read)',
      '        actual:   "(absent)"',
      '        at:       scim-suites/department.yaml:38:13',
    ]) {
      expect(page).toContain(line);
      expect(bad.stdout).toContain(line);
    }
  });

  it('profile-format.md: the example profile loads, and the audit of seeded users reports what the page shows', async () => {
    const res = await runCli(['audit', '--base-url', seeded.baseUrl, '--profile', 'profiles/acme.yaml'], {
      cwd: dir,
      env: { SCIM_TOKEN: seeded.token },
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/ATTR_MANDATORY_MISSING\s+SHOULD\s+3 /);
    expect(res.stdout).toContain('PASS: no must-level finding (3 should, 0 info) in 3 resources');
    expect(doc('profile-format.md')).toContain('PASS: no must-level finding (3 should, 0 info) in 3 resources');

    writeFileSync(
      path.join(dir, 'profiles', 'broken.yaml'),
      block(doc('profile-format.md'), 'example=profile').replace('format: iso639-1', 'format: iso6391'),
    );
    const broken = await runCli(['audit', '--profile', 'profiles/broken.yaml'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      'broken.yaml:15:13: formats[0].format: must be equal to one of the allowed values: "language", "iso639-1"',
    );
  });

  it('config.md: the example config is valid', () => {
    const text = doc('config.md');
    const example = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(text)![1];
    const config = loadConfigText(example, 'scim-check.config.yaml');
    expect(Object.keys(config.targets ?? {})).toEqual(['staging', 'production']);
    expect(config.verdict).toEqual({ for: 'okta', okta: 'test-app' });
  });
});
