// Runs bundled suites in-process (the real runner, real HTTP) against a reference
// server started on 127.0.0.1:0, for the table-driven quirk proofs.
import { startServer, type RunningServer, type SeedOptions } from '../../src/server/index.js';
import { resolveSuites } from '../../src/suite/discover.js';
import { runSuites } from '../../src/runner/run.js';
import { loadProfile } from '../../src/profile/load.js';
import type { SuiteSpec } from '../../src/suite/types.js';
import type { RunResult, CheckResult } from '../../src/model/run-result.js';
import type { RunOptions } from '../../src/runner/context.js';
import type { VerdictChoice } from '../../src/model/audience.js';
import { languageFormatFor } from '../../src/profile/language-format.js';

/** Runs suites (selectors as on the command line) against any target with test defaults. */
export async function runSuitesAt(
  target: { baseUrl: string; token: string },
  selectors: string[],
  overrides: Partial<RunOptions> = {},
): Promise<RunResult> {
  return runLoadedAt(target, resolveSuites(selectors, {}), overrides);
}

/** Runs suites already loaded (e.g. from a test's own text) against any target with test defaults. */
export async function runLoadedAt(
  target: { baseUrl: string; token: string },
  suites: SuiteSpec[],
  overrides: Partial<RunOptions> = {},
): Promise<RunResult> {
  return runSuites(suites, {
    baseUrl: target.baseUrl,
    token: target.token,
    embedded: false,
    timeoutMs: 10_000,
    bail: false,
    extraHeaders: {},
    profile: loadProfile('okta-minimum'),
    languageFormat: 'bcp47',
    ...overrides,
  });
}

export interface SuiteRun {
  run: RunResult;
  server: RunningServer;
  snapshotBefore: string;
  snapshotAfter: string;
  /** Each Retry-After wait the runner asked for (ms): injected, so no proof waits real seconds. */
  waits: number[];
}

export async function runAgainstServer(
  suites: string[],
  opts: {
    quirks?: string[];
    profile?: string;
    languageFormat?: 'iso639-1' | 'bcp47';
    seed?: SeedOptions;
    verdict?: VerdictChoice;
  } = {},
): Promise<SuiteRun> {
  const server = await startServer({ port: 0, quirks: opts.quirks ?? [], seed: opts.seed });
  const waits: number[] = [];
  try {
    const snapshotBefore = server.store.snapshot();
    const profile = loadProfile(opts.profile ?? 'okta-minimum');
    const run = await runSuitesAt(server, suites, {
      profile,
      languageFormat: languageFormatFor(profile, opts.languageFormat),
      ...(opts.verdict ? { verdict: opts.verdict } : {}),
      retry: { sleep: (ms) => Promise.resolve(void waits.push(ms)) },
    });
    return { run, server, snapshotBefore, snapshotAfter: server.store.snapshot(), waits };
  } finally {
    await server.close();
  }
}

export function allChecks(run: RunResult): CheckResult[] {
  return run.suites.flatMap((s) => s.tests.flatMap((t) => t.steps.flatMap((st) => st.checks)));
}

export function failedCodes(run: RunResult): string[] {
  return [
    ...new Set(
      allChecks(run)
        .filter((c) => !c.passed)
        .map((c) => c.code),
    ),
  ].sort();
}

export function erroredSteps(run: RunResult): string[] {
  return run.suites.flatMap((s) =>
    s.tests.flatMap((t) =>
      t.steps
        .filter((st) => st.status === 'errored')
        .map((st) => `${s.name}/${t.id}/${st.id}: ${st.error?.code} ${st.error?.message}`),
    ),
  );
}
