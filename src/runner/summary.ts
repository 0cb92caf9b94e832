// Counts for the summary line and the exit code, computed once from the results.
import type { RunSummary, SuiteResult } from '../model/run-result.js';

export function summarize(suites: SuiteResult[]): RunSummary {
  const s: RunSummary = {
    tests: 0,
    passed: 0,
    failed: 0,
    warned: 0,
    skipped: 0,
    errored: 0,
    checks: 0,
    mustFailures: 0,
    shouldFailures: 0,
    baselined: 0,
  };
  for (const suite of suites) {
    for (const test of suite.tests) {
      s.tests++;
      s[test.status]++;
      for (const step of test.steps) {
        for (const c of step.checks) {
          s.checks++;
          if (c.passed || c.error) continue; // an errored check is counted with its errored test, not as a finding
          if (c.baselined) s.baselined++;
          else if (c.severity === 'must') s.mustFailures++;
          else s.shouldFailures++;
        }
      }
    }
  }
  return s;
}
