// A run as one self-contained HTML page: verdict, a table per suite, each failure with
// expected/actual and its suite position; failures with one cause in many places once.
import type { CheckResult, RunResult } from '../../model/run-result.js';
import { compactJson, formatDuration, plural } from '../format.js';
import { esc, htmlPage, htmlTable, verdictBanner } from '../html-page.js';
import { groupFailedChecks, positionLabel, severityLabel } from './check-groups.js';
import { runVerdict } from './outcome.js';
import { repeatedCauses } from './repeated.js';

export function renderRunHtml(run: RunResult): string {
  const s = run.summary;
  const verdict = runVerdict(run);
  const repeated = repeatedCauses(run);
  const body = [
    `<h1>SCIM conformance: <code>${esc(run.target.baseUrl)}</code></h1>`,
    verdictBanner(verdict.pass, verdict.text),
    `<p>${s.passed} passed, ${s.failed} failed, ${esc(plural(s.warned, 'warning'))}, ${s.skipped} skipped${s.errored ? `, ${s.errored} errored` : ''} (${esc(plural(s.checks, 'check'))}) in ${esc(formatDuration(run.durationMs))}; run <code>${esc(run.runId)}</code>, started ${esc(run.startedAt)}</p>`,
  ];
  for (const suite of run.suites) {
    body.push(`<h2>${esc(suite.name)}</h2>`);
    const rows = suite.tests.map((t) => {
      const g = groupFailedChecks(t);
      const own = [...g.mustFailures, ...g.shouldFailures].filter((l) => !repeated.folded.has(l.check));
      const error = t.steps.find((st) => st.error)?.error;
      const details = [error ? `<p><code>${esc(error.code)}</code>: ${esc(error.message)}</p>` : '', ...own.map((l) => checkHtml(l.check, `step ${l.step.id}`))].join('');
      return [esc(t.name), `<span class="${t.status === 'failed' || t.status === 'errored' ? 'sev-must' : t.status === 'warned' ? 'sev-should' : ''}">${t.status}</span>`, esc(formatDuration(t.durationMs)), details];
    });
    body.push(htmlTable(['Test', 'Status', 'Time', 'Problems'], rows));
  }
  if (repeated.causes.length) {
    body.push('<h2>Same cause in many places</h2>', ...repeated.causes.map((c) => checkHtml(c.check, `×${c.count}, e.g. ${c.places.join('; ')}`)));
  }
  for (const n of run.notices) body.push(`<p class="sev-${n.level === 'error' ? 'must' : n.level === 'warning' ? 'should' : 'info'}">${esc(n.level)} <code>${esc(n.code)}</code>: ${esc(n.message)}</p>`);
  return htmlPage(`SCIM conformance: ${verdict.pass ? 'PASS' : 'FAIL'}`, body);
}

function checkHtml(check: CheckResult, where: string): string {
  const rows: string[] = [];
  if (Object.prototype.hasOwnProperty.call(check, 'expected')) rows.push(`expected: ${compactJson(check.expected)}`);
  if (Object.prototype.hasOwnProperty.call(check, 'actual')) rows.push(`actual:   ${compactJson(check.actual)}`);
  if (check.detail) rows.push(`detail:   ${check.detail}`);
  if (check.ref) rows.push(`ref:      ${check.ref}`);
  const at = positionLabel(check);
  if (at) rows.push(`at:       ${at}`);
  return `<p><span class="sev-${check.severity}">${esc(severityLabel(check))}</span> <code>${esc(check.code)}</code> ${esc(check.title)} (${esc(where)})</p><pre>${esc(rows.join('\n'))}</pre>`;
}
