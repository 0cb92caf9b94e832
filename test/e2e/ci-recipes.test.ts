// Every recipe in docs/ci.md, run as written (only `npx --yes scim-check@VERSION` becomes the
// built CLI) against the embedded reference server, with the environment the CI would give it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { BIN, ROOT } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { toolVersion } from '../../src/util/version.js';

const sh = promisify(execFile);
const DOC = readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
const NPX = `npx --yes scim-check@${toolVersion()}`;
const CLI = `"${process.execPath}" "${BIN}"`;
/** For $SCIM_CHECK, which the script word-splits unquoted (these paths have no spaces). */
const CLI_WORDS = `${process.execPath} ${BIN}`;
let good: RunningServer;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  good = await startServer({ port: 0, seed: { users: 3 } });
});
afterAll(async () => good?.close());

function recipe(name: string): string {
  const m = new RegExp('```\\w+ recipe=' + name + '\\n([\\s\\S]*?)```').exec(DOC);
  if (!m) throw new Error(`docs/ci.md has no recipe ${name}`);
  return m[1];
}

/** A command from a recipe, with the pinned npx call replaced by the built CLI. */
function local(command: string): string {
  expect(command.startsWith(NPX), 'recipes pin the current version').toBe(true);
  return CLI + command.slice(NPX.length);
}

async function shell(
  command: string,
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = {
    ...process.env,
    NO_COLOR: '1',
    SCIM_TOKEN: '',
    SCIM_BASE_URL: '',
    GITHUB_ACTIONS: '',
    GITHUB_STEP_SUMMARY: '',
    ...env,
  };
  try {
    const { stdout, stderr } = await sh('sh', ['-c', command], { cwd, env: clean, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'scim-check-recipe-'));
type Step = { run?: string; uses?: string; env?: Record<string, string> };
const stepsOf = (yaml: string): Step[] =>
  Object.values((parse(yaml) as { jobs: Record<string, { steps: Step[] }> }).jobs)[0].steps;

describe('docs/ci.md recipes', () => {
  it('GitHub gate: the run step passes against staging from the config target, with the token from the secret env var', async () => {
    const steps = stepsOf(recipe('github-gate'));
    const gate = steps.find((s) => s.run)!;
    expect(gate.env).toEqual({ STAGING_SCIM_TOKEN: '${{ secrets.STAGING_SCIM_TOKEN }}' });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))).toBeDefined();
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'scim-check.config.yaml'),
      `targets:\n  staging:\n    baseUrl: ${good.baseUrl}\n    token: { env: STAGING_SCIM_TOKEN }\nsuites: [okta/test-credentials]\nreporters: [console, junit:reports/scim-check.xml]\n`,
    );
    const res = await shell(local(gate.run!), { STAGING_SCIM_TOKEN: good.token }, dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(existsSync(path.join(dir, 'reports', 'scim-check.xml'))).toBe(true);
  }, 120_000);

  it('GitHub nightly audit: the audit step passes and writes the HTML report the artifact uploads', async () => {
    const wf = parse(recipe('github-nightly-audit')) as { on: { schedule: { cron: string }[] } };
    expect(wf.on.schedule[0].cron.split(' ')).toHaveLength(5);
    const step = stepsOf(recipe('github-nightly-audit')).find((s) => s.run)!;
    const dir = tmp();
    const res = await shell(local(step.run!), { PROD_SCIM_URL: good.baseUrl, PROD_SCIM_TOKEN: good.token }, dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('PASS: no must-level finding');
    const html = readFileSync(path.join(dir, 'reports', 'audit.html'), 'utf8');
    expect(html).toContain('<h1>SCIM pre-cutover audit</h1>');
    expect(html).not.toContain(good.token);
    expect(existsSync(path.join(dir, 'reports', 'audit.xml'))).toBe(true);
  }, 120_000);

  it('GitLab: the script line gates with the baseline and writes the JUnit report GitLab reads', async () => {
    const job = (
      parse(recipe('gitlab')) as Record<string, { script: string[]; artifacts: { reports: { junit: string } } }>
    )['scim-check'];
    const dir = tmp();
    writeFileSync(path.join(dir, 'scim-check.baseline.yaml'), 'entries: []\n');
    const res = await shell(
      local(job.script[0]),
      { STAGING_SCIM_URL: good.baseUrl, STAGING_SCIM_TOKEN: good.token },
      dir,
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const junit = readFileSync(path.join(dir, job.artifacts.reports.junit), 'utf8');
    expect(junit).toContain('<testsuites name="scim-check"');
    expect(existsSync(path.join(dir, 'reports', 'scim-check.html'))).toBe(true);
  }, 180_000);

  it('shell script: passes on a good server; on a failing one exits 1 and re-runs only the failures with their exchanges', async () => {
    const dir = tmp();
    const script = path.join(dir, 'scim-gate.sh');
    writeFileSync(script, recipe('shell'));
    expect(recipe('shell')).toContain(`SCIM_CHECK=\${SCIM_CHECK:-"${NPX}"}`);
    const ok = await shell(
      `sh ${script}`,
      { SCIM_CHECK: CLI_WORDS, SCIM_BASE_URL: good.baseUrl, SCIM_TOKEN: good.token },
      dir,
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain('re-running');

    const bad = await startServer({ port: 0, quirks: ['list-counters-as-strings'] });
    try {
      const res = await shell(
        `sh ${script}`,
        { SCIM_CHECK: CLI_WORDS, SCIM_BASE_URL: bad.baseUrl, SCIM_TOKEN: bad.token },
        dir,
      );
      expect(res.code).toBe(1);
      const [first, second] = res.stdout.split(
        'Conformance failures; re-running only the failed tests, with the exchanges:\n',
      );
      expect(first).toContain('OKTA_TC_COUNTERS_INTEGERS');
      expect(second).toContain('│ > GET ');
      expect(second).toMatch(/0 passed, \d+ failed/); // only the failures ran again
      expect(res.stdout + res.stderr).not.toContain(bad.token);
    } finally {
      await bad.close();
    }
  }, 240_000);
});
