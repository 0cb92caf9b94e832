// /Bulk and the write guard (issue 10): refused unless the suite declares allowBulk; with it,
// every operation inside is checked like a request of its own, and one refused operation
// means the server receives nothing. The reference server has no /Bulk, so the fault proxy
// plays a bulk endpoint: it creates a user for the POST operation and answers a BulkResponse.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { useServers } from '../helpers/servers.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import type { RunningServer } from '../../src/server/index.js';

const startServer = useServers();

async function bulkTarget(): Promise<{
  s: RunningServer;
  proxy: FaultProxy;
  baseUrl: string;
  bulkPosts: () => number;
}> {
  const s = await startServer({ seed: { users: 2 } });
  const proxy = await startFaultProxy(new URL(s.baseUrl).origin, (req) => {
    if (req.method !== 'POST' || !/\/Bulk$/i.test(req.url ?? '')) return undefined;
    const created = s.store.insertUser({ userName: 'bulk-created@example.test' });
    const response = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkResponse'],
      Operations: [
        { method: 'POST', bulkId: 'b1', status: '201', location: `${s.baseUrl}/Users/${created.id}` },
        { method: 'PATCH', status: '200', location: `${s.baseUrl}/Users/${created.id}` },
        { method: 'PATCH', status: '200' },
      ],
    };
    return { status: 200, body: JSON.stringify(response) };
  });
  const baseUrl = proxy.url + new URL(s.baseUrl).pathname;
  return { s, proxy, baseUrl, bulkPosts: () => proxy.log.filter((l) => /\/Bulk$/i.test(l.url)).length };
}

async function run(suite: string, baseUrl: string, token: string, ...extra: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-bulk-'));
  const res = await runCli(
    [
      'run',
      `fixtures/suites/faults/${suite}`,
      '--base-url',
      baseUrl,
      '--reporter',
      'console',
      '--reporter',
      `json:${dir}/r.json`,
      ...extra,
    ],
    { env: { SCIM_TOKEN: token } },
  );
  return { ...res, json: JSON.parse(readFileSync(`${dir}/r.json`, 'utf8')) };
}

describe('/Bulk and the write guard', () => {
  it('without allowBulk, POST /Bulk is refused and never sent; the user created before it is removed', async () => {
    const { s, baseUrl, bulkPosts } = await bulkTarget();
    const before = s.store.snapshot();
    const res = await run('bulk-undeclared.yaml', baseUrl, s.token);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain(
      'refusing POST /Bulk: bulk requests are sent only by a suite that declares allowBulk: true',
    );
    expect(bulkPosts()).toBe(0);
    expect(s.store.snapshot()).toBe(before);
  });

  it("with allowBulk, a bulk request of the run's own writes is sent; what its POST created is removed", async () => {
    const { s, baseUrl, bulkPosts } = await bulkTarget();
    const before = s.store.snapshot();
    const res = await run('bulk.yaml', baseUrl, s.token, '--grep', '^bulk-own$');
    expect(res.code, res.stdout).toBe(0);
    expect(bulkPosts()).toBe(1);
    expect(res.json.cleanup.map((c: { type: string; status: string }) => [c.type, c.status])).toEqual([
      ['User', 'removed'],
      ['User', 'removed'],
    ]);
    expect(s.store.snapshot()).toBe(before);
  });

  it('with allowBulk, one operation on a resource the run did not create refuses the whole request: nothing is sent', async () => {
    const { s, baseUrl, bulkPosts } = await bulkTarget();
    const before = s.store.snapshot();
    const res = await run('bulk.yaml', baseUrl, s.token, '--grep', '^bulk-foreign$');
    expect(res.code).toBe(1);
    const step = res.json.suites[0].tests[0].steps[0];
    expect(step.status).toBe('errored');
    expect(step.error.message).toMatch(
      /^refusing POST \/Bulk: operation 2: refusing DELETE \/Users\/somebody-else: resource somebody-else was not created by this run$/,
    );
    expect(bulkPosts()).toBe(0);
    expect(s.requestLog.some((r) => r.method !== 'GET')).toBe(false);
    expect(s.store.snapshot()).toBe(before);
  });
});
