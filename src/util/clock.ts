// Time as the code that waits sees it: what time it is, and a wait that a signal can cut
// short. Production uses the system clock; tests inject a virtual one, so that proving a
// Retry-After or a rate limit does not cost real seconds.
import { setTimeout as sleep } from 'node:timers/promises';

export interface Clock {
  /** Epoch ms. */
  now(): number;
  /** Resolves after `ms`; rejects (AbortError) when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};
