// runSuites: the library entry point of `scim-check run`. Runs every test of every
// suite in order against one target, then removes what the run created, whatever
// happened (failures, timeouts, interruption), and returns a RunResult.
import { randomBytes } from 'node:crypto';
import type { SuiteSpec } from '../suite/types.js';
import type { CleanupRecord, RunResult, SuiteResult, TestResult } from '../model/run-result.js';
import type { RunContext, RunOptions } from './context.js';
import { HttpClient } from '../http/client.js';
import { Redactor } from '../util/redact.js';
import { ResourceLedger } from './cleanup.js';
import { runTest } from './run-test.js';
import { cleanUpFrom } from './clean-up-run.js';
import { capabilityReader } from './capabilities.js';
import { summarize } from './summary.js';
import { toolVersion } from '../util/version.js';
import { loadDeclaredSchemas } from './declared-checks.js';
import { DEFAULT_VERDICT } from '../model/audience.js';

export interface RunHooks {
  /** Called as each test starts (live progress on a terminal). */
  onTestStart?: (suite: SuiteSpec, test: import('../suite/types.js').TestSpec) => void;
  /** Called as each test ends (streaming reporters); awaited, so a slow output holds the run back. */
  onTestEnd?: (suite: SuiteSpec, test: TestResult) => void | Promise<void>;
  signal?: AbortSignal;
  /** Secrets beyond the token to redact (e.g. --header values). */
  secrets?: string[];
  insecure?: boolean;
  caFile?: string;
}

export async function runSuites(suites: SuiteSpec[], options: RunOptions, hooks: RunHooks = {}): Promise<RunResult> {
  const started = Date.now();
  const redactor = new Redactor();
  redactor.add(options.token);
  for (const s of hooks.secrets ?? []) redactor.add(s);
  const runId = randomBytes(3).toString('hex');
  const client = new HttpClient({ timeoutMs: options.timeoutMs, insecure: hooks.insecure, caFile: hooks.caFile, connections: 10 }); // steps run one at a time; only a `concurrent` step (at most 10) opens more than one
  const signal = hooks.signal ?? new AbortController().signal;
  const ctx: RunContext = {
    options,
    client,
    redactor,
    ledger: new ResourceLedger(),
    runId,
    prefix: `scimcheck-${runId}`,
    signal,
    capabilities: capabilityReader(client, options.baseUrl, options.token, options.groups === undefined ? {} : { groups: options.groups }),
    cleanupRecords: [],
  };
  const results: SuiteResult[] = [];
  const notices: RunResult['notices'] = [];
  let cleanup: CleanupRecord[];
  try {
    if (suites.length > 0 && !signal.aborted && options.discoverSchemas !== false) await loadDeclaredSchemas(ctx, notices);
    for (const suite of suites) {
      if (signal.aborted) break;
      results.push(await runOneSuite(suite, ctx, hooks));
    }
  } finally {
    // each test removes what it created when it ends; this catches anything left
    cleanup = [...ctx.cleanupRecords, ...(await cleanUpFrom(ctx, 0))];
    await client.close();
  }
  for (const c of cleanup.filter((r) => r.status === 'failed')) {
    notices.push({ level: 'warning', code: 'CLEANUP_FAILED', message: `could not remove ${c.type} ${c.id}: ${c.detail ?? 'unknown reason'}` });
  }
  return {
    tool: { name: 'scim-check', version: toolVersion() },
    target: { baseUrl: redactor.text(options.baseUrl), embedded: options.embedded },
    runId,
    judgedFor: options.verdict ?? DEFAULT_VERDICT,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    suites: results,
    cleanup,
    summary: summarize(results),
    notices,
    interrupted: signal.aborted ? (String(signal.reason) === 'SIGTERM' ? 'SIGTERM' : 'SIGINT') : undefined,
  };
}

async function runOneSuite(suite: SuiteSpec, ctx: RunContext, hooks: RunHooks): Promise<SuiteResult> {
  const started = performance.now();
  const out: SuiteResult = { name: suite.name, file: suite.file, description: suite.description, tags: suite.tags ?? [], tests: [], durationMs: 0 };
  for (const test of suite.tests) {
    if (ctx.signal.aborted) break;
    hooks.onTestStart?.(suite, test);
    const result = await runTest(test, suite, ctx);
    await hooks.onTestEnd?.(suite, result);
    out.tests.push(result);
    if (ctx.options.bail && (result.status === 'failed' || result.status === 'errored')) break;
  }
  out.durationMs = performance.now() - started;
  return out;
}
