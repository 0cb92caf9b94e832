// End-to-end: every Okta pack (`run tag:okta`) through the CLI against the reference
// server seeded with pre-existing users and groups. The run must pass, leave the server
// exactly as it found it (pre-existing users untouched, nothing of the run left behind),
// and say how it removed each user it created. The wall time of the full run is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runCli, ROOT } from '../helpers/cli.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

const OKTA_PACKS = [
  'okta/test-credentials',
  'okta/spec',
  'okta/provisioning',
  'okta/provisioning-aiw',
  'okta/group-push',
];
let server: RunningServer;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  server = await startServer({ port: 0, seed: { users: 5, groups: 2 } });
});

afterAll(async () => {
  await server?.close();
});

describe('Okta packs end to end (run tag:okta)', () => {
  it('pass against the seeded reference server, leave it unchanged, and report how users were removed', async () => {
    const before = server.store.snapshot();
    const seededUsers = JSON.stringify(server.store.users());
    const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-okta-'));
    const started = performance.now();
    const res = await runCli(
      ['run', 'tag:okta', '--base-url', server.baseUrl, '--reporter', 'console', '--reporter', `json:${dir}/okta.json`],
      {
        env: { SCIM_TOKEN: server.token },
        timeoutMs: 120_000,
      },
    );
    const wallMs = Math.round(performance.now() - started);
    console.log(`full Okta run (${OKTA_PACKS.length} packs, CLI, reference server): ${wallMs} ms`);

    expect(res.stderr).toBe('');
    expect(res.code, res.stdout).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'okta.json'), 'utf8'));
    expect(report.suites.map((s: { name: string }) => s.name).sort()).toEqual([...OKTA_PACKS].sort());
    expect(report.summary.mustFailures).toBe(0);

    // nothing of the run is left, and the pre-existing data is byte-for-byte what it was
    expect(server.store.snapshot()).toBe(before);
    expect(JSON.stringify(server.store.users())).toBe(seededUsers);
    expect(server.store.users().some((u) => String(u.userName).startsWith('scimcheck-'))).toBe(false);

    // every created resource was removed, and the report says how (the server allows DELETE)
    const cleanup = report.cleanup as { type: string; status: string; via?: string }[];
    expect(cleanup.length).toBeGreaterThan(10);
    expect(cleanup.filter((c) => c.status !== 'removed')).toEqual([]);
    expect(new Set(cleanup.filter((c) => c.type === 'User').map((c) => c.via))).toEqual(new Set(['DELETE']));

    // the existence check is on the wire exactly as Okta encodes it (%20, %22, %40; filter, startIndex, count)
    expect(server.requestLog.map((r) => r.path)).toContainEqual(
      expect.stringMatching(
        /\/Users\?filter=userName%20eq%20%22scimcheck-[0-9a-f]+-prov-[0-9a-f]+%40example\.test%22&startIndex=1&count=100$/,
      ),
    );

    // the run never wrote to a pre-existing user
    const seededIds = new Set(JSON.parse(seededUsers).map((u: { id: string }) => u.id));
    const writes = server.requestLog.filter((r) => r.method !== 'GET' && r.method !== 'POST');
    expect(writes.filter((w) => [...seededIds].some((id) => w.path.includes(String(id))))).toEqual([]);
    expect(wallMs).toBeLessThan(60_000);
  }, 150_000);

  it('fall back to PATCH active=false to remove users when the server refuses DELETE, and say so', async () => {
    const s = await startServer({ port: 0, quirks: ['users-delete-unsupported'], seed: { users: 2 } });
    try {
      const seeded = JSON.stringify(s.store.users());
      const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-okta-'));
      const res = await runCli(
        ['run', 'okta/provisioning-aiw', '--base-url', s.baseUrl, '--reporter', `json:${dir}/aiw.json`],
        {
          env: { SCIM_TOKEN: s.token },
          timeoutMs: 60_000,
        },
      );
      expect(res.code, res.stdout).toBe(0);
      const report = JSON.parse(readFileSync(path.join(dir, 'aiw.json'), 'utf8'));
      const users = (report.cleanup as { type: string; status: string; via?: string }[]).filter(
        (c) => c.type === 'User',
      );
      expect(users.length).toBeGreaterThan(0);
      expect(users.every((c) => c.status === 'removed' && c.via === 'PATCH active=false')).toBe(true);
      // what the run created is left deactivated (the Okta way); the seeded users are untouched
      const left = s.store.users().slice(2);
      expect(left.length).toBe(users.length);
      expect(left.every((u) => u.active === false && String(u.userName).startsWith(`scimcheck-${report.runId}`))).toBe(
        true,
      );
      expect(JSON.stringify(s.store.users().slice(0, 2))).toBe(seeded);
    } finally {
      await s.close();
    }
  }, 90_000);
});
