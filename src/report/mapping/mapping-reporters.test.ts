// validate-mapping through every reporter of the shared registry, on the example mapping.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findAll, parseStrictXml } from '../../../test/helpers/strict-xml.js';
import { renderPayloads } from '../../mapping/format.js';
import { validateMapping } from '../../mapping/validate-mapping.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { Redactor } from '../../util/redact.js';
import { openReporters, parseReporters, renderReport, REPORTERS, type ReporterName } from '../index.js';
import type { MappingReport } from '../reporter.js';

const EX = path.join(PACKAGE_ROOT, 'fixtures/mapping/example-eptura');
async function report(mapping: string): Promise<MappingReport> {
  const res = await validateMapping({
    mappingFile: path.join(EX, mapping),
    appSchemaFile: path.join(EX, 'app-schema.json'),
    samplesFile: path.join(EX, 'samples.yaml'),
    profile: 'eptura',
  });
  return {
    ...res,
    tool: { name: 'scim-check', version: '0.1.0' },
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 12,
  };
}
const render = async (name: ReporterName, mapping = 'mapping.json') =>
  renderReport(name, { command: 'validate-mapping', result: await report(mapping) });

describe('console speaks of attributes and samples', () => {
  test('compiler-style lines with the fix, sections, and a verdict in mapping words', async () => {
    const text = await render('console');
    expect(text).toContain('mapping.json:67:22: must MAP_PREFERRED_LANGUAGE_NOT_ISO639_1 [preferredLanguage]');
    expect(text).toContain('      fix: user.preferredLanguage != null');
    expect(text).toMatch(/^Attributes \(16 attributes mapped\)$/m);
    expect(text).toMatch(/^Samples \(3 users from .*samples\.yaml\)$/m);
    expect(text).toMatch(
      /^FAIL: 2 must-level findings \(1 attribute, 1 sample\), 4 should-level; 16 attributes checked, 3 samples rendered$/m,
    );
    expect(text).not.toMatch(/→|\(step |\d+ms|run validate-mapping|passed, \d+ failed/);
  });

  test('one cause on many samples is one line with a count and the samples', async () => {
    const text = await render('console');
    const locale = text.split('\n').filter((l) => l.includes('MAP_SAMPLE_PROFILE_SHOULD'));
    expect(locale).toHaveLength(1);
    expect(locale[0]).toMatch(/×3$/);
    expect(text).toContain('in alice.martin@example.com, bruno.leroy@example.com, chen.wei@example.com');
  });

  test('a clean mapping passes with no findings', async () => {
    const text = await render('console', 'mapping-fixed.json');
    expect(text).toMatch(/^PASS: no findings; 16 attributes checked, 3 samples rendered$/m);
    expect(text).toContain('✓ no findings');
  });
});

describe('every reporter of the registry', () => {
  test('each one carries the finding codes', async () => {
    for (const name of Object.keys(REPORTERS) as ReporterName[]) {
      if (name === 'har') continue; // a mapping has no exchanges: an empty archive (below)
      const text = await render(name);
      expect(text, name).toContain('MAP_PREFERRED_LANGUAGE_NOT_ISO639_1');
      expect(text, name).toContain('MAP_SAMPLE_PROFILE');
    }
  });

  test('junit: a case per attribute with findings and per sample; must findings fail', async () => {
    const doc = parseStrictXml(await render('junit'));
    const cases = findAll(doc, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual([
      'attribute preferredLanguage',
      'attribute locale',
      'sample alice.martin@example.com',
      'sample bruno.leroy@example.com',
      'sample chen.wei@example.com',
    ]);
    expect(cases.filter((c) => c.children.some((n) => n.name === 'failure')).map((c) => c.attrs.name)).toEqual([
      'attribute preferredLanguage',
      'sample alice.martin@example.com',
    ]);
    expect(findAll(doc, 'testsuite')[0].attrs).toMatchObject({ name: 'validate-mapping', tests: '5', failures: '2' });
  });

  test('json is one document: verdict, inputs, findings, samples; no run vocabulary', async () => {
    const doc = JSON.parse(await render('json'));
    expect(doc).toMatchObject({
      format: 'scim-check-mapping/1',
      verdict: 'fail',
      summary: { must: 2, should: 4 },
      attributes: 16,
    });
    expect(doc.samples.map((s: { sample: string }) => s.sample)).toHaveLength(3);
    expect(doc.rules.MAP_PREFERRED_LANGUAGE_NOT_ISO639_1).toMatchObject({ ref: 'M3' });
    expect(doc).not.toHaveProperty('suites');
    expect(doc).not.toHaveProperty('target');
  });

  test('jsonl streams one line per finding, then the summary', async () => {
    let text = '';
    const result = await report('mapping.json');
    const session = await openReporters(parseReporters(['jsonl']), {
      redactor: new Redactor(),
      color: false,
      stdout: (t) => void (text += t),
    });
    for (const f of result.findings) await session.finding(f);
    expect(text.trimEnd().split('\n')).toHaveLength(result.findings.length); // written before the end
    await session.finish({ command: 'validate-mapping', result });
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual([...result.findings.map(() => 'finding'), 'summary']);
    expect(lines.at(-1)).toMatchObject({ verdict: 'fail', summary: { must: 2, should: 4 } });
  });

  test('har is a valid, empty archive that says why', async () => {
    const har = JSON.parse(await render('har'));
    expect(har.log).toMatchObject({ version: '1.2', entries: [] });
    expect(har.log.comment).toMatch(/no exchanges/);
  });

  test('html is self-contained and markdown has a table per section', async () => {
    const html = await render('html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|src=|href=/);
    const md = await render('markdown');
    expect(md).toMatch(/^## Attributes$/m);
    expect(md).toMatch(/^## Samples$/m);
    expect(md).toContain('| must | `MAP_PREFERRED_LANGUAGE_NOT_ISO639_1` | `preferredLanguage` | 1 |');
  });
});

describe('payloads', () => {
  test('payloads place core, enterprise and filtered email values', async () => {
    const res = await report('mapping-fixed.json');
    const alice = res.payloads[0].payload as Record<string, unknown>;
    expect(alice).toMatchObject({
      userName: 'alice.martin@example.com',
      name: { givenName: 'Alice', familyName: 'Martin', middleName: 'Jane' },
      emails: [{ primary: true, value: 'alice.martin@example.com', type: 'work' }],
      preferredLanguage: 'en',
      locale: 'en-US',
      externalId: '00u1alice0000000001',
      active: true,
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': {
        employeeNumber: '10042',
        manager: { value: '00u1boss0000000001' },
      },
    });
    expect(res.payloads[2].payload).toMatchObject({ preferredLanguage: 'zh' }); // falls back to the locale's language
    expect(renderPayloads(res)).toContain('# POST /Users for sample bruno.leroy@example.com');
  });
});
