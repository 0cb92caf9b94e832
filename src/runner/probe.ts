// One request before the suites: is the target there, and does it take the token?
// An unreachable target ends the run with one line (exit 3), a rejected token with
// one line naming the status (exit 4), instead of hundreds of failed checks.
import type { RunContext } from './context.js';
import { buildRequest } from './request-builder.js';
import { TokenRejectedError, TransportError } from '../errors.js';

export const PROBE_PATH = '/Users';

export async function probeTarget(ctx: RunContext): Promise<void> {
  const target = { baseUrl: ctx.options.baseUrl, token: ctx.options.token, extraHeaders: ctx.options.extraHeaders };
  const built = buildRequest(
    { method: 'GET', path: PROBE_PATH, query: { startIndex: 1, count: 1 } },
    { name: 'probe', file: '', tests: [] },
    (v) => v,
    target,
  );
  let status: number;
  try {
    status = (await ctx.client.send({ ...built.http, signal: ctx.signal })).status;
  } catch (err) {
    if (!(err instanceof TransportError) || err.code === 'SCIM_HTTP_ABORTED') throw err;
    throw new TransportError(ctx.redactor.text(`target unreachable: ${err.message}`), err.code);
  }
  ctx.health.answered(status, true);
  if (status === 401 || status === 403) throw new TokenRejectedError(status, `GET ${PROBE_PATH}`);
}
