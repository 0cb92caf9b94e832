// Named checks for the RFC 7643/7644 packs: rules that compare several values of
// one response, or a response with values captured earlier (passed in `with:`,
// which is templated). Each returns passed/expected/actual/detail and never throws.
import { validateAgainst } from '../schema/validator.js';
import type { NamedCheck, NamedCheckOutcome } from './named-check.js';
import { asObject, isObject } from '../util/object.js';
import { compareIds, countOf, pageResources } from './list-rules.js';
import { findKey, getCi } from '../scim/attribute-path.js';

type Obj = Record<string, unknown>;

// xsd:dateTime (RFC 7643 §2.3.5): the time zone is optional there
const ISO_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** The resources of a body: each Resource of a ListResponse, or the body itself. */
function resourcesOf(body: unknown): Obj[] {
  const o = asObject(body);
  if (!o) return [];
  if (Array.isArray(o.Resources)) return o.Resources.filter(isObject);
  return [o];
}

function idsOf(list: unknown): string[] {
  const resources = asObject(list)?.Resources;
  const items = Array.isArray(list) ? list : Array.isArray(resources) ? resources : [];
  return items.map((r) => String(asObject(r)?.id));
}

const fail = (detail: string, extra: Partial<NamedCheckOutcome> = {}): NamedCheckOutcome => ({
  passed: false,
  detail,
  ...extra,
});

