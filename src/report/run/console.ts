// The terminal report: what a developer reads first. Failures carry everything
// needed to act on them (code, severity, expected/actual, ref, suite position).
import { Chalk, type ChalkInstance } from 'chalk';
import type {
  CheckResult,
  CleanupRecord,
  RunResult,
  StepResult,
  SuiteResult,
  TestResult,
} from '../../model/run-result.js';
import { firstStepError, groupFailedChecks, positionLabel, severityLabel, type LocatedCheck } from './check-groups.js';
import { runVerdict } from './outcome.js';
import { verdictOf } from '../../runner/verdict.js';
import { repeatedCauses, type RepeatedCause } from './repeated.js';
import { compactJson, formatDuration, plural, visibleControls } from '../format.js';
import type { RenderOptions } from '../reporter.js';
import { curlCommand, failingExchange } from '../curl.js';
import { exchangeText } from '../exchange-text.js';

type Exchanges = RenderOptions['exchanges'];
import { describeVerdict, verdictFlags } from '../../audience/describe.js';

const GLYPH = { passed: '✓', failed: '✗', warned: '!', skipped: '-', errored: 'E', baselined: '~' } as const;

export function renderConsole(run: RunResult, opts: RenderOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  if (opts.quiet) return quietLines(run, c, opts.exchanges);
  const lines: string[] = [...header(run, c), ''];
  const repeated = repeatedCauses(run);
  for (const suite of run.suites) lines.push(...suiteLines(suite, repeated.folded, c, opts.exchanges), '');
  const folded = repeatedLines(repeated.causes, c);
  if (folded.length > 0) lines.push(...folded, '');
  const cleanup = cleanupLines(run.cleanup, c);
  if (cleanup.length > 0) lines.push(...cleanup, '');
  const notices = noticeLines(run, c);
  if (notices.length > 0) lines.push(...notices, '');
  lines.push(summaryLine(run, c), verdictLine(run, c));
  return `${lines.join('\n')}\n`;
}

const LEFTOVERS = new Set(['CLEANUP_FAILED', 'SWEEP_LATER']);

/**
 * --quiet: the failed and errored tests (with their details), removals that failed, and why
 * a run stopped early; nothing for a clean run. The caller prints the verdict line after it.
 */
