import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict.js';
import { summarize } from './summary.js';
import type { RunResult, TestResult } from '../model/run-result.js';
import { sampleRun } from '../../test/helpers/sample-run.js';
import { renderConsole } from '../report/run/console.js';
import { renderJunit } from '../report/run/junit.js';
import { exitCodeOf } from '../cli/run-and-report.js';

function runOf(tests: TestResult[], extra: Partial<RunResult> = {}): RunResult {
  const suites = [{ name: 's', file: 's.yaml', tags: [], tests, durationMs: 1 }];
  return { ...sampleRun(), suites, cleanup: [], notices: [], summary: summarize(suites), ...extra };
}

const errored: TestResult = {
  name: 'refused write',
  id: 'w',
  status: 'errored',
  durationMs: 1,
  steps: [
    {
      id: 'put',
      name: 'put',
      status: 'errored',
      checks: [],
      exchanges: [],
      durationMs: 1,
      error: { code: 'SCIM_CHECK_REFUSED', message: 'refusing PUT /Users/x' },
    },
  ],
};
const passed: TestResult = {
  name: 'ok',
  id: 'ok',
  status: 'passed',
  durationMs: 1,
  steps: [
    {
      id: 'a',
      name: 'a',
      status: 'passed',
      checks: [{ code: 'A', severity: 'must', passed: true, title: 't' }],
      exchanges: [],
      durationMs: 1,
    },
  ],
};

describe('verdictOf', () => {
  it('a test that errored (not a transport error) never exits 0', () => {
    const v = verdictOf(runOf([passed, errored]));
    expect(v.exitCode).toBe(1);
    expect(v.line).toBe('FAIL: 1 test errored');
  });

  it('a run error notice fails the run', () => {
    const v = verdictOf(runOf([passed], { notices: [{ level: 'error', code: 'BASELINE_EXPIRED', message: 'x' }] }));
    expect(v).toMatchObject({ exitCode: 1, outcome: 'fail', runErrors: 1 });
  });

  it('counts warning notices (baseline-stale) as warnings, like SHOULD-level checks', () => {
    const v = verdictOf(runOf([passed], { notices: [{ level: 'warning', code: 'BASELINE_STALE', message: 'x' }] }));
    expect(v).toMatchObject({ exitCode: 0, outcome: 'pass-with-warnings', line: 'PASS with 1 warning', warnings: 1 });
  });

  it('exit code, console last line, JUnit totals and JSON verdict agree on the sample run', () => {
    const run = sampleRun();
    const v = verdictOf(run);
    expect(exitCodeOf(run)).toBe(v.exitCode);
    expect(renderConsole(run, { color: false }).trimEnd().split('\n').at(-1)).toBe(v.line);
    expect(renderJunit(run)).toContain(`<testsuites name="scim-check" tests="${v.tests}"`);
    expect(v.tests).toBe(run.summary.tests);
  });

  it('a halted run says why, with its own exit code', () => {
    expect(
      verdictOf(runOf([passed], { halted: { code: 'TOKEN_REJECTED', message: 'token rejected: 401' } })),
    ).toMatchObject({ exitCode: 4, line: 'FAIL: stopped: token rejected: 401' });
    expect(
      verdictOf(runOf([passed], { halted: { code: 'TARGET_UNRESPONSIVE', message: 'target unresponsive' } })).exitCode,
    ).toBe(3);
    expect(verdictOf(runOf([passed], { halted: { code: 'BAIL', message: '--bail: stopped' } })).exitCode).toBe(1);
  });
});
