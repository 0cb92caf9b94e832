// JUnit XML for CI. A conformance failure (MUST) is a <failure>; a transport or
// runtime problem is an <error>; SHOULD-level findings are warnings in <system-out>
// and never fail the test. Run-level problems get their own testsuite.
import type { RunResult, SuiteResult, TestResult } from '../../model/run-result.js';
import { firstStepError, groupFailedChecks, positionLabel, severityLabel, type LocatedCheck } from './check-groups.js';
import { compactJson, formatSeconds } from '../format.js';
import type { RenderOptions } from '../reporter.js';
import { renderXml, type XmlNode } from '../xml.js';
import { verdictOf } from '../../runner/verdict.js';
import { describeAudience } from '../../audience/describe.js';
import { repoRelative } from '../../util/repo-root.js';

export const RUN_SUITE_NAME = 'scim-check run';

export function renderJunit(run: RunResult, _opts?: RenderOptions): string {
  const s = run.summary;
  const verdict = verdictOf(run);
  // Totals are the verdict's: the same number of tests as the console's summary line.
  // Clean-up and notices are not tests of the server: they live in the run-level suite's output.
  const root: XmlNode = {
    name: 'testsuites',
    attrs: {
      name: 'scim-check',
      tests: verdict.tests,
      failures: s.failed,
      errors: s.errored,
      skipped: s.skipped,
      time: formatSeconds(run.durationMs),
    },
    children: [...run.suites.map(suiteNode), runLevelSuite(run)],
  };
  return renderXml(root);
}

function suiteNode(suite: SuiteResult): XmlNode {
  const count = (status: TestResult['status']) => suite.tests.filter((t) => t.status === status).length;
  return {
    name: 'testsuite',
    attrs: {
      name: suite.name,
      tests: suite.tests.length,
      failures: count('failed'),
      errors: count('errored'),
      skipped: count('skipped'),
      time: formatSeconds(suite.durationMs),
      file: repoRelative(suite.file), // CI systems link files relative to the repository
    },
    children: suite.tests.map((test) => testNode(suite, test)),
  };
}

function testNode(suite: SuiteResult, test: TestResult): XmlNode {
  const groups = groupFailedChecks(test);
  const children: XmlNode[] = [];
  const outcome = outcomeNode(test, [...groups.errored, ...groups.mustFailures]);
  if (outcome) children.push(outcome);
  const out = systemOutText(test, groups.shouldFailures, groups.baselined);
  if (out) children.push({ name: 'system-out', text: out });
  return {
    name: 'testcase',
    attrs: {
      classname: suite.name,
      name: test.name,
      time: formatSeconds(test.durationMs),
      file: repoRelative(test.where?.file ?? suite.file),
      ...(test.where ? { line: test.where.line } : {}),
    },
    children,
  };
}

function outcomeNode(test: TestResult, mustFailures: LocatedCheck[]): XmlNode | undefined {
  const failureBody = mustFailures.map(checkText).join('\n\n');
  if (test.status === 'skipped') {
    return { name: 'skipped', attrs: { message: test.skipReason ?? 'skipped' } };
  }
  if (test.status === 'errored') {
    const err = firstStepError(test);
    const code = err?.code ?? 'ERRORED';
    const message = err ? `${err.code}: ${err.message}` : 'test errored';
    const where = err ? `step ${err.step.id}: ${message}` : message;
    return { name: 'error', attrs: { message, type: code }, text: [where, failureBody].filter(Boolean).join('\n\n') };
  }
  if (test.status === 'failed') {
    const first = mustFailures[0]?.check.code ?? 'FAILED';
    const codes = mustFailures.map((f) => f.check.code).join(', ');
    const message =
      mustFailures.length > 0 ? `${mustFailures.length} MUST-level check(s) failed: ${codes}` : 'test failed';
    return { name: 'failure', attrs: { message, type: first }, text: failureBody || message };
  }
  return undefined;
}

