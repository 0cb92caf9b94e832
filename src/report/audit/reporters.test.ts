// Audit reporters on a fixed result: what each format must contain, masking, escaping.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findAll, parseStrictXml } from '../../../test/helpers/strict-xml.js';
import { Redactor } from '../../util/redact.js';
import type { AuditFinding, AuditResult } from '../../model/audit-result.js';
import { renderAuditConsole } from './console.js';
import { renderAuditHtml } from './html.js';
import { openReporters, parseReporters } from '../index.js';
import { renderAuditJunit } from './junit.js';
import { renderAuditMarkdown } from './markdown.js';
import { maskEmail, maskFinding, maskName, maskResult } from '../../audit/mask.js';

const dup: AuditFinding = {
  code: 'USERNAME_DUPLICATE',
  severity: 'must',
  resourceType: 'User',
  resourceId: 'u-2',
  label: 'Jane.Doe@acme.test',
  attribute: 'userName',
  value: 'jane.doe@acme.test',
  message: 'userName "jane.doe@acme.test" is also held by user u-1',
  position: 2,
};
const lang: AuditFinding = {
  code: 'LANG_REGION_TAG',
  severity: 'must',
  resourceType: 'User',
  resourceId: 'u-<3>',
  label: 'Zoë | Smith',
  attribute: 'preferredLanguage',
  value: 'en-US',
  message: 'preferredLanguage "en-US" is a language tag with subtags',
  position: 3,
};
const inactive: AuditFinding = {
  code: 'USER_INACTIVE',
  severity: 'info',
  resourceType: 'User',
  resourceId: 'u-4',
  attribute: 'active',
  value: false,
  message: 'inactive',
  position: 4,
};

function sampleResult(): AuditResult {
  return {
    tool: { name: 'scim-check', version: '0.1.0' },
    target: { baseUrl: 'https://scim.acme.test/scim/v2' },
    profile: 'okta-minimum',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1234,
    endpoints: [{ resourceType: 'User', totalResults: 4, read: 4, pages: 1, retries: 0, truncated: false }],
    serverSchemas: 'used',
    rules: [
      { code: 'USERNAME_DUPLICATE', severity: 'must', title: 'userName shared', count: 2, examples: [dup] },
      { code: 'LANG_REGION_TAG', severity: 'must', title: 'region tag', count: 1, examples: [lang] },
      { code: 'USER_INACTIVE', severity: 'info', title: 'inactive', count: 1, examples: [inactive] },
    ],
    totals: { findings: 4, must: 3, should: 0, info: 1, resourcesRead: 4 },
    verdict: 'fail',
    skipped: [{ code: 'GROUP_MEMBER_UNKNOWN', reason: 'users were not read' }],
  };
}

describe('audit reporters', () => {
  it('console: one row per rule with count, severity and example ids, then the verdict', () => {
    const text = renderAuditConsole(sampleResult(), { color: false });
    expect(text).toMatch(/USERNAME_DUPLICATE\s+MUST\s+2\s+u-2, \+1 more/);
    expect(text).toMatch(/USER_INACTIVE\s+INFO\s+1\s+u-4/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('FAIL: 3 must-level findings (0 should, 1 info) in 4 resources');
    expect(text).not.toContain('\x1b[');
  });

  it('markdown: summary, chart column, offending resources; server text cannot break a table', () => {
    const md = renderAuditMarkdown(sampleResult());
    expect(md).toContain('| `USERNAME_DUPLICATE` | MUST | 2 | ████████████████████ |');
    expect(md).toContain('### `USERNAME_DUPLICATE` (first 1 of 2)');
    expect(md).toContain('Zoë \\| Smith');
    expect(md).toContain('Not evaluated: `GROUP_MEMBER_UNKNOWN`');
  });

  it('html: one self-contained file with an inline SVG chart, and escaped server text', () => {
    const html = renderAuditHtml(sampleResult());
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<svg');
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1].startsWith('#rule-'))).toBe(true); // in-page links only
    expect(html).toContain('u-&lt;3&gt;');
    expect(html).not.toContain('u-<3>');
  });

  it('junit: one test case per rule; must findings fail, info passes, skipped rules are skipped', () => {
    const doc = parseStrictXml(renderAuditJunit(sampleResult()));
    const cases = findAll(doc, 'testcase');
    const byName = new Map(cases.map((c) => [c.attrs.name, c]));
    expect(byName.size).toBe(cases.length);
    expect(findAll(byName.get('USERNAME_DUPLICATE')!, 'failure')).toHaveLength(1);
    expect(findAll(byName.get('LANG_REGION_TAG')!, 'failure')).toHaveLength(1);
    expect(findAll(byName.get('USER_INACTIVE')!, 'failure')).toHaveLength(0);
    expect(findAll(byName.get('GROUP_MEMBER_UNKNOWN')!, 'skipped')).toHaveLength(1);
    expect(findAll(byName.get('PAGINATION_SHORT')!, 'failure')).toHaveLength(0);
    expect(findAll(doc, 'testsuite')[0].attrs.failures).toBe('2');
  });

  it('masks emails and names, keeps ids and non-personal values', () => {
    expect(maskEmail('jane.doe@acme.test')).toBe('j***@acme.test');
    // one character of a name in a non-Latin script is often a whole name: none is kept
    expect(maskName('山田 太郎')).toBe('***');
    expect(maskEmail('山田@acme.test')).toBe('***@acme.test');
    expect(maskName('Ólafur')).toBe('Ó***');
    const masked = maskFinding(dup);
    expect(masked).toMatchObject({ resourceId: 'u-2', label: 'J***@acme.test', value: 'j***@acme.test' });
    expect(JSON.stringify(masked)).not.toMatch(/jane|doe/i);
    expect(maskFinding(lang)).toMatchObject({ label: 'Z***', value: 'en-US' });
  });

  it('streams jsonl (one line per finding, then the summary), masked and redacted', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-report-'));
    const file = path.join(dir, 'out', 'audit.jsonl');
    const redactor = new Redactor();
    redactor.add('s3cret-token-value');
    const session = await openReporters(parseReporters([`jsonl:${file}`, `markdown:${dir}/a.md`]), {
      redactor,
      color: false,
      stdout: () => undefined,
    });
    await session.finding(maskFinding({ ...dup, message: `${dup.message} s3cret-token-value` }));
    await session.finding(maskFinding(lang));
    await session.finish({ command: 'audit', result: maskResult(sampleResult()) });
    const lines = (await readFile(file, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(['finding', 'finding', 'summary']);
    expect(lines[0]).toMatchObject({ code: 'USERNAME_DUPLICATE', resourceId: 'u-2', value: 'j***@acme.test' });
    expect(lines[2].rules[0]).toEqual({
      code: 'USERNAME_DUPLICATE',
      severity: 'must',
      title: 'userName shared',
      count: 2,
    });
    const all = (await readFile(file, 'utf8')) + (await readFile(`${dir}/a.md`, 'utf8'));
    expect(all).not.toContain('s3cret-token-value');
    expect(all).not.toMatch(/jane|doe/i);
  });

  it('json is one document with every rule and its examples', async () => {
    let text = '';
    const session = await openReporters(parseReporters(['json']), {
      redactor: new Redactor(),
      color: false,
      stdout: (t) => void (text += t),
    });
    await session.finish({ command: 'audit', result: sampleResult() });
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ format: 'scim-check-audit/1', verdict: sampleResult().verdict });
    expect(doc.rules[0].examples.length).toBeGreaterThan(0);
  });
});
