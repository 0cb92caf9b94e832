// Runs the steps of one test in order. A step whose dependency failed is skipped
// with the reason; independent steps still run.
import type { StepSpec, SuiteSpec, TestSpec } from '../suite/types.js';
import type { StepResult, TestResult, StepStatus } from '../model/run-result.js';
import type { RunContext } from './context.js';
import { sendStep, type SentStep } from './run-step.js';
import type { StepScope } from './step-io.js';
import { blockedReason, needsOf } from './step-deps.js';
import { renderValue } from '../suite/template.js';
import { cleanUpFrom } from './clean-up-run.js';
import { capabilitySource } from './capabilities.js';

export async function runTest(test: TestSpec, suite: SuiteSpec, ctx: RunContext): Promise<TestResult> {
  const started = performance.now();
  const testId = test.id ?? test.name;
  const missing = await missingCapabilities([...(suite.requires ?? []), ...(test.requires ?? [])], ctx);
  if (missing.length > 0) {
    const reason = unsupportedReason(missing, ctx);
    return {
      name: test.name,
      id: testId,
      status: 'skipped',
      skipReason: reason,
      steps: [],
      durationMs: 0,
      where: test.position,
    };
  }
  const captures: Record<string, unknown> = {};
  const run = { id: ctx.runId, prefix: ctx.prefix };
  // Variables are rendered once per test, in order, so `${{ randomEmail() }}` is one
  // value for the whole test and a fresh one for the next test.
  const variables: Record<string, unknown> = {};
  try {
    for (const [name, raw] of Object.entries(suite.variables ?? {}))
      variables[name] = renderValue(raw, { captures: {}, variables, run });
  } catch (err) {
    if (!(err instanceof Error) || err.name !== 'TemplateError') throw err;
    return {
      name: test.name,
      id: testId,
      status: 'errored',
      steps: [
        {
          id: 'variables',
          name: 'suite variables',
          status: 'errored',
          checks: [],
          exchanges: [],
          durationMs: 0,
          error: { code: 'SUITE_TEMPLATE', message: err.message },
        },
      ],
      durationMs: 0,
    };
  }
  const renderWith = (captured: Record<string, unknown>) => (v: unknown) =>
    renderValue(v, { captures: captured, variables, run });
  const freeze = (): StepScope => {
    const copy = { ...captures };
    return { render: renderWith(copy), captures: copy };
  };
  const steps: StepResult[] = [];
  const statusById = new Map<string, StepStatus>();
  const mark = ctx.ledger.size();
  let judgeLast: (() => void) | undefined;
  try {
    judgeLast = await runSteps(test, suite, ctx, { render: renderWith(captures), captures, freeze }, steps, statusById);
  } finally {
    // What a test created is removed when the test ends, so the next test (and the
    // next suite) sees the tenant as it was: no leftovers skew their lists. The last
    // step is judged while the first removal is on its way.
    const cleaning = cleanUpFrom(ctx, mark);
    try {
      if (judgeLast) {
        await nextTurn();
        judgeLast();
      }
    } finally {
      ctx.cleanupRecords.push(...(await cleaning));
    }
  }
  return {
    name: test.name,
    id: testId,
    status: worstOf(steps.map((s) => s.status)),
    steps,
    durationMs: performance.now() - started,
    where: test.position,
  };
}

/**
 * Steps run in order, and a step's checks run while the next step's request is on its way:
 * checking costs no time of its own beyond the server's. The next request never depends on
 * those checks: a step waits only for captures (there before the checks run) and for the
 * steps it names in `needs`, which are judged before it is sent. --bail judges each step
 * before the next is sent, to stop at the first failure. Returns the judge of the last step:
 * the clean-up's first request goes out before it runs.
 */
async function runSteps(
  test: TestSpec,
  suite: SuiteSpec,
  ctx: RunContext,
  scope: StepScope,
  steps: StepResult[],
  statusById: Map<string, StepStatus>,
): Promise<() => void> {
  let pending: { step: StepSpec; sent: SentStep } | undefined;
  const record = (result: StepResult) => {
    statusById.set(result.id, result.status);
    steps.push(result);
  };
  const judgePending = () => {
    if (!pending) return;
    const { step, sent } = pending;
    pending = undefined;
    record(judgedOrErrored(step, () => sent.judge()));
  };
  for (const [i, step] of test.steps.entries()) {
    if (ctx.signal.aborted || ctx.health.halt) break;
    const missing = await missingCapabilities(step.requires ?? [], ctx);
    if (pending && step.needs?.includes(pending.step.id)) judgePending();
    const blocked =
      missing.length > 0
        ? unsupportedReason(missing, ctx)
        : blockedReason(needsOf(step, test.steps.slice(0, i)), (id) => statusById.get(id), scope.captures);
    if (blocked) {
      judgePending();
      record({
        id: step.id,
        name: step.name ?? step.id,
        status: 'skipped',
        checks: [],
        exchanges: [],
        durationMs: 0,
        skipReason: blocked,
      });
      continue;
    }
    const sending = sendStep(step, suite, scope, ctx);
    sending.catch(() => undefined); // awaited below; a bug in judging must not leave it unhandled
    if (pending) await nextTurn();
    judgePending();
    try {
      pending = { step, sent: await sending };
    } catch (err) {
      record(erroredByTemplate(step, err));
    }
    if (ctx.options.bail) {
      judgePending();
      const last = steps.at(-1);
      if (last && (last.status === 'failed' || last.status === 'errored')) break;
    }
  }
  return judgePending;
}

/**
 * undici writes a request on a kept-alive socket one event-loop turn after the last answer
 * (setImmediate): judging after a turn of our own lets the request just sent leave first.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The step's result, or errored when judging it met a template that cannot be rendered. */
function judgedOrErrored(step: StepSpec, judge: () => StepResult): StepResult {
  try {
    return judge();
  } catch (err) {
    return erroredByTemplate(step, err);
  }
}

/** A template that cannot be rendered is a suite problem for this step only; anything else is thrown on. */
function erroredByTemplate(step: StepSpec, err: unknown): StepResult {
  if (!(err instanceof Error) || err.name !== 'TemplateError') throw err;
  return {
    id: step.id,
    name: step.name ?? step.id,
    status: 'errored',
    checks: [],
    exchanges: [],
    durationMs: 0,
    error: { code: 'SUITE_TEMPLATE', message: err.message },
  };
}

function unsupportedReason(missing: string[], ctx: RunContext): string {
  if (ctx.options.groups === false && missing.includes('groups'))
    return 'groups are out of scope (--no-groups: Group Push and Import Groups are off)';
  return `server does not support ${missing.map((m) => `${m} (from ${capabilitySource(m)})`).join(', ')}`;
}

async function missingCapabilities(wanted: string[], ctx: RunContext): Promise<string[]> {
  if (wanted.length === 0) return [];
  // the user's own answer about groups needs no request to the server
  if (ctx.options.groups !== undefined && wanted.every((w) => w === 'groups'))
    return ctx.options.groups ? [] : ['groups'];
  const caps = await ctx.capabilities();
  return wanted.filter((w) => caps[w] === false);
}

const ORDER: StepStatus[] = ['errored', 'failed', 'warned', 'passed', 'skipped'];

export function worstOf(statuses: StepStatus[]): StepStatus {
  if (statuses.length === 0) return 'skipped';
  if (statuses.every((s) => s === 'skipped')) return 'skipped';
  for (const s of ORDER) if (statuses.includes(s)) return s === 'skipped' ? 'failed' : s;
  return 'passed';
}
