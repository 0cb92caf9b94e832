// The verdict flags end to end (CLI, reference server with a quirk, real HTTP): the same
// deviation passes or fails depending on whom the run is judged for, the console header, JSON
// and JUnit say which verdict was applied, and both carry every check's audiences so a
// report can be re-judged.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import { judgeCheck } from '../../src/audience/effective-severity.js';
import type { CheckResult } from '../../src/model/run-result.js';

const startTestServer = useServers();

async function run(quirk: string, ...args: string[]) {
  const s = await startTestServer({ port: 0, quirks: [quirk] });
  const res = await runCli(['run', ...args, '--base-url', s.baseUrl], { env: { SCIM_TOKEN: s.token } });
  expect(res.stdout + res.stderr).not.toContain(s.token);
  return res;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'scim-check-verdict-'));
const checksOf = (json: { suites: { tests: { steps: { checks: CheckResult[] }[] }[] }[] }) =>
  json.suites.flatMap((s) => s.tests.flatMap((t) => t.steps.flatMap((st) => st.checks)));

describe('run --for / --okta', () => {
  it('--for rfc fails a missing WWW-Authenticate that the default Okta verdict only warns about', async () => {
    const okta = await run('no-www-authenticate', 'rfc/errors');
    expect(okta.code).toBe(0);
    expect(okta.stdout).toContain('judged for Okta (catalogue SCIM 2.0 Test App) (--for okta --okta test-app');
    expect(okta.stdout).toContain('RFC_ERR_401_WWW_AUTHENTICATE [SHOULD, outside verdict: rfc must]');

    const dir = tmp();
    const rfc = await run(
      'no-www-authenticate',
      'rfc/errors',
      '--for',
      'rfc',
      '--reporter',
      'console',
      '--reporter',
      `json:${dir}/r.json`,
      '--reporter',
      `junit:${dir}/r.xml`,
    );
    expect(rfc.code).toBe(1);
    expect(rfc.stdout).toContain('judged for RFC 7643/7644 (--for rfc;');
    expect(rfc.stdout).toContain('RFC_ERR_401_WWW_AUTHENTICATE [MUST]');
    const json = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(json.judgedFor).toEqual({ for: ['rfc'], okta: 'test-app' });
    const check = checksOf(json).find((c) => c.code === 'RFC_ERR_401_WWW_AUTHENTICATE')!;
    expect(check).toMatchObject({ passed: false, severity: 'must', audience: { rfc: 'must' } });
    // the raw audiences let a reader re-judge the report for Okta
    expect(judgeCheck(check, { for: ['okta'], okta: 'test-app' })).toMatchObject({
      severity: 'should',
      outsideVerdict: true,
    });
    const junit = readFileSync(path.join(dir, 'r.xml'), 'utf8');
    expect(junit).toContain('<property name="verdict.for" value="rfc"/>');
    expect(junit).toContain('audience: rfc must');
  });

  it('--okta oin fails what the SPEC test asserts, which the catalogue Test App verdict only warns about', async () => {
    // Okta's SPEC test POSTs a user without externalId; a server that demands one fails the SPEC
    // test, while Okta's engine (which always sends externalId) is fine with it
    const testApp = await run('require-external-id', 'okta/spec');
    expect(testApp.code).toBe(0);
    expect(testApp.stdout).toMatch(/OKTA_SPEC_R6_STATUS \[SHOULD\]/);

    const oin = await run('require-external-id', 'okta/spec', '--okta', 'oin');
    expect(oin.code).toBe(1);
    expect(oin.stdout).toContain('judged for Okta (OIN submission tests) (--for okta --okta oin');
    expect(oin.stdout).toMatch(/OKTA_SPEC_R6_STATUS \[MUST\]/);
  });

  it('--for okta,rfc judges for both: a group still readable after DELETE fails', async () => {
    const okta = await run('soft-delete-groups', 'okta/group-push');
    expect(okta.code).toBe(0);
    expect(okta.stdout).toContain('OKTA_GP_DELETED_404 [SHOULD, outside verdict: rfc must]');
    const both = await run('soft-delete-groups', 'okta/group-push', '--for', 'okta,rfc');
    expect(both.code).toBe(1);
    expect(both.stdout).toContain('judged for Okta (catalogue SCIM 2.0 Test App) + RFC 7643/7644');
  });

  it('--no-groups skips group tests with the reason, and a bad --for is exit 2 naming the flag', async () => {
    const res = await run('groups-not-offered', 'okta/group-push', 'okta/test-credentials', '--no-groups');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('skipped: groups are out of scope (--no-groups');
    const bad = await run('groups-not-offered', 'okta/test-credentials', '--for', 'okta,scim');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('scim-check: --for must be okta, rfc or okta,rfc, got "okta,scim"');
  });
});
