// Sends one request of a step and records the exchange (redacted) in the step's log:
// what a step and a page walk share.
import type { RecordedExchange } from '../model/run-result.js';
import type { RunContext } from './context.js';
import type { HttpResponse } from '../http/client.js';
import type { BuiltRequest } from './request-builder.js';
import type { ResponseView } from './expectations.js';
import { parseRetryAfter } from '../audit/retry-after.js';
import { rememberView } from './passive-checks.js';

/** What a step sees: the template renderer and the captures of its test so far. */
export interface StepScope {
  render: (v: unknown) => unknown;
  captures: Record<string, unknown>;
}

export function targetOf(ctx: RunContext) {
  return { baseUrl: ctx.options.baseUrl, token: ctx.options.token, extraHeaders: ctx.options.extraHeaders };
}

/** Sends a request; a 429 with a usable Retry-After is waited out and sent again (each attempt is recorded). */
export async function send(ctx: RunContext, built: BuiltRequest, log: RecordedExchange[]): Promise<ResponseView> {
  for (let attempt = 1; ; attempt++) {
    const view = await sendOnce(ctx, built, log);
    const wait = view.status === 429 && attempt < MAX_ATTEMPTS ? retryDelayMs(view.headers['retry-after']) : undefined;
    if (wait === undefined) return view;
    await sleep(wait, ctx.signal);
  }
}

export const MAX_ATTEMPTS = 3;
/** Longer waits than Okta's own request timeout are not waited out: the 429 stands. */
const MAX_RETRY_WAIT_MS = 60_000;

/** How long to wait before sending again after a 429, or undefined when its Retry-After is absent, unreadable or too long. */
export function retryDelayMs(header: string | undefined): number | undefined {
  const ms = parseRetryAfter(header);
  return ms !== undefined && ms <= MAX_RETRY_WAIT_MS ? ms : undefined;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

async function sendOnce(ctx: RunContext, built: BuiltRequest, log: RecordedExchange[]): Promise<ResponseView> {
  const exchange: RecordedExchange = {
    method: built.http.method,
    url: ctx.redactor.text(built.http.url),
    requestHeaders: ctx.redactor.headers(built.http.headers),
    requestBody: built.body === undefined ? undefined : ctx.redactor.value(built.body),
    durationMs: 0,
    startedAt: new Date().toISOString(),
  };
  log.push(exchange);
  const res: HttpResponse = await ctx.client.send({ ...built.http, signal: ctx.signal });
  const view = toView(res);
  exchange.status = res.status;
  exchange.responseHeaders = ctx.redactor.headers(res.headers);
  exchange.responseBody = ctx.redactor.value(view.body ?? truncate(res.bodyText));
  exchange.durationMs = res.durationMs;
  rememberView(exchange, view);
  return view;
}

export function toView(res: HttpResponse): ResponseView {
  let body: unknown;
  if (res.bodyText.trim() !== '') {
    try {
      body = JSON.parse(res.bodyText);
    } catch {
      body = undefined; // not JSON: checks that need JSON say so
    }
  }
  return { status: res.status, headers: res.headers, body, bodyText: res.bodyText, durationMs: res.durationMs };
}

function truncate(text: string, max = 4096): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} bytes)` : text;
}
