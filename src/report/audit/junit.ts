// JUnit for CI: one test case per rule. Must-level findings fail their case; should and
// info findings pass with the details in system-out; rules not evaluated are skipped.
import { renderXml, type XmlNode } from '../xml.js';
import { AUDIT_RULES } from '../../audit/rules.js';
import type { AuditResult, RuleSummary } from '../../model/audit-result.js';
import { formatValue } from './format.js';

export function renderAuditJunit(result: AuditResult): string {
  const found = new Map(result.rules.map((r) => [r.code, r]));
  // every audit rule appears, found or not, so a CI history shows a rule going green
  const codes = [...new Set([...Object.keys(AUDIT_RULES), ...result.rules.map((r) => r.code)])].sort();
  const skipped = new Map(result.skipped.map((s) => [s.code, s.reason]));
  const cases = codes.map((code) => testCase(code, found.get(code), skipped.get(code)));
  const failures = result.rules.filter((r) => r.severity === 'must').length;
  const seconds = (result.durationMs / 1000).toFixed(3);
  const suite: XmlNode = {
    name: 'testsuite',
    attrs: {
      name: 'scim-check audit',
      tests: cases.length,
      failures,
      errors: 0,
      skipped: skipped.size,
      time: seconds,
      timestamp: result.startedAt,
    },
    children: cases,
  };
  return renderXml({
    name: 'testsuites',
    attrs: { name: 'scim-check audit', tests: cases.length, failures, errors: 0, time: seconds },
    children: [suite],
  });
}

function testCase(code: string, rule: RuleSummary | undefined, skipReason: string | undefined): XmlNode {
  const node: XmlNode = { name: 'testcase', attrs: { classname: 'audit', name: code, time: '0' }, children: [] };
  if (skipReason !== undefined) node.children!.push({ name: 'skipped', attrs: { message: skipReason } });
  if (!rule) return node;
  const details = rule.examples.map(
    (e) =>
      `${e.resourceType} ${e.resourceId ?? '-'} ${e.attribute ?? ''} ${e.value === undefined ? '' : formatValue(e.value)}: ${e.message}`,
  );
  const more = rule.count > rule.examples.length ? [`… and ${rule.count - rule.examples.length} more`] : [];
  const text = [...details, ...more].join('\n');
  const message = `${rule.count} finding${rule.count === 1 ? '' : 's'}: ${rule.title}`;
  if (rule.severity === 'must') node.children!.push({ name: 'failure', attrs: { message, type: code }, text });
  else node.children!.push({ name: 'system-out', text: `${rule.severity}: ${message}\n${text}` });
  return node;
}
