// `runAudit`: read every user and group of a tenant, check each as it arrives, keep
// only what cross-resource rules need, and end with per-rule counts and a verdict.
// Read-only by construction: the HTTP client it builds can send nothing but GET.
import { HttpClient } from '../http/client.js';
import type { AttributeProfile, LanguageFormat } from '../profile/types.js';
import { toolVersion } from '../util/version.js';
import { CrossIndex } from './cross-index.js';
import { DEFAULT_RETRY_POLICY, type FetchContext, type RetryPolicy } from './fetch-with-retry.js';
import { FindingCollector, type FindingSink } from './findings.js';
import { readAllPages, type IdSet, type PagerResult, type ScimObject } from './pager.js';
import { FingerprintSet } from './compact/hash-tables.js';
import { rereadPositions } from './reread.js';
import { RateLimiter } from './rate-limiter.js';
import type { Clock } from '../util/clock.js';
import { checkResource, type ResourceCheckContext } from './resource-checks.js';
import { loadServerSchemas, serverSchemasFrom } from './load-server-schemas.js';
import type { DeclaredSchema } from '../schema/declared/types.js';
import type { AuditFinding, AuditResourceType, AuditResult, EndpointSummary } from '../model/audit-result.js';

export interface AuditProgress {
  resourceType: AuditResourceType;
  read: number;
  total?: number;
}

export interface AuditOptions {
  baseUrl: string;
  token: string;
  resources: AuditResourceType[];
  pageSize: number;
  concurrency: number;
  /** Requests per second across all workers; undefined = as fast as the server answers. */
  ratePerSecond?: number;
  /** Per endpoint. */
  maxResources?: number;
  profile?: AttributeProfile;
  languageFormat: LanguageFormat;
  timeoutMs: number;
  insecure?: boolean;
  caFile?: string;
  extraHeaders?: Record<string, string>;
  maxExamples: number;
  sinks?: FindingSink[];
  onProgress?: (progress: AuditProgress) => void;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  /** Retry-After, back-off and --rate wait on this clock (tests inject a virtual one). */
  clock?: Clock;
  /** --schemas: the server's schema definitions from a file, instead of GET /Schemas. */
  declaredSchemas?: readonly DeclaredSchema[];
}

/** The audit's client: GET only, so no code path of the audit can change the tenant. */
export function createAuditClient(
  opts: Pick<AuditOptions, 'timeoutMs' | 'insecure' | 'caFile' | 'concurrency'>,
): HttpClient {
  return new HttpClient({
    timeoutMs: opts.timeoutMs,
    insecure: opts.insecure,
    caFile: opts.caFile,
    connections: Math.max(1, opts.concurrency),
    allowedMethods: ['GET'],
  });
}

