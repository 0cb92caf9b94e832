// The console as CI sees it (stdout a pipe, not a terminal): a line per test as it ends,
// long before the run does; and --quiet, which prints only failures and the verdict.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, spawnCli } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';

const startServer = useServers();
const tmp = () => mkdtempSync(path.join(tmpdir(), 'scim-check-console-'));

describe('the console on a stdout that is not a terminal', () => {
  it('prints each test as it ends: the first test is on stdout while a later one is still waiting for the server', async () => {
    const s = await startServer({ seed: { users: 2 } });
    // the groups probe (third test) is held until this test has seen the first test's line
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let heldRequestSeen = false;
    const proxy = await startFaultProxy(new URL(s.baseUrl).origin, (req) => {
      if (!(req.url ?? '').includes('/Groups')) return undefined;
      heldRequestSeen = true;
      return { waitFor: gate };
    });
    let lineWhileHeld: string | undefined;
    try {
      const res = await spawnCli(['run', 'okta/test-credentials', '--base-url', `${proxy.url}/scim/v2`], {
        env: { SCIM_TOKEN: s.token },
        timeoutMs: 30_000,
        onSpawn: (child) => {
          let seen = '';
          child.stdout?.on('data', (d) => {
            seen += String(d);
            const first = /^\[1\/3\] .*$/m.exec(seen)?.[0];
            if (first && lineWhileHeld === undefined) {
              lineWhileHeld = first;
              release();
            }
          });
        },
      });
      expect(lineWhileHeld).toMatch(
        /^\[1\/3\] passed {2}okta\/test-credentials › Test API Credentials probe .*\(\d+ms\)$/,
      );
      expect(heldRequestSeen).toBe(true);
      expect(res.code).toBe(0);
      const lines = res.stdout.split('\n');
      expect(lines.slice(0, 3).map((l) => l.slice(0, 13))).toEqual(['[1/3] passed ', '[2/3] passed ', '[3/3] passed ']);
      expect(lines[4]).toMatch(/^scim-check \S+ → /); // then the report, as before
    } finally {
      release();
      await proxy.close();
    }
  });
});

describe('--quiet', () => {
  it('a failing run: only the failures, where the reports went and the verdict line', async () => {
    const s = await startServer({ quirks: ['no-409-on-duplicate'], seed: { users: 2 } });
    const dir = tmp();
    const res = await runCli(
      [
        'run',
        'okta/test-credentials',
        'okta/provisioning',
        '--base-url',
        s.baseUrl,
        '--quiet',
        '--reporter',
        'console',
        '--reporter',
        `json:${dir}/r.json`,
      ],
      { env: { SCIM_TOKEN: s.token } },
    );
    expect(res.code).toBe(1);
    const json = JSON.parse(readFileSync(`${dir}/r.json`, 'utf8'));
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([`json report: ${dir}/r.json`, json.verdict.line]);
    expect(json.verdict.line).toMatch(/^FAIL: \d+ MUST-level checks? failed/);
    expect(res.stdout).toContain('✗ okta/provisioning › User lifecycle');
    expect(res.stdout).toContain('✗ OKTA_PROV_DUPLICATE_409 [MUST] status is 409');
    // nothing else: no passing tests, no warnings, no progress lines, no header or summary
    expect(lines.filter((l) => /^\s*(✓|!|-|\[\d+\/\d+\])\s/.test(l))).toEqual([]);
    expect(res.stdout).not.toMatch(/scim-check \S+ →|\d+ tests?: \d+ passed/);
    const failedTests = json.suites.flatMap((su: { tests: { status: string }[] }) =>
      su.tests.filter((t) => t.status === 'failed' || t.status === 'errored'),
    );
    expect(lines.filter((l) => l.startsWith('✗ ')).length).toBe(failedTests.length);
  });

  it('a passing run: the verdict line alone', async () => {
    const s = await startServer({ seed: { users: 2 } });
    const res = await runCli(['run', 'okta/test-credentials', '--base-url', s.baseUrl, '--quiet'], {
      env: { SCIM_TOKEN: s.token },
    });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('PASS\n');
  });
});
