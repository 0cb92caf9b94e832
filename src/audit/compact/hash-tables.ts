// Open-addressing hash tables in typed arrays: a few bytes per entry and no object per
// key, so the audit's memory grows by bytes, not by strings, per resource read.
import { hash32, hash32b } from './fingerprint.js';

const EMPTY = -1;
// Linear probing stays short below this load; growing by half (any size works: slots are
// taken modulo the capacity) keeps a table between 53% and 80% full.
const MAX_LOAD = 0.8;
const grown = (capacity: number): number => Math.ceil(capacity * 1.5) + 1;
// A total announced by the server sizes a table once (no series of grows, each holding the old
// and the new arrays at once); a total beyond this is not trusted that far, the table grows past it.
const MAX_RESERVED = 4_000_000;
const reserved = (entries: number): number => Math.ceil(Math.min(entries, MAX_RESERVED) / MAX_LOAD) + 1;

/** 32-bit key hash -> first value (a listing position >= 0). Different keys may share a hash: callers verify. */
export class FirstByHash {
  // slot i is entries[2i] (the hash, as int32) and entries[2i + 1] (the value + 1; 0 when free):
  // side by side, a probe reads one cache line, not one in each of two arrays. A fresh typed array
  // is all zeros, so a table of millions of slots needs no pass to mark them free.
  private entries: Int32Array;
  private capacity: number;
  private size = 0;

  constructor(capacity = 1024) {
    this.capacity = capacity;
    this.entries = new Int32Array(2 * capacity);
  }

  /** The value stored for this hash, or EMPTY (-1) after storing `value` for it. */
  firstOrSet(hash: number, value: number): number {
    if (this.size + 1 > this.capacity * MAX_LOAD) this.grow();
    const cap = this.capacity;
    const entries = this.entries;
    const h = hash | 0;
    for (let i = hash % cap; ; i = i + 1 === cap ? 0 : i + 1) {
      const stored = entries[2 * i + 1] ?? 0; // i < cap: always in range
      if (stored === 0) {
        entries[2 * i] = h;
        entries[2 * i + 1] = value + 1;
        this.size++;
        return EMPTY;
      }
      if (entries[2 * i] === h) return stored - 1;
    }
  }

  /** Room for `entries` entries (at most MAX_RESERVED) without growing. */
  reserve(entries: number): void {
    if (reserved(entries) > this.capacity) this.rebuild(reserved(entries));
  }

  private grow(): void {
    this.rebuild(grown(this.capacity));
  }

  private rebuild(capacity: number): void {
    const old = this.entries;
    this.entries = new Int32Array(2 * capacity);
    this.capacity = capacity;
    this.size = 0;
    for (let i = 0; i + 1 < old.length; i += 2) {
      const stored = old[i + 1] ?? 0;
      if (stored !== 0) this.firstOrSet((old[i] ?? 0) >>> 0, stored - 1);
    }
  }
}

/** A set of strings kept as 64-bit fingerprints (8 bytes a slot). */
export class FingerprintSet {
  private lo: Uint32Array;
  private hi: Uint32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.lo = new Uint32Array(capacity);
    this.hi = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  // `has(id)` then `add(id)` is the pager's way: the second call reuses the first one's hashes
  private lastText: string | undefined;
  private lastLo = 0;
  private lastHi = 0;

  private fingerprint(text: string): void {
    if (text === this.lastText) return;
    this.lastText = text;
    this.lastLo = hash32(text);
    this.lastHi = hash32b(text);
  }

  has(text: string): boolean {
    this.fingerprint(text);
    return this.slot(this.lastLo, this.lastHi) < 0;
  }

  add(text: string): this {
    this.fingerprint(text);
    this.insert(this.lastLo, this.lastHi);
    return this;
  }

  /** >= 0: the free slot where it would go; < 0: present. */
  private slot(lo: number, hi: number): number {
    const cap = this.used.length;
    for (let i = lo % cap; ; i = i + 1 === cap ? 0 : i + 1) {
      if (!this.used[i]) return i;
      if (this.lo[i] === lo && this.hi[i] === hi) return -1;
    }
  }

  private insert(lo: number, hi: number): void {
    if (this.count + 1 > this.used.length * MAX_LOAD) this.grow();
    const i = this.slot(lo, hi);
    if (i < 0) return;
    this.lo[i] = lo;
    this.hi[i] = hi;
    this.used[i] = 1;
    this.count++;
  }

  /** Room for `entries` entries (at most MAX_RESERVED) without growing. */
  reserve(entries: number): void {
    if (reserved(entries) > this.used.length) this.rebuild(reserved(entries));
  }

  private grow(): void {
    this.rebuild(grown(this.used.length));
  }

  private rebuild(capacity: number): void {
    const { lo, hi, used } = this;
    this.lo = new Uint32Array(capacity);
    this.hi = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.count = 0;
    // lo, hi and used are parallel arrays of one length
    used.forEach((u, i) => {
      if (u) this.insert(lo[i]!, hi[i]!);
    });
  }
}
