// A clock for tests of code that waits (Retry-After, back-off, --rate): a wait returns at
// once and moves the clock forward by what was asked, so the test sees the times the code
// meant without spending them. Time only moves forward: two workers waiting for 50 ms each
// in parallel end 50 ms later, not 100.
import type { Clock } from '../../src/util/clock.js';

export interface VirtualClock extends Clock {
  /** Every wait asked for, in ms, in order. */
  readonly sleeps: number[];
}

export function virtualClock(start = Date.now()): VirtualClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      const until = t + ms;
      // let the other waiters of this instant ask for their own waits before time moves on
      await new Promise<void>((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      t = Math.max(t, until);
    },
  };
}
