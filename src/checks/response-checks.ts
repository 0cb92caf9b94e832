// Checks on the HTTP envelope of a SCIM response that need more than one value
// at once (a header against a body field, a count against the request).
import type { NamedCheck } from './named-check.js';
import { asObject } from '../util/object.js';
import { countOf, pageResources } from './list-rules.js';

export const locationEqualsMeta: NamedCheck = (ctx) => {
  const loc = ctx.response.headers['location'];
  const meta = asObject(asObject(ctx.body)?.meta);
  const metaLoc = meta?.location;
  return {
    passed: typeof loc === 'string' && loc === metaLoc,
    expected: metaLoc ?? '(meta.location)',
    actual: loc ?? '(no Location header)',
  };
};

export const jsonBody: NamedCheck = (ctx) => ({
  passed: asObject(ctx.body) !== undefined,
  expected: 'a JSON object',
  actual:
    ctx.body === undefined
      ? ctx.response.bodyText.slice(0, 120) || '(empty body)'
      : Array.isArray(ctx.body)
        ? 'a JSON array'
        : typeof ctx.body,
});

export const scimContentType: NamedCheck = (ctx) => {
  const ct = ctx.response.headers['content-type'] ?? '';
  return { passed: /^application\/scim\+json\b/i.test(ct), expected: 'application/scim+json', actual: ct || '(none)' };
};

export const listWithinCount: NamedCheck = (ctx, args) => {
  // the argument may arrive as text (`--var count=5`); runNamedCheck has already refused anything else
  const count = countOf(typeof args.count === 'string' ? Number(args.count) : args.count);
  if (count === undefined) throw new Error(`with.count ${JSON.stringify(args.count)} is not a count`);
  const resources = pageResources(ctx.body);
  if (!resources) return { passed: false, detail: 'not a list: no Resources array', actual: ctx.body };
  // itemsPerPage is not judged here: Okta reads startIndex, count and totalResults only
  // (the RFC's itemsPerPage rule is the separate items-per-page-matches check)
  const over = resources.length > count;
  return {
    passed: !over,
    expected: `<= ${count} resources`,
    actual: over ? `${resources.length} resources for count=${count}` : `${resources.length} resources`,
  };
};

export const scimError: NamedCheck = (ctx) => {
  const body = asObject(ctx.body);
  const problems: string[] = [];
  const schemas = body?.schemas;
  if (!body) problems.push('body is not a JSON object');
  else {
    if (!Array.isArray(schemas) || !schemas.includes('urn:ietf:params:scim:api:messages:2.0:Error'))
      problems.push('schemas lacks the Error URN');
    if (typeof body.status !== 'string') problems.push(`status is ${typeof body.status}, not a string`);
    else if (body.status !== String(ctx.response.status))
      problems.push(`status "${body.status}" but HTTP ${ctx.response.status}`);
  }
  return {
    passed: problems.length === 0,
    expected: 'SCIM Error with status as a string',
    actual: problems.join('; ') || 'ok',
  };
};
