// Sends the removal requests of the ledger, without the run's abort signal, so
// clean-up still happens after SIGINT/SIGTERM, failures and timeouts.
import type { RunContext } from './context.js';
import type { CleanupRecord } from '../model/run-result.js';
import { buildRequest } from './request-builder.js';
import { TransportError, UsageError } from '../errors.js';
import { sendRetrying } from './step-io.js';

/** Removes what the run created since ledger position `mark`, newest first. */
export async function cleanUpFrom(ctx: RunContext, mark: number): Promise<CleanupRecord[]> {
  const target = { baseUrl: ctx.options.baseUrl, token: ctx.options.token, extraHeaders: ctx.options.extraHeaders };
  const noSuite = { name: 'clean-up', file: '', tests: [] };
  return ctx.ledger.cleanUp(async (req) => {
    // A target that stopped answering gets no more requests, each of which would wait --timeout:
    // what is left is listed, with the sweep command to remove it later.
    if (ctx.health.halt?.code === 'TARGET_UNRESPONSIVE') return { error: 'not attempted: target unresponsive' };
    try {
      const built = buildRequest({ method: req.method, path: req.path, body: req.body }, noSuite, (v) => v, target);
      const res = await sendRetrying(ctx, built.http);
      return { status: res.status };
    } catch (err) {
      if (!(err instanceof TransportError) && !(err instanceof UsageError)) throw err; // refused: outside the base URL
      return { error: ctx.redactor.text(err.message) };
    }
  }, mark);
}
