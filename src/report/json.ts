// Machine-readable report. The shape is RunResult itself, versioned by `format`,
// with the summary first so a reader (or `head`) sees the outcome immediately.
import type { RunResult } from '../runner/results.js';
import type { ReporterOptions } from './reporter.js';
import { verdictOf } from '../runner/verdict.js';

export const JSON_REPORT_FORMAT = 'scim-check-run/1';

export function renderJson(run: RunResult, _opts?: ReporterOptions): string {
  // Fixed key order for a stable diff between runs; nested data keeps the runner's order.
  const document = {
    format: JSON_REPORT_FORMAT,
    verdict: verdictOf(run),
    summary: run.summary,
    tool: run.tool,
    target: run.target,
    runId: run.runId,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    interrupted: run.interrupted,
    halted: run.halted,
    notices: run.notices,
    suites: run.suites,
    cleanup: run.cleanup,
  };
  return `${JSON.stringify(document, jsonSafe, 2)}\n`;
}

/** Response bodies are parsed JSON, but guard anyway: a BigInt would make stringify throw. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
