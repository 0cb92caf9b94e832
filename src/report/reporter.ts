import type { RunResult } from '../model/run-result.js';

export interface ReporterOptions {
  /** ANSI colour; only the console reporter uses it, and only for terminal output. */
  color: boolean;
  /** --verbose: the exchange behind each failed check; --trace: every exchange. Console only. */
  exchanges?: 'failures' | 'all';
}

/** A reporter is a pure function of the run: same input, same text. */
export type Reporter = (run: RunResult, opts: ReporterOptions) => string;
