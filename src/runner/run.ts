// runSuites: the library entry point of `scim-check run`. Runs every test of every
// suite in order against one target, then removes what the run created, whatever
// happened (failures, timeouts, interruption), and returns a RunResult.
import { createRunInfo } from '../suite/run-info.js';
import type { SuiteSpec } from '../suite/types.js';
import type { CleanupRecord, RunResult, SuiteResult, TestResult } from '../model/run-result.js';
import type { RunContext, RunOptions } from './context.js';
import { HttpClient } from '../http/client.js';
import { Redactor } from '../util/redact.js';
import { ResourceLedger } from './cleanup.js';
import { runTest } from './run-test.js';
import { cleanUpFrom } from './clean-up-run.js';
import { capabilityReader } from './capabilities.js';
import { discoveryReader } from './discovery.js';
import { summarize } from './summary.js';
import { toolVersion } from '../util/version.js';
import { loadDeclaredSchemas } from './declared-checks.js';
import { TargetHealth, watchedBy, type Halt } from './target-health.js';
import { probeTarget } from './probe.js';
import { findLeftovers, removeLeftovers } from './sweep.js';
import { DEFAULT_RETRY } from './retry.js';
import { TransportError } from '../errors.js';
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
  const { id: runId, prefix } = createRunInfo();
  const client = new HttpClient({
    timeoutMs: options.timeoutMs,
    insecure: hooks.insecure,
    caFile: hooks.caFile,
    connections: 10,
  }); // steps run one at a time; only a `concurrent` step (at most 10) opens more than one
  const signal = hooks.signal ?? new AbortController().signal;
  const health = new TargetHealth();
  // one GET per discovery path per run, shared by capabilities and declared schemas
  const discovery = discoveryReader(
    watchedBy(client, health),
    options.baseUrl,
    options.token,
    options.extraHeaders,
    signal,
  );
  const ctx: RunContext = {
    options,
    client,
    redactor,
    ledger: new ResourceLedger(),
    runId,
    prefix,
    signal,
    discovery,
    capabilities: capabilityReader(discovery, options.groups === undefined ? {} : { groups: options.groups }),
    health,
    uncertainWrites: 0,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    cleanupRecords: [],
  };
  const results: SuiteResult[] = [];
  const notices: RunResult['notices'] = [];
  let cleanup: CleanupRecord[];
  try {
    // test-credentials replays Okta's requests exactly: its first step is the probe
    if (suites.length > 0 && !signal.aborted && options.discoverSchemas !== false) await probeTarget(ctx);
    if (suites.length > 0 && !signal.aborted && options.discoverSchemas !== false)
      await loadDeclaredSchemas(ctx, notices);
    for (const suite of suites) {
      if (signal.aborted || haltOf(ctx)) break;
      results.push(await runOneSuite(suite, ctx, hooks));
    }
  } finally {
    // each test removes what it created when it ends; this catches anything left
    cleanup = [...ctx.cleanupRecords, ...(await cleanUpFrom(ctx, 0))];
    cleanup.push(...(await sweepRunPrefix(ctx, notices)));
    await client.close();
  }
  const halted = signal.aborted ? undefined : haltOf(ctx);
  if (halted) listNotRun(suites, results, halted);
  const retried = results.flatMap((su) =>
    su.tests.flatMap((t) => t.steps.flatMap((st) => st.exchanges.filter((e) => e.retries?.length))),
  );
  if (retried.length > 0) {
    const waits = retried.flatMap((e) => e.retries!);
    notices.push({
      level: 'info',
      code: 'RETRIED',
      message: `${retried.length} request(s) sent again after ${[...new Set(waits.map((w) => w.status))].join('/')} (Retry-After honoured; waited ${waits.reduce((n, w) => n + w.waitedMs, 0)} ms in all; POST and PATCH only after a 429)`,
    });
  }
  const failedRemovals = cleanup.filter((r) => r.status === 'failed');
  for (const c of failedRemovals) {
    notices.push({
      level: 'warning',
      code: 'CLEANUP_FAILED',
      message: `could not remove ${c.type} ${c.id}: ${c.detail ?? 'unknown reason'}`,
    });
  }
  if (failedRemovals.length > 0 || (ctx.uncertainWrites > 0 && ctx.health.halt?.code === 'TARGET_UNRESPONSIVE')) {
    notices.push({
      level: 'info',
      code: 'SWEEP_LATER',
      message: `remove the leftovers later with: scim-check sweep --base-url ${redactor.text(options.baseUrl)} --prefix ${ctx.prefix} --yes`,
    });
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
    halted,
  };
}

async function runOneSuite(suite: SuiteSpec, ctx: RunContext, hooks: RunHooks): Promise<SuiteResult> {
  const started = performance.now();
  const out: SuiteResult = {
    name: suite.name,
    file: suite.file,
    description: suite.description,
    tags: suite.tags ?? [],
    tests: [],
    durationMs: 0,
  };
  for (const test of suite.tests) {
    if (ctx.signal.aborted || haltOf(ctx)) break;
    hooks.onTestStart?.(suite, test);
    const result = await runTest(test, suite, ctx);
    await hooks.onTestEnd?.(suite, result);
    out.tests.push(result);
    if (ctx.options.bail && (result.status === 'failed' || result.status === 'errored')) {
      ctx.halt = { code: 'BAIL', message: `--bail: stopped after "${test.name}" ${result.status}` };
    }
  }
  out.durationMs = performance.now() - started;
  return out;
}

/**
 * A write that timed out or broke mid-response may still have created its resource,
 * unknown to the ledger. Then the run looks for its own prefix and removes what it finds.
 */
async function sweepRunPrefix(ctx: RunContext, notices: RunResult['notices']): Promise<CleanupRecord[]> {
  if (ctx.uncertainWrites === 0 || ctx.health.halt?.code === 'TARGET_UNRESPONSIVE') return [];
  const target = {
    client: ctx.client,
    baseUrl: ctx.options.baseUrl,
    headers: {
      accept: 'application/scim+json',
      ...ctx.options.extraHeaders,
      authorization: `Bearer ${ctx.options.token}`,
    },
  };
  try {
    const found = await findLeftovers(target, ctx.prefix);
    const records = await removeLeftovers(target, found);
    return records.map((r) => ({ ...r, id: ctx.redactor.text(r.id), detail: r.detail && ctx.redactor.text(r.detail) }));
  } catch (err) {
    if (!(err instanceof TransportError)) throw err;
    notices.push({
      level: 'warning',
      code: 'SWEEP_FAILED',
      message: ctx.redactor.text(`could not look for resources carrying ${ctx.prefix}: ${err.message}`),
    });
    return [];
  }
}

/** Why the run stops early, if it does: --bail first, then the target's health. */
export function haltOf(ctx: RunContext): Halt | undefined {
  return ctx.halt ?? ctx.health.halt;
}

/** Every test the halted run did not reach is listed as skipped, with the reason. */
function listNotRun(suites: SuiteSpec[], results: SuiteResult[], halt: Halt): void {
  const reason = `not run: ${halt.message}`;
  suites.forEach((suite, i) => {
    const done = results[i] ?? {
      name: suite.name,
      file: suite.file,
      description: suite.description,
      tags: suite.tags ?? [],
      tests: [],
      durationMs: 0,
    };
    results[i] = done;
    for (const test of suite.tests.slice(done.tests.length)) {
      done.tests.push({
        name: test.name,
        id: test.id ?? test.name,
        status: 'skipped',
        skipReason: reason,
        steps: [],
        durationMs: 0,
      });
    }
  });
}
