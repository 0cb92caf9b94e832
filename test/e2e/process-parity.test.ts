// The e2e tests call the CLI in the test process (runCli) to save a Node start-up and a cold
// run per call. This file holds that shortcut to account: the same command lines, run through
// the built launcher as a child process (spawnCli: bin/scim-check.js, its V8 flags, dist/ and
// the prebuilt suites), end with the same exit code and print the same text, every run-specific
// figure (durations, run ids, generated names, ports) aside.
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, type CliResult } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import { validateExampleMapping } from '../helpers/example-mapping.js';

const startServer = useServers();

/** What may differ between two runs of one command line: times, ids, random names. */
function comparable(text: string): string {
  return text
    .replace(/\b\d+(\.\d+)?\s?(ms|s)\b/g, '<time>')
    .replace(/scimcheck-[A-Za-z0-9-]+/g, '<run>')
    .replace(/\brun [0-9a-f]{6}\b/g, 'run <id>')
    .replace(/[a-z0-9._+-]+@example\.(com|org|net)/gi, '<email>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<date>');
}

async function bothWays(args: string[], env: Record<string, string> = {}): Promise<[CliResult, CliResult]> {
  const inProcess = await runCli(args, { env });
  const spawned = await spawnCli(args, { env });
  return [inProcess, spawned];
}

function expectSame([inProcess, spawned]: [CliResult, CliResult], code: number): void {
  expect(spawned.code).toBe(code);
  expect(inProcess.code).toBe(code);
  expect(comparable(inProcess.stdout)).toBe(comparable(spawned.stdout));
  expect(comparable(inProcess.stderr)).toBe(comparable(spawned.stderr));
}

describe('the CLI in the test process and the launcher as a process agree', () => {
  it('on help and on the list of named checks (exit 0)', async () => {
    const [help, checks] = await Promise.all([bothWays(['run', '--help']), bothWays(['list', '--checks'])]);
    expectSame(help, 0);
    expect(help[1].stdout).toContain('Exit codes:');
    expectSame(checks, 0);
    expect(checks[1].stdout.length).toBeGreaterThan(1000);
  });

  it('on a passing run of a bundled suite (exit 0)', async () => {
    const s = await startServer();
    const pair = await bothWays(['run', 'okta/test-credentials', '--base-url', s.baseUrl], { SCIM_TOKEN: s.token });
    expectSame(pair, 0);
    expect(pair[1].stdout).toMatch(/PASS/);
  });

  it('on a failing run (exit 1), the report and the failing check included', async () => {
    const s = await startServer({ quirks: ['drop-preferred-language'] });
    const pair = await bothWays(['run', 'fixtures/suites/e2e/create-users.yaml', '--base-url', s.baseUrl], {
      SCIM_TOKEN: s.token,
    });
    expectSame(pair, 1);
    expect(pair[1].stdout).toContain('E2E_LANGUAGE_ROUND_TRIP');
  });

  it('on bad input (exit 2): a bad flag, an invalid suite', async () => {
    const [flag, suite] = await Promise.all([
      bothWays(['run', '--timeout', 'soon']),
      bothWays(['run', 'fixtures/suites/bad/unknown-key.yaml', '--base-url', 'http://127.0.0.1:9/scim/v2']),
    ]);
    expectSame(flag, 2);
    expectSame(suite, 2);
    expect(suite[1].stderr).toMatch(/unknown-key\.yaml:\d+:\d+/);
  });

  it('on a target that refuses connections (exit 3) and on a rejected token (exit 4)', async () => {
    const closed = await startServer();
    const port = closed.port;
    await closed.close();
    const refused = await bothWays(['run', 'okta/test-credentials', '--base-url', `http://127.0.0.1:${port}/scim/v2`], {
      SCIM_TOKEN: 'parity-token-0123456789',
    });
    expectSame(refused, 3);
    const s = await startServer();
    const rejected = await bothWays(['run', 'okta/test-credentials', '--base-url', s.baseUrl], {
      SCIM_TOKEN: 'not-the-token-0123456789',
    });
    expectSame(rejected, 4);
    for (const r of [...refused, ...rejected]) expect(r.stderr + r.stdout).not.toContain('0123456789');
  });

  it('on validate-mapping and on audit', async () => {
    const mapping = await bothWays(validateExampleMapping('mapping.json', { samples: false }));
    expectSame(mapping, 1);
    const s = await startServer({ seed: { users: 5 } });
    const audit = await bothWays(['audit', '--base-url', s.baseUrl, '--reporter', 'console'], {
      SCIM_TOKEN: s.token,
      CI: 'true',
    });
    expectSame(audit, 0); // five clean seeded users: nothing must-level to report
    expect(audit[1].stdout).toMatch(/^PASS/m);
  });
});
