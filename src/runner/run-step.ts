// Executes one step: render, guard, send, record, assert, capture, register what
// it created. A transport failure makes the step `errored`, never a crash.
import type { StepSpec, SuiteSpec } from '../suite/types.js';
import type { CheckResult, StepResult, StepStatus } from '../model/run-result.js';
import type { RunContext } from './context.js';
import { TransportError, UsageError } from '../errors.js';
import { buildRequest, type BuiltRequest } from './request-builder.js';
import type { ResponseView } from './expectations.js';
import { refusalOf } from './request-guard.js';
import { createdByBulk } from './bulk-guard.js';
import { getPath } from '../suite/body-path.js';
import { defaultRemovals, type CleanupRequest } from './cleanup.js';
import { walkPages } from './paginate.js';
import { assertAll, keepFirstFailure } from './assert-step.js';
import { passiveChecks } from './passive-checks.js';
import { redactExchanges, send, targetOf, type StepScope } from './step-io.js';
import { resolveAudience } from '../audience/resolve-audience.js';
import { judgeCheck } from '../audience/effective-severity.js';

/**
 * A step whose requests are over: what it captured and created is recorded, and its checks
 * run when `judge` is called. The runner sends the next step's request first, so checking
 * one answer overlaps with waiting for the next (run-test.ts says when it may).
 */
export interface SentStep {
  judge(): StepResult;
}

/** Renders, guards, sends, records and captures; the checks wait for `judge()`. */
export async function sendStep(step: StepSpec, suite: SuiteSpec, scope: StepScope, ctx: RunContext): Promise<SentStep> {
  const started = performance.now();
  const result: StepResult = {
    id: step.id,
    name: step.name ?? step.id,
    status: 'passed',
    checks: [],
    exchanges: [],
    durationMs: 0,
  };
  if (step.ours) result.ours = true;
  const merged = new Map<string, CheckResult>();
  const captureChecks: CheckResult[] = [];
  // the one answer of a plain step, checked by judge()
  let deferred: { built: BuiltRequest; response: ResponseView } | undefined;
  try {
    if (step.paginate) {
      await walkPages(step, suite, scope, ctx, result);
    } else {
      const built = buildRequest(step.request, suite, scope.render, targetOf(ctx));
      const refusal = refusalOf(built, suite, ctx);
      if (refusal) throw new UsageError(refusal);
      // `concurrent: N` sends the same request N times at once; each answer is checked
      // (the first failure of a check is kept) and may record what it created. What an
      // answer created is recorded before any expectation runs, and before a sibling's
      // transport failure ends the step: whatever happens next, the clean-up knows about it.
      const times = Math.max(1, step.concurrent ?? 1);
      const settled = await Promise.allSettled(Array.from({ length: times }, () => send(ctx, built, result.exchanges)));
      settled.forEach((outcome, i) => {
        if (outcome.status !== 'fulfilled') return;
        const response = outcome.value;
        // each answer captures afresh, so one that created nothing does not re-record another's id
        if (times > 1) for (const name of Object.keys(step.capture ?? {})) delete scope.captures[name];
        captureAll(step, response, scope, captureChecks);
        registerCreated(step, scope, ctx);
        if (isBulk(built.path)) for (const r of createdByBulk(response.body)) recordCreated(ctx, r.type, r.id);
        if (built.http.method === 'DELETE' && response.status >= 200 && response.status < 300)
          noteDeleted(built.path, ctx);
        // each of N answers is checked with the captures it made, so at once
        if (times === 1) deferred = { built, response };
        else
          for (const c of assertAll(step, suite, built, response, scope, ctx))
            keepFirstFailure(merged, c, `request ${i + 1} of ${times}`);
      });
      const failed = settled.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failed) throw failed.reason;
    }
  } catch (err) {
    if (!(err instanceof TransportError) && !(err instanceof UsageError)) throw err;
    result.status = 'errored';
    result.error = {
      code: err instanceof TransportError ? err.code : 'SCIM_CHECK_REFUSED',
      message: ctx.redactor.text(err.message),
    };
  }
  // the checks see this step's captures, not those of a step sent before they ran
  const checkScope = scope.freeze?.() ?? scope;
  const sentMs = performance.now() - started;
  return {
    judge() {
      const judging = performance.now();
      redactExchanges(result.exchanges);
      if (deferred)
        for (const c of assertAll(step, suite, deferred.built, deferred.response, checkScope, ctx))
          keepFirstFailure(merged, c, undefined);
      result.checks.push(...merged.values(), ...captureChecks);
      if (result.status !== 'errored')
        result.checks.push(...passiveChecks(suite, step, result.exchanges, checkScope.render, ctx));
      result.checks = result.checks.map((c) => judgeCheck(c, ctx.options.verdict));
      if (result.status !== 'errored') result.status = statusOf(result.checks);
      const erroredCheck = result.checks.find((c) => c.error);
      if (erroredCheck && !result.error) result.error = { ...erroredCheck.error! };
      result.durationMs = sentMs + (performance.now() - judging);
      return result;
    },
  };
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
      checks.push({
        code: `${step.id}.capture.${name}`,
        severity: 'must',
        audience: resolveAudience('must', undefined, step.defaultFor),
        passed: false,
        title: `capture ${name} from ${source}`,
        expected: 'a value',
        actual: '(absent)',
        where: step.position,
      });
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

const BULK_PATH = /^\/*bulk\/*(?:[?#]|$)/i;

function isBulk(path: string): boolean {
  return BULK_PATH.test(path);
}

/** What a bulk POST created is the run's own: removed like any other, newest first. */
function recordCreated(ctx: RunContext, type: string, id: string): void {
  if (!ctx.ledger.owns(id)) ctx.ledger.record({ type, id, removals: defaultRemovals(type, id) });
}

function describeBody(body: unknown): string {
  const text = JSON.stringify(body);
  const active = /"active"\s*:\s*(true|false)/.exec(text);
  return active ? `active=${active[1]}` : 'with body';
}

function noteDeleted(path: string, ctx: RunContext): void {
  const last = /\/([^/?#]+)$/.exec(path)?.[1];
  if (last !== undefined) ctx.ledger.markRemoved(decodeURIComponent(last));
}

export function statusOf(checks: CheckResult[]): StepStatus {
  if (checks.some((c) => c.error)) return 'errored';
  const failed = checks.filter((c) => !c.passed && !c.baselined);
  if (failed.some((c) => c.severity === 'must')) return 'failed';
  if (failed.length > 0) return 'warned';
  return 'passed';
}
