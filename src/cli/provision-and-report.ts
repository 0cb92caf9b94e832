// `scim-check provision` after the flags are parsed: check every flag before the first
// request, run, mask (--mask-pii), redact the token and placeholder password, report.
import { createProgressBar, wantsProgress } from '../audit/progress.js';
import { parseRate } from '../audit/rate-limiter.js';
import { useColor } from './color.js';
import type { ProvisionFlags } from './provision-flags.js';
import { parseHeaderFlags } from './options.js';
import { resolveTarget, type Target } from './target.js';
import { EXIT, UsageError } from '../errors.js';
import { Redactor } from '../util/redact.js';
import { PiiMasker } from '../provision/mask.js';
import { readOktaUserFiles } from '../provision/read-users.js';
import { runProvision, type ProvisionTarget } from '../provision/run-provision.js';
import { openReporters, parseReporters } from '../report/index.js';
import { processIo } from '../util/process-io.js';
import { interruptOnSignals } from './signals.js';

export async function provisionAndReport(
  flags: ProvisionFlags,
  env: NodeJS.ProcessEnv = processIo().env,
): Promise<number> {
  const specs = parseReporters(flags.reporter, env);
  if (flags.limit !== undefined && flags.sample !== undefined) throw new UsageError('--limit and --sample: choose one');
  const ratePerSecond = flags.rate === undefined ? undefined : parseRate(flags.rate);
  const extraHeaders = parseHeaderFlags(flags.header ?? []);
  const redactor = new Redactor();
  // every output is opened now: a bad report path fails before a request is sent
  const session = await openReporters(specs, { redactor, color: useColor() });
  const interrupt = interruptOnSignals({ givesUp: 'waiting for the requests in flight and writing the report' });
  const progress = flags.progress && wantsProgress() ? createProgressBar() : undefined;
  let target: Target | undefined;
  try {
    // no target at all means offline: provision never starts the embedded server by itself
    if (flags.baseUrl ?? env.SCIM_BASE_URL) target = await resolveTarget(flags, env);
    for (const secret of [target?.token, ...Object.values(extraHeaders)]) redactor.add(secret);
    await session.runStart({ command: 'provision', startedAt: new Date().toISOString() });
    const result = await runProvision({
      usersFiles: flags.users,
      mappingFile: flags.mapping,
      appSchemaFile: flags.appSchema,
      userSchemaFile: flags.userSchema,
      profile: flags.profile,
      usernameFormat: flags.usernameFormat,
      languageFormat: flags.languageFormat,
      csvEmpty: flags.csvEmpty,
      limit: flags.limit,
      sample: flags.sample,
      seed: flags.seed,
      target: target ? provisionTarget(target, flags, extraHeaders) : undefined,
      dryRun: Boolean(flags.dryRun),
      concurrency: flags.concurrency,
      ratePerSecond,
      maxExamples: flags.maxExamples,
      signal: interrupt.signal,
      onProgress: progress ? (read, total) => progress.update({ resourceType: 'User', read, total }) : undefined,
      onSecret: (s) => redactor.add(s),
    });
    progress?.done();
    let shown = result;
    if (flags.maskPii) {
      const masker = new PiiMasker();
      // values of the export that never reach a payload (a second email, a phone) are masked too
      for (const u of readOktaUserFiles(flags.users, { csvEmpty: flags.csvEmpty })) masker.addProfile(u.profile);
      shown = masker.result(result);
    }
    await session.finish({ command: 'provision', result: shown });
    const interrupted = interrupt.exitCode();
    if (interrupted !== undefined) return interrupted;
    return result.verdict === 'fail' ? EXIT.CHECK_FAILED : EXIT.OK;
  } catch (err) {
    progress?.done();
    await session.abort();
    const interrupted = interrupt.exitCode();
    if (interrupted !== undefined) {
      processIo().stderr.write(
        `scim-check: provision interrupted (${String(interrupt.signal.reason)}); no report written\n`,
      );
      return interrupted;
    }
    if (err instanceof Error) err.message = redactor.text(err.message);
    throw err;
  } finally {
    interrupt.dispose();
    await target?.server?.close();
  }
}

function provisionTarget(target: Target, flags: ProvisionFlags, extraHeaders: Record<string, string>): ProvisionTarget {
  return {
    baseUrl: target.baseUrl,
    token: target.token,
    timeoutMs: flags.timeout,
    insecure: flags.insecure,
    caFile: flags.ca,
    extraHeaders,
  };
}
