// Shared by `run` and `test-credentials`: everything after the suites are chosen.
import { runSuites } from '../runner/run.js';
import type { RunResult } from '../model/run-result.js';
import type { SuiteSpec } from '../suite/types.js';
import { parseHeaderFlags } from './options.js';
import { resolveTarget } from './target.js';
import { openReporters, parseReporters } from '../report/index.js';
import { Redactor } from '../util/redact.js';
import { useColor } from './color.js';
import { loadProfile } from '../profile/load.js';
import { verdictOf } from '../runner/verdict.js';
import { interruptOnSignals } from './signals.js';
import { createRunProgress } from './run-progress.js';
import { wantsProgress } from '../util/terminal.js';
import { applyBaselineFlags, preloadBaseline } from './baseline-flags.js';
import { readDeclaredSchemasFile } from '../schema/declared/index.js';
import type { RunFlags } from './run-flags.js';
import { parseVerdictFlags } from '../audience/verdict-flags.js';
import { languageFormatFor } from '../profile/language-format.js';
import { processIo } from '../util/process-io.js';

export async function runAndReport(suites: SuiteSpec[], flags: RunFlags): Promise<number> {
  const reporters = parseReporters(flags.reporter);
  const verdict = parseVerdictFlags(flags.for, flags.okta);
  const profile = loadProfile(flags.profile);
  const extraHeaders = parseHeaderFlags(flags.header ?? []);
  const baseline = preloadBaseline(flags);
  // read once, here: a bad file costs no request (exit 2)
  const declaredSchemas = flags.schemas
    ? { file: flags.schemas, model: readDeclaredSchemasFile(flags.schemas) }
    : undefined;
  const redactor = new Redactor();
  const session = await openReporters(reporters, {
    redactor,
    color: useColor(),
    exchanges: flags.trace ? 'all' : flags.verbose ? 'failures' : undefined,
    quiet: flags.quiet,
    streamTests: !processIo().stdout.isTTY,
  });
  let target;
  try {
    const tests = suites.reduce((n, s) => n + s.tests.length, 0);
    await session.runStart({ command: 'run', startedAt: new Date().toISOString(), tests });
    target = await resolveTarget(flags);
  } catch (err) {
    await session.abort();
    throw err;
  }
  for (const secret of [target.token, ...Object.values(extraHeaders)]) redactor.add(secret);
  const interrupt = interruptOnSignals({
    first: (sig) => `${sig} received: cleaning up what this run created...`,
    givesUp: 'finishing clean-up',
  });
  const progress = wantsProgress() ? createRunProgress(suites.reduce((n, s) => n + s.tests.length, 0)) : undefined;
  let run: RunResult;
  try {
    run = await runSuites(
      suites,
      {
        baseUrl: target.baseUrl,
        token: target.token,
        embedded: target.embedded,
        timeoutMs: flags.timeout,
        bail: Boolean(flags.bail),
        extraHeaders,
        profile,
        languageFormat: languageFormatFor(profile, flags.languageFormat),
        declaredSchemas,
        discoverSchemas: flags.discoverSchemas,
        verdict,
        groups: flags.groups,
      },
      {
        signal: interrupt.signal,
        secrets: Object.values(extraHeaders),
        insecure: flags.insecure,
        caFile: flags.ca,
        onTestStart: progress ? (suite, test) => progress.testStarted(suite, test) : undefined,
        onTestEnd: (suite, test) => session.testEnd(suite, test),
      },
    );
  } catch (err) {
    await session.abort();
    throw err;
  } finally {
    progress?.done();
    interrupt.dispose();
    await target.server?.close();
  }
  try {
    await applyBaselineFlags(run, flags, baseline);
  } catch (err) {
    await session.abort();
    throw err;
  }
  await session.finish({ command: 'run', result: run });
  // When every report went to a file, the terminal still gets the verdict and where to look; with
  // --quiet the console printed only the failures, and this closes it the same way.
  const quietConsole = flags.quiet && reporters.some((s) => s.name === 'console' && s.file === undefined);
  if (quietConsole || reporters.every((s) => s.file !== undefined)) {
    const files = reporters.filter((s) => s.file !== undefined).map((s) => `${s.name} report: ${s.file}`);
    processIo().stdout.write(redactor.text(`${[...files, verdictOf(run).line].join('\n')}\n`));
  }
  return exitCodeOf(run);
}

/** The exit code is the verdict's: the same computation as the console's last line and the reports. */
export function exitCodeOf(run: RunResult): number {
  return verdictOf(run).exitCode;
}