/** Plain-text block for one failed check: everything needed to act on it. */
function checkText({ step, check }: LocatedCheck): string {
  const lines = [`${check.code} [${severityLabel(check)}] ${check.title} (step ${step.id})`];
  if ('expected' in check) lines.push(`  expected: ${compactJson(check.expected)}`);
  if ('actual' in check) lines.push(`  actual:   ${compactJson(check.actual)}`);
  if (check.detail) lines.push(`  detail:   ${check.detail}`);
  if (check.audience) lines.push(`  audience: ${describeAudience(check.audience)}`);
  if (check.error) lines.push(`  error:    ${check.error.code}: ${check.error.message}`);
  if (check.ref) lines.push(`  ref:      ${check.ref}`);
  const at = positionLabel(check);
  if (at) lines.push(`  at:       ${at}`);
  if (check.baselined) {
    const expires = check.baselined.expires ? ` (expires ${check.baselined.expires})` : '';
    lines.push(`  baselined: ${check.baselined.reason}${expires}`);
  }
  return lines.join('\n');
}

function systemOutText(test: TestResult, warnings: LocatedCheck[], baselined: LocatedCheck[]): string {
  const blocks: string[] = [];
  for (const w of warnings) blocks.push(`WARNING ${checkText(w)}`);
  for (const b of baselined) blocks.push(`BASELINED ${checkText(b)}`);
  for (const step of test.steps) {
    if (step.status === 'skipped' && test.status !== 'skipped') {
      blocks.push(`SKIPPED step ${step.id}: ${step.skipReason ?? 'no reason given'}`);
    }
  }
  return blocks.join('\n\n');
}

/** Clean-up and notices: not tests of the server, but a CI reader must see them. */
/** Clean-up, notices and the verdict: not tests of the server, but a CI reader must see them. */
function runLevelSuite(run: RunResult): XmlNode {
  const out = [
    ...cleanupLines(run),
    ...run.notices.filter((n) => n.level !== 'error').map((n) => `${n.level.toUpperCase()} ${n.code}: ${n.message}`),
  ];
  const err = run.notices.filter((n) => n.level === 'error').map((n) => `ERROR ${n.code}: ${n.message}`);
  if (run.interrupted) err.unshift(`INTERRUPTED by ${run.interrupted}: results are partial`);
  if (run.halted) err.unshift(`STOPPED ${run.halted.code}: ${run.halted.message}`);
  const children: XmlNode[] = [runProperties(run)];
  if (out.length > 0) children.push({ name: 'system-out', text: out.join('\n') });
  if (err.length > 0) children.push({ name: 'system-err', text: err.join('\n') });
  return {
    name: 'testsuite',
    attrs: { name: RUN_SUITE_NAME, tests: 0, failures: 0, errors: 0, skipped: 0, time: formatSeconds(0) },
    children,
  };
}

function cleanupLines(run: RunResult): string[] {
  if (run.cleanup.length === 0) return [];
  const failed = run.cleanup.filter((r) => r.status === 'failed').length;
  const head = `CLEAN-UP: ${run.cleanup.length - failed} of ${run.cleanup.length} created resources removed${failed ? `, ${failed} not removed` : ''}`;
  return [
    head,
    ...run.cleanup.map(
      (r) => `  ${r.status} ${r.type} ${r.id}${r.via ? ` via ${r.via}` : ''}${r.detail ? `: ${r.detail}` : ''}`,
    ),
  ];
}

function runProperties(run: RunResult): XmlNode {
  const entries: [string, string][] = [
    ['run.id', run.runId],
    ['run.startedAt', run.startedAt],
    ['target.baseUrl', run.target.baseUrl],
    ['target.embedded', String(run.target.embedded)],
    ['tool.version', run.tool.version],
    ['verdict', verdictOf(run).line],
    ['verdict.exitCode', String(verdictOf(run).exitCode)],
  ];
  if (run.judgedFor) entries.push(['verdict.for', run.judgedFor.for.join(',')], ['verdict.okta', run.judgedFor.okta]);
  return {
    name: 'properties',
    children: entries.map(([name, value]) => ({ name: 'property', attrs: { name, value } })),
  };
}
