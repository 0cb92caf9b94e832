// Answer bodies are collected into buffers reused from one answer to the next. Holding every
// chunk the socket delivered until the answer was whole, then one more buffer to join them,
// made a long audit churn through memory outside V8's heap: the chunks of pages in flight
// outlived the young generation, waited for a full collection, and the peak RSS grew with the
// tenant. A client has a few answers in flight at once, so a few buffers serve them all.

const FIRST_SIZE = 64 * 1024;
/** Buffers kept for reuse, at most, and the largest kept (a rare huge answer's is let go). */
const KEEP = 8;
const KEEP_AT_MOST_BYTES = 1024 * 1024;

const free: Buffer[] = [];

/** A buffer to collect an answer into (its contents are whatever was there: only what is written is read). */
export function takeBodyBuffer(atLeast = 0): Buffer {
  const reused = free.pop();
  if (reused && reused.length >= atLeast) return reused;
  return Buffer.allocUnsafe(Math.max(FIRST_SIZE, atLeast));
}

/** `buf` holding `used` bytes, with room for `needed`: the same buffer, or a larger copy (the old one is given back). */
export function growBodyBuffer(buf: Buffer, used: number, needed: number): Buffer {
  if (needed <= buf.length) return buf;
  const larger = Buffer.allocUnsafe(Math.max(needed, buf.length * 2));
  buf.copy(larger, 0, 0, used);
  giveBodyBuffer(buf);
  return larger;
}

/** Back for reuse, once nothing reads it any more. */
export function giveBodyBuffer(buf: Buffer): void {
  if (free.length < KEEP && buf.length <= KEEP_AT_MOST_BYTES) free.push(buf);
}
