// Flags shared by several commands, defined once.
import { UsageError } from '../errors.js';
import { Command, InvalidArgumentError, Option } from 'commander';

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Node timers overflow above 2^31-1 ms (and then fire at once): the largest --timeout that means what it says. */
export const MAX_TIMER_MS = 2_147_483_647;

export function positiveInt(flag: string, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0 || n > max)
      throw new InvalidArgumentError(`${flag} must be an integer from 1 to ${max}, got ${JSON.stringify(value)}`);
    return n;
  };
}

export function addTargetOptions(cmd: Command): Command {
  return cmd
    .option(
      '--base-url <url>',
      'SCIM base URL, e.g. https://api.example.com/scim/v2 (env SCIM_BASE_URL); omit to use the embedded reference server',
    )
    .option('--token-env <name>', 'read the bearer token from this environment variable (default SCIM_TOKEN)')
    .option('--token-file <path>', 'read the bearer token from a file')
    .option('--token <token>', 'the bearer token itself (least safe: visible in shell history and process lists)')
    .option('--allow-insecure-http', 'allow sending the token over plain http to a non-loopback host')
    .option('--insecure', 'do not verify TLS certificates')
    .option('--ca <file>', 'PEM file of extra certificate authorities to trust')
    .addOption(
      new Option('--timeout <ms>', 'per-request timeout in milliseconds (Okta gives up after 60000)')
        .default(60000)
        .argParser(positiveInt('--timeout', MAX_TIMER_MS)),
    );
}

export const REPORTER_HELP =
  'console (default), json, jsonl (streamed), junit, html, markdown, har or github; repeatable; add :FILE to write to a file, e.g. junit:reports/scim.xml';

export function addReporterOption(cmd: Command): Command {
  return cmd.option('--reporter <name[:file]>', REPORTER_HELP, collect);
}

export function parseHeaderFlags(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf(':');
    if (i <= 0) throw new UsageError(`--header must look like 'Name: value', got ${JSON.stringify(v)}`);
    out[v.slice(0, i).trim().toLowerCase()] = v.slice(i + 1).trim();
  }
  return out;
}

// How a mapping renders a user: validate-mapping and provision take the same two flags.
export const usernameFormatOption = (): Option =>
  new Option('--username-format <expression>', 'Sign On "Application username format" expression (default user.login)');
export const languageFormatOption = (): Option =>
  new Option('--language-format <format>', "preferredLanguage format (default: the profile's, else iso639-1)").choices([
    'iso639-1',
    'bcp47',
  ]);
