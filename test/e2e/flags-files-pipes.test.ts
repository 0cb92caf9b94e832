// Flags, files and pipes (issue 10): numeric flags are range-checked, `serve` explains a bad
// address in one line, a closed pipe ends the run quietly with its own exit code, --schemas
// takes a saved /Schemas answer as it comes. The CLI, as a user runs it.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';

const startServer = useServers();
const tmp = () => mkdtempSync(path.join(tmpdir(), 'scim-check-flags-'));

describe('numeric flags', () => {
  it('out of range is one line naming the flag, exit 2, and nothing is sent', { timeout: 60_000 }, async () => {
    const s = await startServer({ seed: { users: 1 } });
    const target = ['--base-url', s.baseUrl];
    const cases: [string[], RegExp][] = [
      [['run', ...target, '--timeout', '2147483648'], /--timeout must be an integer from 1 to 2147483647/],
      [['run', ...target, '--timeout', '0'], /--timeout must be an integer from 1 to 2147483647/],
      [['test-credentials', ...target, '--timeout', '1e12'], /--timeout must be an integer from 1 to 2147483647/],
      [
        ['record', '--target', s.baseUrl, '--timeout', '2147483648'],
        /--timeout must be an integer from 1 to 2147483647/,
      ],
      [
        ['audit', ...target, '--rate', '0.0000001/s'],
        /--rate must look like 20\/s \(requests per second, at least 0\.001\)/,
      ],
      [['audit', ...target, '--page-size', '10001'], /--page-size must be an integer from 1 to 10000/],
      [['serve', '--port', '65536'], /^scim-check: --port must be an integer from 0 to 65535, got "65536"$/],
      [['serve', '--seed-users', '-1'], /^scim-check: --seed-users must be an integer from 0 to 10000000/],
    ];
    for (const [args, pattern] of cases) {
      const res = await runCli(args, { env: { SCIM_TOKEN: s.token } });
      const what = args.filter((a) => a !== s.baseUrl).join(' ');
      expect(res.code, what).toBe(2);
      expect(res.stderr.trimEnd(), what).toMatch(pattern);
      expect(
        res.stderr
          .trimEnd()
          .split('\n')
          .filter((l) => !l.startsWith('(run with --help')),
        what,
      ).toHaveLength(1);
      expect(res.stdout, what).toBe('');
    }
    expect(s.requestLog).toEqual([]);
  });
});

describe('serve', () => {
  it('an address that is not on this machine is exit 2 with one line, not "a bug in scim-check"', async () => {
    const res = await runCli(['serve', '--host', '192.0.2.1', '--port', '0']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'scim-check: --host 192.0.2.1 --port 0: cannot listen (the address is not available on this machine, EADDRNOTAVAIL)\n',
    );
  });
});

/** `scim-check ARGS | head -n 1`, as a shell runs it: what head printed, stderr, and scim-check's own exit code. */
function pipedToHead(args: string[]): Promise<{ head: string; stderr: string; code: number }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `${quoted} | head -n 1; echo "exit=\${PIPESTATUS[0]}" >&2`], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', SCIM_TOKEN: undefined, GITHUB_ACTIONS: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let head = '';
    let stderr = '';
    child.stdout.on('data', (d) => (head += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', () => {
      const m = /exit=(\d+)\n$/.exec(stderr);
      if (!m) return reject(new Error(`no exit status in ${JSON.stringify(stderr)}`));
      resolve({ head, stderr: stderr.slice(0, m.index), code: Number(m[1]) });
    });
  });
}

describe('a closed pipe', () => {
  // a line per test as it ends, then a --trace report of ~100 kB: scim-check writes long after head has gone
  it("`| head` ends quietly with the run's exit code (1 for a failing run, 0 for a passing one)", async () => {
    const failing = await pipedToHead(['run', 'okta/provisioning', '--quirk', 'no-409-on-duplicate', '--trace']);
    expect(failing.head).toMatch(/^\[1\/\d+\] FAILED {2}okta\/provisioning › .*\n$/); // the first test's streamed line
    expect(failing.stderr).toBe('');
    expect(failing.code).toBe(1);
    const passing = await pipedToHead(['run', 'okta/provisioning', '--trace']);
    expect(passing.stderr).toBe('');
    expect(passing.code).toBe(0);
  });
});

describe('--schemas', () => {
  it('accepts a saved GET /Schemas answer as it comes (a ListResponse)', async () => {
    const s = await startServer({ seed: { users: 2 } });
    const saved = await fetch(`${s.baseUrl}/Schemas`, { headers: { authorization: `Bearer ${s.token}` } });
    expect(saved.status).toBe(200);
    const file = path.join(tmp(), 'schemas.json');
    writeFileSync(file, await saved.text());
    const schemaReads = () => s.requestLog.filter((r) => r.path.endsWith('/Schemas')).length;
    const before = schemaReads();
    const res = await runCli(['run', 'okta/test-credentials', '--base-url', s.baseUrl, '--schemas', file], {
      env: { SCIM_TOKEN: s.token },
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(schemaReads()).toBe(before); // the file stood in for the server's /Schemas
  });
});
