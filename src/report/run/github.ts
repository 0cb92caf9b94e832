// GitHub Actions output: one annotation per failed check (workflow commands on stdout, pointing
// at the suite file and line, relative to the repository), and a Markdown job summary for
// $GITHUB_STEP_SUMMARY (verdict, failures with references and reproductions, clean-up).
import type { CheckResult, RunResult, SuiteResult, TestResult } from '../../model/run-result.js';
import type { SourcePosition } from '../../model/position.js';
import { groupFailedChecks, severityLabel, type LocatedCheck } from './check-groups.js';
import { compactJson, formatDuration, plural } from '../format.js';
import { curlCommand, failingExchange } from '../curl.js';

/** Workflow-command data: %, CR and LF are encoded (GitHub's rules). */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Property values additionally encode `:` and `,`. */
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export interface GithubOptions {
  /** Makes a file path relative to the repository. */
  relative: (file: string) => string;
}

export function renderGithubAnnotations(run: RunResult, opts: GithubOptions): string {
  const lines: string[] = [];
  for (const suite of run.suites) {
    for (const test of suite.tests) {
      const groups = groupFailedChecks(test);
      for (const located of groups.mustFailures) lines.push(annotation('error', suite, test, located, opts));
      for (const located of groups.shouldFailures) lines.push(annotation('warning', suite, test, located, opts));
      if (test.status === 'errored') {
        const err = test.steps.find((s) => s.error)?.error;
        lines.push(
          command(
            'error',
            place(suite, test.where, opts),
            `${test.name}: errored`,
            err ? `${err.code}: ${err.message}` : 'test errored',
          ),
        );
      }
    }
  }
  for (const r of run.cleanup.filter((c) => c.status === 'failed')) {
    lines.push(
      command('warning', {}, 'clean-up failed', `${r.type} ${r.id} was not removed: ${r.detail ?? 'no reason given'}`),
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function annotation(
  level: 'error' | 'warning',
  suite: SuiteResult,
  test: TestResult,
  { step, check }: LocatedCheck,
  opts: GithubOptions,
): string {
  const message = [`${test.name} (step ${step.id}): ${check.title}`, ...checkFacts(check)];
  return command(
    level,
    place(suite, check.where ?? test.where, opts),
    `${check.code} [${severityLabel(check)}]`,
    message.join('\n'),
  );
}

function checkFacts(check: CheckResult): string[] {
  const facts: string[] = [];
  if ('expected' in check) facts.push(`expected: ${compactJson(check.expected)}`);
  if ('actual' in check) facts.push(`actual:   ${compactJson(check.actual)}`);
  if (check.detail) facts.push(`detail:   ${check.detail}`);
  if (check.ref) facts.push(`ref:      ${check.ref}`);
  return facts;
}

function place(suite: SuiteResult, where: SourcePosition | undefined, opts: GithubOptions): Record<string, string> {
  if (where) return { file: opts.relative(where.file), line: String(where.line), col: String(where.col) };
  return { file: opts.relative(suite.file) };
}

export function command(level: string, props: Record<string, string>, title: string, message: string): string {
  const all = { ...props, title };
  const encoded = Object.entries(all)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  return `::${level} ${encoded}::${escapeData(message)}`;
}

/** The job summary: what a reviewer reads on the run page without opening the log. */
export function renderJobSummary(run: RunResult, opts: GithubOptions): string {
  const s = run.summary;
  const failed =
    s.mustFailures > 0 || s.errored > 0 || run.notices.some((n) => n.level === 'error') || Boolean(run.interrupted);
  const out: string[] = [];
  out.push(`## scim-check: ${failed ? '❌ FAIL' : s.shouldFailures > 0 ? '⚠️ PASS with warnings' : '✅ PASS'}`);
  out.push('');
  out.push(
    `Target \`${run.target.baseUrl}\`${run.target.embedded ? ' (embedded reference server)' : ''} · run \`${run.runId}\` · ${formatDuration(run.durationMs)} · scim-check ${run.tool.version}`,
  );
  out.push('');
  out.push('| Tests | Passed | Failed | Warnings | Skipped | Errored | MUST failures | Baselined |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  out.push(
    `| ${s.tests} | ${s.passed} | ${s.failed} | ${s.warned} | ${s.skipped} | ${s.errored} | ${s.mustFailures} | ${s.baselined} |`,
  );
  const rows: string[] = [];
  for (const suite of run.suites) {
    for (const test of suite.tests) {
      const groups = groupFailedChecks(test);
      for (const located of [...groups.mustFailures, ...groups.shouldFailures])
        rows.push(...failureBlock(suite, test, located, opts));
    }
  }
  if (rows.length) out.push('', '### Failures', '', ...rows);
  const removed = run.cleanup.filter((c) => c.status === 'removed').length;
  const notRemoved = run.cleanup.filter((c) => c.status === 'failed');
  out.push(
    '',
    `**Clean-up:** removed ${plural(removed, 'resource')}${notRemoved.length ? `; **not removed:** ${notRemoved.map((r) => `${r.type} \`${r.id}\``).join(', ')}` : ''}`,
  );
  for (const n of run.notices) out.push('', `> **${n.level}** \`${n.code}\`: ${mdText(n.message)}`);
  return `${out.join('\n')}\n`;
}

function failureBlock(
  suite: SuiteResult,
  test: TestResult,
  { step, check }: LocatedCheck,
  opts: GithubOptions,
): string[] {
  const where = check.where ?? test.where;
  const at = where ? `${opts.relative(where.file)}:${where.line}` : opts.relative(suite.file);
  const lines = [
    `- **\`${check.code}\`** [${severityLabel(check)}] ${mdText(test.name)}: ${mdText(check.title)} (\`${at}\`)`,
  ];
  if ('expected' in check) lines.push(`  - expected: \`${mdCode(compactJson(check.expected))}\``);
  if ('actual' in check) lines.push(`  - actual: \`${mdCode(compactJson(check.actual))}\``);
  if (check.ref) lines.push(`  - ref: ${mdText(check.ref)}`);
  const ex = failingExchange(step.exchanges);
  if (ex) lines.push('  - reproduce:', '    ```sh', `    ${curlCommand(ex)}`, '    ```');
  return lines;
}

/** Server text in Markdown: no HTML, no table breaks, one line. */
const mdText = (s: string): string =>
  s
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
const mdCode = (s: string): string => s.replace(/`/g, 'ˋ').replace(/\s*\n\s*/g, ' ');
