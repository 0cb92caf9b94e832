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
});
