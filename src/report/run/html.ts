// `--reporter html:FILE` for run: one self-contained page (inline CSS, no scripts, nothing
// fetched). Failures come first, each with the exchange that failed it, its reference and a
// curl reproduction; every test follows, passing ones folded.
import type { CheckResult, RunResult, StepResult, SuiteResult, TestResult } from '../../model/run-result.js';
import { firstStepError, groupFailedChecks, positionLabel, severityLabel, type LocatedCheck } from './check-groups.js';
import { compactJson, formatDuration, plural } from '../format.js';
import { curlCommand, failingExchange } from '../curl.js';
import { exchangeText } from '../exchange-text.js';
import type { RenderOptions } from '../reporter.js';
import { repeatedCauses, type RepeatedCause } from './repeated.js';

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem;margin:.2rem 0}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.n{text-align:right}code{font-size:.9em;word-break:break-all}
pre{background:#f7f7f7;border:1px solid #e3e3e3;padding:.5rem;overflow-x:auto;font-size:12px;white-space:pre-wrap;word-break:break-all}
mark{background:#ffcdd2;font-weight:600}.verdict{padding:.6rem 1rem;border-radius:4px;font-weight:600;color:#fff}
.pass{background:#2e7d32}.fail{background:#c62828}.warn{background:#ef6c00}
.failure{border-left:4px solid #c62828;padding:.2rem .8rem;margin:1rem 0}.failure.should{border-color:#ef6c00}
.must{color:#c62828;font-weight:600}.should{color:#ef6c00;font-weight:600}.ok{color:#2e7d32}.dim{color:#777}
dl{display:grid;grid-template-columns:max-content auto;gap:.1rem .8rem;margin:.3rem 0}dt{color:#555}dd{margin:0}
details{margin:.3rem 0}summary{cursor:pointer}`;

const GLYPH: Record<TestResult['status'], string> = {
  passed: '✓',
  failed: '✗',
  warned: '!',
  skipped: '–',
  errored: 'E',
};

export function renderRunHtml(run: RunResult, _opts?: RenderOptions): string {
  const failures: string[] = [];
  const repeated = repeatedCauses(run);
  for (const cause of repeated.causes)
    failures.push(
      failureCard(cause.first.suite, cause.first.test, { step: cause.first.step, check: cause.check }, cause),
    );
  for (const suite of run.suites) {
    for (const test of suite.tests) {
      const groups = groupFailedChecks(test);
      for (const located of [...groups.mustFailures, ...groups.shouldFailures])
        if (!repeated.folded.has(located.check)) failures.push(failureCard(suite, test, located));
      if (test.status === 'errored') failures.push(erroredCard(suite, test));
    }
  }
  const v = verdict(run);
  const body = [
    `<h1>scim-check run</h1>`,
    `<p class="verdict ${v.cls}">${esc(v.text)}</p>`,
    `<ul><li>Target: <code>${esc(run.target.baseUrl)}</code>${run.target.embedded ? ' (embedded reference server)' : ''}</li>`,
    `<li>Run <code>${esc(run.runId)}</code>, started ${esc(run.startedAt)}, took ${esc(formatDuration(run.durationMs))}; scim-check ${esc(run.tool.version)}</li></ul>`,
    summaryTable(run),
    `<h2>Failures</h2>`,
    failures.length ? failures.join('\n') : '<p class="ok">No failed checks.</p>',
    `<h2>All tests</h2>`,
    ...run.suites.map(suiteSection),
    cleanupSection(run),
    ...run.notices.map(
      (n) =>
        `<p class="${n.level === 'error' ? 'must' : 'dim'}">${esc(n.level)} <code>${esc(n.code)}</code>: ${esc(n.message)}</p>`,
    ),
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>scim-check: ${esc(v.text)}</title><style>${CSS}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}

function verdict(run: RunResult): { cls: string; text: string } {
  const s = run.summary;
  if (run.interrupted) return { cls: 'fail', text: `FAIL: interrupted by ${run.interrupted}, results are partial` };
  if (s.mustFailures > 0 || s.errored > 0 || run.notices.some((n) => n.level === 'error')) {
    return {
      cls: 'fail',
      text: `FAIL: ${plural(s.mustFailures, 'MUST-level check')} failed${s.errored ? `, ${plural(s.errored, 'test')} errored` : ''}`,
    };
  }
  if (s.shouldFailures > 0)
    return { cls: 'warn', text: `PASS with ${plural(s.shouldFailures, 'SHOULD-level warning')}` };
  return { cls: 'pass', text: 'PASS' };
}

function summaryTable(run: RunResult): string {
  const s = run.summary;
  const cells = [s.tests, s.passed, s.failed, s.warned, s.skipped, s.errored, s.checks, s.baselined].map(
    (n) => `<td class="n">${n}</td>`,
  );
  return `<table><thead><tr><th>Tests</th><th>Passed</th><th>Failed</th><th>Warnings</th><th>Skipped</th><th>Errored</th><th>Checks</th><th>Baselined</th></tr></thead><tbody><tr>${cells.join('')}</tr></tbody></table>`;
}

function failureCard(
  suite: SuiteResult,
  test: TestResult,
  { step, check }: LocatedCheck,
  repeated?: RepeatedCause,
): string {
  const sev = check.severity === 'must' ? 'must' : 'should';
  const facts: [string, string][] = [];
  if ('expected' in check) facts.push(['expected', `<code>${esc(compactJson(check.expected))}</code>`]);
  if ('actual' in check) facts.push(['actual', `<code>${esc(compactJson(check.actual))}</code>`]);
  if (check.detail) facts.push(['detail', esc(check.detail)]);
  if (check.ref) facts.push(['reference', refHtml(check.ref)]);
  const at = positionLabel(check);
  if (at) facts.push(['at', `<code>${esc(at)}</code>`]);
  const ex = failingExchange(step.exchanges);
  return `<div class="failure ${sev}" id="${esc(anchor(suite, test, check))}">
<h3><code>${esc(check.code)}</code> <span class="${sev}">[${severityLabel(check)}]</span> ${esc(check.title)}${repeated ? ` ×${repeated.count}` : ''}</h3>
<p class="dim">${repeated ? `same cause in ${repeated.count} places, e.g. ${esc(repeated.places.join('; '))}` : `${esc(suite.name)} › ${esc(test.name)} › step ${esc(step.id)}`}</p>
<dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
${ex ? `<details open><summary>Reproduce</summary><pre>${esc(curlCommand(ex))}</pre></details>` : ''}
${ex ? `<details><summary>Exchange</summary>${exchangeHtml(step, check)}</details>` : ''}
</div>`;
}

function erroredCard(suite: SuiteResult, test: TestResult): string {
  const err = firstStepError(test);
  return `<div class="failure"><h3><span class="must">[ERROR]</span> ${esc(test.name)}</h3><p class="dim">${esc(suite.name)}</p><p><code>${esc(err ? `${err.code}: ${err.message}` : 'errored')}</code></p></div>`;
}

function exchangeHtml(step: StepResult, check?: CheckResult): string {
  const ex = failingExchange(step.exchanges);
  if (!ex) return '';
  const MARK_OPEN = '\u0001';
  const MARK_CLOSE = '\u0002';
  const text = exchangeText(ex, {
    highlight: check?.path,
    maxBodyLines: 60,
    mark: (l) => `${MARK_OPEN}${l}${MARK_CLOSE}`,
  }).join('\n');
  return `<pre>${esc(text).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>')}</pre>`;
}

function suiteSection(suite: SuiteResult): string {
  const tests = suite.tests.map((test) => {
    const failed = test.status === 'failed' || test.status === 'errored';
    const cls = failed ? 'must' : test.status === 'warned' ? 'should' : test.status === 'passed' ? 'ok' : 'dim';
    const checks = test.steps.flatMap((st) =>
      st.checks.map(
        (c) =>
          `<li class="${c.passed ? 'ok' : c.severity === 'must' ? 'must' : 'should'}">${c.passed ? '✓' : '✗'} <code>${esc(c.code)}</code> ${esc(c.title)} <span class="dim">(step ${esc(st.id)})</span></li>`,
      ),
    );
    const skip = test.skipReason ? ` <span class="dim">(skipped: ${esc(test.skipReason)})</span>` : '';
    return `<details${failed ? ' open' : ''}><summary><span class="${cls}">${GLYPH[test.status]}</span> ${esc(test.name)} <span class="dim">${esc(formatDuration(test.durationMs))}</span>${skip}</summary><ul>${checks.join('')}</ul></details>`;
  });
  return `<h3>${esc(suite.name)} <span class="dim">(${esc(suite.file)})</span></h3>\n${tests.join('\n')}`;
}

function cleanupSection(run: RunResult): string {
  if (run.cleanup.length === 0) return '';
  const removed = run.cleanup.filter((c) => c.status === 'removed').length;
  const failed = run.cleanup.filter((c) => c.status === 'failed');
  const list = failed
    .map((r) => `<li class="must">${esc(r.type)} <code>${esc(r.id)}</code>: ${esc(r.detail ?? 'not removed')}</li>`)
    .join('');
  return `<h2>Clean-up</h2><p>Removed ${plural(removed, 'resource')}${failed.length ? `; ${failed.length} not removed:` : '.'}</p>${list ? `<ul>${list}</ul>` : ''}`;
}

/** RFC references become links to the section; anything else stays text. */
export function refHtml(ref: string): string {
  return esc(ref).replace(/RFC (\d{4})(?: §([\d.]+\d))?/g, (whole, rfc: string, section?: string) => {
    const href = `https://www.rfc-editor.org/rfc/rfc${rfc}${section ? `#section-${section}` : ''}`;
    return `<a href="${href}">${whole}</a>`;
  });
}

function anchor(suite: SuiteResult, test: TestResult, check: CheckResult): string {
  return `${suite.name}-${test.id}-${check.code}`.replace(/[^A-Za-z0-9_-]+/g, '-');
}

function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
