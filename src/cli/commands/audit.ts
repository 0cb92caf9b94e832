// `scim-check audit`: a read-only pre-cutover audit of every user and group of a tenant.
// Flags are checked and report files opened before the first request; the exit code
// follows `run`: 1 for any must-level finding, 2 usage, 3 transport.
import { Command, Option } from 'commander';
import { once } from 'node:events';
import { runAudit, type AuditOptions } from '../../audit/audit.js';
import { createProgressBar, wantsProgress } from '../../audit/progress.js';
import { parseRate } from '../../audit/rate-limiter.js';
import { AuditReportWriter, parseAuditReporters } from '../../audit/report/index.js';
import type { AuditResourceType } from '../../audit/types.js';
import { EXIT, ExitError, UsageError } from '../../errors.js';
import { loadProfile } from '../../profile/load.js';
import { Redactor } from '../../util/redact.js';
import { useColor } from '../color.js';
import { addTargetOptions, collect, parseHeaderFlags, positiveInt } from '../options.js';
import { resolveTarget, type Target, type TargetFlags } from '../target.js';

interface AuditFlags extends TargetFlags {
  reporter: string[];
  header: string[];
  profile: string;
  languageFormat: 'iso639-1' | 'bcp47';
  resources: string;
  pageSize: number;
  concurrency: number;
  rate?: string;
  maxResources?: number;
  maxExamples: number;
  maskPii?: boolean;
  progress: boolean;
  timeout: number;
  insecure?: boolean;
  ca?: string;
}

export function registerAudit(program: Command): void {
  const cmd = program
    .command('audit')
    .description('read every user and group of a tenant (GET only) and report what would break before a cutover to Okta');
  addTargetOptions(cmd);
  cmd
    .option('--reporter <name[:file]>', 'console (default), markdown, html, json (JSON Lines, streamed) or junit; repeatable; add :FILE, e.g. html:audit.html', collect, [])
    .option('--profile <name|file>', 'attribute profile every user is checked against', 'okta-minimum')
    .addOption(new Option('--language-format <format>', 'preferredLanguage format').choices(['iso639-1', 'bcp47']).default('iso639-1'))
    .option('--resources <list>', 'what to read: users, groups or users,groups', 'users,groups')
    .addOption(new Option('--page-size <n>', 'count per list request (Okta imports with 100)').default(100).argParser(positiveInt('--page-size')))
    .addOption(new Option('--concurrency <n>', 'list pages fetched at once').default(4).argParser(positiveInt('--concurrency')))
    .option('--rate <n/s>', 'at most this many requests per second, e.g. 10/s')
    .addOption(new Option('--max-resources <n>', 'read at most this many users (and groups)').argParser(positiveInt('--max-resources')))
    .addOption(new Option('--max-examples <n>', 'offending resources listed per rule in reports').default(50).argParser(positiveInt('--max-examples')))
    .option('--mask-pii', 'mask emails and names in every report')
    .option('--no-progress', 'no progress bar even on a terminal')
    .option('--header <header>', "extra request header 'Name: value' (repeatable)", collect, [])
    .option('--quirk <name>', 'embedded server only: switch on a deviation of the reference server (repeatable)', collect, [])
    .action(async (flags: AuditFlags) => {
      const code = await auditAndReport(flags);
      if (code !== EXIT.OK) throw new ExitError(code);
    });
}

export function parseResources(value: string): AuditResourceType[] {
  const out = new Set<AuditResourceType>();
  for (const part of value.split(',').map((p) => p.trim().toLowerCase())) {
    if (part === 'users' || part === 'user') out.add('User');
    else if (part === 'groups' || part === 'group') out.add('Group');
    else throw new UsageError(`--resources: expected users, groups or users,groups, got ${JSON.stringify(value)}`);
  }
  return [...out];
}

async function auditAndReport(flags: AuditFlags): Promise<number> {
  // everything that can be wrong with the flags fails here, before a request is sent
  const specs = parseAuditReporters(flags.reporter);
  const resources = parseResources(flags.resources);
  const ratePerSecond = flags.rate === undefined ? undefined : parseRate(flags.rate);
  const profile = loadProfile(flags.profile);
  const extraHeaders = parseHeaderFlags(flags.header ?? []);
  const interrupt = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => interrupt.abort(sig);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let target: Target | undefined;
  const redactor = new Redactor();
  const writer = new AuditReportWriter(specs, { maskPii: Boolean(flags.maskPii), redactor, color: useColor(), stdout: writeStdout });
  const progress = flags.progress && wantsProgress() ? createProgressBar() : undefined;
  try {
    target = await resolveTarget(flags);
    for (const secret of [target.token, ...Object.values(extraHeaders)]) redactor.add(secret);
    const sinks = await writer.open();
    const options = auditOptions(flags, target, { resources, ratePerSecond, profile, extraHeaders, sinks, signal: interrupt.signal });
    if (progress) options.onProgress = (p) => progress.update(p);
    const result = await runAudit(options);
    progress?.done();
    await writer.finish(result);
    return result.verdict === 'fail' ? EXIT.CHECK_FAILED : EXIT.OK;
  } catch (err) {
    progress?.done();
    await writer.abort();
    if (interrupt.signal.aborted) {
      process.stderr.write(`scim-check: audit interrupted (${String(interrupt.signal.reason)}); no report written\n`);
      return interrupt.signal.reason === 'SIGTERM' ? EXIT.SIGTERM : EXIT.SIGINT;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await target?.server?.close();
  }
}

type Resolved = Pick<AuditOptions, 'resources' | 'ratePerSecond' | 'profile' | 'extraHeaders' | 'sinks' | 'signal'>;

function auditOptions(flags: AuditFlags, target: Target, resolved: Resolved): AuditOptions {
  return {
    ...resolved,
    baseUrl: target.baseUrl,
    token: target.token,
    pageSize: flags.pageSize,
    concurrency: flags.concurrency,
    maxResources: flags.maxResources,
    languageFormat: flags.languageFormat,
    timeoutMs: flags.timeout,
    insecure: flags.insecure,
    caFile: flags.ca,
    maxExamples: flags.maxExamples,
  };
}

/** stdout with back-pressure, so streamed JSON Lines piped to a slow reader stay bounded. */
async function writeStdout(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}
