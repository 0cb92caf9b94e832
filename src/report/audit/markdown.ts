// Markdown report for a person preparing a cutover: tenant summary, per-rule counts
// with a text bar chart, then the offending resources (attribute and value at fault).
import type { AuditFinding, AuditResult } from '../../model/audit-result.js';
import { cell, code } from '../markdown-text.js';
import { endpointLine, formatValue, SEVERITY_LABEL, verdictLine } from './format.js';

const BAR_WIDTH = 20;

export function renderAuditMarkdown(result: AuditResult): string {
  const out: string[] = [];
  out.push('# SCIM pre-cutover audit', '');
  out.push(`**${verdictLine(result)}**`, '');
  out.push('## Tenant', '');
  out.push(`- Target: \`${result.target.baseUrl}\``);
  out.push(
    `- Profile: \`${result.profile}\`; server /Schemas: ${result.serverSchemas === 'used' ? 'used' : 'not published'}`,
  );
  for (const line of endpointLine(result)) out.push(`- ${line}`);
  out.push(`- Started ${result.startedAt}, took ${(result.durationMs / 1000).toFixed(1)} s`, '');
  out.push('## Findings by rule', '');
  if (result.rules.length === 0) out.push('No findings.', '');
  else {
    const max = Math.max(...result.rules.map((r) => r.count));
    out.push('| Rule | Severity | Count | | What it means |', '|---|---|--:|---|---|');
    for (const r of result.rules) {
      const bar = '█'.repeat(Math.max(1, Math.round((r.count / max) * BAR_WIDTH)));
      out.push(`| \`${r.code}\` | ${SEVERITY_LABEL[r.severity]} | ${r.count} | ${bar} | ${cell(r.title)} |`);
    }
    out.push('');
  }
  for (const s of result.skipped) out.push(`> Not evaluated: \`${s.code}\`: ${cell(s.reason)}`, '');
  for (const b of result.baselined ?? [])
    out.push(
      `> Baselined: \`${b.code}\` (${b.count}): ${cell(b.reason)}${b.expires ? `, expires ${b.expires}` : ''}`,
      '',
    );
  for (const n of result.notices ?? []) out.push(`> **${n.level}** \`${n.code}\`: ${cell(n.message)}`, '');
  if (result.rules.length) out.push('## Offending resources', '');
  for (const r of result.rules) {
    const shown = r.examples.length < r.count ? ` (first ${r.examples.length} of ${r.count})` : '';
    out.push(`### \`${r.code}\`${shown}`, '');
    out.push('| Type | Id | Name | Attribute | Value | Problem |', '|---|---|---|---|---|---|');
    for (const f of r.examples) out.push(exampleRow(f));
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function exampleRow(f: AuditFinding): string {
  return `| ${f.resourceType} | ${code(f.resourceId)} | ${cell(f.label ?? '')} | ${code(f.attribute)} | ${code(f.value === undefined ? undefined : formatValue(f.value))} | ${cell(f.message)} |`;
}
