// `scim-check test-credentials`: exactly what Okta's "Test API Credentials" button
// sends, and whether it would go green. The quickest answer a vendor can get.
import { Command, Option } from 'commander';
import { addReporterOption, addTargetOptions, collect } from '../options.js';
import type { RunFlags } from '../run-flags.js';
import { EXIT, ExitError } from '../../errors.js';

export function registerTestCredentials(program: Command): void {
  const cmd = program
    .command('test-credentials')
    .description(
      'replay Okta\'s "Test API Credentials" probe (GET /Users?startIndex=1&count=2, then GET /Groups?startIndex=1&count=100 unless --no-groups)',
    );
  addTargetOptions(cmd);
  addReporterOption(cmd);
  cmd
    .option('--no-groups', 'skip the GET /Groups probe (Okta sends it only when group import or push is on)')
    .option('--header <header>', "extra request header 'Name: value' (repeatable)", collect)
    .option('--quirk <name>', 'embedded server only: switch on a deviation (repeatable)', collect)
    .addOption(new Option('--profile <name|file>').default('okta-minimum').hideHelp())
    .option('--verbose', 'console: show the request and response behind each failed check (redacted)')
    .option('--trace', 'console: show every request and response (redacted)')
    .action(async (flags: RunFlags & { groups: boolean }) => {
      const { resolveSuites } = await import('../../suite/discover.js');
      const { runAndReport } = await import('../run-and-report.js');
      // an exact replay: the groups probe is sent or not as the admin's settings say, never after asking /ResourceTypes
      const suites = resolveSuites(['okta/test-credentials'], { grep: flags.groups ? undefined : '^(?!.*groups)' });
      const code = await runAndReport(suites, {
        ...flags,
        reporter: flags.reporter ?? [],
        header: flags.header ?? [],
        tag: [],
        discoverSchemas: false,
      });
      if (code !== EXIT.OK) throw new ExitError(code);
    });
}
