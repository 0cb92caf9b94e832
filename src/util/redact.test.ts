import { describe, expect, it } from 'vitest';
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
