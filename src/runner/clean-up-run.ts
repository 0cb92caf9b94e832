// Sends the removal requests of the ledger, without the run's abort signal, so
// clean-up still happens after SIGINT/SIGTERM, failures and timeouts.
import type { RunContext } from './context.js';
import type { CleanupRecord } from '../model/run-result.js';
import { buildRequest } from './request-builder.js';
import { MAX_ATTEMPTS, retryDelayMs, sleep } from './step-io.js';

/** Removes what the run created since ledger position `mark`, newest first. */
export async function cleanUpFrom(ctx: RunContext, mark: number): Promise<CleanupRecord[]> {
  const target = { baseUrl: ctx.options.baseUrl, token: ctx.options.token, extraHeaders: ctx.options.extraHeaders };
  const noSuite = { name: 'clean-up', file: '', tests: [] };
  return ctx.ledger.cleanUp(async (req) => {
    try {
      const built = buildRequest({ method: req.method, path: req.path, body: req.body }, noSuite, (v) => v, target);
      // a 429 with a usable Retry-After is waited out here too, so a rate limit leaves nothing behind
      for (let attempt = 1; ; attempt++) {
        const res = await ctx.client.send(built.http);
        const wait = res.status === 429 && attempt < MAX_ATTEMPTS ? retryDelayMs(res.headers['retry-after']) : undefined;
        if (wait === undefined) return { status: res.status };
        await sleep(wait);
      }
    } catch (err) {
      return { error: ctx.redactor.text((err as Error).message) };
    }
  }, mark);
}
