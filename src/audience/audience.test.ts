import { describe, expect, it } from 'vitest';
import { resolveAudience } from './resolve-audience.js';
import { effectiveSeverity, judgeCheck } from './effective-severity.js';
import { parseVerdictFlags } from './verdict-flags.js';
import { describeAudience, describeVerdict } from './describe.js';
import { UsageError } from '../errors.js';
import { loadSuiteText } from '../suite/load.js';

describe('resolveAudience', () => {
  it('has no audience without any for: (a user suite keeps its severity under every verdict)', () => {
    expect(resolveAudience('should', undefined, undefined)).toBeUndefined();
  });
  it('gives each named audience the check severity, okta meaning both integrations', () => {
    expect(resolveAudience(undefined, undefined, 'okta')).toEqual({ 'test-app': 'must', oin: 'must' });
    expect(resolveAudience('should', undefined, ['oin', 'rfc'])).toEqual({ oin: 'should', rfc: 'should' });
  });
  it('caps the check severity per audience with a test or suite mapping', () => {
    expect(resolveAudience(undefined, undefined, { oin: 'must', 'test-app': 'should' })).toEqual({
      oin: 'must',
      'test-app': 'should',
    });
    expect(resolveAudience('should', undefined, undefined, { oin: 'must', rfc: 'must' })).toEqual({
      oin: 'should',
      rfc: 'should',
    });
  });
  it('takes the most specific for: and replaces the others', () => {
    expect(resolveAudience('must', 'rfc', 'okta', 'okta')).toEqual({ rfc: 'must' });
    expect(resolveAudience(undefined, { oin: 'must', 'test-app': 'should', rfc: 'must' }, 'okta')).toEqual({
      oin: 'must',
      'test-app': 'should',
      rfc: 'must',
    });
  });
});

describe('effectiveSeverity', () => {
  const spec = { oin: 'must', 'test-app': 'should', rfc: 'must' } as const;
  it('is the strongest severity among the audiences the verdict covers', () => {
    expect(effectiveSeverity('must', spec, { for: ['okta'], okta: 'test-app' })).toEqual({
      severity: 'should',
      outsideVerdict: false,
    });
    expect(effectiveSeverity('must', spec, { for: ['okta'], okta: 'oin' })).toEqual({
      severity: 'must',
      outsideVerdict: false,
    });
    expect(effectiveSeverity('must', spec, { for: ['okta', 'rfc'], okta: 'test-app' })).toEqual({
      severity: 'must',
      outsideVerdict: false,
    });
  });
  it('makes a check outside the verdict a warning, never drops it', () => {
    expect(effectiveSeverity('must', { rfc: 'must' }, { for: ['okta'], okta: 'test-app' })).toEqual({
      severity: 'should',
      outsideVerdict: true,
    });
    expect(effectiveSeverity('must', { oin: 'must' }, { for: ['okta'], okta: 'test-app' })).toEqual({
      severity: 'should',
      outsideVerdict: true,
    });
  });
  it('keeps the declared severity of a check without audience', () => {
    expect(effectiveSeverity('must', undefined, { for: ['rfc'], okta: 'test-app' })).toEqual({
      severity: 'must',
      outsideVerdict: false,
    });
  });
  it('re-judges a check idempotently', () => {
    const check = {
      code: 'X',
      severity: 'must' as const,
      passed: false,
      title: 't',
      audience: { rfc: 'must' as const },
    };
    const okta = judgeCheck(check, { for: ['okta'], okta: 'test-app' });
    expect(okta).toMatchObject({ severity: 'should', outsideVerdict: true });
    const rfc = judgeCheck(okta, { for: ['rfc'], okta: 'test-app' });
    expect(rfc.severity).toBe('must');
    expect(rfc.outsideVerdict).toBeUndefined();
  });
});

describe('verdict flags', () => {
  it('defaults to Okta, catalogue Test App', () => {
    expect(parseVerdictFlags(undefined, undefined)).toEqual({ for: ['okta'], okta: 'test-app' });
    expect(parseVerdictFlags('rfc,okta', 'oin')).toEqual({ for: ['okta', 'rfc'], okta: 'oin' });
  });
  it('refuses unknown audiences and integrations naming the flag', () => {
    expect(() => parseVerdictFlags('okta,scim', undefined)).toThrow(
      /--for must be okta, rfc or okta,rfc, got "okta,scim"/,
    );
    expect(() => parseVerdictFlags(undefined, 'aiw')).toThrow(UsageError);
  });
  it('describes verdicts and audiences in words', () => {
    expect(describeVerdict({ for: ['okta', 'rfc'], okta: 'oin' })).toBe('Okta (OIN submission tests) + RFC 7643/7644');
    expect(describeAudience({ 'test-app': 'must', oin: 'must', rfc: 'should' })).toBe('okta must, rfc should');
    expect(describeAudience({ 'test-app': 'should', oin: 'must' })).toBe('test-app should, oin must');
  });
});

describe('for: in suite files', () => {
  const suite = (check: string, top = 'for: okta\n') =>
    `name: s\n${top}tests:\n  - name: T\n    steps:\n      - id: a\n        request: { method: GET, path: /x }\n        expect:\n          - status: 200\n${check}`;
  const diagnose = (text: string) => {
    try {
      return loadSuiteText(text, 'suite.yaml');
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      return error.oneLine();
    }
  };
  it('resolves the pack default and a per-check override onto each expectation', () => {
    const loaded = diagnose(suite('            severity: should\n')) as ReturnType<typeof loadSuiteText>;
    expect(loaded.tests[0].steps[0].expect![0].audience).toEqual({ 'test-app': 'should', oin: 'should' });
    const over = diagnose(suite('            for: { oin: must, test-app: should }\n')) as ReturnType<
      typeof loadSuiteText
    >;
    expect(over.tests[0].steps[0].expect![0].audience).toEqual({ oin: 'must', 'test-app': 'should' });
    expect(over.tests[0].steps[0].defaultFor).toBe('okta');
  });
  it('refuses unknown audience names with the position', () => {
    expect(diagnose(suite('            for: okat\n'))).toMatch(
      /^suite\.yaml:10:18: .*must be okta, test-app, oin or rfc/,
    );
    expect(diagnose(suite('            for: { okta: must, scim: should }\n'))).toMatch(/unknown key "scim"/);
    expect(diagnose(suite('', 'for: [okta, rfx]\n'))).toMatch(
      /^suite\.yaml:2:\d+: .*must be one of okta, test-app, oin, rfc/,
    );
  });
  it('refuses a severity beside a for: mapping, and okta beside one of its integrations', () => {
    expect(diagnose(suite('            severity: should\n            for: { rfc: must }\n'))).toMatch(
      /both "severity" and a "for" mapping/,
    );
    expect(diagnose(suite('            for: [okta, oin]\n'))).toMatch(/names okta .* and also test-app or oin/);
  });
});
