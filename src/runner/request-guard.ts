// The guards every request a step sends must pass, a paged step's pages included: the write
// guard (a run changes only what it created) and the target guard (the token goes only to the
// base URL). One function, so no way of sending can skip them.
import type { SuiteSpec } from '../suite/types.js';
import type { RunContext } from './context.js';
import type { BuiltRequest } from './request-builder.js';
import { guardTarget, guardWrite } from './write-guard.js';

/** Why this request must not be sent, or null when it may. */
export function refusalOf(built: BuiltRequest, suite: SuiteSpec, ctx: RunContext): string | null {
  return (
    guardWrite(built.http.method, built.path, (id) => ctx.ledger.owns(id), ctx.prefix, {
      allowBulk: suite.allowBulk === true,
      body: built.http.body,
    }) ?? guardTarget(built.http.url, ctx.options.baseUrl)
  );
}
