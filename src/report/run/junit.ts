// JUnit XML for CI. A conformance failure (MUST) is a <failure>; a transport or
// runtime problem is an <error>; SHOULD-level findings are warnings in <system-out>
// and never fail the test. Run-level problems get their own testsuite.
import type { RunResult, SuiteResult, TestResult } from '../../model/run-result.js';
import { firstStepError, groupFailedChecks, positionLabel, severityLabel, type LocatedCheck } from './check-groups.js';
import { compactJson, formatSeconds } from '../format.js';
import type { RenderOptions } from '../reporter.js';
import { renderXml, type XmlNode } from '../xml.js';
import { describeAudience } from '../../audience/describe.js';
import { repoRelative } from '../../util/repo-root.js';

export const RUN_SUITE_NAME = 'scim-check run';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export function renderJunit(run: RunResult, _opts?: RenderOptions): string {
  const runSuite = runLevelSuite(run);
  const s = run.summary;
  // Test totals come from run.summary (the runner's numbers); the run-level suite is added on top.
  const root: XmlNode = {
    name: 'testsuites',
    attrs: {
      name: 'scim-check',
      tests: s.tests + runSuite.counts.tests,
      failures: s.failed + runSuite.counts.failures,
      errors: s.errored + runSuite.counts.errors,
      skipped: s.skipped + runSuite.counts.skipped,
      time: formatSeconds(run.durationMs),
    },
    children: [...run.suites.map(suiteNode), runSuite.node],
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
  const outcome = outcomeNode(test, groups.mustFailures);
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
    const message = mustFailures.length > 0 ? `${mustFailures.length} MUST-level check(s) failed: ${codes}` : 'test failed';
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
function runLevelSuite(run: RunResult): { node: XmlNode; counts: Counts } {
  const cases = [cleanupCase(run), interruptedCase(run), ...run.notices.map(noticeCase)].filter(
    (c): c is XmlNode => c !== undefined,
  );
  const has = (kind: string) => (c: XmlNode) => (c.children ?? []).some((child) => child.name === kind);
  const counts: Counts = {
    tests: cases.length,
    failures: cases.filter(has('failure')).length,
    errors: cases.filter(has('error')).length,
    skipped: 0,
  };
  const node: XmlNode = {
    name: 'testsuite',
    attrs: { name: RUN_SUITE_NAME, ...counts, time: formatSeconds(0) },
    children: [runProperties(run), ...cases],
  };
  return { node, counts };
}

function runCase(name: string, children: XmlNode[]): XmlNode {
  return { name: 'testcase', attrs: { classname: RUN_SUITE_NAME, name, time: formatSeconds(0) }, children };
}

function cleanupCase(run: RunResult): XmlNode | undefined {
  if (run.cleanup.length === 0) return undefined;
  const describe = (r: RunResult['cleanup'][number]) =>
    `${r.status} ${r.type} ${r.id}${r.via ? ` via ${r.via}` : ''}${r.detail ? `: ${r.detail}` : ''}`;
  const failed = run.cleanup.filter((r) => r.status === 'failed');
  const children: XmlNode[] = [];
  if (failed.length > 0) {
    const message = `${failed.length} of ${run.cleanup.length} created resources were not removed`;
    children.push({ name: 'failure', attrs: { message, type: 'CLEANUP_FAILED' }, text: failed.map(describe).join('\n') });
  }
  children.push({ name: 'system-out', text: run.cleanup.map(describe).join('\n') });
  return runCase('clean-up', children);
}

function interruptedCase(run: RunResult): XmlNode | undefined {
  if (!run.interrupted) return undefined;
  const message = `run interrupted by ${run.interrupted}; results are partial`;
  return runCase('interrupted', [{ name: 'error', attrs: { message, type: run.interrupted } }]);
}

function noticeCase(notice: RunResult['notices'][number]): XmlNode {
  const child: XmlNode =
    notice.level === 'error'
      ? { name: 'error', attrs: { message: notice.message, type: notice.code } }
      : { name: 'system-out', text: `${notice.level.toUpperCase()} ${notice.code}: ${notice.message}` };
  return runCase(`${notice.level} ${notice.code}`, [child]);
}

function runProperties(run: RunResult): XmlNode {
  const entries: [string, string][] = [
    ['run.id', run.runId],
    ['run.startedAt', run.startedAt],
    ['target.baseUrl', run.target.baseUrl],
    ['target.embedded', String(run.target.embedded)],
    ['tool.version', run.tool.version],
  ];
  if (run.judgedFor) entries.push(['verdict.for', run.judgedFor.for.join(',')], ['verdict.okta', run.judgedFor.okta]);
  return { name: 'properties', children: entries.map(([name, value]) => ({ name: 'property', attrs: { name, value } })) };
}
