// Reads one list endpoint with startIndex/count paging. The first page is read alone
// (it announces totalResults); the rest are fetched concurrently. Pages are handed to
// the consumer as they arrive and then dropped: only the set of ids seen is kept, to
// spot an id listed twice. Pagination anomalies are reported as findings.
import { joinUrl } from '../http/url.js';
import { validateAgainst } from '../schema/validator.js';
import { getWithRetry, type FetchContext, type FetchOutcome } from './fetch-with-retry.js';
import type { AuditFinding, AuditResourceType, EndpointSummary } from '../model/audit-result.js';
import { AUDIT_RULES, type AuditRuleCode } from './rules.js';
import { parseJson } from '../util/json-depth.js';
import { TokenRejectedError } from '../errors.js';
import { FingerprintSet } from './compact/hash-tables.js';
import { asObject, isObject } from '../util/object.js';

/** The ids read so far: a Set, or the audit's compact FingerprintSet. */
export interface IdSet {
  has(id: string): boolean;
  add(id: string): unknown;
  /** Room for this many ids, when the total is known (the compact set sizes itself once). */
  reserve?(entries: number): void;
}

export type ScimObject = Record<string, unknown>;

export interface PagerOptions {
  fetch: FetchContext;
  baseUrl: string;
  resourceType: AuditResourceType;
  pageSize: number;
  concurrency: number;
  /** Stop after this many resources (counted by listing position). */
  maxResources?: number;
  /** Called with the resources of a page not seen before, in listing position order within the page. */
  onResources: (resources: { resource: ScimObject; position: number }[]) => Promise<void>;
  onFinding: (finding: AuditFinding) => Promise<void>;
  /** Set to fill with the ids read (shared with the caller, e.g. to resolve group members early). */
  ids?: IdSet;
  /** Called after every page, for the progress bar. */
  onProgress?: (read: number, total: number | undefined) => void;
  /** Called once the first page announced how many resources will be read (capped by maxResources). */
  onTotal?: (expected: number) => void;
}

/** A page's answer, not yet looked at. */
interface FetchedPage extends FetchOutcome {
  startIndex: number;
}

interface ParsedPage {
  ok: boolean;
  totalResults?: number;
  resources: ScimObject[];
}

export interface PagerResult {
  summary: EndpointSummary;
  /** Ids of every resource read (needed to resolve group members). */
  ids: IdSet;
  /** True when a page could not be read: totals are then incomplete. */
  pageFailed: boolean;
}

export async function readAllPages(opts: PagerOptions): Promise<PagerResult> {
  const state = new PagerState(opts);
  const first = await state.readPage(1);
  if (first.ok && first.totalResults !== undefined) {
    state.firstTotal = first.totalResults;
    state.latestTotal = first.totalResults;
    const expected = Math.min(first.totalResults, opts.maxResources ?? Infinity);
    state.ids.reserve?.(expected);
    opts.onTotal?.(expected);
    // a server may cap pages below the count asked for: step by what it gives, as a reader must
    if (
      first.resources.length > 0 &&
      first.resources.length < opts.pageSize &&
      first.resources.length < first.totalResults
    ) {
      state.step = first.resources.length;
      state.next = 1 + state.step;
    }
    if (first.resources.length > opts.pageSize) state.stopped = true; // count ignored: everything came at once
    await Promise.all(Array.from({ length: opts.concurrency }, () => state.worker()));
  } else if (first.ok && first.resources.length > 0) {
    // no usable totalResults: read on one page at a time until a short or empty page
    state.unknownTotal = true;
    state.latestTotal = Infinity;
    state.step = first.resources.length;
    state.next = 1 + state.step;
    await state.worker();
  }
  await state.finish();
  return { summary: state.summary, ids: state.ids, pageFailed: state.pageFailed };
}

class PagerState {
  readonly ids: IdSet;
  readonly summary: EndpointSummary;
  firstTotal?: number;
  latestTotal = 0;
  step: number;
  next: number;
  stopped = false;
  pageFailed = false;
  unknownTotal = false;
  private totalChangeReported = false;
  private countIgnoredReported = false;

  constructor(private readonly opts: PagerOptions) {
    this.ids = opts.ids ?? new FingerprintSet();
    this.step = opts.pageSize;
    this.next = 1 + opts.pageSize;
    this.summary = { resourceType: opts.resourceType, read: 0, pages: 0, retries: 0, truncated: false };
  }

  private get limit(): number {
    return Math.min(this.latestTotal, this.opts.maxResources ?? Infinity);
  }

  async worker(): Promise<void> {
    // With a known total, a worker sends its next request before it checks the page it holds:
    // the server answers while the audit checks, and no more than `concurrency` requests are
    // out at once all the same. Without one, each page decides whether there is a next.
    let fetching = this.claim();
    while (fetching) {
      const fetched = await fetching;
      const readBefore = this.summary.read;
      fetching = this.unknownTotal ? undefined : this.claim();
      const page = await this.takePage(fetched);
      if (page.ok && page.resources.length === 0) this.stopped = true; // past the end, whatever totalResults says
      // without a total, a short page is the last one, and a page of nothing new means startIndex is ignored
      if (this.unknownTotal && (page.resources.length < this.step || this.summary.read === readBefore))
        this.stopped = true;
      if (this.unknownTotal) fetching = this.claim();
    }
  }

  /** The next page's request, sent; `next` is claimed synchronously, so two workers never take the same page. */
  private claim(): Promise<FetchedPage> | undefined {
    if (this.stopped || this.next > this.limit) return undefined;
    const startIndex = this.next;
    this.next += this.step;
    const fetching = this.fetchPage(startIndex);
    fetching.catch(() => undefined); // awaited by its worker; one ended by another page's error leaves it handled
    return fetching;
  }