function quietLines(run: RunResult, c: ChalkInstance, exchanges: Exchanges): string {
  const lines: string[] = [];
  for (const suite of run.suites) {
    for (const test of suite.tests.filter((t) => t.status === 'failed' || t.status === 'errored')) {
      const [first = '', ...rest] = testLines(test, new Set(), c, exchanges, true);
      lines.push(first.replace(/^ {2}(\S+) /, `$1 ${c.bold(safe(suite.name))} › `), ...rest);
    }
  }
  if (run.cleanup.some((r) => r.status === 'failed')) lines.push(...cleanupLines(run.cleanup, c));
  // what is left on the server (and how to remove it) and errors stay; warnings and info do not
  const kept = run.notices.filter((n) => n.level === 'error' || LEFTOVERS.has(n.code));
  lines.push(...noticeLines({ ...run, notices: kept }, c));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Untrusted (server or suite) text on one line. */
const safe = (text: string): string => visibleControls(text);

function header(run: RunResult, c: ChalkInstance): string[] {
  const embedded = run.target.embedded ? c.dim(' (embedded reference server)') : '';
  return [
    `${c.bold(`${run.tool.name} ${run.tool.version}`)} → ${c.cyan(safe(run.target.baseUrl))}${embedded}`,
    c.dim(`run ${safe(run.runId)}, started ${run.startedAt}`),
    ...(run.judgedFor
      ? [
          `judged for ${c.bold(describeVerdict(run.judgedFor))} ${c.dim(`(${verdictFlags(run.judgedFor)}; other checks count as warnings)`)}`,
        ]
      : []),
  ];
}

function suiteLines(
  suite: SuiteResult,
  folded: ReadonlySet<CheckResult>,
  c: ChalkInstance,
  exchanges: Exchanges,
): string[] {
  const lines = [`${c.bold(safe(suite.name))} ${c.dim(`(${safe(suite.file)}, ${formatDuration(suite.durationMs)})`)}`];
  for (const test of suite.tests) lines.push(...testLines(test, folded, c, exchanges));
  return lines;
}

function testLines(
  test: TestResult,
  folded: ReadonlySet<CheckResult>,
  c: ChalkInstance,
  exchanges: Exchanges,
  failuresOnly = false,
): string[] {
  const name = safe(test.name);
  const time = c.dim(` (${formatDuration(test.durationMs)})`);
  const lines: string[] = [];
  switch (test.status) {
    case 'passed':
      lines.push(`  ${c.green(GLYPH.passed)} ${name}${time}`);
      break;
    case 'failed':
      lines.push(`  ${c.red(GLYPH.failed)} ${c.red(name)}${time}`);
      break;
    case 'warned':
      lines.push(`  ${c.yellow(GLYPH.warned)} ${name}${time}`);
      break;
    case 'skipped':
      lines.push(`  ${c.dim(`${GLYPH.skipped} ${name} (skipped: ${safe(test.skipReason ?? 'no reason given')})`)}`);
      break;
    case 'errored': {
      const err = firstStepError(test);
      const what = err ? `${err.code}: ${safe(err.message)}` : 'errored';
      lines.push(`  ${c.magenta(GLYPH.errored)} ${c.magenta(name)}${time}`, `      ${c.magenta(what)}`);
      break;
    }
  }
  return [
    ...lines,
    ...stepDetailLines(test, folded, c, exchanges, failuresOnly),
    ...(exchanges === 'all' ? traceLines(test, c) : []),
  ];
}

/** Failed/warned/baselined checks and skipped steps under a test line. */
function stepDetailLines(
  test: TestResult,
  folded: ReadonlySet<CheckResult>,
  c: ChalkInstance,
  exchanges: Exchanges,
  failuresOnly = false,
): string[] {
  const groups = groupFailedChecks(test);
  const own = (l: LocatedCheck) => !folded.has(l.check);
  const lines: string[] = [];
  const shown = exchanges === 'failures' ? new Set<StepResult>() : undefined; // one exchange per step, under its first failure
  for (const located of groups.errored)
    lines.push(...checkLines(located, c.magenta(GLYPH.errored), c), ...verboseLines(located, c, shown));
  for (const located of groups.mustFailures.filter(own))
    lines.push(...checkLines(located, c.red(GLYPH.failed), c), ...verboseLines(located, c, shown));
  if (failuresOnly) return lines; // --quiet: no warnings, no baselined checks, no skipped steps
  for (const located of groups.shouldFailures.filter(own))
    lines.push(...checkLines(located, c.yellow(GLYPH.warned), c), ...verboseLines(located, c, shown));
  for (const located of groups.baselined) lines.push(...checkLines(located, c.dim(GLYPH.baselined), c));
  for (const step of test.steps) {
    if (step.status === 'skipped' && test.status !== 'skipped') {
      lines.push(
        `    ${c.dim(`${GLYPH.skipped} step ${safe(step.id)} skipped: ${safe(step.skipReason ?? 'no reason given')}`)}`,
      );
    }
  }
  return lines;
}

/** Failures with one cause in many places: one entry each, with a count and where. */
function repeatedLines(causes: RepeatedCause[], c: ChalkInstance): string[] {
  if (causes.length === 0) return [];
  const lines = [c.bold('Same cause in many places:')];
  for (const cause of causes) {
    const glyph = cause.check.severity === 'must' ? c.red(GLYPH.failed) : c.yellow(GLYPH.warned);
    const more = cause.count - cause.places.length;
    lines.push(
      ...checkLines(
        cause.check,
        `${glyph}`,
        c,
        `×${cause.count}`,
        '  ',
        `in: ${cause.places.map(safe).join('; ')}${more > 0 ? ` and ${more} more` : ''}`,
      ),
    );
  }
  return lines;
}

function checkLines(
  located: LocatedCheck | CheckResult,
  glyph: string,
  c: ChalkInstance,
  count?: string,
  indent = '    ',
  where?: string,
): string[] {
  const check = 'check' in located ? located.check : located;
  const place = 'check' in located ? c.dim(`(step ${safe(located.step.id)})`) : c.bold(count ?? '');
  const severity = check.severity === 'must' ? c.red(severityLabel(check)) : c.yellow(severityLabel(check));
  const lines = [`${indent}${glyph} ${c.bold(check.code)} [${severity}] ${safe(check.title)} ${place}`];
  const pad = `${indent}    `;
  if (where) lines.push(`${pad}${c.dim(where)}`);
  if (check.baselined) {
    const expires = check.baselined.expires ? `, expires ${check.baselined.expires}` : '';
    lines.push(`${pad}${c.dim(`baselined: ${safe(check.baselined.reason)}${expires}`)}`);
  }
  if (hasValue(check, 'expected')) lines.push(`${pad}expected: ${c.green(safe(compactJson(check.expected)))}`);
  if (hasValue(check, 'actual')) lines.push(`${pad}actual:   ${c.red(safe(compactJson(check.actual)))}`);
  if (check.detail) {
    // details such as schema errors are multi-line: keep the lines, aligned under the label
    const detail = visibleControls(check.detail.replace(/\r\n?/g, '\n'), true).replace(/\t/g, '  ');
    lines.push(`${pad}detail:   ${detail.split('\n').join(`\n${pad}          `)}`);
  }
  if (check.error) lines.push(`${pad}error:    ${c.magenta(safe(`${check.error.code}: ${check.error.message}`))}`);
  if (check.ref) lines.push(`${pad}ref:      ${c.cyan(safe(check.ref))}`);
  const at = positionLabel(check);
  if (at) lines.push(`${pad}at:       ${c.dim(safe(at))}`);
  const step = 'check' in located ? located.step : undefined; // a folded cause has many steps: no single reproduction
  const exchange = check.baselined || !step ? undefined : failingExchange(step.exchanges);
  if (exchange) lines.push(`${pad}curl:     ${c.dim(safe(curlCommand(exchange)))}`);
  return lines;
}

/** --verbose: the exchange that failed the check, its body path marked. */
function verboseLines({ step, check }: LocatedCheck, c: ChalkInstance, shown: Set<StepResult> | undefined): string[] {
  const exchange = failingExchange(step.exchanges);
  if (!shown || !exchange || shown.has(step)) return [];
  shown.add(step);
  const highlight = step.checks.find((k) => !k.passed && k.path)?.path ?? check.path;
  return exchangeText(exchange, { highlight, mark: (l) => c.red.bold(l) }).map((l) => `          ${c.dim('│')} ${l}`);
}

/** --trace: every exchange of every step, in order. */
function traceLines(test: TestResult, c: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const step of test.steps) {
    const highlight = step.checks.find((k) => !k.passed && k.path)?.path;
    step.exchanges.forEach((ex, i) => {
      lines.push(
        `    ${c.dim(`step ${safe(step.id)}${step.exchanges.length > 1 ? ` (${i + 1}/${step.exchanges.length})` : ''}`)}`,
      );
      lines.push(...exchangeText(ex, { highlight, mark: (l) => c.red.bold(l) }).map((l) => `      ${c.dim('│')} ${l}`));
    });
  }
  return lines;
}

