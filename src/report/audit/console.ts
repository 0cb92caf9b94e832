// Console report: tenant summary, one table row per rule, and the verdict line.
import { Chalk } from 'chalk';
import { visibleControls } from '../format.js';
import type { AuditResult } from '../../model/audit-result.js';
import { endpointLine, exampleIds, SEVERITY_LABEL, verdictLine } from './format.js';

export interface ConsoleOptions {
  color: boolean;
}

export function renderAuditConsole(result: AuditResult, opts: ConsoleOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const lines: string[] = [];
  lines.push(c.bold(`scim-check audit of ${result.target.baseUrl}`));
  lines.push(
    `profile ${result.profile}; server /Schemas ${result.serverSchemas === 'used' ? 'used' : 'not published'}`,
  );
  for (const line of endpointLine(result)) lines.push(`  ${line}`);
  lines.push('');
  if (result.rules.length === 0) {
    lines.push('No findings.');
  } else {
    const rows = result.rules.map((r) => ({
      severity: r.severity,
      cells: [r.code, SEVERITY_LABEL[r.severity], String(r.count), visibleControls(exampleIds(r))],
    }));
    const head = ['Rule', 'Severity', 'Count', 'Examples (ids)'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row.cells[i]?.length ?? 0)));
    const fmt = (cells: string[]) =>
      cells
        .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    lines.push(c.bold(fmt(head)));
    for (const { severity, cells } of rows) {
      const paint = severity === 'must' ? c.red : severity === 'should' ? c.yellow : c.dim;
      lines.push(paint(fmt(cells)));
    }
  }
  for (const s of result.skipped) lines.push(c.dim(`skipped ${s.code}: ${s.reason}`));
  for (const b of result.baselined ?? [])
    lines.push(
      c.dim(
        `baselined ${b.code} (${b.count}): ${visibleControls(b.reason)}${b.expires ? `, expires ${b.expires}` : ''}`,
      ),
    );
  for (const n of result.notices ?? [])
    lines.push((n.level === 'error' ? c.red : c.yellow)(`${n.level} ${n.code}: ${n.message}`));
  lines.push('');
  const verdict = verdictLine(result);
  lines.push(result.verdict === 'pass' ? c.green.bold(verdict) : c.red.bold(verdict));
  return `${lines.join('\n')}\n`;
}