  async readPage(startIndex: number): Promise<ParsedPage> {
    return this.takePage(await this.fetchPage(startIndex));
  }

  private get endpoint(): string {
    return this.opts.resourceType === 'User' ? '/Users' : '/Groups';
  }

  private async fetchPage(startIndex: number): Promise<FetchedPage> {
    const url = joinUrl(this.opts.baseUrl, this.endpoint, {
      startIndex: String(startIndex),
      count: String(this.opts.pageSize),
    });
    return { startIndex, ...(await getWithRetry(this.opts.fetch, url)) };
  }

  private async takePage({ startIndex, response, retries }: FetchedPage): Promise<ParsedPage> {
    const { opts, endpoint } = this;
    this.summary.retries += retries;
    this.summary.pages += 1;
    const where = `${endpoint}?startIndex=${startIndex}&count=${opts.pageSize}`;
    if (response.status === 401 || response.status === 403)
      throw new TokenRejectedError(response.status, `GET ${endpoint}`);
    if (response.status !== 200) {
      this.pageFailed = true;
      await this.pageFinding(
        'PAGE_FAILED',
        `${where} answered ${response.status}${retries ? ` after ${retries} retries` : ''}`,
        startIndex,
      );
      return { ok: false, resources: [] };
    }
    const page = await this.parse(response.bodyText, where, startIndex);
    await this.checkCounters(page, where, startIndex);
    await this.deliver(page.resources, startIndex);
    opts.onProgress?.(this.summary.read, this.firstTotal);
    return page;
  }

  private async parse(bodyText: string, where: string, startIndex: number): Promise<ParsedPage> {
    let body: unknown;
    try {
      body = parseJson(bodyText);
    } catch {
      this.pageFailed = true;
      await this.pageFinding('LIST_RESPONSE_INVALID', `${where}: the body is not JSON`, startIndex);
      return { ok: false, resources: [] };
    }
    const verdict = validateAgainst('ListResponse', body);
    if (!verdict.valid) {
      const first = verdict.errors[0] ?? { path: '', message: 'does not match the ListResponse schema' };
      await this.pageFinding('LIST_RESPONSE_INVALID', `${where}: ${first.path || '/'} ${first.message}`, startIndex);
    }
    const obj: ScimObject = asObject(body) ?? {};
    // Okta tolerates lower-case keys and string counters; read them so the audit can go on
    const list = Array.isArray(body) ? body : (obj.Resources ?? obj.resources);
    const resources = Array.isArray(list) ? list.filter(isObject) : [];
    const total = Number(obj.totalResults ?? obj.totalresults ?? NaN);
    return { ok: true, totalResults: Number.isInteger(total) && total >= 0 ? total : undefined, resources };
  }

  private async checkCounters(page: ParsedPage, where: string, startIndex: number): Promise<void> {
    if (this.firstTotal !== undefined && page.totalResults !== undefined && page.totalResults !== this.latestTotal) {
      if (!this.totalChangeReported) {
        this.totalChangeReported = true;
        await this.pageFinding(
          'PAGINATION_TOTAL_CHANGED',
          `${where}: totalResults ${page.totalResults}, earlier ${this.latestTotal}`,
          startIndex,
          page.totalResults,
        );
      }
      this.latestTotal = Math.max(this.latestTotal, page.totalResults); // read on if the tenant grew
    }
    if (page.resources.length > this.opts.pageSize && !this.countIgnoredReported) {
      this.countIgnoredReported = true;
      await this.pageFinding(
        'PAGINATION_COUNT_IGNORED',
        `${where}: ${page.resources.length} resources for count=${this.opts.pageSize}`,
        startIndex,
        page.resources.length,
      );
    }
  }

  private async deliver(resources: ScimObject[], startIndex: number): Promise<void> {
    const fresh: { resource: ScimObject; position: number }[] = [];
    const max = this.opts.maxResources ?? Infinity;
    for (let i = 0; i < resources.length; i++) {
      const resource = resources[i]!; // i < length
      const position = startIndex + i;
      if (position > max) {
        this.summary.truncated = true;
        break;
      }
      const id = typeof resource.id === 'string' ? resource.id : undefined;
      if (id !== undefined && this.ids.has(id)) {
        await this.opts.onFinding({
          ...this.base('PAGINATION_DUPLICATE_ID', position),
          resourceId: id,
          attribute: 'id',
          value: id,
          message: `id ${id} was already listed on another page`,
        });
        continue;
      }
      if (id !== undefined) this.ids.add(id);
      fresh.push({ resource, position });
    }
    this.summary.read += fresh.length;
    if (fresh.length) await this.opts.onResources(fresh);
  }

  async finish(): Promise<void> {
    this.summary.totalResults = this.firstTotal;
    if (this.firstTotal === undefined || this.pageFailed || this.unknownTotal) return; // the failed page is the finding
    const expected = Math.min(this.latestTotal, this.opts.maxResources ?? Infinity);
    if ((this.opts.maxResources ?? Infinity) < this.latestTotal) this.summary.truncated = true;
    if (this.summary.read < expected) {
      await this.pageFinding(
        'PAGINATION_SHORT',
        `read ${this.summary.read} distinct resources, totalResults announced ${this.latestTotal}`,
        undefined,
        this.summary.read,
      );
    }
  }

  private base(code: AuditRuleCode, position?: number): AuditFinding {
    return { code, severity: AUDIT_RULES[code].severity, resourceType: this.opts.resourceType, position, message: '' };
  }

  private async pageFinding(code: AuditRuleCode, message: string, startIndex?: number, value?: unknown): Promise<void> {
    await this.opts.onFinding({ ...this.base(code, startIndex), message, ...(value !== undefined ? { value } : {}) });
  }
}
