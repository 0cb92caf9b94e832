// The run's identity, made in one place: every resource a run creates carries its prefix
// (`scimcheck-<run id>`), so `sweep` can find leftovers and the write guard can tell the
// run's own resources from anyone else's.
import { randomBytes } from 'node:crypto';

/** Every run's prefix starts with this; `sweep` without --prefix looks for all of them. */
export const TOOL_PREFIX = 'scimcheck-';

/** Per-run values; `prefix` is stamped into every generated identity so test data is recognisable. */
export interface RunInfo {
  id: string; // e.g. ab12cd
  prefix: string; // e.g. scimcheck-ab12cd
  [key: string]: unknown;
}

/** A fresh run (six hex digits) or, for tests and `record --compare`, a given id. */
export function createRunInfo(id: string = randomBytes(3).toString('hex')): RunInfo {
  return { id, prefix: `${TOOL_PREFIX}${id}` };
}
