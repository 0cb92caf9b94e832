// Faults between the audit and the server: rate limiting, a failing page, a dropped
// connection, and pagination anomalies. A proxy injects them in front of the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import {
  startFaultProxy,
  type Fault,
  type FaultProxy,
  type ProxiedRequest,
} from '../../test/helpers/audit-fault-proxy.js';
import { runAudit, type AuditOptions } from './audit.js';
import type { AuditFinding } from '../model/audit-result.js';
import { virtualClock } from '../../test/helpers/virtual-clock.js';

const FAST_RETRY = { backoffBaseMs: 20, backoffMaxMs: 100 };

function options(server: RunningServer, proxy: FaultProxy, extra: Partial<AuditOptions> = {}): AuditOptions {
  return {
    baseUrl: proxy.baseUrl,
    token: server.token,
    resources: ['User'],
    pageSize: 10,
    concurrency: 3,
    languageFormat: 'iso639-1',
    timeoutMs: 5000,
    maxExamples: 50,
    retry: FAST_RETRY,
    // Retry-After, back-off and --rate are waited for on a virtual clock: no real seconds pass
    clock: virtualClock(),
    ...extra,
  };
}

const isUserPage = (r: ProxiedRequest, startIndex: number) =>
  r.url.pathname.endsWith('/Users') && r.url.searchParams.get('startIndex') === String(startIndex);