export async function runAudit(opts: AuditOptions): Promise<AuditResult> {
  const started = Date.now();
  const client = createAuditClient(opts);
  const fetch: FetchContext = {
    client,
    headers: {
      authorization: `Bearer ${opts.token}`,
      accept: 'application/scim+json',
      'accept-encoding': 'gzip, deflate',
      'user-agent': `scim-check/${toolVersion()} (audit)`,
      ...opts.extraHeaders,
    },
    limiter: new RateLimiter(opts.ratePerSecond, opts.clock),
    policy: { ...DEFAULT_RETRY_POLICY, ...opts.retry },
    signal: opts.signal,
    clock: opts.clock,
  };
  const collector = new FindingCollector(opts.maxExamples, opts.sinks ?? []);
  const cross = new CrossIndex();
  const skipped: AuditResult['skipped'] = [];
  try {
    const serverSchemas = opts.declaredSchemas
      ? serverSchemasFrom(opts.declaredSchemas)
      : await loadServerSchemas(fetch, opts.baseUrl);
    const checks: ResourceCheckContext = { profile: opts.profile, languageFormat: opts.languageFormat, serverSchemas };
    // ids as 64-bit fingerprints: 8 bytes each, whatever their length
    const userIds = new FingerprintSet();
    const groupIds = new FingerprintSet();
    const known = (id: string) => userIds.has(id) || groupIds.has(id);
    const endpoints: EndpointSummary[] = [];
    // without users there is nothing to resolve members against: do not even keep them
    const resolveMembers = opts.resources.includes('User');
    let users: PagerResult | undefined;
    let groups: PagerResult | undefined;
    const read = (kind: AuditResourceType, ids: IdSet) =>
      readAllPages({
        fetch,
        baseUrl: opts.baseUrl,
        resourceType: kind,
        pageSize: opts.pageSize,
        concurrency: opts.concurrency,
        maxResources: opts.maxResources,
        ids,
        onFinding: (f) => collector.add(f),
        onProgress: (n, total) => opts.onProgress?.({ resourceType: kind, read: n, total }),
        onTotal: (expected) => kind === 'User' && cross.reserve(expected),
        onResources: async (batch) => {
          for (const { resource, position } of batch) {
            for (const f of checkOne(resource, kind, position, checks, cross, resolveMembers ? known : undefined))
              await collector.add(f);
          }
        },
      });
    // users first: group members then resolve against a complete set of user ids as they arrive
    if (opts.resources.includes('User')) {
      endpoints.push((users = await read('User', userIds)).summary);
      // duplicate candidates (same key hash) against their first holders, re-read by position
      const firstHolders = await rereadPositions(
        fetch,
        opts.baseUrl,
        cross.positionsToVerify(),
        opts.pageSize,
        opts.concurrency,
      );
      for (const f of cross.verifyDuplicates(firstHolders)) await collector.add(f);
    }
    if (opts.resources.includes('Group')) endpoints.push((groups = await read('Group', groupIds)).summary);
    if (groups) {
      const reason = memberCheckBlocker(users);
      if (reason) skipped.push({ code: 'GROUP_MEMBER_UNKNOWN', reason });
      else for (const f of cross.unresolvedMembers(known)) await collector.add(f);
    }
    return buildResult(opts, started, endpoints, serverSchemas ? 'used' : 'not-published', collector, skipped);
  } finally {
    await client.close();
  }
}

function checkOne(
  resource: ScimObject,
  kind: AuditResourceType,
  position: number,
  checks: ResourceCheckContext,
  cross: CrossIndex,
  known: ((id: string) => boolean) | undefined,
): readonly AuditFinding[] {
  const problems = checkResource(resource, kind, checks);
  let crossFindings: readonly AuditFinding[] = [];
  if (kind === 'User') crossFindings = cross.noteUser(resource, position);
  else if (known) cross.noteGroup(resource, position, known);
  // most resources have no problem: no identity, no copies (this runs for every resource read)
  if (problems.length === 0) return crossFindings;
  const identity = {
    resourceType: kind,
    resourceId: typeof resource.id === 'string' ? resource.id : undefined,
    label: labelOf(resource, kind),
    position,
  };
  const findings: AuditFinding[] = problems.map((p) => ({ ...identity, ...p }));
  findings.push(...crossFindings);
  return findings;
}

function labelOf(resource: ScimObject, kind: AuditResourceType): string | undefined {
  const v = kind === 'User' ? resource.userName : resource.displayName;
  return typeof v === 'string' ? v : undefined;
}

/** Unknown members can only be told apart from unread users when every user was read. */
function memberCheckBlocker(users: PagerResult | undefined): string | undefined {
  if (!users) return 'users were not read (--resources); member references cannot be resolved';
  if (users.summary.truncated)
    return 'users were read only in part (--max-resources); member references cannot be resolved';
  if (users.pageFailed) return 'a page of users could not be read; member references cannot be resolved';
  return undefined;
}

function buildResult(
  opts: AuditOptions,
  started: number,
  endpoints: EndpointSummary[],
  serverSchemas: AuditResult['serverSchemas'],
  collector: FindingCollector,
  skipped: AuditResult['skipped'],
): AuditResult {
  const rules = collector.summaries();
  const sum = (sev: string) => rules.filter((r) => r.severity === sev).reduce((n, r) => n + r.count, 0);
  const totals = {
    findings: rules.reduce((n, r) => n + r.count, 0),
    must: sum('must'),
    should: sum('should'),
    info: sum('info'),
    resourcesRead: endpoints.reduce((n, e) => n + e.read, 0),
  };
  return {
    tool: { name: 'scim-check', version: toolVersion() },
    target: { baseUrl: opts.baseUrl },
    profile: opts.profile?.name ?? '(none)',
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    endpoints,
    serverSchemas,
    rules,
    totals,
    verdict: totals.must > 0 ? 'fail' : 'pass',
    skipped,
  };
}
