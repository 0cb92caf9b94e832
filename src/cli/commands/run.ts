// `scim-check run`: load and validate suites (nothing is sent if one is invalid),
// resolve the target, run, clean up, report, and turn the result into an exit code
// (src/cli/run-and-report.ts).
import { Command, Option } from 'commander';
import { addReporterOption, addTargetOptions, collect } from '../options.js';
import type { RunFlags } from '../run-flags.js';
import { EXIT, ExitError } from '../../errors.js';
import type { SuiteSpec } from '../../suite/types.js';
import { processIo } from '../../util/process-io.js';

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description(
      'run SCIM conformance suites against a server (the embedded reference server when no --base-url is given)',
    )
    .argument(
      '[suites...]',
      'suite files, directories, bundled suite names (okta/provisioning) or tag:NAME; default: the bundled default set',
    );
  addTargetOptions(cmd);
  addReporterOption(cmd);
  cmd
    .option('--header <header>', "extra request header 'Name: value' (repeatable)", collect)
    .option('--grep <pattern>', 'only tests whose name or id matches this regular expression')
    .option('--tag <tag>', 'only suites carrying this tag (repeatable)', collect)
    .option('--bail', 'stop at the first failed test (clean-up still runs)')
    .option(
      '--for <audiences>',
      'judge for okta, rfc or okta,rfc: checks outside it still run and count as warnings (default okta)',
    )
    .option(
      '--okta <integration>',
      'which Okta integration: test-app (the catalogue SCIM 2.0 Test App) or oin (OIN submission tests); default test-app',
    )
    .option(
      '--no-groups',
      'groups are not in scope (Group Push and Import Groups off): tests that need groups are skipped',
    )
    .option('--profile <name|file>', 'attribute profile every returned User is checked against', 'okta-minimum')
    .addOption(
      new Option(
        '--language-format <format>',
        "how preferredLanguage is judged (default: the profile's; okta-minimum: any valid language tag)",
      ).choices(['iso639-1', 'bcp47']),
    )
    .option(
      '--quirk <name>',
      'embedded server only: switch on a deviation of the reference server (repeatable)',
      collect,
    )
    .option('--baseline <file>', 'accept the known deviations listed in this baseline file')
    .option('--update-baseline <file>', 'write the current must-level failures to this baseline file')
    .option(
      '--schemas <file>',
      "the server's /Schemas and /ResourceTypes (JSON or YAML), when it does not publish them",
    )
    .option('--verbose', 'console: show the request and response behind each failed check (redacted)')
    .option('--trace', 'console: show every request and response (redacted)')
    .option('--quiet', 'console: print only failures and errors, then the verdict (and where reports went)')
    .option(
      '--rerun-failed <report.json>',
      'run only the tests that failed or errored in this JSON report (suite arguments are ignored)',
    )
    .action(async (suites: string[], flags: RunFlags) => {
      // the run machinery loads only when a run happens: --help and --version stay fast
      const { resolveSuites } = await import('../../suite/discover.js');
      const { runAndReport } = await import('../run-and-report.js');
      const { applyVars, parseVarFlags } = await import('../../config/vars.js');
      const flagVars = parseVarFlags(flags.var ?? []);
      let chosen: SuiteSpec[];
      if (flags.rerunFailed) {
        const { readFailedTests, keepFailed } = await import('../rerun-failed.js');
        const failed = readFailedTests(flags.rerunFailed);
        chosen = failed.files.length
          ? keepFailed(resolveSuites(failed.files, { grep: flags.grep, tags: flags.tag }), failed)
          : [];
        if (chosen.length === 0) {
          processIo().stderr.write(
            `scim-check: nothing to re-run: no failed or errored test in ${flags.rerunFailed}\n`,
          );
          return;
        }
      } else chosen = resolveSuites(suites, { grep: flags.grep, tags: flags.tag });
      const selected = applyVars(chosen, flags.configVars ?? {}, flagVars);
      // --no-groups says groups are out of scope; without it, /ResourceTypes decides
      const code = await runAndReport(selected, { ...flags, groups: flags.groups === false ? false : undefined });
      if (code !== EXIT.OK) throw new ExitError(code);
    });
}
