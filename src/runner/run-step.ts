// Executes one step: render, guard, send, record, assert, capture, register what
// it created. A transport failure makes the step `errored`, never a crash.
import type { StepSpec, SuiteSpec, Expectation } from '../suite/types.js';
import type { CheckResult, RecordedExchange, StepResult, StepStatus } from './results.js';
import type { RunContext } from './context.js';
import type { HttpRequest, HttpResponse } from '../http/client.js';
import { TransportError, UsageError } from '../errors.js';
import { buildRequest, type BuiltRequest } from './request-builder.js';
import { evaluateExpectation, type ResponseView } from './expectations.js';
import { guardTarget, guardWrite } from './write-guard.js';
import { getPath } from './body-path.js';
import { defaultRemovals, type CleanupRequest } from './cleanup.js';
import { walkPages } from './paginate.js';
import { runNamedCheck } from '../checks/registry.js';
import { declaredChecks } from './declared-checks.js';
import { JsonTooDeepError, parseJson } from '../util/json-depth.js';
import { snippet } from './expectations.js';
import { retryWait } from './retry.js';

export interface StepScope {
  render: (v: unknown) => unknown;
  captures: Record<string, unknown>;
}

export async function runStep(step: StepSpec, suite: SuiteSpec, scope: StepScope, ctx: RunContext): Promise<StepResult> {
  const started = performance.now();
  const result: StepResult = { id: step.id, name: step.name ?? step.id, status: 'passed', checks: [], exchanges: [], durationMs: 0 };
  try {
    if (step.paginate) {
      await walkPages(step, suite, scope, ctx, result);
    } else {
      const built = buildRequest(step.request, suite, scope.render, targetOf(ctx));
      const refusal = guardWrite(built.http.method, built.path, (id) => ctx.ledger.owns(id), ctx.prefix) ?? guardTarget(built.http.url, ctx.options.baseUrl);
      if (refusal) throw new UsageError(refusal);
      const response = await send(ctx, built, result.exchanges);
      // What the server created is recorded before any expectation runs: whatever
      // happens next, the clean-up knows about it.
      const captureChecks: CheckResult[] = [];
      captureAll(step, response, scope, captureChecks);
      registerCreated(step, scope, ctx);
      if (built.http.method === 'DELETE' && response.status >= 200 && response.status < 300) noteDeleted(built.path, ctx);
      result.checks.push(...assertAll(step, suite, built, response, scope, ctx), ...captureChecks);
    }
  } catch (err) {
    if (!(err instanceof TransportError) && !(err instanceof UsageError)) throw err;
    result.status = 'errored';
    result.error = { code: err instanceof TransportError ? err.code : 'SCIM_CHECK_REFUSED', message: ctx.redactor.text(err.message) };
  }
  if (result.status !== 'errored') result.status = statusOf(result.checks);
  const erroredCheck = result.checks.find((c) => c.error);
  if (erroredCheck && !result.error) result.error = { ...erroredCheck.error! };
  result.durationMs = performance.now() - started;
  return result;
}

export function targetOf(ctx: RunContext) {
  return { baseUrl: ctx.options.baseUrl, token: ctx.options.token, extraHeaders: ctx.options.extraHeaders };
}

export async function send(ctx: RunContext, built: BuiltRequest, log: RecordedExchange[]): Promise<ResponseView> {
  const exchange: RecordedExchange = {
    method: built.http.method,
    url: ctx.redactor.text(built.http.url),
    requestHeaders: ctx.redactor.headers(built.http.headers),
    requestBody: built.body === undefined ? undefined : ctx.redactor.value(built.body),
    durationMs: 0,
  };
  log.push(exchange);
  let res: HttpResponse;
  try {
    res = await sendRetrying(ctx, { ...built.http, signal: ctx.signal }, (status, waitedMs) => {
      exchange.retries = [...(exchange.retries ?? []), { status, waitedMs }];
    });
  } catch (err) {
    if (err instanceof TransportError && built.http.method !== 'GET') ctx.uncertainWrites++;
    throw err;
  }
  const view = toView(res);
  exchange.status = res.status;
  exchange.responseHeaders = ctx.redactor.headers(res.headers);
  exchange.responseBody = ctx.redactor.value(view.body ?? truncate(res.bodyText));
  exchange.durationMs = res.durationMs;
  return view;
}