describe('audit under faults', () => {
  let server: RunningServer;
  const proxies: FaultProxy[] = [];
  const proxy = async (decide: (r: ProxiedRequest) => Fault | undefined, now?: () => number) => {
    const p = await startFaultProxy(server.baseUrl, decide, now);
    proxies.push(p);
    return p;
  };

  beforeAll(async () => {
    server = await startServer({ seed: { users: 95 } });
  });
  afterAll(async () => {
    for (const p of proxies) await p.close();
    await server.close();
  });

  it('waits for Retry-After (integer seconds) on 429 before retrying, and reads everything', async () => {
    const clock = virtualClock();
    let limited = false;
    const p = await proxy((r) => {
      if (!limited && isUserPage(r, 41)) {
        limited = true;
        return { status: 429, headers: { 'retry-after': '1' } };
      }
      return undefined;
    }, clock.now);
    const result = await runAudit(options(server, p, { clock }));
    const tries = p.log.filter((e) => e.path.includes('startIndex=41&'));
    expect(tries.map((t) => t.status)).toEqual([429, 200]);
    expect(clock.sleeps).toContain(1000);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(1000);
    expect(result.endpoints[0]).toMatchObject({ read: 95, totalResults: 95, retries: 1 });
    expect(result.rules).toEqual([]);
  });

  it('accepts Retry-After as an HTTP date', async () => {
    const clock = virtualClock();
    let limited = false;
    const p = await proxy((r) => {
      if (!limited && isUserPage(r, 21)) {
        limited = true;
        // HTTP dates have whole seconds: 2 s ahead waits at least 1 s
        return { status: 429, headers: { 'retry-after': new Date(clock.now() + 2000).toUTCString() } };
      }
      return undefined;
    }, clock.now);
    await runAudit(options(server, p, { clock }));
    expect(clock.sleeps.some((ms) => ms > 1000 && ms <= 2000)).toBe(true);
    const tries = p.log.filter((e) => e.path.includes('startIndex=21&'));
    expect(tries.map((t) => t.status)).toEqual([429, 200]);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(1000);
  });

  it('retries a page that fails mid-way (503, then a dropped connection) and the totals stay right', async () => {
    const seen = new Map<number, number>();
    const p = await proxy((r) => {
      const start = Number(r.url.searchParams.get('startIndex'));
      const n = (seen.get(start) ?? 0) + 1;
      seen.set(start, n);
      if (start === 51 && n === 1) return { status: 503 };
      if (start === 51 && n === 2) return { reset: true };
      return undefined;
    });
    const streamed: AuditFinding[] = [];
    const result = await runAudit(options(server, p, { sinks: [(f) => void streamed.push(f)] }));
    expect(p.log.filter((e) => e.path.includes('startIndex=51&')).map((e) => e.status)).toEqual([503, 'reset', 200]);
    expect(result.endpoints[0]).toMatchObject({ read: 95, totalResults: 95, pages: 10, retries: 2 });
    expect(streamed).toEqual([]);
  });

  it('gives up after the retry budget and reports the page, not a guess', async () => {
    const p = await proxy((r) => (isUserPage(r, 31) ? { status: 503 } : undefined));
    const result = await runAudit(options(server, p, { retry: { ...FAST_RETRY, maxRetries: 2 } }));
    expect(p.log.filter((e) => e.path.includes('startIndex=31&'))).toHaveLength(3);
    expect(result.rules.map((r) => [r.code, r.count])).toEqual([['PAGE_FAILED', 1]]);
    expect(result.endpoints[0].read).toBe(85);
    expect(result.verdict).toBe('fail');
  });

  it('reports totalResults changing, an id on two pages, and fewer resources than announced', async () => {
    let firstPageIds: string[] = [];
    const p = await proxy((r) => {
      if (isUserPage(r, 1))
        return { rewrite: (b) => ((firstPageIds = (b.Resources as { id: string }[]).map((u) => u.id)), b) };
      if (isUserPage(r, 21)) return { rewrite: (b) => ({ ...b, totalResults: 96 }) };
      // page 31 repeats a user of page 1 in place of its own first user
      if (isUserPage(r, 31))
        return {
          rewrite: (b) => ({
            ...b,
            Resources: [
              { ...(b.Resources as object[])[0], id: firstPageIds[0] },
              ...(b.Resources as object[]).slice(1),
            ],
          }),
        };
      return undefined;
    });
    const streamed: AuditFinding[] = [];
    const result = await runAudit(options(server, p, { concurrency: 1, sinks: [(f) => void streamed.push(f)] }));
    const codes = result.rules.map((r) => [r.code, r.count]).sort();
    expect(codes).toEqual([
      ['PAGINATION_DUPLICATE_ID', 1],
      ['PAGINATION_SHORT', 1],
      ['PAGINATION_TOTAL_CHANGED', 1],
    ]);
    expect(streamed.find((f) => f.code === 'PAGINATION_DUPLICATE_ID')?.resourceId).toBe(firstPageIds[0]);
    expect(result.endpoints[0].read).toBe(94);
  });

  it('detects a server that ignores count', async () => {
    const clean = await startServer({ seed: { users: 25 }, quirks: ['count-ignored'] });
    try {
      const p = await proxy(() => undefined);
      const result = await runAudit({ ...options(clean, p), baseUrl: clean.baseUrl });
      expect(result.rules.map((r) => r.code)).toEqual(['PAGINATION_COUNT_IGNORED']);
      expect(result.endpoints[0].read).toBe(25);
    } finally {
      await clean.close();
    }
  });

  it('spaces requests to honour --rate', async () => {
    const clock = virtualClock();
    const p = await proxy(() => undefined, clock.now);
    const started = clock.now();
    await runAudit(options(server, p, { ratePerSecond: 20, clock }));
    // /Schemas + 10 pages = 11 requests at 20/s: at least 10 gaps of 50 ms, on the audit's own clock
    expect(p.log.length).toBeGreaterThanOrEqual(11);
    expect(clock.now() - started).toBeGreaterThanOrEqual((p.log.length - 1) * 50);
    expect(p.log.at(-1)!.at - p.log[0].at).toBeGreaterThanOrEqual(480);
    expect(clock.sleeps.every((ms) => ms <= 50)).toBe(true); // each worker waits for the next slot, never longer
    // the even spacing of concurrent callers, exactly, is proven in rate-limiter.test.ts
  });

  it('reads on page by page when a server gives no usable totalResults', async () => {
    const bare = await startServer({ seed: { users: 25 }, quirks: ['list-bare-array'] });
    try {
      const p = await proxy(() => undefined);
      const result = await runAudit({ ...options(bare, p), baseUrl: bare.baseUrl });
      expect(result.endpoints[0]).toMatchObject({ read: 25, pages: 3 });
      expect(result.endpoints[0].totalResults).toBeUndefined();
      expect(result.rules.map((r) => [r.code, r.count])).toEqual([['LIST_RESPONSE_INVALID', 3]]);
    } finally {
      await bare.close();
    }
  });

  it('flags counters sent as strings on every page, and still reads everything', async () => {
    const strings = await startServer({ seed: { users: 25 }, quirks: ['list-counters-as-strings'] });
    try {
      const p = await proxy(() => undefined);
      const result = await runAudit({ ...options(strings, p), baseUrl: strings.baseUrl });
      expect(result.endpoints[0]).toMatchObject({ read: 25, totalResults: 25, pages: 3 });
      expect(result.rules.map((r) => [r.code, r.count])).toEqual([['LIST_RESPONSE_INVALID', 3]]);
    } finally {
      await strings.close();
    }
  });

  it('follows a server that caps pages below the count asked for', async () => {
    const big = await startServer({ seed: { users: 450 } }); // the reference server caps count at 200
    try {
      const p = await proxy(() => undefined);
      const result = await runAudit({ ...options(big, p), baseUrl: big.baseUrl, pageSize: 300 });
      expect(result.endpoints[0]).toMatchObject({ read: 450, totalResults: 450, pages: 3 });
      expect(result.rules).toEqual([]);
    } finally {
      await big.close();
    }
  });
});
