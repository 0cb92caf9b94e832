// Sends one request of a step and records the exchange (redacted) in the step's log:
// what a step and a page walk share.
import type { RecordedExchange } from '../model/run-result.js';
import type { RunContext } from './context.js';
import type { HttpRequest, HttpResponse } from '../http/client.js';
import { TransportError } from '../errors.js';
import { JsonTooDeepError, parseJson } from '../util/json-depth.js';
import { retryWait } from './retry.js';
import type { BuiltRequest } from './request-builder.js';
import type { ResponseView } from './expectations.js';
import { rememberView } from './passive-checks.js';

/** What a step sees: the template renderer and the captures of its test so far. */
export interface StepScope {
  render: (v: unknown) => unknown;
  captures: Record<string, unknown>;
  /** This scope as it is now, for checks that run after a later step has captured more. */
  freeze?: () => StepScope;
}

export function targetOf(ctx: RunContext) {
  return { baseUrl: ctx.options.baseUrl, token: ctx.options.token, extraHeaders: ctx.options.extraHeaders };
}

/**
 * Sends a request; a 429/503 to an idempotent request with a usable Retry-After is
 * waited out and sent again (ctx.retry). Each attempt is its own recorded exchange, so
 * the passive checks see every 429, and the one that was retried says so.
 */
export async function send(ctx: RunContext, built: BuiltRequest, log: RecordedExchange[]): Promise<ResponseView> {
  for (let attempt = 0; ; attempt++) {
    const view = await sendOnce(ctx, built, log);
    const wait = retryWait(built.http.method, view.status, view.headers['retry-after'], attempt, ctx.retry);
    if (wait === undefined || ctx.signal.aborted) return view;
    const retried = log.at(-1); // the exchange sendOnce just recorded
    if (retried) retried.retries = [{ status: view.status, waitedMs: Math.round(wait) }];
    await ctx.retry.sleep(wait, ctx.signal);
  }
}

// What sendOnce recorded is redacted when the step is judged, off the path from one answer
// to the next request: each exchange's redaction waits here, its raw values in the closure
// only, so no exchange ever holds an unredacted value.
const redactions = new WeakMap<RecordedExchange, () => void>();

/** Fills in the redacted request and answer of each exchange; a step's judge calls it first. */
export function redactExchanges(log: readonly RecordedExchange[]): void {
  for (const exchange of log) {
    redactions.get(exchange)?.();
    redactions.delete(exchange);
  }
}

async function sendOnce(ctx: RunContext, built: BuiltRequest, log: RecordedExchange[]): Promise<ResponseView> {
  // every field in the order the reports print it; the redacted values come in redactExchanges
  const exchange: RecordedExchange = {
    method: built.http.method,
    url: '',
    requestHeaders: {},
    requestBody: undefined,
    durationMs: 0,
    startedAt: new Date().toISOString(),
  };
  log.push(exchange);
  const answer: { res?: HttpResponse; view?: ResponseView } = {};
  redactions.set(exchange, () => {
    exchange.url = ctx.redactor.text(built.http.url);
    exchange.requestHeaders = ctx.redactor.headers(built.http.headers);
    exchange.requestBody = built.body === undefined ? undefined : ctx.redactor.value(built.body);
    const { res, view } = answer;
    if (!res || !view) return;
    exchange.responseHeaders = ctx.redactor.headers(res.headers);
    exchange.responseBody =
      view.body === undefined || view.body === null
        ? ctx.redactor.value(truncate(res.bodyText))
        : ctx.redactor.parsedJson(view.body, res.bodyText);
  });
  let res: HttpResponse;
  try {
    res = await sendWatched(ctx, { ...built.http, signal: ctx.signal });
  } catch (err) {
    if (err instanceof TransportError && built.http.method !== 'GET') ctx.uncertainWrites++;
    throw err;
  }
  const view = toView(res);
  answer.res = res;
  answer.view = view;
  exchange.status = res.status;
  exchange.responseHeaders = {};
  exchange.responseBody = undefined;
  exchange.durationMs = res.durationMs;
  rememberView(exchange, view);
  return view;
}

/**
 * Sends one request: 429/503 answers to idempotent requests are retried as the
 * server asks, and every answer or failure is reported to the target's health.
 */
export async function sendRetrying(
  ctx: RunContext,
  req: HttpRequest,
  onRetry?: (status: number, waitedMs: number) => void,
): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    const res = await sendWatched(ctx, req);
    const wait = retryWait(req.method, res.status, res.headers['retry-after'], attempt, ctx.retry);
    if (wait === undefined || req.signal?.aborted) return res;
    onRetry?.(res.status, Math.round(wait));
    await ctx.retry.sleep(wait, req.signal);
  }
}

/** One request, its answer or failure reported to the target's health (token rejected, unresponsive). */
async function sendWatched(ctx: RunContext, req: HttpRequest): Promise<HttpResponse> {
  let res: HttpResponse;
  try {
    res = await ctx.client.send(req);
  } catch (err) {
    if (err instanceof TransportError) ctx.health.failed(err);
    throw err;
  }
  ctx.health.answered(res.status, req.headers['authorization'] === `Bearer ${ctx.options.token}`);
  return res;
}

export function toView(res: HttpResponse): ResponseView {
  let body: unknown;
  if (res.bodyText.trim() !== '') {
    try {
      body = parseJson(res.bodyText);
    } catch (err) {
      body = undefined; // not JSON: checks that need JSON say so
      // too deep to walk safely: kept as (truncated) text, and the step gets a failed check for it
      if (err instanceof JsonTooDeepError)
        return {
          status: res.status,
          headers: res.headers,
          body,
          bodyText: truncate(res.bodyText),
          durationMs: res.durationMs,
          tooDeep: err.message,
        };
    }
  }
  return { status: res.status, headers: res.headers, body, bodyText: res.bodyText, durationMs: res.durationMs };
}

function truncate(text: string, max = 4096): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} bytes)` : text;
}
