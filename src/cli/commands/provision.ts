// `scim-check provision`: push real Okta users through the mapping, offline (--dry-run or
// no --base-url) or against a staging target, and report what the server refuses or changes.
// The machinery (src/cli/provision-and-report.ts) loads only when the command runs.
import { Command, Option } from 'commander';
import { EXIT, ExitError } from '../../errors.js';
import { addTargetOptions, collect, languageFormatOption, positiveInt, usernameFormatOption } from '../options.js';
import type { ProvisionFlags } from '../provision-flags.js';

export function registerProvision(program: Command): void {
  const cmd = program
    .command('provision')
    .description(
      "dry-run a cutover: build the SCIM body Okta would send for each user of an Okta export, and (with --base-url) replay Okta's create flow against staging",
    )
    .requiredOption(
      '--users <file>',
      "Okta users: the admin console's CSV export, or Users API JSON (GET /api/v1/users); repeatable",
      collect,
    )
    .requiredOption('--mapping <file>', 'the Okta-to-app mapping (as validate-mapping reads it)')
    .option('--app-schema <file>', 'the app user schema (GET /api/v1/meta/schemas/apps/{appId}/default)')
    .option('--user-schema <file>', 'the Okta user schema, to resolve source attributes')
    .option('--profile <name|file>', 'attribute profile every payload is checked against', 'okta-minimum')
    .addOption(usernameFormatOption())
    .addOption(languageFormatOption())
    .addOption(
      new Option(
        '--csv-empty <meaning>',
        'what an empty CSV cell is: never set (null: Okta leaves the attribute out) or an empty string',
      )
        .choices(['null', 'empty-string'])
        .default('null'),
    )
    .addOption(new Option('--limit <n>', 'only the first N users of the export').argParser(positiveInt('--limit')))
    .addOption(new Option('--sample <n>', 'N users picked at random (see --seed)').argParser(positiveInt('--sample')))
    .addOption(
      new Option('--seed <n>', 'seed of --sample, to pick the same users again')
        .default(1)
        .argParser(positiveInt('--seed')),
    )
    .option('--dry-run', 'build and check the payloads only; with --base-url, only its /Schemas are read');
  addTargetOptions(cmd);
  cmd
    .addOption(
      new Option('--concurrency <n>', 'users replayed at once').default(4).argParser(positiveInt('--concurrency')),
    )
    .option('--rate <n/s>', 'at most this many requests per second, e.g. 10/s')
    .addOption(
      new Option('--max-examples <n>', 'users listed per finding in reports')
        .default(20)
        .argParser(positiveInt('--max-examples')),
    )
    .option('--mask-pii', 'mask names, emails, phones and addresses in every report')
    .option('--no-progress', 'no progress line even on a terminal')
    .option(
      '--reporter <name[:file]>',
      'console (default), json, jsonl, junit, html, markdown, har or github; repeatable; add :FILE, e.g. html:cutover.html',
      collect,
    )
    .option('--header <header>', "extra request header 'Name: value' (repeatable)", collect)
    .action(async (flags: ProvisionFlags) => {
      const { provisionAndReport } = await import('../provision-and-report.js');
      const code = await provisionAndReport(flags);
      if (code !== EXIT.OK) throw new ExitError(code);
    });
}
