import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';
import { virtualClock } from '../../test/helpers/virtual-clock.js';

describe('RateLimiter', () => {
  it('spaces concurrent callers evenly at N/s', async () => {
    const clock = virtualClock(0);
    const limiter = new RateLimiter(20, clock);
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => limiter.acquire().then(() => granted.push(clock.now()))));
    expect(granted).toEqual([0, 50, 100, 150, 200]);
  });

  it('holds every caller back until a pause ends, then spaces them again', async () => {
    const clock = virtualClock(0);
    const limiter = new RateLimiter(10, clock);
    await limiter.acquire();
    limiter.pauseUntil(1000); // a 429 asked everyone to wait a second
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 3 }, () => limiter.acquire().then(() => granted.push(clock.now()))));
    expect(granted).toEqual([1000, 1100, 1200]);
  });

  it('without a rate lets every caller through at once', async () => {
    const clock = virtualClock(0);
    const limiter = new RateLimiter(undefined, clock);
    await Promise.all(Array.from({ length: 3 }, () => limiter.acquire()));
    expect(clock.sleeps).toEqual([]);
  });
});
