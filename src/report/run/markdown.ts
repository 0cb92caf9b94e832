// A run as Markdown: verdict, one table per suite, then each failure with expected/actual
// and its suite position; failures with one cause in many places are listed once.
import type { CheckResult, RunResult } from '../../model/run-result.js';
import { compactJson, formatDuration, plural } from '../format.js';
import { cell, code } from '../markdown-text.js';
import { groupFailedChecks, positionLabel, severityLabel } from './check-groups.js';
import { runVerdict } from './outcome.js';
import { repeatedCauses } from './repeated.js';

const STATUS = {
  passed: '✅ passed',
  failed: '❌ failed',
  warned: '⚠️ warned',
  skipped: '⏭️ skipped',
  errored: '💥 errored',
} as const;

export function renderRunMarkdown(run: RunResult): string {
  const s = run.summary;
  const out = [`# SCIM conformance: \`${cell(run.target.baseUrl)}\``, '', `**${runVerdict(run).text}**`, ''];
  out.push(
    `${s.passed} passed, ${s.failed} failed, ${plural(s.warned, 'warning')}, ${s.skipped} skipped${s.errored ? `, ${s.errored} errored` : ''} (${plural(s.checks, 'check')}) in ${formatDuration(run.durationMs)}; run ${code(run.runId)}, started ${run.startedAt}`,
    '',
  );
  const repeated = repeatedCauses(run);
  for (const suite of run.suites) {
    out.push(`## ${cell(suite.name)}`, '', '| Test | Status | Time |', '|---|---|--:|');
    for (const t of suite.tests)
      out.push(`| ${cell(t.name)} | ${STATUS[t.status]} | ${formatDuration(t.durationMs)} |`);
    out.push('');
    for (const t of suite.tests) {
      const g = groupFailedChecks(t);
      const own = [...g.mustFailures, ...g.shouldFailures].filter((l) => !repeated.folded.has(l.check));
      const error = t.steps.find((st) => st.error)?.error;
      if (own.length === 0 && !error) continue;
      out.push(`### ${cell(t.name)}`, '');
      if (error) out.push(`- 💥 ${code(error.code)}: ${cell(error.message)}`);
      for (const l of own) out.push(...checkItem(l.check, `step ${code(l.step.id)}`));
      out.push('');
    }
  }
  if (repeated.causes.length) {
    out.push('## Same cause in many places', '');
    for (const cause of repeated.causes)
      out.push(...checkItem(cause.check, `×${cause.count}, e.g. ${cause.places.map(cell).join('; ')}`));
    out.push('');
  }
  for (const n of run.notices) out.push(`> ${n.level}: ${code(n.code)}: ${cell(n.message)}`, '');
  return `${out.join('\n')}\n`;
}

function checkItem(check: CheckResult, where: string): string[] {
  const lines = [
    `- ${check.severity === 'must' ? '❌' : '⚠️'} ${code(check.code)} [${severityLabel(check)}] ${cell(check.title)} (${where})`,
  ];
  if (Object.prototype.hasOwnProperty.call(check, 'expected'))
    lines.push(`  - expected: ${code(compactJson(check.expected))}`);
  if (Object.prototype.hasOwnProperty.call(check, 'actual'))
    lines.push(`  - actual: ${code(compactJson(check.actual))}`);
  if (check.detail) lines.push(`  - detail: ${cell(check.detail)}`);
  if (check.ref) lines.push(`  - ref: ${cell(check.ref)}`);
  const at = positionLabel(check);
  if (at) lines.push(`  - at: ${code(at)}`);
  return lines;
}
