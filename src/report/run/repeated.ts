// One cause seen in many places (a server whose /ResourceTypes marks an extension required
// fails the same check on every User it returns): reporters print such a failure once, with
// a count and a few of the places, instead of once under every test.
import type { CheckResult, RunResult, StepResult, SuiteResult, TestResult } from '../../model/run-result.js';
import { foldBy } from '../fold.js';
import { compactJson } from '../format.js';

/** A failure repeated at least this often is folded. */
export const FOLD_THRESHOLD = 3;

export interface RepeatedCause {
  check: CheckResult;
  count: number;
  /** `suite › test (step id)`, the first few. */
  places: string[];
  /** Where it was seen first (for a reproduction). */
  first: { suite: SuiteResult; test: TestResult; step: StepResult };
}

export interface RepeatedCauses {
  causes: RepeatedCause[];
  /** Checks printed in the folded section rather than under their test. */
  folded: ReadonlySet<CheckResult>;
}

const causeKey = (c: CheckResult): string =>
  [c.code, c.severity, c.title, compactJson(c.expected), compactJson(c.actual), c.detail ?? ''].join('\u0000');

export function repeatedCauses(run: RunResult, threshold = FOLD_THRESHOLD): RepeatedCauses {
  const located: { check: CheckResult; place: string; at: RepeatedCause['first'] }[] = [];
  for (const suite of run.suites) {
    for (const test of suite.tests) {
      for (const step of test.steps) {
        for (const check of step.checks)
          if (!check.passed && !check.baselined)
            located.push({ check, place: `${suite.name} › ${test.name} (step ${step.id})`, at: { suite, test, step } });
      }
    }
  }
  const folds = foldBy(located, (l) => causeKey(l.check), Number.MAX_SAFE_INTEGER).filter((f) => f.count >= threshold);
  const folded = new Set(folds.flatMap((f) => f.examples.map((e) => e.check)));
  return {
    causes: folds.map((f) => ({
      check: f.first.check,
      count: f.count,
      places: f.examples.slice(0, 3).map((e) => e.place),
      first: f.first.at,
    })),
    folded,
  };
}
