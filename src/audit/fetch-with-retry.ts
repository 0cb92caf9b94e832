// One GET, retried the way a polite importer would: 429 waits for Retry-After (and
// pauses every worker), 502/503/504 and dropped connections back off exponentially,
// a bounded number of times. Only GET ever reaches this code: the client refuses the rest.
import { TransportError } from '../errors.js';
import { systemClock, type Clock } from '../util/clock.js';
import type { HttpClient, HttpResponse } from '../http/client.js';
import type { RateLimiter } from './rate-limiter.js';
import { parseRetryAfter } from './retry-after.js';

export interface RetryPolicy {
  /** Retries after the first attempt (429, 5xx and resets share the budget). */
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A Retry-After longer than this is not waited for: the page fails instead. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 5,
  backoffBaseMs: 250,
  backoffMaxMs: 8000,
  maxRetryAfterMs: 120_000,
};

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_TRANSPORT_CODES = new Set(['SCIM_HTTP_RESET', 'SCIM_HTTP_TIMEOUT']);

export interface FetchContext {
  client: HttpClient;
  headers: Record<string, string>;
  limiter: RateLimiter;
  policy: RetryPolicy;
  signal?: AbortSignal;
  /** The waits (Retry-After, back-off) and what time it is; tests inject a virtual clock. */
  clock?: Clock;
}

export interface FetchOutcome {
  response: HttpResponse;
  retries: number;
}

/** The final response (maybe still an error status); throws TransportError once retries are spent. */
export async function getWithRetry(ctx: FetchContext, url: string): Promise<FetchOutcome> {
  for (let attempt = 0; ; attempt++) {
    await ctx.limiter.acquire(ctx.signal);
    let response: HttpResponse;
    try {
      response = await ctx.client.send({ method: 'GET', url, headers: ctx.headers, signal: ctx.signal });
    } catch (err) {
      if (!(err instanceof TransportError) || !RETRY_TRANSPORT_CODES.has(err.code) || attempt >= ctx.policy.maxRetries)
        throw err;
      await (ctx.clock ?? systemClock).sleep(backoffMs(ctx.policy, attempt), ctx.signal);
      continue;
    }
    if (!RETRY_STATUSES.has(response.status) || attempt >= ctx.policy.maxRetries) return { response, retries: attempt };
    const waitMs = waitBeforeRetry(ctx, response, attempt);
    if (waitMs === undefined) return { response, retries: attempt };
    await (ctx.clock ?? systemClock).sleep(waitMs, ctx.signal);
  }
}

/** How long to wait before the next attempt; undefined = give up (Retry-After too long). */
function waitBeforeRetry(ctx: FetchContext, response: HttpResponse, attempt: number): number | undefined {
  const clock = ctx.clock ?? systemClock;
  const retryAfter = parseRetryAfter(response.headers['retry-after'], clock.now());
  if (retryAfter !== undefined && retryAfter > ctx.policy.maxRetryAfterMs) return undefined;
  if (response.status === 429) {
    const wait = retryAfter ?? backoffMs(ctx.policy, attempt);
    // the server is rate limiting all of us, not just this request
    ctx.limiter.pauseUntil(clock.now() + wait);
    return wait;
  }
  return retryAfter ?? backoffMs(ctx.policy, attempt);
}

function backoffMs(policy: RetryPolicy, attempt: number): number {
  const exp = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** attempt);
  // full jitter on the upper half, so concurrent workers do not retry in lockstep
  return exp / 2 + Math.random() * (exp / 2);
}
