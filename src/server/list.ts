// GET /Users and /Groups: filter, sort, paginate (RFC 7644 §3.4.2).
import { parseAttrPath, valuesAt } from '../scim/attribute-path.js';
import { FilterError, FilterNode, matchesFilter, parseFilter } from '../scim/filter.js';
import { LIST_RESPONSE_SCHEMA } from '../scim/urns.js';
import { RequestContext, ScimHttpError, sendJson } from './http-util.js';
import { renderFor, ResourceAdapter } from './resources.js';
import { ALL_SCHEMA_DEFS, caseExactNames } from './schema-defs.js';
import type { ScimResource } from './store.js';

export const DEFAULT_COUNT = 100;
export const MAX_RESULTS = 200;

const CASE_EXACT = caseExactNames(ALL_SCHEMA_DEFS);

function integerParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) throw new ScimHttpError(400, `${name} must be an integer`, 'invalidValue');
  return Number(raw);
}

function parseFilterParam(url: URL): FilterNode | undefined {
  const text = url.searchParams.get('filter');
  if (text === null || text.trim() === '') return undefined;
  try {
    return parseFilter(text);
  } catch (e) {
    if (e instanceof FilterError)
      throw new ScimHttpError(400, `invalid filter at position ${e.position}: ${e.message}`, 'invalidFilter');
    throw e;
  }
}

function sortKey(resource: object, path: string): string {
  const parsed = parseAttrPath(path);
  const first = parsed ? valuesAt(resource, parsed)[0] : undefined;
  return first === undefined ? '' : String(first).toLowerCase();
}

/** Stable sort on one attribute; resources without it sort last (RFC 7644 §3.4.2.3). */
function sortResources<T extends object>(items: T[], url: URL): T[] {
  const sortBy = url.searchParams.get('sortBy');
  if (!sortBy) return items;
  if (!parseAttrPath(sortBy)) throw new ScimHttpError(400, `invalid sortBy "${sortBy}"`, 'invalidValue');
  const descending = (url.searchParams.get('sortOrder') ?? '').toLowerCase() === 'descending';
  const keyed = items.map((item) => ({ item, key: sortKey(item, sortBy) }));
  keyed.sort((a, b) => {
    if (a.key === b.key) return 0;
    if (a.key === '') return 1;
    if (b.key === '') return -1;
    return (a.key < b.key ? -1 : 1) * (descending ? -1 : 1);
  });
  return keyed.map((k) => k.item);
}

// Quirk unstable-order: each walk through the list (a request from startIndex 1) gets
// the opposite order of the previous walk, so two imports never agree on the order
// (a random shuffle sometimes came back unchanged and made proofs flaky).
const unstableWalks = new WeakMap<object, number>();

function unstable<T>(items: T[], store: object, newWalk: boolean): T[] {
  const walk = (unstableWalks.get(store) ?? 0) + (newWalk ? 1 : 0);
  unstableWalks.set(store, walk);
  return walk % 2 === 0 ? [...items].reverse() : items;
}

/** Quirk filter-missing-attribute-error: `a.b op v` fails (400) when a resource has no `a`, as scimmy 1.3.5 does. */
function rejectMissingParent(filterText: string, resources: Record<string, unknown>[]): void {
  const parent = /^\s*([A-Za-z][\w-]*)\.[A-Za-z]/.exec(filterText)?.[1];
  if (parent !== undefined && resources.some((r) => r[parent] === undefined))
    throw new ScimHttpError(400, `Cannot read ${parent} of a resource without it`, 'invalidValue');
}

