// How much a failed check or a finding matters. `must` fails a run (exit 1), `should`
// is a warning; findings may also be `info`, a fact that never fails anything.
export type Severity = 'must' | 'should';

export type FindingSeverity = Severity | 'info';

/** Sort key: must first, then should, then info. */
export const SEVERITY_ORDER: Record<FindingSeverity, number> = { must: 0, should: 1, info: 2 };