/**
 * Sends one request: 429/503 answers to idempotent requests are retried as the
 * server asks, and every answer or failure is reported to the target's health.
 */
export async function sendRetrying(ctx: RunContext, req: HttpRequest, onRetry?: (status: number, waitedMs: number) => void): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    let res: HttpResponse;
    try {
      res = await ctx.client.send(req);
    } catch (err) {
      if (err instanceof TransportError) ctx.health.failed(err);
      throw err;
    }
    ctx.health.answered(res.status, req.headers['authorization'] === `Bearer ${ctx.options.token}`);
    const wait = retryWait(req.method, res.status, res.headers['retry-after'], attempt, ctx.retry);
    if (wait === undefined || req.signal?.aborted) return res;
    onRetry?.(res.status, Math.round(wait));
    await ctx.retry.sleep(wait, req.signal);
  }
}

export function toView(res: HttpResponse): ResponseView {
  let body: unknown;
  if (res.bodyText.trim() !== '') {
    try {
      body = parseJson(res.bodyText);
    } catch (err) {
      body = undefined; // not JSON: checks that need JSON say so
      if (err instanceof JsonTooDeepError) return { status: res.status, headers: res.headers, body, bodyText: truncate(res.bodyText), durationMs: res.durationMs, tooDeep: err.message };
    }
  }
  return { status: res.status, headers: res.headers, body, bodyText: res.bodyText, durationMs: res.durationMs };
}

export function assertAll(step: StepSpec, suite: SuiteSpec, built: BuiltRequest, response: ResponseView, scope: StepScope, ctx: RunContext): CheckResult[] {
  const checks = (step.expect ?? []).map((exp: Expectation) => {
    const check = evaluateOnItsOwn(exp, step, {
      response,
      requestBody: built.body,
      named: { profile: ctx.options.profile, languageFormat: ctx.options.languageFormat },
      render: scope.render,
      defaultCode: (kind) => `${step.id}.${kind}`,
    });
    const where = exp.position ?? step.position;
    if (where) check.where = { ...where };
    return ctx.redactor.value(check);
  });
  const depth: CheckResult[] = response.tooDeep
    ? [{ code: `${step.id}.response.depth`, severity: 'must', passed: false, title: 'the response is JSON a client can walk', actual: snippet(response.bodyText), detail: response.tooDeep, where: step.position }]
    : [];
  return [...depth, ...checks, ...contained(`${step.id}.profile`, () => automaticProfileCheck(step, suite, response, ctx)), ...contained(`${step.id}.declared-schema`, () => declaredChecks(step, built, response, ctx))];
}

/** One expectation, evaluated on its own: an error in it is one errored check, never the end of the step. */
function evaluateOnItsOwn(exp: Expectation, step: StepSpec, ectx: Parameters<typeof evaluateExpectation>[1]): CheckResult {
  try {
    return evaluateExpectation(exp, ectx);
  } catch (err) {
    const code = exp.code ?? `${step.id}.expectation`;
    return erroredCheck(code, exp.severity ?? 'must', exp.description ?? 'expectation', err);
  }
}

function contained(code: string, produce: () => CheckResult[]): CheckResult[] {
  try {
    return produce();
  } catch (err) {
    return [erroredCheck(code, 'must', 'automatic check', err)];
  }
}

function erroredCheck(code: string, severity: CheckResult['severity'], title: string, err: unknown): CheckResult {
  const e = err as Error;
  const kind = e?.name === 'TemplateError' ? 'SUITE_TEMPLATE' : e instanceof RangeError ? 'CHECK_TOO_DEEP' : 'CHECK_ERRORED';
  return { code, severity, passed: false, title, error: { code: kind, message: String(e?.message ?? err) } };
}

const USER_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PROFILE_CHECKS = new Set(['user-profile', 'mandatory-attributes']);

/**
 * Suites with `checkUsersAgainstProfile` check every single User a response carries
 * against the run's profile, unless the step already checks it. Lists are left to
 * explicit checks: they also hold users the run did not create.
 */