export function listResources(ctx: RequestContext, adapter: ResourceAdapter): void {
  const { url, quirks } = ctx;
  if (quirks.has('filter-plus-as-space') && url.searchParams.has('filter'))
    url.searchParams.set('filter', url.searchParams.get('filter')!.replace(/\+/g, ' '));
  const filterText = url.searchParams.get('filter') ?? '';
  if (
    quirks.has('filter-keywords-case-sensitive') &&
    /\s(EQ|NE|CO|SW|EW|PR|GT|GE|LT|LE|AND|OR|NOT)[\s(]/.test(` ${filterText} `)
  ) {
    throw new ScimHttpError(400, 'unknown filter operator (operators are lower-case)', 'invalidFilter');
  }
  let filter = parseFilterParam(url);
  if (filter && quirks.has('filter-operator-broken'))
    filter = breakOperator(filter, (quirks.param('filter-operator-broken') ?? '').toLowerCase());
  const caseExact = new Set(quirks.has('filter-ignores-case-exact') ? [] : CASE_EXACT);
  if (quirks.has('usernames-case-sensitive') || quirks.has('username-unique-case-folded')) caseExact.add('username');
  // Filter on the client's view, so computed attributes such as User.groups are filterable.
  // Plain paging (Okta's import) renders only the requested page: O(page), not O(tenant).
  const plain = !filter && !url.searchParams.get('sortBy') && !quirks.has('unstable-order');
  let matched = plain ? [] : ctx.store.list(adapter.kind).map((r) => adapter.render(ctx, r));
  if (filter && quirks.has('filter-missing-attribute-error')) rejectMissingParent(filterText, matched);
  if (filter) matched = matched.filter((r) => matchesFilter(r, filter!, { caseExactAttributes: caseExact }));
  if (filter && quirks.has('deactivated-hidden-from-filter')) matched = matched.filter((r) => r.active !== false);
  if (filter && quirks.has('filter-apostrophe-never-matches') && filterText.includes("'")) matched = [];
  if (filter && quirks.has('group-filter-prefix-match') && adapter.kind === 'Group')
    matched = prefixMatches(ctx, adapter, filterText, matched);
  if (!quirks.has('sort-ignored')) matched = sortResources(matched, url);
  if (quirks.has('unstable-order')) matched = unstable(matched, ctx.store, (integerParam(url, 'startIndex') ?? 1) <= 1);

  const rawStart = integerParam(url, 'startIndex') ?? 1;
  const startIndex = Math.max(1, rawStart); // < 1 is treated as 1
  const requested = integerParam(url, 'count');
  let count = Math.min(MAX_RESULTS, Math.max(0, requested ?? DEFAULT_COUNT)); // negative is treated as 0
  const total = plain ? ctx.store.count(adapter.kind) : matched.length;
  if (quirks.has('count-ignored')) count = total;
  if (quirks.has('short-pages')) count = Math.min(count, Math.max(1, Number(quirks.param('short-pages') ?? 2) || 2));
  if (requested === 0 && quirks.has('count-zero-as-default')) count = DEFAULT_COUNT;
  if (requested !== undefined && requested < 0 && quirks.has('negative-count-not-clamped')) count = DEFAULT_COUNT;
  if (rawStart < 1 && quirks.has('startindex-not-clamped')) count = 0;
  if (quirks.has('page-past-end-error') && startIndex > Math.max(1, total))
    throw new ScimHttpError(404, `startIndex ${startIndex} is past the last result`);
  let offset = quirks.has('startindex-zero-based') ? startIndex : startIndex - 1;
  if (quirks.has('page-overlap') && offset > 0) offset -= 1;
  if (plain) matched = ctx.store.slice(adapter.kind, offset, count).map((r) => adapter.render(ctx, r));
  const page = (plain ? matched : matched.slice(offset, offset + count)).map((r) =>
    renderFor(ctx, { ...adapter, render: (_c, s) => s }, r),
  );

  if (quirks.has('list-bare-array')) return sendJson(ctx, 200, page);
  const counter = (n: number) => (quirks.has('list-counters-as-strings') ? String(n) : n);
  const body: Record<string, unknown> = {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults: counter(quirks.has('total-results-is-page-size') ? page.length : total),
    itemsPerPage: counter(quirks.has('items-per-page-is-total') ? total : page.length),
    startIndex: counter(startIndex),
    Resources: page,
  };
  if (page.length === 0 && quirks.has('list-omit-resources-when-empty')) delete body.Resources;
  if (quirks.has('list-extra-members')) body.nextCursor = null;
  if (quirks.has('list-omit-schemas')) delete body.schemas;
  if (filter && total === 0 && quirks.has('no-match-404'))
    throw new ScimHttpError(404, 'no resource matches the filter');
  sendJson(ctx, 200, body);
}

/** Quirk group-filter-prefix-match: `displayName eq "X"` also finds every group named X… */
function prefixMatches(
  ctx: RequestContext,
  adapter: ResourceAdapter,
  filterText: string,
  matched: ScimResource[],
): ScimResource[] {
  const wanted = /^\s*displayName\s+eq\s+"(.*)"\s*$/i.exec(filterText)?.[1];
  if (wanted === undefined) return matched;
  const prefix = wanted.toLowerCase();
  return ctx.store
    .list('Group')
    .map((r) => adapter.render(ctx, r))
    .filter((g) =>
      String(g.displayName ?? '')
        .toLowerCase()
        .startsWith(prefix),
    );
}

/** Quirk filter-operator-broken=OP: every node using OP becomes `x and not (x)`, which never matches. */
function breakOperator(node: FilterNode, op: string): FilterNode {
  const never = (n: FilterNode): FilterNode => ({ kind: 'and', left: n, right: { kind: 'not', inner: n } });
  switch (node.kind) {
    case 'and':
    case 'or': {
      const out: FilterNode = {
        kind: node.kind,
        left: breakOperator(node.left, op),
        right: breakOperator(node.right, op),
      };
      return node.kind === op ? never(out) : out;
    }
    case 'not':
      return op === 'not' ? never(node) : { kind: 'not', inner: breakOperator(node.inner, op) };
    case 'valuePath':
      return op === 'valuepath' ? never(node) : { ...node, filter: breakOperator(node.filter, op) };
    case 'present':
      return op === 'pr' ? never(node) : node;
    default:
      return node.op === op ? never(node) : node;
  }
}
