// 429 and 503 during a run: wait as the server asks (Retry-After, seconds or an HTTP
// date) and send again, but only requests that are safe to repeat: after a 429 (refused
// unprocessed) any method, after a 503 only idempotent ones (a POST or PATCH
// answered 503 may have taken effect). undici's retry
// interceptor does the same waiting, but hides the attempts; the report must say
// which requests were retried, and tests must not wait real seconds (sleep is injected).
import { parseRetryAfter } from '../audit/retry-after.js';

export interface RetryPolicy {
  maxRetries: number;
  /** A Retry-After longer than this is not waited for: the answer stands. */
  maxWaitMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
}

export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 2,
  maxWaitMs: 60_000, // Okta's own request timeout: a longer wait is not waited out
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          resolve();
        },
        { once: true },
      );
    }),
  now: () => Date.now(),
};

/**
 * How long to wait before the next attempt, or undefined when this answer stands.
 * Only a server that says when to come back (Retry-After) is asked again: a 429 or
 * 503 without it stands as the answer, and the checks judge it (Okta requires the header).
 */
export function retryWait(
  method: string,
  status: number,
  retryAfter: string | undefined,
  attempt: number,
  policy: RetryPolicy,
): number | undefined {
  // a 429 was refused before it was processed (RFC 6585 §4): any method may be sent again;
  // a 503 may have been half-processed: only idempotent methods are
  if (
    !RETRY_STATUSES.has(status) ||
    (status === 503 && !IDEMPOTENT_METHODS.has(method.toUpperCase())) ||
    attempt >= policy.maxRetries
  )
    return undefined;
  const wait = parseRetryAfter(retryAfter, policy.now());
  return wait !== undefined && wait <= policy.maxWaitMs ? wait : undefined;
}
