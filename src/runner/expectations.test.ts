import { describe, expect, it } from 'vitest';
import { evaluateExpectation, type ExpectationContext, type ResponseView } from './expectations.js';
import { loadProfile } from '../profile/load.js';
import type { Expectation } from '../suite/types.js';

function ctx(response: Partial<ResponseView>): ExpectationContext {
  const full: ResponseView = { status: 200, headers: {}, body: undefined, bodyText: '', durationMs: 10, ...response };
  if (full.body !== undefined && !full.bodyText) full.bodyText = JSON.stringify(full.body);
  return {
    response: full,
    requestBody: undefined,
    named: { profile: loadProfile('okta-minimum'), languageFormat: 'iso639-1' },
    render: (v) => v,
    defaultCode: (kind) => `step.${kind}`,
  };
}

const check = (exp: Expectation, res: Partial<ResponseView>) => evaluateExpectation(exp, ctx(res));

describe('evaluateExpectation', () => {
  it('status: a code or a list', () => {
    expect(check({ status: 201 }, { status: 201 }).passed).toBe(true);
    expect(check({ status: [200, 204] }, { status: 204 }).passed).toBe(true);
    const failed = check({ status: 201 }, { status: 409, body: { detail: 'exists' } });
    expect(failed).toMatchObject({ passed: false, expected: 201, actual: 409, code: 'step.status', severity: 'must' });
    expect(failed.detail).toContain('exists');
  });

  it("duration: within or beyond the limit (what Okta's 60 s rule uses)", () => {
    expect(check({ maxDurationMs: 60000 }, { durationMs: 59999 }).passed).toBe(true);
    expect(check({ maxDurationMs: 60000 }, { durationMs: 60001 }).passed).toBe(false);
  });

  it('headers are matched case-insensitively by name', () => {
    expect(
      check(
        { header: 'Content-Type', matches: '^application/scim\\+json' },
        { headers: { 'content-type': 'application/scim+json; charset=utf-8' } },
      ).passed,
    ).toBe(true);
    expect(check({ header: 'Location', exists: true }, { headers: {} }).passed).toBe(false);
  });

  it('body paths with every matcher', () => {
    const body = {
      id: 'x1',
      active: false,
      totalResults: 3,
      emails: [{ type: 'work', value: 'A@x.test' }],
      schemas: ['urn:a', 'urn:b'],
    };
    expect(check({ path: 'id', equals: 'x1' }, { body }).passed).toBe(true);
    expect(check({ path: 'active', equals: false }, { body }).passed).toBe(true);
    expect(
      check({ path: 'emails[type eq "work"].value', equals: 'a@x.test', caseInsensitive: true }, { body }).passed,
    ).toBe(true);
    expect(check({ path: 'totalResults', type: 'integer' }, { body }).passed).toBe(true);
    expect(check({ path: 'totalResults', type: 'string' }, { body }).passed).toBe(false);
    expect(check({ path: 'schemas', contains: 'urn:b' }, { body }).passed).toBe(true);
    expect(check({ path: 'schemas', length: 2 }, { body }).passed).toBe(true);
    expect(check({ path: 'totalResults', lte: 2 }, { body }).passed).toBe(false);
    expect(check({ path: 'password', exists: false }, { body }).passed).toBe(true);
    expect(check({ path: 'id', notEquals: 'x1' }, { body }).passed).toBe(false);
  });

  it('exists follows RFC 7643 §2.5: null and an empty array are unassigned', () => {
    const body = { nickName: null, emails: [], title: '', active: false };
    expect(check({ path: 'nickName', exists: false }, { body }).passed).toBe(true);
    expect(check({ path: 'emails', exists: false }, { body }).passed).toBe(true);
    expect(check({ path: 'emails', exists: true }, { body }).passed).toBe(false);
    expect(check({ path: 'nickName', exists: true }, { body }).passed).toBe(false);
    expect(check({ path: 'active', exists: true }, { body }).passed).toBe(true);
    expect(check({ path: 'title', exists: true }, { body }).passed).toBe(true);
  });

  it('a body path on a non-JSON body fails with the body shown, not a crash', () => {
    const r = check({ path: 'id', exists: true }, { bodyText: '<html>oops</html>' });
    expect(r.passed).toBe(false);
    expect(r.actual).toContain('<html>');
  });

  it('schema checks report the offending pointer', () => {
    const r = check(
      { schema: 'Error' },
      { status: 404, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: 404 } },
    );
    expect(r.passed).toBe(false);
    expect(r.detail).toContain('/status');
  });

  it('carries code, severity and ref from the suite', () => {
    const r = check({ status: 200, code: 'MY_CODE', severity: 'should', ref: 'RFC 7644 §3.4.2' }, { status: 500 });
    expect(r).toMatchObject({ code: 'MY_CODE', severity: 'should', ref: 'RFC 7644 §3.4.2', passed: false });
  });
});
