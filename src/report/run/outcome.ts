// The verdict of a run in words, shared by every run reporter.
import type { RunResult } from '../../model/run-result.js';
import { plural } from '../format.js';

export interface RunVerdict {
  pass: boolean;
  /** Passed, with should-level warnings. */
  warnings: boolean;
  /** `PASS`, `PASS with 2 SHOULD-level warnings`, `FAIL: 3 MUST-level checks failed; 1 test errored`. */
  text: string;
}

export function runVerdict(run: RunResult): RunVerdict {
  const s = run.summary;
  const problems: string[] = [];
  if (s.failed > 0 || s.mustFailures > 0) problems.push(`${plural(s.mustFailures, 'MUST-level check')} failed`);
  if (s.errored > 0) problems.push(`${plural(s.errored, 'test')} errored`);
  const runErrors = run.notices.filter((n) => n.level === 'error').length;
  if (runErrors > 0) problems.push(plural(runErrors, 'run error'));
  if (run.interrupted) problems.unshift(`interrupted by ${run.interrupted}, results are partial`);
  if (problems.length > 0) return { pass: false, warnings: false, text: `FAIL: ${problems.join('; ')}` };
  if (s.warned > 0 || s.shouldFailures > 0) return { pass: true, warnings: true, text: `PASS with ${plural(s.shouldFailures, 'SHOULD-level warning')}` };
  return { pass: true, warnings: false, text: 'PASS' };
}
