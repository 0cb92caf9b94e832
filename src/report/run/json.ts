// Machine-readable report. The shape is RunResult itself, versioned by `format`,
// with the summary first so a reader (or `head`) sees the outcome immediately.
import type { RunResult, SuiteResult } from '../../model/run-result.js';
import type { RenderOptions } from '../reporter.js';
import { verdictOf } from '../../runner/verdict.js';
import { curlCommand, failingExchange } from '../curl.js';

export const JSON_REPORT_FORMAT = 'scim-check-run/1';

export function renderJson(run: RunResult, _opts?: RenderOptions): string {
  // Fixed key order for a stable diff between runs; nested data keeps the runner's order.
  const document = {
    format: JSON_REPORT_FORMAT,
    verdict: verdictOf(run),
    summary: run.summary,
    judgedFor: run.judgedFor,
    tool: run.tool,
    target: run.target,
    runId: run.runId,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    interrupted: run.interrupted,
    halted: run.halted,
    notices: run.notices,
    suites: withReproductions(run.suites),
    cleanup: run.cleanup,
  };
  return `${JSON.stringify(document, jsonSafe, 2)}\n`;
}

/** Every failed check gets `curl`: the request that failed it, with $SCIM_TOKEN for the token. */
function withReproductions(suites: SuiteResult[]): SuiteResult[] {
  return suites.map((suite) => ({
    ...suite,
    tests: suite.tests.map((test) => ({
      ...test,
      steps: test.steps.map((step) => {
        const exchange = failingExchange(step.exchanges);
        if (!exchange || step.checks.every((c) => c.passed)) return step;
        const curl = curlCommand(exchange);
        return { ...step, checks: step.checks.map((c) => (c.passed ? c : { ...c, curl })) };
      }),
    })),
  }));
}

/** Response bodies are parsed JSON, but guard anyway: a BigInt would make stringify throw. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
