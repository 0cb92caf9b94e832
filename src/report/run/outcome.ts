// The verdict of a run in words, shared by every run reporter.
import type { RunResult } from '../../model/run-result.js';
import { verdictOf } from '../../runner/verdict.js';

export interface RunVerdict {
  pass: boolean;
  /** Passed, with should-level warnings. */
  warnings: boolean;
  /** `PASS`, `PASS with 2 SHOULD-level warnings`, `FAIL: 3 MUST-level checks failed; 1 test errored`. */
  text: string;
}

/** The words of the one verdict (src/runner/verdict.ts): the same computation as the exit code. */
export function runVerdict(run: RunResult): RunVerdict {
  const v = verdictOf(run);
  return { pass: v.outcome !== 'fail', warnings: v.outcome === 'pass-with-warnings', text: v.line };
}
