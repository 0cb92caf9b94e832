// Spaces requests evenly to honour --rate N/s across all concurrent workers, and
// holds every worker back while the server has asked us to wait (429 Retry-After).
import { UsageError } from '../errors.js';
import { systemClock, type Clock } from '../util/clock.js';

export class RateLimiter {
  private nextSlot = 0;
  private pausedUntil = 0;
  private readonly intervalMs: number;

  /** `perSecond` undefined or 0 = no rate limit (pauses still apply). */
  constructor(
    perSecond?: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.intervalMs = perSecond ? 1000 / perSecond : 0;
  }

  /** Resolves when the caller may send its next request. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const slot = Math.max(now, this.nextSlot, this.pausedUntil);
      if (slot <= now) {
        this.nextSlot = now + this.intervalMs;
        return;
      }
      // re-check after waiting: another worker may have taken the slot, or a pause may have grown
      await this.clock.sleep(slot - now, signal);
    }
  }

  /** Nobody sends before `untilMs` (epoch ms). */
  pauseUntil(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }
}

const MIN_RATE = 0.001;

/** `--rate 20/s`, `--rate 20`, `--rate 0.5/s`. */
export function parseRate(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*s)?\s*$/.exec(value);
  const n = m ? Number(m[1]) : NaN;
  // below 0.001/s the wait between two requests would overflow Node's timers (2^31-1 ms) and fire at once
  if (!Number.isFinite(n) || n < MIN_RATE)
    throw new UsageError(
      `--rate must look like 20/s (requests per second, at least ${MIN_RATE}), got ${JSON.stringify(value)}`,
    );
  return n;
}
