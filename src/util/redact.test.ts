import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Redactor, REDACTED } from './redact.js';

describe('Redactor', () => {
  const r = new Redactor();
  r.add('s3cr3t-token-value');
  r.add('s3cr3t-token-value-longer');

  it('redacts secret header values by name, whatever their value', () => {
    expect(
      r.headers({
        Authorization: 'Bearer anything',
        cookie: 'a=b',
        'Set-Cookie': ['x', 'y'],
        accept: 'application/scim+json',
      }),
    ).toEqual({
      Authorization: REDACTED,
      cookie: REDACTED,
      'Set-Cookie': REDACTED,
      accept: 'application/scim+json',
    });
  });

  it('redacts known secrets by value anywhere in text, longest first', () => {
    expect(r.text('token=s3cr3t-token-value-longer; again s3cr3t-token-value')).toBe(
      `token=${REDACTED}; again ${REDACTED}`,
    );
  });

  it('redacts deep inside values, keys included', () => {
    const out = r.value({ a: ['x s3cr3t-token-value y'], 's3cr3t-token-value': 1, n: 5, b: null });
    expect(JSON.stringify(out)).not.toContain('s3cr3t');
    expect(out).toMatchObject({ n: 5, b: null });
  });

  it('ignores secrets too short to redact without mangling text', () => {
    const short = new Redactor();
    short.add('ab');
    expect(short.text('abc')).toBe('abc');
  });

  it('gives back a value with no secret as it is, and one with a secret as a redacted copy', () => {
    const clean = { a: ['x', { b: 'y' }], n: 1, t: true, z: null };
    expect(r.value(clean)).toBe(clean);
    const dirty = { a: ['x', { b: 'y s3cr3t-token-value' }], n: 1 };
    const out = r.value(dirty);
    expect(out).not.toBe(dirty);
    expect(out).toEqual({ a: ['x', { b: `y ${REDACTED}` }], n: 1 });
    expect(dirty.a[1]).toEqual({ b: 'y s3cr3t-token-value' }); // the original is left alone
    // an own "__proto__" member is dropped as a copy drops it, whatever the secrets
    const proto = JSON.parse('{"__proto__":{"x":1},"k":"v"}') as object;
    expect(Object.keys(r.value(proto))).toEqual(['k']);
  });
});

describe('Redactor.parsedJson: a parsed response body', () => {
  const secret = 's3cr3t-token-value';
  const r = new Redactor();
  r.add(secret);

  it('redacts a secret the text hides behind escapes, in keys and values', () => {
    const hidden = '\\u0073' + secret.slice(1); // "\u0073" is "s"
    const text = `{"${hidden}": ["${hidden}"], "a\\/b": "x"}`;
    const out = r.parsedJson(JSON.parse(text) as unknown, text);
    expect(JSON.stringify(out)).not.toContain(secret);
    expect(out).toEqual({ [REDACTED]: [REDACTED], 'a/b': 'x' });
  });

  it('gives back a clean value itself, and drops a __proto__ member as a copy always did', () => {
    const clean = '{"Resources":[{"id":"1","userName":"ada"}],"totalResults":1}';
    const value = JSON.parse(clean) as unknown;
    expect(r.parsedJson(value, clean)).toBe(value);
    const proto = '{"__proto__":{"x":1},"id":"2"}';
    expect(r.parsedJson(JSON.parse(proto) as unknown, proto)).toEqual(r.value(JSON.parse(proto) as unknown));
  });

  it('always equals the full walk (fast-check: JSON with the secret, its pieces and escapes)', () => {
    const piece = fc.constantFrom(
      secret,
      secret.slice(0, 7),
      'token',
      '"',
      '\\',
      '/',
      '\u0000',
      'é',
      '__proto__',
      'id',
    );
    const str = fc.array(piece, { maxLength: 4 }).map((p) => p.join(''));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        str,
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(str, tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    // the text as a server may write it: plain, or with every "s" inside a string escaped as \u0073
    const text = fc.tuple(json, fc.boolean()).map(([v, escape]) => {
      const t = JSON.stringify(v);
      return escape ? t.replace(/"(?:[^"\\]|\\.)*"/g, (m) => m.replace(/s/g, '\\u0073')) : t;
    });
    fc.assert(
      fc.property(text, (t) => {
        expect(r.parsedJson(JSON.parse(t) as unknown, t)).toEqual(r.value(JSON.parse(t) as unknown));
      }),
      { seed: 20261130, numRuns: 400 },
    );
  });
});
