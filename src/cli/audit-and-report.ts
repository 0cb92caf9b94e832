// `scim-check audit` after the flags are parsed: check them all before the first
// request, open the report files, read the tenant, write the reports.
import { runAudit, type AuditOptions } from '../audit/audit.js';
import { createProgressBar, wantsProgress } from '../audit/progress.js';
import { parseRate } from '../audit/rate-limiter.js';
import { maskFinding, maskResult } from '../audit/mask.js';
import type { AuditFinding, AuditResourceType } from '../model/audit-result.js';
import { openReporters, parseReporters } from '../report/index.js';
import { EXIT, UsageError } from '../errors.js';
import { loadProfile } from '../profile/load.js';
import { Redactor } from '../util/redact.js';
import { useColor } from './color.js';
import { readDeclaredSchemasFile } from '../schema/declared/index.js';
import { loadBaseline } from '../runner/baseline.js';
import { applyAuditBaseline } from '../audit/baseline.js';
import { parseHeaderFlags } from './options.js';
import { resolveTarget, type Target } from './target.js';
import type { AuditFlags } from './audit-flags.js';
import { processIo } from '../util/process-io.js';
import { interruptOnSignals } from './signals.js';

export function parseResources(value: string): AuditResourceType[] {
  const out = new Set<AuditResourceType>();
  for (const part of value.split(',').map((p) => p.trim().toLowerCase())) {
    if (part === 'users' || part === 'user') out.add('User');
    else if (part === 'groups' || part === 'group') out.add('Group');
    else throw new UsageError(`--resources: expected users, groups or users,groups, got ${JSON.stringify(value)}`);
  }
  return [...out];
}

export async function auditAndReport(flags: AuditFlags): Promise<number> {
  // everything that can be wrong with the flags fails here, before a request is sent
  const specs = parseReporters(flags.reporter);
  const resources = parseResources(flags.resources);
  const ratePerSecond = flags.rate === undefined ? undefined : parseRate(flags.rate);
  const profile = loadProfile(flags.profile);
  const extraHeaders = parseHeaderFlags(flags.header ?? []);
  const declaredSchemas = flags.schemas ? readDeclaredSchemasFile(flags.schemas).schemas : undefined; // bad file: exit 2, nothing sent
  const baseline = flags.baseline ? loadBaseline(flags.baseline) : undefined;
  let target: Target | undefined;
  const redactor = new Redactor();
  const mask = flags.maskPii ? maskFinding : (f: AuditFinding) => f;
  const session = await openReporters(specs, { redactor, color: useColor() });
  const progress = flags.progress && wantsProgress() ? createProgressBar() : undefined;
  const interrupt = interruptOnSignals({ givesUp: 'waiting for the requests in flight' });
  try {
    target = await resolveTarget(flags);
    for (const secret of [target.token, ...Object.values(extraHeaders)]) redactor.add(secret);
    await session.runStart({ command: 'audit', startedAt: new Date().toISOString() });
    const sinks = [(f: AuditFinding) => session.finding(mask(f))];
    const options = auditOptions(flags, target, {
      resources,
      ratePerSecond,
      profile,
      extraHeaders,
      sinks,
      signal: interrupt.signal,
      declaredSchemas,
    });
    if (progress) options.onProgress = (p) => progress.update(p);
    const result = await runAudit(options);
    if (baseline) applyAuditBaseline(result, baseline);
    progress?.done();
    await session.finish({ command: 'audit', result: flags.maskPii ? maskResult(result) : result });
    return result.verdict === 'fail' ? EXIT.CHECK_FAILED : EXIT.OK;
  } catch (err) {
    progress?.done();
    await session.abort();
    const interrupted = interrupt.exitCode();
    if (interrupted === undefined) throw err;
    processIo().stderr.write(`scim-check: audit interrupted (${String(interrupt.signal.reason)}); no report written\n`);
    return interrupted;
  } finally {
    interrupt.dispose();
    await target?.server?.close();
  }
}

type Resolved = Pick<
  AuditOptions,
  'resources' | 'ratePerSecond' | 'profile' | 'extraHeaders' | 'sinks' | 'signal' | 'declaredSchemas'
>;

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
