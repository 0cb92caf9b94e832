// `scim-check audit`: a read-only pre-cutover audit of every user and group of a tenant.
// Flags are checked and report files opened before the first request; the exit code
// follows `run`: 1 for any must-level finding, 2 usage, 3 transport.
// The audit machinery (src/cli/audit-and-report.ts) loads only when the command runs.
import { Command, Option } from 'commander';
import { EXIT, ExitError } from '../../errors.js';
import { addTargetOptions, collect, positiveInt, REPORTER_HELP } from '../options.js';
import type { AuditFlags } from '../audit-flags.js';

export function registerAudit(program: Command): void {
  const cmd = program
    .command('audit')
    .description(
      'read every user and group of a tenant (GET only) and report what would break before a cutover to Okta',
    );
  addTargetOptions(cmd);
  cmd
    .option('--reporter <name[:file]>', REPORTER_HELP, collect)
    .option('--profile <name|file>', 'attribute profile every user is checked against', 'okta-minimum')
    .addOption(
      new Option('--language-format <format>', 'preferredLanguage format')
        .choices(['iso639-1', 'bcp47'])
        .default('iso639-1'),
    )
    .option('--resources <list>', 'what to read: users, groups or users,groups', 'users,groups')
    .addOption(
      new Option('--page-size <n>', 'count per list request (Okta imports with 100)')
        .default(100)
        .argParser(positiveInt('--page-size', 10_000)),
    )
    .addOption(
      new Option('--concurrency <n>', 'list pages fetched at once')
        .default(4)
        .argParser(positiveInt('--concurrency', 64)),
    )
    .option('--rate <n/s>', 'at most this many requests per second, e.g. 10/s')
    .addOption(
      new Option('--max-resources <n>', 'read at most this many users (and groups)').argParser(
        positiveInt('--max-resources'),
      ),
    )
    .addOption(
      new Option('--max-examples <n>', 'offending resources listed per rule in reports')
        .default(50)
        .argParser(positiveInt('--max-examples')),
    )
    .option('--mask-pii', 'mask emails and names in every report')
    .option('--no-progress', 'no progress bar even on a terminal')
    .option('--header <header>', "extra request header 'Name: value' (repeatable)", collect)
    .option(
      '--quirk <name>',
      'embedded server only: switch on a deviation of the reference server (repeatable)',
      collect,
    )
    .option('--schemas <file>', "the server's /Schemas (JSON or YAML), when it does not publish them, as for run")
    .option(
      '--baseline <file>',
      'accept known findings: entries with suite: audit (or no suite) name rule codes, as for run',
    )
    .action(async (flags: AuditFlags) => {
      const { auditAndReport } = await import('../audit-and-report.js');
      const code = await auditAndReport(flags);
      if (code !== EXIT.OK) throw new ExitError(code);
    });
}