/** meta.resourceType (= `with.resourceType`), meta.created/lastModified (date-times), meta.location (absolute URL). RFC 7643 §3.1. */
export const resourceMeta: NamedCheck = (ctx, args) => {
  const meta = asObject(asObject(ctx.body)?.meta);
  if (!meta) return fail('the resource has no meta object', { expected: 'meta', actual: '(absent)' });
  const problems: string[] = [];
  if (args.resourceType !== undefined && meta.resourceType !== args.resourceType)
    problems.push(
      `meta.resourceType is ${JSON.stringify(meta.resourceType)}, expected ${JSON.stringify(args.resourceType)}`,
    );
  for (const key of ['created', 'lastModified']) {
    if (typeof meta[key] !== 'string' || !ISO_DATE_TIME.test(meta[key] as string))
      problems.push(`meta.${key} is ${JSON.stringify(meta[key])}, not an xsd:dateTime`);
  }
  if (typeof meta.location !== 'string' || !/^https?:\/\//i.test(meta.location))
    problems.push(`meta.location is ${JSON.stringify(meta.location)}, not an absolute URI`);
  if (meta.version !== undefined && typeof meta.version !== 'string') problems.push('meta.version is not a string');
  return {
    passed: problems.length === 0,
    expected: 'meta with resourceType, created, lastModified, location',
    actual: problems.join('; ') || 'ok',
  };
};

/** Every Resource of a ListResponse validates against the bundled schema `with.schema`. */
export const eachResourceSchema: NamedCheck = (ctx, args) => {
  const name = String(args.schema ?? '');
  const list = asObject(ctx.body)?.Resources;
  if (!Array.isArray(list)) return fail('no Resources array', { expected: `a ListResponse of ${name}` });
  const problems = list.flatMap((r, i) => {
    const v = validateAgainst(name, r);
    return v.valid
      ? []
      : [
          `Resources[${i}]${asObject(r)?.id ? ` (${String(asObject(r)!.id)})` : ''}: ${v.errors
            .slice(0, 3)
            .map((e) => `${e.path || '/'} ${e.message}`)
            .join('; ')}`,
        ];
  });
  return {
    passed: problems.length === 0 && list.length > 0,
    expected: `${list.length || 'some'} valid ${name} definitions`,
    actual: list.length === 0 ? 'empty list' : problems.length ? `${problems.length} invalid` : 'all valid',
    detail: problems.join('\n') || undefined,
  };
};

/** Every schema (and extension) a ResourceType names is served at /Schemas. RFC 7643 §6, RFC 7644 §4. */
export const schemasCoverResourceTypes: NamedCheck = (ctx, args) => {
  const served = new Set(resourcesOf(ctx.body).map((s) => String(s.id).toLowerCase()));
  const types = resourcesOf(args.resourceTypes);
  if (types.length === 0) return fail('no resource types were given (with.resourceTypes)');
  const missing: string[] = [];
  for (const t of types) {
    const wanted = [
      t.schema,
      ...(Array.isArray(t.schemaExtensions) ? t.schemaExtensions.map((e) => asObject(e)?.schema) : []),
    ];
    for (const urn of wanted)
      if (typeof urn !== 'string' || !served.has(urn.toLowerCase())) missing.push(`${String(t.name)}: ${String(urn)}`);
  }
  return {
    passed: missing.length === 0,
    expected: 'every resource type schema and extension listed by /Schemas',
    actual: missing.length ? `missing ${missing.join(', ')}` : `${served.size} schemas`,
  };
};

/**
 * With `attributes=` the resource holds only the requested attributes plus those
 * returned "always" (id, schemas; `with.also` adds more). `meta` is tolerated: RFC 7643
 * §3.1 gives it no `returned` characteristic and many servers treat it as always returned.
 * RFC 7644 §3.9, §3.4.2.5.
 */
export const onlyAttributes: NamedCheck = (ctx, args) => {
  const requested = (Array.isArray(args.attributes) ? args.attributes : []).map((a) =>
    (String(a).split('.', 1)[0] ?? '').toLowerCase(),
  );
  const allowed = new Set([
    'id',
    'schemas',
    'meta',
    ...requested,
    ...(Array.isArray(args.also) ? args.also.map((a) => String(a).toLowerCase()) : []),
  ]);
  const resources = resourcesOf(ctx.body);
  if (resources.length === 0) return fail('no resource in the body');
  const problems: string[] = [];
  resources.forEach((r, i) => {
    const where = Array.isArray(asObject(ctx.body)?.Resources) ? `Resources[${i}]: ` : '';
    const extra = Object.keys(r).filter((k) => !allowed.has(k.toLowerCase()));
    const absent = requested.filter((a) => findKey(r, a) === undefined);
    if (extra.length) problems.push(`${where}unrequested ${extra.join(', ')}`);
    if (absent.length) problems.push(`${where}requested but absent ${absent.join(', ')}`);
  });
  return {
    passed: problems.length === 0,
    expected: `only ${[...allowed].join(', ')}`,
    actual: problems.join('; ') || 'ok',
  };
};

/**
 * The ids returned are exactly `with.ids` (any order). With `with.caseVariantOf`
 * the check is vacuous when the id has no letters (nothing to vary in case).
 */
export const resultIds: NamedCheck = (ctx, args) => {
  const body = asObject(ctx.body);
  if (!body) return fail('the body is not a JSON object');
  const want = (Array.isArray(args.ids) ? args.ids : []).map(String);
  if (typeof args.caseVariantOf === 'string' && args.caseVariantOf.toUpperCase() === args.caseVariantOf.toLowerCase()) {
    return { passed: true, detail: `id ${args.caseVariantOf} has no letters; nothing to compare` };
  }
  const resources = pageResources(body);
  if (!resources) return fail('Resources is not an array');
  const got = idsOf(resources);
  const { passed, problems } = compareIds(want, got);
  return { passed, expected: want.length ? want : '(no resources)', actual: problems || got };
};

/** itemsPerPage equals the number of Resources returned. RFC 7644 §3.4.2. */
export const itemsPerPageMatches: NamedCheck = (ctx) => {
  const body = asObject(ctx.body);
  if (!body) return fail('the body is not a JSON object');
  const resources = pageResources(body);
  if (!resources) return fail('Resources is not an array');
  return {
    passed: countOf(body.itemsPerPage) === resources.length,
    expected: resources.length,
    actual: body.itemsPerPage ?? '(absent)',
  };
};

/** No Resources on the page (absent or empty), totalResults still an integer (`with.totalResults` when given). */
export const noResources: NamedCheck = (ctx, args) => {
  const body = asObject(ctx.body);
  if (!body) return fail('the body is not a JSON object');
  const problems: string[] = [];
  if (Array.isArray(body.Resources) ? body.Resources.length > 0 : body.Resources !== undefined)
    problems.push(`${Array.isArray(body.Resources) ? body.Resources.length : 'non-array'} Resources returned`);
  if (!Number.isInteger(body.totalResults)) problems.push(`totalResults is ${JSON.stringify(body.totalResults)}`);
  else if (args.totalResults !== undefined && body.totalResults !== Number(args.totalResults))
    problems.push(`totalResults ${String(body.totalResults)}, expected ${String(args.totalResults)}`);
  return {
    passed: problems.length === 0,
    expected: 'no Resources, totalResults kept',
    actual: problems.join('; ') || 'ok',
  };
};

/** The pages given (`with.pages`: arrays of resources), concatenated, are this full list: no gap, no duplicate, same order. */
export const pagesConcatenate: NamedCheck = (ctx, args) => {
  const full = idsOf(asObject(ctx.body)?.Resources ?? []);
  const pages = Array.isArray(args.pages) ? args.pages : [];
  const walked = pages.flatMap((p) => idsOf(p));
  const dupes = walked.filter((id, i) => walked.indexOf(id) !== i);
  const gaps = full.filter((id) => !walked.includes(id));
  const problems = [
    dupes.length ? `on two pages: ${[...new Set(dupes)].join(', ')}` : '',
    gaps.length ? `on no page: ${gaps.join(', ')}` : '',
  ].filter(Boolean);
  if (!problems.length && walked.join() !== full.join())
    problems.push('pages are in a different order than the full list');
  return { passed: problems.length === 0, expected: full, actual: problems.join('; ') || walked };
};

/** The same ids in the same order as `with.previous` (a captured Resources array). */
export const sameOrder: NamedCheck = (ctx, args) => {
  const now = idsOf(asObject(ctx.body)?.Resources ?? []);
  const before = idsOf(args.previous ?? []);
  return { passed: now.length > 0 && now.join() === before.join(), expected: before, actual: now };
};

/** Resources carrying `with.by` are ordered by it (a top-level or dotted attribute), `with.order` ascending (default) or descending. RFC 7644 §3.4.2.3. */
export const sortedBy: NamedCheck = (ctx, args) => {
  const by = String(args.by ?? '');
  const descending = String(args.order ?? '').toLowerCase() === 'descending';
  const keyOf = (r: Obj): string => {
    let v: unknown = r;
    for (const part of by.split('.')) v = getCi(v, part);
    return v === undefined || v === null ? '' : String(v).toLowerCase();
  };
  // resources without the attribute are not judged: where they go is left to the server
  const keys = resourcesOf(ctx.body)
    .filter(() => Array.isArray(asObject(ctx.body)?.Resources))
    .map(keyOf)
    .filter((k) => k !== '');
  const expected = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * (descending ? -1 : 1));
  return { passed: keys.length > 1 && keys.join('\n') === expected.join('\n'), expected, actual: keys };
};

