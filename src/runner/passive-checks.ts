// A suite's `everyResponse` expectations, checked on every response a step received
// (each page of a walk, each concurrent request, each retried attempt), e.g. "every
// 4xx/5xx body is JSON" or "a 429 carries an integer Retry-After". A check is added to
// the step only when some response fell in its `whenStatus`; one result per code.
import type { StepSpec, SuiteSpec } from '../suite/types.js';
import type { CheckResult, RecordedExchange } from '../model/run-result.js';
import type { RunContext } from './context.js';
import { evaluateExpectation, statusApplies, type ResponseView } from './expectations.js';

const views = new WeakMap<RecordedExchange, ResponseView>();

export function rememberView(exchange: RecordedExchange, view: ResponseView): void {
  views.set(exchange, view);
}

export function passiveChecks(
  suite: SuiteSpec,
  step: StepSpec,
  exchanges: RecordedExchange[],
  render: (v: unknown) => unknown,
  ctx: RunContext,
): CheckResult[] {
  const out = new Map<string, CheckResult>();
  for (const exchange of exchanges) {
    const response = views.get(exchange);
    if (!response) continue;
    for (const exp of suite.everyResponse ?? []) {
      if (!statusApplies(exp, response.status)) continue;
      const check = evaluateExpectation(exp, {
        response,
        requestBody: exchange.requestBody,
        named: { profile: ctx.options.profile, languageFormat: ctx.options.languageFormat },
        render,
        defaultCode: (kind) => `every-response.${kind}`,
      });
      const located: CheckResult = ctx.redactor.value({
        ...check,
        where: exp.position ?? step.position,
        detail: check.passed
          ? check.detail
          : `${exchange.method} ${exchange.url} answered ${response.status}${check.detail ? ': ' + check.detail : ''}`,
      });
      const prev = out.get(located.code);
      if (!prev || (prev.passed && !located.passed)) out.set(located.code, located);
    }
  }
  return [...out.values()];
}
