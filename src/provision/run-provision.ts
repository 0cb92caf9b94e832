// `runProvision`: read the export, build each user's SCIM body through the mapping, check
// it offline (and against the server's /Schemas), then, unless it is a dry run, replay
// Okta's create flow per user with bounded concurrency and rate. Nothing stays behind.
import { randomBytes } from 'node:crypto';
import { DEFAULT_RETRY_POLICY, type FetchContext } from '../audit/fetch-with-retry.js';
import { RateLimiter } from '../audit/rate-limiter.js';
import { loadServerSchemas } from '../audit/load-server-schemas.js';
import { checkConformance } from '../schema/declared/resource-conformance.js';
import type { DeclaredModel } from '../schema/declared/types.js';
import { HttpClient } from '../http/client.js';
import { prepareMapping } from '../mapping/validate-mapping.js';
import type { LanguageFormat } from '../mapping/types.js';
import type { CleanupRecord } from '../model/run-result.js';
import { createRunInfo } from '../suite/template.js';
import { toolVersion } from '../util/version.js';
import { buildUser, type BuiltUser } from './build-payloads.js';
import { groupFindings, groupNotEvaluated } from './group-findings.js';
import { OKTA_HEADERS, type OktaHttp } from './okta-http.js';
import { readOktaUserFiles, type CsvEmpty } from './read-users.js';
import { bodyToSend, replayUser } from './replay-user.js';
import { findLeftovers, removeLeftovers } from '../runner/sweep.js';
import { TransportError } from '../errors.js';
import { selectUsers } from './select-users.js';
import type { CleanupSummary, Outcome, ProvisionResult, Severity } from './types.js';

export interface ProvisionTarget {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  insecure?: boolean;
  caFile?: string;
  extraHeaders?: Record<string, string>;
}

export interface ProvisionOptions {
  usersFiles: string[];
  mappingFile: string;
  appSchemaFile?: string;
  userSchemaFile?: string;
  profile: string;
  usernameFormat?: string;
  languageFormat?: LanguageFormat;
  csvEmpty?: CsvEmpty;
  limit?: number;
  sample?: number;
  seed?: number;
  /** With a target and without dryRun, users are created (and removed again). */
  target?: ProvisionTarget;
  dryRun: boolean;
  concurrency: number;
  ratePerSecond?: number;
  maxExamples: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Told every secret the run makes up (the placeholder password), for redaction. */
  onSecret?: (secret: string) => void;
}

export async function runProvision(opts: ProvisionOptions): Promise<ProvisionResult> {
  const started = Date.now();
  const prepared = prepareMapping({
    mappingFile: opts.mappingFile,
    appSchemaFile: opts.appSchemaFile,
    userSchemaFile: opts.userSchemaFile,
    profile: opts.profile,
    usernameFormat: opts.usernameFormat,
    languageFormat: opts.languageFormat,
  });
  const all = readOktaUserFiles(opts.usersFiles, { csvEmpty: opts.csvEmpty });
  const selection = selectUsers(all, { limit: opts.limit, sample: opts.sample, seed: opts.seed });
  const built = selection.users.map((u) => buildUser(prepared, u));
  const replay = Boolean(opts.target && !opts.dryRun);
  let serverSchemas: DeclaredModel | undefined;
  let cleanup: CleanupSummary | undefined;
  let prefix: string | undefined;
  if (opts.target) {
    const http = openHttp(opts.target, opts, replay);
    try {
      serverSchemas = await loadServerSchemas(http.fetch, http.baseUrl);
      if (serverSchemas) for (const b of built) addSchemaFindings(b, serverSchemas);
      if (replay) {
        prefix = createRunInfo().prefix;
        cleanup = await replayAll(http, built, prefix, opts);
      }
    } finally {
      await http.fetch.client.close();
    }
  }
  return buildResult(opts, prepared, built, {
    started,
    read: all.length,
    selection: selection.description,
    prefix,
    cleanup,
    serverSchemas: opts.target ? (serverSchemas ? 'used' : 'not-published') : undefined,
  });
}

function openHttp(target: ProvisionTarget, opts: ProvisionOptions, replay: boolean): OktaHttp {
  // a dry run against a target may only read (its /Schemas)
  const client = new HttpClient({
    timeoutMs: target.timeoutMs,
    insecure: target.insecure,
    caFile: target.caFile,
    connections: Math.max(1, opts.concurrency),
    ...(replay ? {} : { allowedMethods: ['GET'] }),
  });
  const fetch: FetchContext = {
    client,
    headers: { ...OKTA_HEADERS, authorization: `Bearer ${target.token}`, ...target.extraHeaders },
    limiter: new RateLimiter(opts.ratePerSecond),
    policy: DEFAULT_RETRY_POLICY,
    signal: opts.signal,
  };
  return { fetch, baseUrl: target.baseUrl };
}

