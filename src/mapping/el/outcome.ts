// How an evaluation ends when it does not produce a value.
import type { Span } from './types.js';

/** The evaluator will not guess: Okta's behaviour here is undocumented or needs data we do not have. */
export class NotEvaluated extends Error {
  constructor(
    readonly reason: string,
    readonly span?: Span,
  ) {
    super(reason);
    this.name = 'NotEvaluated';
  }
}

/** Okta itself would fail on this input (e.g. Convert.toInt("abc")): the provisioning job errors. */
export class EvalFailure extends Error {
  constructor(
    readonly reason: string,
    readonly span?: Span,
  ) {
    super(reason);
    this.name = 'EvalFailure';
  }
}
