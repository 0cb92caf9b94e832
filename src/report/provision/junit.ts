// JUnit for CI: one test case per user. Refused, erroring or colliding users and users
// with must-level findings fail; changes and should-level findings go to system-out.
import { renderXml, type XmlNode } from '../xml.js';
import type { ProvisionResult, UserReport } from '../../provision/types.js';
import { formatValue, OUTCOME_LABEL, userLabel } from './format.js';

export function renderProvisionJunit(result: ProvisionResult): string {
  const cases = result.users.map(testCase);
  const mapping: XmlNode[] = result.mappingFindings.map((f) => ({
    name: 'testcase',
    attrs: { classname: 'provision.mapping', name: `${f.code}${f.attribute ? ` ${f.attribute}` : ''}`, time: '0' },
    children:
      f.severity === 'must'
        ? [{ name: 'failure', attrs: { message: f.message, type: f.code } }]
        : [{ name: 'system-out', text: `${f.severity}: ${f.message}` }],
  }));
  const all = [...mapping, ...cases];
  const failures = all.filter((c) => c.children?.some((ch) => ch.name === 'failure')).length;
  const seconds = (result.durationMs / 1000).toFixed(3);
  const suite: XmlNode = {
    name: 'testsuite',
    attrs: {
      name: `scim-check provision (${result.mode})`,
      tests: all.length,
      failures,
      errors: 0,
      skipped: 0,
      time: seconds,
      timestamp: result.startedAt,
    },
    children: all,
  };
  return renderXml({
    name: 'testsuites',
    attrs: { name: 'scim-check provision', tests: all.length, failures, errors: 0, time: seconds },
    children: [suite],
  });
}

function testCase(u: UserReport): XmlNode {
  const node: XmlNode = {
    name: 'testcase',
    attrs: { classname: 'provision.users', name: userLabel(u.user), time: '0' },
    children: [],
  };
  const lines = u.findings.map(
    (f) =>
      `${f.severity} ${f.attribute}: ${f.cause}: ${f.message}${f.sent !== undefined ? ` (sent ${formatValue(f.sent)}${f.stored !== undefined ? `, stored ${formatValue(f.stored)}` : ''})` : ''}`,
  );
  if (u.leftOut.length) lines.push(`left out (not evaluated): ${u.leftOut.join(', ')}`);
  const failed =
    u.outcome === 'refused' ||
    u.outcome === 'error' ||
    u.outcome === 'exists' ||
    u.findings.some((f) => f.severity === 'must');
  const message = u.refusal
    ? `${OUTCOME_LABEL[u.outcome]}: ${u.refusal.status}${u.refusal.detail ? ` ${u.refusal.detail}` : ''}`
    : OUTCOME_LABEL[u.outcome];
  if (failed) node.children!.push({ name: 'failure', attrs: { message, type: u.outcome }, text: lines.join('\n') });
  else node.children!.push({ name: 'system-out', text: [message, ...lines].join('\n') });
  return node;
}