function addSchemaFindings(b: BuiltUser, schemas: DeclaredModel): void {
  for (const p of checkConformance(b.report.payload, 'User', schemas)) {
    b.report.findings.push({
      user: b.report.user,
      attribute: p.attribute,
      cause: p.code,
      severity: 'should',
      message: `${p.message} (the server's /Schemas)`,
      ...(p.value !== undefined ? { sent: p.value } : {}),
    });
  }
}

async function replayAll(
  http: OktaHttp,
  built: BuiltUser[],
  prefix: string,
  opts: ProvisionOptions,
): Promise<CleanupSummary> {
  const password = randomBytes(12).toString('base64url');
  opts.onSecret?.(password);
  const records: CleanupRecord[] = [];
  let next = 0;
  let done = 0;
  let unanswered = 0; // users whose flow broke off mid-request (a timeout, a lost connection, Ctrl-C)
  const worker = async () => {
    // workers share `next`: each takes the following user until none is left
    for (let b = built[next++]; b && !opts.signal?.aborted; b = built[next++]) {
      try {
        await replayUser(http, b.report, bodyToSend(b.report.payload, prefix, password), records);
      } catch (err) {
        unanswered++;
        if (opts.signal?.aborted) break;
        b.report.outcome = 'error';
        b.report.findings.push({
          user: b.report.user,
          attribute: '(user)',
          cause: 'transport error',
          severity: 'must',
          message: (err as Error).message,
        });
      }
      opts.onProgress?.(++done, built.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, built.length)) }, worker));
  if (unanswered > 0) records.push(...(await sweepLeftovers(http, prefix)));
  const failed = records.filter((r) => r.status === 'failed').map((r) => ({ scimId: r.id, detail: r.detail ?? '' }));
  return { created: records.length, removed: records.length - failed.length, failed };
}

/**
 * A POST that got no answer may still have created its user, unknown to the user's ledger: the
 * users carrying the run prefix are looked up and removed (the sweep checks every candidate
 * itself, so a server that ignores the filter cannot make it touch anything else).
 */
async function sweepLeftovers(http: OktaHttp, prefix: string): Promise<CleanupRecord[]> {
  // no abort signal: an interrupted run still removes what it created
  const target = { client: http.fetch.client, baseUrl: http.baseUrl, headers: http.fetch.headers };
  try {
    return await removeLeftovers(target, await findLeftovers(target, prefix));
  } catch (err) {
    if (!(err instanceof TransportError)) throw err;
    return [
      {
        type: 'User',
        id: `${prefix}-*`,
        status: 'failed',
        detail: `could not look for users carrying ${prefix}: ${err.message}`,
      },
    ];
  }
}

interface ResultMeta {
  started: number;
  read: number;
  selection: string;
  prefix?: string;
  cleanup?: CleanupSummary;
  serverSchemas?: 'used' | 'not-published';
}

function buildResult(
  opts: ProvisionOptions,
  prepared: ReturnType<typeof prepareMapping>,
  built: BuiltUser[],
  meta: ResultMeta,
): ProvisionResult {
  const users = built.map((b) => b.report);
  const counts: Record<Outcome, number> = { accepted: 0, changed: 0, refused: 0, error: 0, exists: 0, 'dry-run': 0 };
  for (const u of users) counts[u.outcome]++;
  const mappingFindings = prepared.staticFindings.map((f) => ({
    code: String(f.code),
    severity: f.severity as Severity,
    ...(f.attribute ? { attribute: f.attribute } : {}),
    message: f.message,
  }));
  const findings = users.flatMap((u) => u.findings);
  const failed =
    counts.refused + counts.error + counts.exists > 0 ||
    findings.some((f) => f.severity === 'must') ||
    mappingFindings.some((f) => f.severity === 'must');
  return {
    tool: { name: 'scim-check', version: toolVersion() },
    mode: opts.target && !opts.dryRun ? 'replay' : 'dry-run',
    ...(opts.target
      ? { target: { baseUrl: opts.target.baseUrl, serverSchemas: meta.serverSchemas ?? 'not-published' } }
      : {}),
    inputs: {
      users: opts.usersFiles.join(', '),
      mapping: opts.mappingFile,
      ...(opts.appSchemaFile ? { appSchema: opts.appSchemaFile } : {}),
      profile: prepared.profile.name,
      usernameFormat: prepared.ctx.usernameFormat,
      selection: meta.selection,
    },
    ...(meta.prefix ? { prefix: meta.prefix } : {}),
    startedAt: new Date(meta.started).toISOString(),
    durationMs: Date.now() - meta.started,
    read: meta.read,
    selected: users.length,
    counts,
    mappingFindings,
    groups: groupFindings(findings, opts.maxExamples),
    notEvaluated: groupNotEvaluated(
      built.map((b) => ({ user: b.report.user, leftOut: b.leftOut })),
      opts.maxExamples,
    ),
    users,
    ...(meta.cleanup ? { cleanup: meta.cleanup } : {}),
    verdict: failed ? 'fail' : 'pass',
    ...(opts.signal?.aborted ? { interrupted: String(opts.signal.reason) } : {}),
  };
}
