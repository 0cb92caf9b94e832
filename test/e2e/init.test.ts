// `scim-check init`: what it writes, that it never overwrites, that the workflow is a valid
// GitHub Actions workflow whose command works, and that the example suite passes.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import { toolVersion } from '../../src/util/version.js';

const startTestServer = useServers();

const FILES = [
  'scim-check.config.yaml',
  'scim-suites/example.yaml',
  'scim-check.baseline.yaml',
  '.github/workflows/scim-check.yml',
];

async function initialised(): Promise<{ dir: string; stdout: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-init-'));
  const res = await runCli(['init'], { cwd: dir });
  expect(res.code).toBe(0);
  expect(res.stderr).toBe('');
  return { dir, stdout: res.stdout };
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<
    string,
    {
      'runs-on': string;
      if?: string;
      steps: {
        uses?: string;
        run?: string;
        env?: Record<string, string>;
        with?: Record<string, unknown>;
        if?: string;
      }[];
    }
  >;
}

describe('scim-check init', () => {
  it('writes the config, an example suite, an empty baseline and a workflow, and prints them and the next command', async () => {
    const { dir, stdout } = await initialised();
    for (const f of FILES) {
      expect(existsSync(path.join(dir, f)), f).toBe(true);
      expect(stdout).toContain(f);
    }
    expect(stdout).toContain('Next: npx scim-check run\n');
    expect(stdout).toContain('npx scim-check run --target staging');
    expect(parse(readFileSync(path.join(dir, 'scim-check.baseline.yaml'), 'utf8'))).toEqual({ entries: [] });
    const config = readFileSync(path.join(dir, 'scim-check.config.yaml'), 'utf8');
    expect(config).toMatch(/^ {2}# staging:\n {2}# {3}baseUrl: https:\/\/staging\.example\.com\/scim\/v2$/m);
  });

  it('never overwrites: a second init keeps every file as it is and says so', async () => {
    const { dir } = await initialised();
    writeFileSync(path.join(dir, 'scim-check.config.yaml'), 'profile: eptura\n');
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Wrote:');
    expect(again.stdout).toContain('Kept (already there, not changed):\n  scim-check.config.yaml\n');
    expect(readFileSync(path.join(dir, 'scim-check.config.yaml'), 'utf8')).toBe('profile: eptura\n');
  });

  it('the workflow is a valid GitHub Actions workflow: triggers, a job with runs-on, steps that use pinned actions or run a command, the token from secrets', async () => {
    const { dir } = await initialised();
    const wf = parse(readFileSync(path.join(dir, '.github/workflows/scim-check.yml'), 'utf8')) as Workflow;
    expect(typeof wf.name).toBe('string');
    expect(Object.keys(wf.on).sort()).toEqual(['deployment_status', 'workflow_dispatch']);
    const jobs = Object.values(wf.jobs);
    expect(jobs).toHaveLength(1);
    const job = jobs[0];
    expect(job['runs-on']).toBe('ubuntu-latest');
    for (const step of job.steps) {
      expect(Number(step.uses !== undefined) + Number(step.run !== undefined), JSON.stringify(step)).toBe(1);
      if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    }
    const gate = job.steps.find((s) => s.run?.includes('scim-check'));
    expect(gate?.run).toBe(`npx --yes scim-check@${toolVersion()} run --target staging`);
    expect(gate?.env).toEqual({ STAGING_SCIM_TOKEN: '${{ secrets.STAGING_SCIM_TOKEN }}' });
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload?.if).toBe('always()');
    expect(upload?.with?.path).toBe('reports/');
    // the env var the workflow sets is the one the config's staging target reads
    expect(readFileSync(path.join(dir, 'scim-check.config.yaml'), 'utf8')).toContain(
      'token: { env: STAGING_SCIM_TOKEN }',
    );
  });

  it("the workflow's command works once the staging target is uncommented: it gates, and writes the reports the upload step keeps", async () => {
    const { dir } = await initialised();
    const staging = await startTestServer({ port: 0 });
    const configFile = path.join(dir, 'scim-check.config.yaml');
    const config = readFileSync(configFile, 'utf8')
      .replace(/^ {2}# (staging:)$/m, '  $1')
      .replace(/^ {2}# {3}(baseUrl:) .*$/m, `    $1 ${staging.baseUrl}`)
      .replace(/^ {2}# {3}(token: .*)$/m, '    $1');
    writeFileSync(configFile, config);
    const wf = parse(readFileSync(path.join(dir, '.github/workflows/scim-check.yml'), 'utf8')) as Workflow;
    const command = Object.values(wf.jobs)[0].steps.find((s) => s.run?.includes('scim-check'))!.run!;
    const args = command.split(/\s+/).slice(3); // drop `npx --yes scim-check@VERSION`
    const res = await runCli(args, { cwd: dir, env: { STAGING_SCIM_TOKEN: staging.token } });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(staging.baseUrl);
    expect(res.stdout).toContain('my/example');
    expect(existsSync(path.join(dir, 'reports', 'scim-check.xml'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports', 'scim-check.json'), 'utf8')).target.baseUrl).toBe(
      staging.baseUrl,
    );
  });

  it('the example suite passes against the embedded server, with the vars of the generated config', async () => {
    const { dir } = await initialised();
    const res = await runCli(['run', 'scim-suites/example.yaml', '--reporter', 'json:out.json'], { cwd: dir });
    expect(res.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
    expect(report.summary).toMatchObject({ tests: 1, passed: 1, failed: 0 });
    const body = report.suites[0].tests[0].steps[0].exchanges[0].requestBody;
    expect(body.userName).toMatch(/^scimcheck-[0-9a-f]+-user-[0-9a-f]+@example\.test$/);
  });
});
