// The one verdict of a run. The exit code, the console's last line, the JSON
// report's `verdict` and JUnit's totals all come from verdictOf(run), so they
// cannot disagree. A run that did not verify what it set out to verify (an errored
// test, a run error, a halted run) never ends with exit 0.
import { EXIT } from '../errors.js';
import type { HaltCode, RunResult } from '../model/run-result.js';

export type Outcome = 'pass' | 'pass-with-warnings' | 'fail';

export interface Verdict {
  outcome: Outcome;
  exitCode: number;
  /** The console's last line, without colour: `PASS`, `PASS with 2 warnings`, `FAIL: ...`. */
  line: string;
  /** Tests in the report: passed + failed + warned + skipped + errored. */
  tests: number;
  /** Every `!` line of the console: should-level failures and warning notices. */
  warnings: number;
  runErrors: number;
}

export type { HaltCode };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function verdictOf(run: RunResult): Verdict {
  const s = run.summary;
  const runErrors = run.notices.filter((n) => n.level === 'error').length;
  const warnings = s.shouldFailures + run.notices.filter((n) => n.level === 'warning').length;
  const tests = s.passed + s.failed + s.warned + s.skipped + s.errored;
  const problems: string[] = [];
  if (run.interrupted) problems.push(`interrupted by ${run.interrupted}, results are partial`);
  if (run.halted && run.halted.code !== 'BAIL') problems.push(`stopped: ${run.halted.message}`);
  if (s.failed > 0 || s.mustFailures > 0) problems.push(`${plural(s.mustFailures, 'MUST-level check')} failed`);
  if (s.errored > 0) problems.push(`${plural(s.errored, 'test')} errored`);
  if (runErrors > 0) problems.push(plural(runErrors, 'run error'));
  if (run.halted?.code === 'BAIL') problems.push(run.halted.message);
  const exitCode = exitCodeFor(run, problems.length > 0);
  if (problems.length > 0)
    return { outcome: 'fail', exitCode, line: `FAIL: ${problems.join('; ')}`, tests, warnings, runErrors };
  if (warnings > 0)
    return {
      outcome: 'pass-with-warnings',
      exitCode,
      line: `PASS with ${plural(warnings, 'warning')}`,
      tests,
      warnings,
      runErrors,
    };
  return { outcome: 'pass', exitCode, line: 'PASS', tests, warnings, runErrors };
}

function exitCodeFor(run: RunResult, failed: boolean): number {
  if (run.interrupted === 'SIGINT') return EXIT.SIGINT;
  if (run.interrupted === 'SIGTERM') return EXIT.SIGTERM;
  if (run.halted?.code === 'TOKEN_REJECTED') return EXIT.TOKEN_REJECTED;
  if (run.halted?.code === 'TARGET_UNREACHABLE' || run.halted?.code === 'TARGET_UNRESPONSIVE') return EXIT.TRANSPORT;
  const transport = run.suites.some((su) =>
    su.tests.some((t) => t.steps.some((st) => st.status === 'errored' && st.error?.code.startsWith('SCIM_HTTP_'))),
  );
  if (transport) return EXIT.TRANSPORT;
  return failed ? EXIT.CHECK_FAILED : EXIT.OK;
}