/** meta.version equals the ETag header. RFC 7644 §3.14. */
export const versionMatchesEtag: NamedCheck = (ctx) => {
  const etag = ctx.response.headers['etag'];
  const version = asObject(asObject(ctx.body)?.meta)?.version;
  return {
    passed: typeof etag === 'string' && etag === version,
    expected: version ?? '(meta.version)',
    actual: etag ?? '(no ETag header)',
  };
};

/** A successful PATCH answers 204 with no body, or 200 with the resource (`with.id`). RFC 7644 §3.5.2. */
export const patchResponse: NamedCheck = (ctx, args) => {
  const { status, bodyText } = ctx.response;
  if (status === 204)
    return {
      passed: bodyText.trim() === '',
      expected: 'no body with 204',
      actual: bodyText.trim() === '' ? '204, no body' : 'a body with 204',
    };
  if (status !== 200) return fail(`status ${status}`, { expected: '200 or 204', actual: status });
  const id = asObject(ctx.body)?.id;
  const passed = typeof id === 'string' && (args.id === undefined || id === args.id);
  return {
    passed,
    expected: `200 with the resource${args.id ? ` ${String(args.id)}` : ''}`,
    actual: ctx.body === undefined ? bodyText.slice(0, 80) || '(empty body)' : `id ${JSON.stringify(id)}`,
  };
};
