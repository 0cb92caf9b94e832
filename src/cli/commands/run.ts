// `scim-check run`: load and validate suites (nothing is sent if one is invalid),
// resolve the target, run, clean up, report, and turn the result into an exit code.
import { Command, Option } from 'commander';
import { resolveSuites } from '../../suite/discover.js';
import { runSuites } from '../../runner/run.js';
import type { RunResult } from '../../runner/results.js';
import type { SuiteSpec } from '../../suite/types.js';
import { addReporterOption, addTargetOptions, collect, parseHeaderFlags } from '../options.js';
import { resolveTarget, type TargetFlags } from '../target.js';
import { emitReports, parseReporters } from '../emit-reports.js';
import { loadProfile } from '../../profile/load.js';
import { EXIT, ExitError } from '../../errors.js';
import { interruptSignal } from '../signals.js';
import { applyBaselineFlags, preloadBaseline } from '../baseline-flags.js';
import { readDeclaredSchemasFile } from '../../schema/declared/index.js';

export interface RunFlags extends TargetFlags {
  reporter?: string[];
  header?: string[];
  bail?: boolean;
  grep?: string;
  tag?: string[];
  profile: string;
  languageFormat: 'iso639-1' | 'bcp47';
  timeout: number;
  baseline?: string;
  updateBaseline?: string;
  schemas?: string;
  insecure?: boolean;
  ca?: string;
}

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('run SCIM conformance suites against a server (the embedded reference server when no --base-url is given)')
    .argument('[suites...]', 'suite files, directories, bundled suite names (okta/provisioning) or tag:NAME; default: the bundled default set');
  addTargetOptions(cmd);
  addReporterOption(cmd);
  cmd
    .option('--header <header>', "extra request header 'Name: value' (repeatable)", collect)
    .option('--grep <pattern>', 'only tests whose name or id matches this regular expression')
    .option('--tag <tag>', 'only suites carrying this tag (repeatable)', collect)
    .option('--bail', 'stop at the first failed test (clean-up still runs)')
    .option('--profile <name|file>', 'attribute profile every returned User is checked against', 'okta-minimum')
    .addOption(new Option('--language-format <format>', 'preferredLanguage format').choices(['iso639-1', 'bcp47']).default('iso639-1'))
    .option('--quirk <name>', 'embedded server only: switch on a deviation of the reference server (repeatable)', collect)
    .option('--baseline <file>', 'accept the known deviations listed in this baseline file')
    .option('--update-baseline <file>', 'write the current must-level failures to this baseline file')
    .option('--schemas <file>', "the server's /Schemas and /ResourceTypes (JSON or YAML), when it does not publish them")
    .action(async (suites: string[], flags: RunFlags) => {
      const selected = resolveSuites(suites, { grep: flags.grep, tags: flags.tag });
      const code = await runAndReport(selected, flags);
      if (code !== EXIT.OK) throw new ExitError(code);
    });
}

export async function runAndReport(suites: SuiteSpec[], flags: RunFlags): Promise<number> {
  const reporters = parseReporters(flags.reporter);
  const profile = loadProfile(flags.profile);
  const extraHeaders = parseHeaderFlags(flags.header ?? []);
  const baseline = preloadBaseline(flags);
  if (flags.schemas) readDeclaredSchemasFile(flags.schemas); // a bad file costs no request (exit 2)
  const target = await resolveTarget(flags);
  const interrupt = interruptSignal();
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
        languageFormat: flags.languageFormat,
        declaredSchemasFile: flags.schemas,
      },
      { signal: interrupt.signal, secrets: Object.values(extraHeaders), insecure: flags.insecure, caFile: flags.ca },
    );
  } finally {
    interrupt.dispose();
    await target.server?.close();
  }
  await applyBaselineFlags(run, flags, baseline);
  await emitReports(run, reporters, [target.token, ...Object.values(extraHeaders)]);
  return exitCodeOf(run);
}

export function exitCodeOf(run: RunResult): number {
  if (run.interrupted === 'SIGINT') return EXIT.SIGINT;
  if (run.interrupted === 'SIGTERM') return EXIT.SIGTERM;
  const transport = run.suites.some((s) => s.tests.some((t) => t.steps.some((st) => st.status === 'errored' && st.error?.code.startsWith('SCIM_HTTP_'))));
  if (transport) return EXIT.TRANSPORT;
  return run.summary.mustFailures > 0 ? EXIT.CHECK_FAILED : EXIT.OK;
}
