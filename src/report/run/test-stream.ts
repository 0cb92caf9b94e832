// The console on a stdout that is not a terminal (a CI log, a pipe): one line per test as it
// ends, so a run against a slow server shows progress while it goes on. The full report
// (failures with their details, clean-up, the verdict) still follows at the end. Statuses
// are words, not the report's glyphs, so these lines are never read as the report's own.
import type { SuiteResult, TestResult } from '../../model/run-result.js';
import { firstStepError } from './check-groups.js';
import { formatDuration, visibleControls } from '../format.js';
import type { Reporter, ReportOutput } from '../reporter.js';

const WORD: Record<TestResult['status'], string> = {
  passed: 'passed',
  failed: 'FAILED',
  warned: 'warned',
  skipped: 'skipped',
  errored: 'ERRORED',
};

export function streamedTestLine(
  n: number,
  total: number | undefined,
  suite: Pick<SuiteResult, 'name'>,
  test: TestResult,
): string {
  const count = total ? `[${String(n).padStart(String(total).length)}/${total}]` : `[${n}]`;
  const err = test.status === 'errored' ? firstStepError(test) : undefined;
  const tail =
    test.status === 'skipped'
      ? `(${test.skipReason ?? 'skipped'})`
      : `(${formatDuration(test.durationMs)})${err ? `: ${err.code}: ${err.message}` : ''}`;
  return visibleControls(`${count} ${WORD[test.status].padEnd(7)} ${suite.name} › ${test.name} ${tail}`);
}

/** Adds the per-test lines to an end-of-run console reporter; a blank line separates them from the report. */
export function withTestStream(out: ReportOutput, atEnd: Reporter): Reporter {
  let total: number | undefined;
  let n = 0;
  return {
    onRunStart: async (start) => {
      total = start.tests;
      await atEnd.onRunStart?.(start);
    },
    onTestEnd: async (suite, test) => {
      await out.write(`${streamedTestLine(++n, total, suite, test)}\n`);
    },
    onRunEnd: async (report) => {
      if (n > 0) await out.write('\n');
      await atEnd.onRunEnd(report);
    },
  };
}
