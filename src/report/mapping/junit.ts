// validate-mapping as JUnit: one test case per mapped attribute with findings (or one
// `mapping` case when it has none) and one per sample user. Must-level findings fail their case.
import type { MappingFinding } from '../../model/mapping-result.js';
import { formatSeconds } from '../format.js';
import type { MappingReport } from '../reporter.js';
import { renderXml, type XmlNode } from '../xml.js';
import { positionText } from './sections.js';

export function renderMappingJunit(r: MappingReport): string {
  const inSample = new Set(r.payloads.flatMap((p) => p.findings));
  const byAttribute = new Map<string, MappingFinding[]>();
  for (const f of r.findings) {
    if (inSample.has(f)) continue;
    const key = f.attribute ?? '(mapping)';
    byAttribute.set(key, [...(byAttribute.get(key) ?? []), f]);
  }
  const cases = [...byAttribute].map(([attr, fs]) => testCase('attribute', attr, fs, r));
  if (cases.length === 0) cases.push(testCase('mapping', r.inputs.mappingFile, [], r));
  for (const p of r.payloads) cases.push(testCase('sample', p.sample, p.findings, r));
  const failures = cases.filter((c) => c.children!.some((n) => n.name === 'failure')).length;
  const time = formatSeconds(r.durationMs);
  const suite: XmlNode = {
    name: 'testsuite',
    attrs: {
      name: 'validate-mapping',
      tests: cases.length,
      failures,
      errors: 0,
      skipped: 0,
      time,
      timestamp: r.startedAt,
      file: r.inputs.mappingFile,
    },
    children: cases,
  };
  return renderXml({
    name: 'testsuites',
    attrs: { name: 'scim-check validate-mapping', tests: cases.length, failures, errors: 0, time },
    children: [suite],
  });
}

function testCase(kind: string, name: string, findings: MappingFinding[], r: MappingReport): XmlNode {
  const node: XmlNode = {
    name: 'testcase',
    attrs: { classname: kind, name: `${kind} ${name}`, time: '0' },
    children: [],
  };
  for (const f of findings.filter((x) => x.severity === 'must')) {
    node.children!.push({ name: 'failure', attrs: { message: f.message, type: f.code }, text: details(f, r) });
  }
  const should = findings.filter((x) => x.severity === 'should');
  if (should.length)
    node.children!.push({
      name: 'system-out',
      text: should.map((f) => `should ${f.code}: ${f.message}\n${details(f, r)}`).join('\n'),
    });
  return node;
}

function details(f: MappingFinding, r: MappingReport): string {
  const ref = r.rules[f.code]?.ref;
  return [positionText(f) && `at: ${positionText(f)}`, f.fix && `fix: ${f.fix}`, ref && `ref: ${ref}`]
    .filter(Boolean)
    .join('\n');
}
