// The runner as a library against the reference server: step dependencies,
// skip reasons, and that other tests still run after a failure.
import { describe, expect, it } from 'vitest';
import { runAgainstServer } from './helpers/run-suite.js';

describe('runner: dependent steps', () => {
  it('skips only the steps that depend on a failed step, with the reason, and goes on', async () => {
    const { run } = await runAgainstServer(['fixtures/suites/e2e/dependent-steps.yaml']);
    const [first, second, third] = run.suites[0].tests;
    const byId = Object.fromEntries(first.steps.map((s) => [s.id, s]));
    expect(byId['list-empty'].status).toBe('failed');
    expect(byId['list-empty'].checks.find((c) => c.code === 'list-empty.capture.firstId')?.passed).toBe(false);
    expect(byId['read-first']).toMatchObject({
      status: 'skipped',
      skipReason: 'depends on "list-empty", which did not capture firstId',
    });
    expect(byId['explicit-need']).toMatchObject({
      status: 'skipped',
      skipReason: 'depends on "read-first", which did not pass',
    });
    expect(byId['independent'].status).toBe('passed');
    expect(first.status).toBe('failed');
    expect(second.status).toBe('passed');
    // a step whose provider failed some other check still runs: the value it needs is there
    expect(third.steps.map((s) => s.status)).toEqual(['failed', 'passed']);
    // the failed check points at its own expectation in the suite file
    const headerCheck = third.steps[0].checks.find((c) => c.code === 'DEP_CREATE_HEADER');
    expect(headerCheck?.where).toMatchObject({ line: 49, col: 13 });
    expect(run.summary).toMatchObject({ tests: 3, passed: 1, failed: 2, mustFailures: 2 });
    expect(run.cleanup.map((c) => c.status)).toEqual(['removed']);
  });
});

describe('runner: paging walks', () => {
  it('a walk that reaches its page cap is a warning that says it is incomplete, not a failure', async () => {
    const { run } = await runAgainstServer(['fixtures/suites/e2e/page-cap.yaml'], { seed: { users: 5 } });
    const step = run.suites[0].tests[0].steps[0];
    const incomplete = step.checks.find((c) => c.code === 'walk-users.pages.incomplete');
    expect(incomplete).toMatchObject({ passed: false, severity: 'should' });
    expect(incomplete?.actual).toMatch(/page cap \(2 pages, 2 of 5 resources\)/);
    expect(step.checks.filter((c) => !c.passed && c.severity === 'must')).toEqual([]);
    expect(run.summary.mustFailures).toBe(0);
  });
});
