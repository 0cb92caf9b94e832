// Turns one Expectation of a step into one CheckResult. Every kind of expectation
// (status, header, body path, schema, named check, duration) ends up in the same
// result shape, so reporters and baselines need not know the kinds.
import type { Expectation } from '../suite/types.js';
import type { Severity } from '../model/severity.js';
import type { CheckResult } from '../model/run-result.js';
import { getPath } from '../suite/body-path.js';
import { validateAgainst } from '../schema/validator.js';
import { runNamedCheck } from '../checks/registry.js';
import type { NamedCheckContext } from '../checks/named-check.js';
import { matchValue } from './matchers.js';
import type { AudienceSeverities } from '../model/audience.js';

export interface ResponseView {
  status: number;
  headers: Record<string, string>;
  body: unknown; // parsed JSON, or undefined when the body is empty or not JSON
  bodyText: string;
  durationMs: number;
  /** Set when the body was refused for its nesting depth (it is then not parsed). */
  tooDeep?: string;
}

export interface ExpectationContext {
  response: ResponseView;
  requestBody: unknown;
  named: Omit<NamedCheckContext, 'body' | 'request' | 'response'>;
  /** Renders templates inside expected values. */
  render: (v: unknown) => unknown;
  defaultCode: (kind: string) => string;
}

export function evaluateExpectation(exp: Expectation, ctx: ExpectationContext): CheckResult {
  const base: { severity: Severity; audience?: AudienceSeverities; ref?: string } = {
    severity: (exp.severity ?? 'must') as Severity,
    audience: exp.audience,
    ref: exp.ref,
  };
  const outcome = evaluateKind(exp, ctx);
  if (outcome.cap === 'should') capToShould(base);
  return dropUndefined({
    code: exp.code ?? ctx.defaultCode(outcome.kind),
    ...base,
    title: exp.description ?? outcome.title,
    passed: outcome.passed,
    expected: outcome.expected,
    actual: outcome.actual,
    detail: outcome.detail,
    path: 'path' in exp && typeof exp.path === 'string' ? exp.path : undefined,
  });
}

/** Whether an expectation applies to a response with this status (`whenStatus`; all when absent). */
export function statusApplies(exp: Expectation, status: number): boolean {
  const when = exp.whenStatus;
  if (when === undefined) return true;
  if (typeof when === 'number') return status === when;
  return status >= (when.min ?? 0) && status <= (when.max ?? 999);
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** A named check said its failure is at most a warning: for every audience too. */
function capToShould(base: { severity: Severity; audience?: AudienceSeverities }): void {
  base.severity = 'should';
  if (base.audience)
    base.audience = Object.fromEntries(Object.keys(base.audience).map((a) => [a, 'should'])) as AudienceSeverities;
}

interface Outcome {
  cap?: 'should';
  kind: string;
  title: string;
  passed: boolean;
  expected?: unknown;
  actual?: unknown;
  detail?: string;
}

function evaluateKind(exp: Expectation, ctx: ExpectationContext): Outcome {
  const res = ctx.response;
  if (exp.status !== undefined) {
    const allowed = Array.isArray(exp.status) ? exp.status : [exp.status];
    return {
      kind: 'status',
      title: `status is ${allowed.join(' or ')}`,
      passed: allowed.includes(res.status),
      expected: exp.status,
      actual: res.status,
      detail: res.status >= 400 ? errorDetail(res.body) : undefined,
    };
  }
  if (exp.header !== undefined) {
    const name = exp.header.toLowerCase();
    const present = Object.prototype.hasOwnProperty.call(res.headers, name);
    const m = matchValue(exp, { found: present, value: res.headers[name] }, ctx.render);
    return { kind: `header.${name}`, title: `header ${exp.header} ${m.title}`, ...m.result };
  }
  if (exp.path !== undefined) {
    if (res.body === undefined) {
      return {
        kind: `body.${exp.path}`,
        title: `${exp.path}: response has a JSON body`,
        passed: false,
        actual: snippet(res.bodyText),
      };
    }
    // the path may carry templates (`members[value eq "${{ userId }}"]`): the kind keeps the raw text, stable across runs
    const bodyPath = String(ctx.render(exp.path));
    const m = matchValue(exp, getPath(res.body, bodyPath), ctx.render);
    return { kind: `body.${exp.path}`, title: `${bodyPath} ${m.title}`, ...m.result };
  }
  if (exp.schema !== undefined) {
    if (res.body === undefined) {
      return {
        kind: `schema.${exp.schema}`,
        title: `body is a ${exp.schema}`,
        passed: false,
        actual: snippet(res.bodyText),
        detail: 'the response body is not JSON',
      };
    }
    const v = validateAgainst(exp.schema as never, res.body);
    return {
      kind: `schema.${exp.schema}`,
      title: `body is a valid ${exp.schema}`,
      passed: v.valid,
      detail: v.valid
        ? undefined
        : v.errors
            .slice(0, 5)
            .map((e) => `${e.path || '/'} ${e.message}`)
            .join('; '),
    };
  }
  if (exp.check !== undefined) {
    const r = runNamedCheck(
      exp.check,
      { ...ctx.named, body: res.body, request: { body: ctx.requestBody }, response: res },
      (ctx.render(exp.with ?? {}) ?? {}) as Record<string, unknown>,
    );
    return { kind: `check.${exp.check}`, title: exp.check, ...r };
  }
  if (exp.maxDurationMs !== undefined) {
    return {
      kind: 'duration',
      title: `answers within ${exp.maxDurationMs} ms`,
      passed: res.durationMs <= exp.maxDurationMs,
      expected: `<= ${exp.maxDurationMs} ms`,
      actual: `${Math.round(res.durationMs)} ms`,
    };
  }
  return { kind: 'unknown', title: 'expectation', passed: false, detail: 'expectation has no kind' };
}

function errorDetail(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'detail' in body)
    return `server said: ${String((body as { detail: unknown }).detail)}`;
  return undefined;
}

export function snippet(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t || '(empty body)';
}
