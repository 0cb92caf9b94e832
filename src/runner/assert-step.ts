// Every check one response gets: the step's expectations, the automatic profile check
// and the checks against the server's declared schemas. Results are redacted here.
import type { StepSpec, SuiteSpec, Expectation } from '../suite/types.js';
import type { CheckResult } from '../model/run-result.js';
import type { RunContext } from './context.js';
import type { BuiltRequest } from './request-builder.js';
import { evaluateExpectation, snippet, statusApplies, type ResponseView } from './expectations.js';
import { runNamedCheck } from '../checks/registry.js';
import { declaredChecks } from './declared-checks.js';
import type { StepScope } from './step-io.js';
import { resolveAudience } from '../audience/resolve-audience.js';

export function assertAll(
  step: StepSpec,
  suite: SuiteSpec,
  built: BuiltRequest,
  response: ResponseView,
  scope: StepScope,
  ctx: RunContext,
): CheckResult[] {
  const checks = (step.expect ?? [])
    .filter((exp) => statusApplies(exp, response.status))
    .map((exp: Expectation) => {
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
    ? [
        {
          code: `${step.id}.response.depth`,
          severity: 'must',
          passed: false,
          title: 'the response is JSON a client can walk',
          actual: snippet(response.bodyText),
          detail: response.tooDeep,
          where: step.position,
        },
      ]
    : [];
  return [
    ...depth,
    ...checks,
    ...contained(`${step.id}.profile`, () => automaticProfileCheck(step, suite, response, ctx)),
    ...contained(`${step.id}.declared-schema`, () => declaredChecks(step, built, response, ctx)),
  ];
}

/** One expectation, evaluated on its own: an error in it is one errored check, never the end of the step. */
function evaluateOnItsOwn(
  exp: Expectation,
  step: StepSpec,
  ectx: Parameters<typeof evaluateExpectation>[1],
): CheckResult {
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
  const kind =
    e?.name === 'TemplateError'
      ? 'SUITE_TEMPLATE'
      : e?.name === 'CheckArgumentError'
        ? 'SUITE_ARGUMENT'
        : e instanceof RangeError
          ? 'CHECK_TOO_DEEP'
          : 'CHECK_ERRORED';
  return { code, severity, passed: false, title, error: { code: kind, message: String(e?.message ?? err) } };
}

const USER_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PROFILE_CHECKS = new Set(['user-profile', 'mandatory-attributes']);

/**
 * Suites with `checkUsersAgainstProfile` check every single User a response carries
 * against the run's profile, unless the step already checks it. Lists are left to
 * explicit checks: they also hold users the run did not create.
 */
function automaticProfileCheck(
  step: StepSpec,
  suite: SuiteSpec,
  response: ResponseView,
  ctx: RunContext,
): CheckResult[] {
  if (
    !suite.checkUsersAgainstProfile ||
    (step.expect ?? []).some((e) => e.check !== undefined && PROFILE_CHECKS.has(e.check))
  )
    return [];
  const body = response.body as { schemas?: unknown; meta?: { resourceType?: unknown } } | undefined;
  const isUser =
    !!body &&
    typeof body === 'object' &&
    ((Array.isArray(body.schemas) && body.schemas.includes(USER_SCHEMA_URN)) || body.meta?.resourceType === 'User');
  if (!isUser) return [];
  const outcome = runNamedCheck(
    'user-profile',
    { body, request: {}, response, profile: ctx.options.profile, languageFormat: ctx.options.languageFormat },
    {},
  );
  const severity = suite.checkUsersAgainstProfile === 'must' ? 'must' : 'should'; // as the packs' explicit profile checks
  const check: CheckResult = {
    code: `${step.id}.profile`,
    severity,
    audience: resolveAudience(severity, undefined, step.defaultFor),
    title: `the returned User meets profile ${ctx.options.profile.name} (checked for every User)`,
    ref: `attribute profile ${ctx.options.profile.name} (docs/okta-behavior.md#attribute-profiles)`,
    where: step.position,
    ...outcome,
  };
  return [ctx.redactor.value(check)];
}

/** Keeps one result per code: the first failure if any, else the first pass. */
export function keepFirstFailure(into: Map<string, CheckResult>, c: CheckResult, where?: string): void {
  const prev = into.get(c.code);
  const located = c.passed || !where ? c : { ...c, detail: `${where}${c.detail ? ': ' + c.detail : ''}` };
  if (!prev || (prev.passed && !c.passed)) into.set(c.code, located);
}
