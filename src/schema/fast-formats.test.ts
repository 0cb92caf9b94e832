// The fast format paths may only ever say "valid" where ajv-formats says so too (they sit
// in front of it), and must say so for the shapes servers send, or they save nothing.
import { describe, expect, it } from 'vitest';
import formatsModule from 'ajv-formats/dist/formats.js';
import { FAST_ABSOLUTE_PATH, FAST_HTTP_URI, FAST_URN, fastDateTime } from './fast-formats.js';

const full = formatsModule.fullFormats as unknown as {
  'date-time': { validate: (s: string) => boolean };
  uri: (s: string) => boolean;
  'uri-reference': RegExp;
};

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

/** Every string one edit away from `s` (replace, insert, delete) with characters from `alphabet`, sampled. */
function mutations(s: string, alphabet: string, count: number, rnd: () => number): string[] {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const i = Math.floor(rnd() * (s.length + 1));
    const c = alphabet[Math.floor(rnd() * alphabet.length)];
    const kind = Math.floor(rnd() * 3);
    let t =
      kind === 0
        ? s.slice(0, i) + c + s.slice(i + 1)
        : kind === 1
          ? s.slice(0, i) + c + s.slice(i)
          : s.slice(0, i) + s.slice(i + 1);
    if (rnd() < 0.3) t = mutations(t, alphabet, 1, rnd)[0];
    out.push(t);
  }
  return out;
}

describe('fastDateTime', () => {
  it('accepts what servers send', () => {
    for (const s of [
      '2024-05-01T10:20:30Z',
      '2024-05-01T10:20:30.123Z',
      '2024-02-29T23:59:59.999999+14:00',
      '1999-12-31T00:00:00-05:30',
      new Date().toISOString(),
    ])
      expect([s, fastDateTime(s)]).toEqual([s, true]);
  });

  it('never says valid where ajv-formats does not, and agrees on the edge cases', () => {
    const rnd = random(7);
    const samples = [
      '2023-02-29T10:00:00Z',
      '2024-13-01T10:00:00Z',
      '2024-04-31T10:00:00Z',
      '2024-05-01T24:00:00Z',
      '2024-05-01T23:59:60Z',
      '2024-05-01t10:20:30z',
      '2024-05-01 10:20:30Z',
      '2024-05-01T10:20:30',
      '2024-05-01T10:20:30.Z',
      '2024-05-01T10:20:30+2400',
      '2024-05-01T10:20:30+24:00',
      '1900-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
    ];
    for (const base of ['2024-05-01T10:20:30.123Z', '2000-02-29T23:59:59+01:30', '1999-12-31T00:00:00-05:00'])
      samples.push(...mutations(base, '0123456789-:TZtz.+ x', 4000, rnd));
    let fastSaidValid = 0;
    for (const s of samples) {
      const fast = fastDateTime(s);
      if (fast) {
        fastSaidValid++;
        expect([s, full['date-time'].validate(s)]).toEqual([s, true]);
      }
    }
    expect(fastSaidValid).toBeGreaterThan(1000); // the mutations keep many valid strings: the test sees both sides
  });
});

describe('FAST_HTTP_URI', () => {
  it('accepts the locations and $refs servers send', () => {
    for (const s of [
      'https://example.com/scim/v2/Users/2819c223-7f76-453a-919d-413861904646',
      'http://127.0.0.1:43123/scim/v2/Groups/abc',
      'https://api.example.com',
    ])
      expect([s, FAST_HTTP_URI.test(s)]).toEqual([s, true]);
  });

  it('never says valid where ajv-formats uri or uri-reference does not', () => {
    const rnd = random(11);
    const samples: string[] = ['http://', 'http://host:', 'http://host:80abc', 'http://ho st/', 'http://h/%zz'];
    for (const base of ['https://example.com:8443/scim/v2/Users/12?x=1#f', 'http://127.0.0.1:4000/a/b@c:d'])
      samples.push(...mutations(base, 'ab0:/?#%[]@!$&\'"()*+,;= \\', 4000, rnd));
    let fastSaidValid = 0;
    for (const s of samples) {
      if (!FAST_HTTP_URI.test(s)) continue;
      fastSaidValid++;
      expect([s, full.uri(s), full['uri-reference'].test(s)]).toEqual([s, true, true]);
    }
    expect(fastSaidValid).toBeGreaterThan(500);
  });
});

describe('FAST_URN and FAST_ABSOLUTE_PATH', () => {
  it('accept the schema URNs and the $ref paths servers send', () => {
    for (const s of [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      'urn:ietf:params:scim:api:messages:2.0:ListResponse',
      'urn:okta:custom:user:1.0',
    ])
      expect([s, FAST_URN.test(s)]).toEqual([s, true]);
    for (const s of ['/Users', '/Groups', '/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'])
      expect([s, FAST_ABSOLUTE_PATH.test(s)]).toEqual([s, true]);
  });

  it('never say valid where ajv-formats uri (URN) or uri-reference (both) does not', () => {
    const rnd = random(17);
    const urns = mutations('urn:ietf:params:scim:schemas:core:2.0:User', 'a0:-./?#%[]@!$&\'"()*+,;= \\', 4000, rnd);
    const paths = mutations('/scim/v2/Users/a-b_c~d', 'a0:-./?#%[]@!$&\'"()*+,;= \\', 4000, rnd);
    let urnValid = 0;
    let pathValid = 0;
    for (const s of urns) {
      if (!FAST_URN.test(s)) continue;
      urnValid++;
      expect([s, full.uri(s), full['uri-reference'].test(s)]).toEqual([s, true, true]);
    }
    for (const s of paths) {
      if (!FAST_ABSOLUTE_PATH.test(s)) continue;
      pathValid++;
      expect([s, full['uri-reference'].test(s)]).toEqual([s, true]);
    }
    expect(urnValid).toBeGreaterThan(500);
    expect(pathValid).toBeGreaterThan(500);
  });
});