/** `actual: undefined` is informative (the value was missing), but only when the runner set the key. */
function hasValue(check: CheckResult, key: 'expected' | 'actual'): boolean {
  return Object.prototype.hasOwnProperty.call(check, key);
}

function cleanupLines(records: CleanupRecord[], c: ChalkInstance): string[] {
  if (records.length === 0) return [];
  const removed = records.filter((r) => r.status === 'removed');
  const failed = records.filter((r) => r.status === 'failed');
  let head = `${c.bold('Clean-up:')} removed ${plural(removed.length, 'resource')}${viaSummary(removed)}`;
  if (failed.length > 0) head += `, ${c.red(`${failed.length} failed`)}`;
  const lines = [head];
  for (const r of failed) {
    const via = r.via ? ` via ${safe(r.via)}` : '';
    lines.push(`  ${c.red(GLYPH.failed)} ${safe(r.type)} ${safe(r.id)}${via}: ${safe(r.detail ?? 'no reason given')}`);
  }
  return lines;
}

/** ` via DELETE (2), PATCH active=false (1)`: the request that worked, without ids. */
function viaSummary(records: CleanupRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) {
    const method = r.via?.replace(/ \(already gone\)$/, '');
    if (method) counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  if (counts.size === 0) return '';
  return ` via ${[...counts].map(([method, n]) => `${safe(method)} (${n})`).join(', ')}`;
}

function noticeLines(run: RunResult, c: ChalkInstance): string[] {
  const lines: string[] = [];
  if (run.interrupted) lines.push(c.red(`Interrupted by ${run.interrupted}: results are partial.`));
  if (run.halted)
    lines.push(
      c.red(
        `Stopped early (${safe(run.halted.code)}): ${safe(run.halted.message)}; the tests not run are listed as skipped.`,
      ),
    );
  for (const n of run.notices) {
    // a warning notice is a `!` line like a SHOULD-level check, and counted with them
    const label =
      n.level === 'error'
        ? c.red('error')
        : n.level === 'warning'
          ? c.yellow(`${GLYPH.warned} warning`)
          : c.dim('info');
    lines.push(`${label} ${c.bold(safe(n.code))}: ${safe(n.message)}`);
  }
  return lines;
}

function summaryLine(run: RunResult, c: ChalkInstance): string {
  const s = run.summary;
  const v = verdictOf(run);
  const parts = [
    c.green(`${s.passed} passed`),
    s.failed > 0 ? c.red(`${s.failed} failed`) : `${s.failed} failed`,
    v.warnings > 0 ? c.yellow(plural(v.warnings, 'warning')) : plural(v.warnings, 'warning'),
    `${s.skipped} skipped`,
  ];
  if (s.errored > 0) parts.push(c.magenta(`${s.errored} errored`));
  if (s.baselined > 0) parts.push(`${s.baselined} baselined`);
  return `${plural(v.tests, 'test')}: ${parts.join(', ')} (${plural(s.checks, 'check')}) in ${formatDuration(run.durationMs)}`;
}

function verdictLine(run: RunResult, c: ChalkInstance): string {
  const v = runVerdict(run);
  return v.pass ? (v.warnings ? c.yellow.bold(v.text) : c.green.bold(v.text)) : c.red.bold(v.text);
}
