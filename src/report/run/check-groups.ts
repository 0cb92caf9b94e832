// How reporters group the checks of a test. A baselined failure is accepted
// (reported, but never counted as a failure or warning).
import type { CheckResult, StepResult, TestResult } from '../../model/run-result.js';
import { describeAudience } from '../../audience/describe.js';

export interface LocatedCheck {
  step: StepResult;
  check: CheckResult;
}

export interface TestCheckGroups {
  /** Checks that could not be evaluated (the test is errored). */
  errored: LocatedCheck[];
  mustFailures: LocatedCheck[];
  shouldFailures: LocatedCheck[];
  baselined: LocatedCheck[];
}

export function groupFailedChecks(test: TestResult): TestCheckGroups {
  const groups: TestCheckGroups = { errored: [], mustFailures: [], shouldFailures: [], baselined: [] };
  for (const step of test.steps) {
    for (const check of step.checks) {
      if (check.passed) continue;
      const located = { step, check };
      if (check.error) groups.errored.push(located);
      else if (check.baselined) groups.baselined.push(located);
      else if (check.severity === 'must') groups.mustFailures.push(located);
      else groups.shouldFailures.push(located);
    }
  }
  return groups;
}

/** The first transport/runtime error of a test, if any step errored. */
export function firstStepError(test: TestResult): { step: StepResult; code: string; message: string } | undefined {
  for (const step of test.steps) if (step.error) return { step, ...step.error };
  return undefined;
}

export function severityLabel(check: CheckResult): string {
  const base = check.severity === 'must' ? 'MUST' : 'SHOULD';
  // a check outside the verdict says whom it protects, so the warning is not mistaken for a mild rule
  return check.outsideVerdict && check.audience
    ? `${base}, outside verdict: ${describeAudience(check.audience)}`
    : base;
}

export function positionLabel(check: CheckResult): string | undefined {
  const w = check.where;
  return w ? `${w.file}:${w.line}:${w.col}` : undefined;
}
