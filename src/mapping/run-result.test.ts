import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../util/paths.js';
import { formatMappingFindings, renderPayloads } from './format.js';
import { mappingResultToRunResult } from './run-result.js';
import { validateMapping } from './validate-mapping.js';

const EX = path.join(PACKAGE_ROOT, 'fixtures/mapping/example-eptura');
const run = (mapping: string) =>
  validateMapping({ mappingFile: path.join(EX, mapping), appSchemaFile: path.join(EX, 'app-schema.json'), samplesFile: path.join(EX, 'samples.yaml'), profile: 'eptura' });

describe('RunResult for the shared reporters', () => {
  test('one suite, a test per attribute with findings and per sample; counts agree', async () => {
    const res = await run('mapping.json');
    const rr = mappingResultToRunResult(res, { version: '0.1.0', startedAt: '2026-01-01T00:00:00.000Z' });
    expect(rr.suites.map((s) => s.name)).toEqual(['validate-mapping']);
    const tests = rr.suites[0].tests;
    expect(tests.map((t) => `${t.id}:${t.status}`)).toEqual([
      'attribute:preferredLanguage:failed',
      'attribute:locale:warned',
      'sample:alice.martin@example.com:failed',
      'sample:bruno.leroy@example.com:warned',
      'sample:chen.wei@example.com:warned',
    ]);
    expect(rr.summary).toMatchObject({ tests: 5, failed: 2, warned: 3, mustFailures: res.summary.must, shouldFailures: res.summary.should });
    const check = tests[0].steps[0].checks[0];
    expect(check).toMatchObject({ code: 'MAP_PREFERRED_LANGUAGE_NOT_ISO639_1', severity: 'must', passed: false, ref: 'M3' });
    expect(check.where).toMatchObject({ line: 67, col: 22 });
    expect(check.detail).toContain('String.substring(user.preferredLanguage, 0, 2)');
  });

  test('a clean mapping gives passing tests only', async () => {
    const rr = mappingResultToRunResult(await run('mapping-fixed.json'), { version: '0.1.0' });
    expect(rr.summary.mustFailures + rr.summary.shouldFailures).toBe(0);
    expect(rr.suites[0].tests.every((t) => t.status === 'passed')).toBe(true);
  });
});

describe('plain formatter and payloads', () => {
  test('compiler-style lines with the fix, and a verdict', async () => {
    const text = formatMappingFindings(await run('mapping.json'), { color: false });
    expect(text).toContain('mapping.json:67:22: must MAP_PREFERRED_LANGUAGE_NOT_ISO639_1 [preferredLanguage]');
    expect(text).toContain('    fix: user.preferredLanguage != null');
    expect(text).toMatch(/FAILED: 2 must-level, 4 should-level/);
  });
  test('payloads place core, enterprise and filtered email values', async () => {
    const res = await run('mapping-fixed.json');
    const alice = res.payloads[0].payload as Record<string, unknown>;
    expect(alice).toMatchObject({
      userName: 'alice.martin@example.com',
      name: { givenName: 'Alice', familyName: 'Martin', middleName: 'Jane' },
      emails: [{ primary: true, value: 'alice.martin@example.com', type: 'work' }],
      preferredLanguage: 'en',
      locale: 'en-US',
      externalId: '00u1alice0000000001',
      active: true,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { employeeNumber: '10042', manager: { value: '00u1boss0000000001' } },
    });
    expect(res.payloads[2].payload).toMatchObject({ preferredLanguage: 'zh' }); // falls back to the locale's language
    expect(renderPayloads(res)).toContain('# POST /Users for sample bruno.leroy@example.com');
  });
});

describe('the shared reporters accept it', () => {
  test('console, json and junit all carry the finding codes', async () => {
    const { REPORTERS } = await import('../report/index.js');
    const rr = mappingResultToRunResult(await run('mapping.json'), { version: '0.1.0', startedAt: '2026-01-01T00:00:00.000Z' });
    for (const [name, render] of Object.entries(REPORTERS)) {
      if (name === 'har') continue; // HAR holds HTTP exchanges only, and a mapping check sends none
      const text = render(rr, { color: false });
      expect(text).toContain('MAP_PREFERRED_LANGUAGE_NOT_ISO639_1');
      expect(text).toContain('MAP_SAMPLE_PROFILE');
    }
    const junit = REPORTERS.junit(rr, { color: false });
    expect(junit).toMatch(/<testsuite[^>]*name="validate-mapping"/);
  });
});
