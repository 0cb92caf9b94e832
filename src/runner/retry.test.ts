import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryWait, type RetryPolicy } from './retry.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const policy: RetryPolicy = { ...DEFAULT_RETRY, now: () => NOW, sleep: async () => undefined };

describe('retryWait', () => {
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(retryWait('GET', 429, '3', 0, policy)).toBe(3000);
    expect(retryWait('DELETE', 503, new Date(NOW + 5000).toUTCString(), 0, policy)).toBe(5000);
    expect(retryWait('GET', 503, new Date(NOW - 5000).toUTCString(), 0, policy)).toBe(0);
  });

  it('repeats POST or PATCH only after a 429 (refused unprocessed), never after a 503', () => {
    expect(retryWait('POST', 429, '1', 0, policy)).toBe(1000);
    expect(retryWait('POST', 503, '1', 0, policy)).toBeUndefined();
    expect(retryWait('patch', 503, '1', 0, policy)).toBeUndefined();
  });

  it('lets the answer stand without Retry-After, past the retry budget, or when asked to wait too long', () => {
    expect(retryWait('GET', 429, undefined, 0, policy)).toBeUndefined();
    expect(retryWait('GET', 429, 'soon', 0, policy)).toBeUndefined();
    expect(retryWait('GET', 429, '1', policy.maxRetries, policy)).toBeUndefined();
    expect(retryWait('GET', 429, String(policy.maxWaitMs / 1000 + 1), 0, policy)).toBeUndefined();
    expect(retryWait('GET', 500, '1', 0, policy)).toBeUndefined();
  });
});