function automaticProfileCheck(step: StepSpec, suite: SuiteSpec, response: ResponseView, ctx: RunContext): CheckResult[] {
  if (!suite.checkUsersAgainstProfile || (step.expect ?? []).some((e) => e.check !== undefined && PROFILE_CHECKS.has(e.check))) return [];
  const body = response.body as { schemas?: unknown; meta?: { resourceType?: unknown } } | undefined;
  const isUser = !!body && typeof body === 'object' && ((Array.isArray(body.schemas) && body.schemas.includes(USER_SCHEMA_URN)) || body.meta?.resourceType === 'User');
  if (!isUser) return [];
  const outcome = runNamedCheck('user-profile', { body, request: {}, response, profile: ctx.options.profile, languageFormat: ctx.options.languageFormat }, {});
  const check: CheckResult = { code: `${step.id}.profile`, severity: 'must', title: `the returned User meets profile ${ctx.options.profile.name} (checked for every User)`, ref: `attribute profile ${ctx.options.profile.name}`, where: step.position, ...outcome };
  return [ctx.redactor.value(check)];
}

function captureAll(step: StepSpec, response: ResponseView, scope: StepScope, checks: CheckResult[]): void {
  for (const [name, spec] of Object.entries(step.capture ?? {})) {
    // A leading `?` makes the capture optional: absent is not a failure (e.g. the id of a
    // duplicate that a correct server refuses to create, captured only to clean it up).
    const optional = spec.startsWith('?');
    const source = optional ? spec.slice(1) : spec;
    let got: { found: boolean; value?: unknown };
    if (source.toLowerCase().startsWith('header:')) {
      const h = response.headers[source.slice(7).trim().toLowerCase()];
      got = { found: h !== undefined, value: h };
    } else {
      got = response.body === undefined ? { found: false } : getPath(response.body, source);
    }
    if (got.found && got.value !== undefined && got.value !== null) {
      scope.captures[name] = got.value;
    } else if (!optional) {
      checks.push({ code: `${step.id}.capture.${name}`, severity: 'must', passed: false, title: `capture ${name} from ${source}`, expected: 'a value', actual: '(absent)', where: step.position });
    }
  }
}

function registerCreated(step: StepSpec, scope: StepScope, ctx: RunContext): void {
  if (!step.creates) return;
  let id: unknown;
  try {
    id = scope.render(step.creates.id);
  } catch (err) {
    if (err instanceof Error && err.name === 'TemplateError') return; // an optional capture found nothing: nothing was created
    throw err;
  }
  // a server may return the id as a JSON number (1004): it is still the run's own
  if (typeof id === 'number' && Number.isFinite(id)) id = String(id);
  if (typeof id !== 'string' || id === '' || id.includes('${{')) return; // nothing was created, or no id came back
  const removals: CleanupRequest[] = step.creates.cleanup
    ? step.creates.cleanup.map((r) => ({
        method: r.method.toUpperCase(),
        path: String(scope.render(r.path)),
        body: r.body === undefined ? undefined : scope.render(r.body),
        label: `${r.method.toUpperCase()}${r.body ? ' ' + describeBody(scope.render(r.body)) : ''}`,
      }))
    : defaultRemovals(step.creates.type, id);
  ctx.ledger.record({ type: step.creates.type, id, removals });
}

function describeBody(body: unknown): string {
  const text = JSON.stringify(body);
  const active = /"active"\s*:\s*(true|false)/.exec(text);
  return active ? `active=${active[1]}` : 'with body';
}

function noteDeleted(path: string, ctx: RunContext): void {
  const m = /\/([^/?#]+)$/.exec(path);
  if (m) ctx.ledger.markRemoved(decodeURIComponent(m[1]));
}

export function statusOf(checks: CheckResult[]): StepStatus {
  if (checks.some((c) => c.error)) return 'errored';
  const failed = checks.filter((c) => !c.passed && !c.baselined);
  if (failed.some((c) => c.severity === 'must')) return 'failed';
  if (failed.length > 0) return 'warned';
  return 'passed';
}

function truncate(text: string, max = 4096): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} bytes)` : text;
}
