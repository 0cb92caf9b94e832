// `scim-check validate-mapping`: check an Okta attribute mapping offline against
// the target's attribute profile, and show the SCIM payload it will produce.
// Heavy modules load only when the command runs, to keep --help and --version fast.
import { Command } from 'commander';
import { addReporterOption, languageFormatOption, usernameFormatOption } from '../options.js';
import { EXIT, ExitError } from '../../errors.js';
import { processIo } from '../../util/process-io.js';

interface ValidateFlags {
  mapping: string;
  appSchema?: string;
  userSchema?: string;
  profile: string;
  samples?: string;
  showPayload?: boolean;
  usernameFormat?: string;
  languageFormat?: 'iso639-1' | 'bcp47';
  reporter: string[];
}

export function registerValidateMapping(program: Command): void {
  const cmd = program
    .command('validate-mapping')
    .description(
      "validate an Okta attribute mapping (as Okta's API exports it) against a target attribute profile, offline",
    )
    .requiredOption(
      '--mapping <file>',
      'the mapping: GET /api/v1/mappings/{id} JSON, a Terraform okta_profile_mapping JSON export, or the compact YAML form',
    )
    .option('--app-schema <file>', 'the app user schema: GET /api/v1/meta/schemas/apps/{appId}/default')
    .option(
      '--user-schema <file>',
      'the Okta user schema (/api/v1/meta/schemas/user/default), to resolve source attributes',
    )
    .option(
      '--profile <name|file>',
      'attribute profile of the target (okta-minimum, eptura, eptura-engage, or a file)',
      'okta-minimum',
    )
    .option('--samples <file>', 'sample Okta user profiles (JSON or YAML, one or many) to render through the mapping')
    .option('--show-payload', 'print the SCIM POST /Users body each sample produces')
    .addOption(usernameFormatOption())
    .addOption(languageFormatOption());
  addReporterOption(cmd);
  cmd.action(async (flags: ValidateFlags) => {
    const code = await validateMappingAction(flags);
    if (code !== EXIT.OK) throw new ExitError(code);
  });
}

async function validateMappingAction(flags: ValidateFlags): Promise<number> {
  const { validateMapping, renderPayloads } = await import('../../mapping/index.js');
  const { openReporters, parseReporters } = await import('../../report/index.js');
  const { Redactor } = await import('../../util/redact.js');
  const { useColor } = await import('../color.js');
  const { toolVersion } = await import('../../util/version.js');
  const reporters = parseReporters(flags.reporter);
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const result = await validateMapping({
    mappingFile: flags.mapping,
    appSchemaFile: flags.appSchema,
    userSchemaFile: flags.userSchema,
    profile: flags.profile,
    samplesFile: flags.samples,
    usernameFormat: flags.usernameFormat,
    languageFormat: flags.languageFormat,
  });
  if (flags.showPayload) payloadStream(reporters).write(renderPayloads(result));
  const session = await openReporters(reporters, { redactor: new Redactor(), color: useColor() });
  await session.runStart({ command: 'validate-mapping', startedAt });
  for (const finding of result.findings) await session.finding(finding);
  await session.finish({
    command: 'validate-mapping',
    result: {
      ...result,
      tool: { name: 'scim-check', version: toolVersion() },
      startedAt,
      durationMs: Date.now() - started,
    },
  });
  return result.summary.must > 0 ? EXIT.CHECK_FAILED : EXIT.OK;
}

/** Payloads are text for a person: on stderr when a report that a program reads (json, junit, ...) holds stdout. */
function payloadStream(reporters: readonly { name: string; file?: string }[]): NodeJS.WriteStream {
  const machineOnStdout = reporters.some((r) => r.file === undefined && r.name !== 'console' && r.name !== 'github');
  return machineOnStdout ? processIo().stderr : processIo().stdout;
}
