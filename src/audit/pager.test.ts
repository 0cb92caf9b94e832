// The pager against the real reference server behind a logging proxy: with a known total, a
// worker sends its next request before it checks the page it holds, and no more than
// `concurrency` requests are ever out at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import { startFaultProxy, type FaultProxy } from '../../test/helpers/audit-fault-proxy.js';
import { createAuditClient } from './audit.js';
import { DEFAULT_RETRY_POLICY } from './fetch-with-retry.js';
import { RateLimiter } from './rate-limiter.js';
import { readAllPages, type PagerOptions } from './pager.js';

let server: RunningServer;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  server = await startServer({ seed: { users: 500 } });
});
afterAll(async () => {
  for (const p of proxies) await p.close();
  await server.close();
});

function pagerOptions(baseUrl: string, extra: Partial<PagerOptions>): PagerOptions {
  return {
    fetch: {
      client: createAuditClient({ timeoutMs: 5000, concurrency: extra.concurrency ?? 1 }),
      headers: { authorization: `Bearer ${server.token}` },
      limiter: new RateLimiter(undefined),
      policy: DEFAULT_RETRY_POLICY,
    },
    baseUrl,
    resourceType: 'User',
    pageSize: 100,
    concurrency: 1,
    onResources: async () => undefined,
    onFinding: async () => undefined,
    ...extra,
  };
}

const startIndexOf = (path: string) => new URL(path, 'http://x').searchParams.get('startIndex');

describe('audit pager', () => {
  it("sends a worker's next request before it checks the page it holds", async () => {
    const requested: string[] = [];
    const proxy = await startFaultProxy(server.baseUrl, (r) => {
      requested.push(r.url.searchParams.get('startIndex') ?? '');
      return undefined;
    });
    proxies.push(proxy);
    const waitedFor: string[] = [];
    const opts = pagerOptions(proxy.baseUrl, {
      // checking the page at 101 waits until the page at 201 has been asked for: a worker that
      // asked only after checking would wait here until the deadline
      onResources: async (batch) => {
        if (batch[0]?.position !== 101) return;
        const deadline = Date.now() + 3000;
        while (!requested.includes('201') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        waitedFor.push(requested.includes('201') ? 'asked' : 'deadline');
      },
    });
    const result = await readAllPages(opts);
    await opts.fetch.client.close();
    expect(waitedFor).toEqual(['asked']);
    expect(result.summary.read).toBe(500);
    expect(requested).toEqual(['1', '101', '201', '301', '401']);
  });

  it('never has more than `concurrency` requests out at once', async () => {
    let arrived = 0;
    let most = 0;
    const proxy: FaultProxy = await startFaultProxy(server.baseUrl, () => {
      arrived++;
      // a request is out from its arrival until the proxy has answered it (then it is logged)
      most = Math.max(most, arrived - proxy.log.length);
      return undefined;
    });
    proxies.push(proxy);
    const opts = pagerOptions(proxy.baseUrl, {
      concurrency: 2,
      pageSize: 25,
      // slow checks: every worker holds a page while its next request is out
      onResources: () => new Promise((r) => setTimeout(r, 10)),
    });
    const result = await readAllPages(opts);
    await opts.fetch.client.close();
    expect(result.summary.read).toBe(500);
    expect(most).toBe(2);
    expect(proxy.log.map((e) => startIndexOf(e.path)).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 20 }, (_, i) => String(1 + 25 * i)),
    );
  });
});
