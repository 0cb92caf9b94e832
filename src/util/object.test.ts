import { describe, expect, it } from 'vitest';
import { copyJson } from './object.js';

/** A pseudo-random JSON value (seeded, so a failure can be replayed). */
function randomJson(seed: number, depth = 0): unknown {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const make = (d: number): unknown => {
    const r = next();
    if (d > 4 || r < 0.3) return [null, true, false, 0, -1.5, 'é', '', 'a"b'][Math.floor(next() * 8)];
    if (r < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => make(d + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, make(d + 1)]));
  };
  return make(depth);
}

/** Every object and array reachable from a value. */
function containers(value: unknown, out: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(value);
  for (const v of Object.values(value)) containers(v, out);
  return out;
}

describe('copyJson', () => {
  it('copies any JSON value as structuredClone does, sharing no object or array with the original', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const original = { id: String(seed), data: randomJson(seed) };
      const copy = copyJson(original);
      expect(copy).toStrictEqual(structuredClone(original));
      const shared = new Set(containers(original));
      expect(containers(copy).filter((c) => shared.has(c))).toEqual([]);
    }
  });

  it('keeps a "__proto__" key of parsed JSON as an own key, not as the copy\'s prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": [{"__proto__": 1}]}') as Record<string, unknown>;
    const copy = copyJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });

  it('keeps keys whose value is undefined, as structuredClone does', () => {
    expect(Object.keys(copyJson({ a: undefined, b: 1 }))).toEqual(['a', 'b']);
  });
});
