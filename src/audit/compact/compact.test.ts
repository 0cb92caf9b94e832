import { describe, expect, it } from 'vitest';
import { hash32, hash32b } from './fingerprint.js';
import { FingerprintSet, FirstByHash } from './hash-tables.js';
import { CrossIndex } from '../cross-index.js';

// two addresses whose 32-bit hashes collide (found by a birthday search; asserted below)
const COLLIDING = ['user449599@example.com', 'user612382@example.com'];

const user = (id: string, userName: string, email?: string) => ({
  id,
  userName,
  ...(email ? { emails: [{ value: email }] } : {}),
});

describe('compact tables', () => {
  it('FingerprintSet answers like a Set over many ids, growing from a tiny capacity', () => {
    const set = new FingerprintSet(4);
    const ids = Array.from({ length: 20_000 }, (_, i) => `id-${i}-${(i * 7919) % 1000}`);
    ids.forEach((id, i) => i % 2 === 0 && set.add(id));
    ids.forEach((id, i) => expect(set.has(id)).toBe(i % 2 === 0));
    expect(set.size).toBe(10_000);
    set.add(ids[0]);
    expect(set.size).toBe(10_000);
  });

  it('FirstByHash keeps the first value per hash across growth', () => {
    const t = new FirstByHash(2);
    for (let i = 0; i < 5000; i++) expect(t.firstOrSet((i * 2654435761) >>> 0, i)).toBe(-1);
    for (let i = 0; i < 5000; i++) expect(t.firstOrSet((i * 2654435761) >>> 0, 99_999)).toBe(i);
  });

  it('the colliding pair used below really collides in 32 bits, and not in 64', () => {
    expect(hash32(COLLIDING[0])).toBe(hash32(COLLIDING[1]));
    expect(hash32b(COLLIDING[0])).not.toBe(hash32b(COLLIDING[1]));
    const set = new FingerprintSet();
    set.add(COLLIDING[0]);
    expect(set.has(COLLIDING[1])).toBe(false);
  });
});

describe('CrossIndex duplicate verification', () => {
  function audit(users: ReturnType<typeof user>[]) {
    const cross = new CrossIndex();
    users.forEach((u, i) => cross.noteUser(u, i + 1));
    const positions = cross.positionsToVerify();
    const firstHolders = new Map(positions.map((p) => [p, users[p - 1] as Record<string, unknown>]));
    return { positions, findings: cross.verifyDuplicates(firstHolders) };
  }

  it('a hash collision between different keys is dropped by the verification', () => {
    const { positions, findings } = audit([user('a', 'alice', COLLIDING[0]), user('b', 'bob', COLLIDING[1])]);
    expect(positions).toEqual([1]); // it was a candidate
    expect(findings).toEqual([]);
  });

  it('a real duplicate behind a collision is still found (first holder has the other key)', () => {
    const { findings } = audit([
      user('a', 'alice', COLLIDING[0]),
      user('b', 'bob', COLLIDING[1]),
      user('c', 'carol', COLLIDING[1].toUpperCase()),
    ]);
    expect(findings.map((f) => [f.code, f.resourceId, f.value, f.message])).toEqual([
      ['EMAIL_DUPLICATE', 'b', COLLIDING[1], `emails.value "${COLLIDING[1]}" is also held by user c`],
      ['EMAIL_DUPLICATE', 'c', COLLIDING[1], `emails.value "${COLLIDING[1]}" is also held by user b`],
    ]);
  });

  it('reports every holder of a duplicate once, naming the first holder (or the second, for the first)', () => {
    const { findings } = audit([user('a', 'Al'), user('b', 'x'), user('c', 'al'), user('d', 'AL')]);
    expect(findings.map((f) => [f.resourceId, f.position, f.message])).toEqual([
      ['a', 1, 'userName "al" is also held by user c'],
      ['c', 3, 'userName "al" is also held by user a'],
      ['d', 4, 'userName "al" is also held by user a'],
    ]);
  });

  it('without the first holder re-read, only candidates that match each other are reported', () => {
    const cross = new CrossIndex();
    [user('a', 'al'), user('b', 'al'), user('c', 'al')].forEach((u, i) => cross.noteUser(u, i + 1));
    expect(cross.verifyDuplicates(new Map()).map((f) => f.resourceId)).toEqual(['b', 'c']);
  });
});
