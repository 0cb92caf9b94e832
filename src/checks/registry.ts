// Named checks that suites call with `check: NAME`. Adding a check for a new quirk
// is one function here (or in a sibling module) plus YAML that uses it. Each entry says what
// it checks in one line and which `with:` arguments it takes (an ArgSchema, checked when a
// suite loads); `scim-check list --checks` and docs/suite-format.md are generated from here.
import type { NamedCheckContext, NamedCheckEntry, NamedCheckOutcome } from './named-check.js';
import { checkRenderedArgs, type ArgSchema } from './arg-schema.js';
import { SCHEMA_NAMES } from '../schema/validator.js';
import * as attr from './attribute-checks.js';
import * as resp from './response-checks.js';
import * as okta from './okta-checks.js';
import * as rfc from './rfc-checks.js';
import * as update from './update-checks.js';

/** `with:` as a mapping of these arguments and no others. */
function args(properties: Record<string, ArgSchema> = {}, required: string[] = []): ArgSchema {
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
}
const NONE = args();
const ids = (description: string): ArgSchema => ({
  type: 'array',
  items: { type: ['string', 'number'] },
  description,
});
const listOrPage = (description: string): ArgSchema => ({ type: ['array', 'object'], description });
const LANGUAGE_ATTRIBUTE: ArgSchema = {
  type: 'string',
  description: 'the attribute to read (default preferredLanguage)',
};

export const NAMED_CHECKS: Record<string, NamedCheckEntry> = {
  'mandatory-attributes': {
    run: attr.mandatoryAttributes,
    description: "every User carries the active profile's mandatory attributes",
    args: NONE,
  },
  'preferred-language': {
    run: attr.preferredLanguage,
    description: 'preferredLanguage, when present, has the format the profile requires (ISO 639-1 by default)',
    args: args({
      attribute: LANGUAGE_ATTRIBUTE,
      format: {
        type: 'string',
        enum: ['iso639-1', 'bcp47'],
        description: "the format required (default: the profile's, then --language-format)",
      },
    }),
  },
  'preferred-language-round-trip': {
    run: attr.preferredLanguageRoundTrip,
    description: 'the preferredLanguage sent is returned unchanged',
    args: args({ attribute: LANGUAGE_ATTRIBUTE }),
  },
  'no-password': { run: attr.noPassword, description: 'password is never returned', args: NONE },
  'list-counters-integers': {
    run: attr.listCountersIntegers,
    description: 'totalResults, startIndex, itemsPerPage are integers and Resources is an array',
    args: args({
      requireResources: { type: 'boolean', description: 'false: a missing Resources is not a failure (default true)' },
    }),
  },
  'user-profile': {
    run: attr.userProfile,
    description: 'every User passes every must-level rule of the active profile',
    args: NONE,
  },
  'location-equals-meta': {
    run: resp.locationEqualsMeta,
    description: 'the Location header equals meta.location',
    args: NONE,
  },
  'json-body': { run: resp.jsonBody, description: 'the body is a JSON object', args: NONE },
  'scim-content-type': { run: resp.scimContentType, description: 'Content-Type is application/scim+json', args: NONE },
  'list-within-count': {
    run: resp.listWithinCount,
    description: 'at most `count` resources (itemsPerPage is left to items-per-page-matches)',
    args: args({ count: { type: 'integer', minimum: 0, description: 'the count the request asked for' } }, ['count']),
  },
  'scim-error': {
    run: resp.scimError,
    description: 'the body is a SCIM Error with status as a string equal to the HTTP status',
    args: NONE,
  },
  'okta-not-found': {
    run: okta.oktaNotFound,
    description:
      'a 200 ListResponse with totalResults 0 and no Resources, or a 404 (what Okta reads as "no such user")',
    args: NONE,
  },
  'okta-patch-result': {
    run: okta.oktaPatchResult,
    description: 'PATCH answered 204, or 200 with the resource carrying the `with` values (e.g. active: false)',
    args: {
      type: 'object',
      description: 'attribute: value pairs the returned resource must carry (e.g. active: false)',
    },
  },
  'remove-non-member': {
    run: okta.removeNonMember,
    description: 'removing a non-member answers 200 or 204, or 400 with scimType noTarget',
    args: NONE,
  },
  'member-ids': {
    run: okta.memberIds,
    description: 'the group members are exactly with.ids (any order)',
    args: args({ ids: ids('the member ids expected, in any order') }, ['ids']),
  },
  'resource-meta': {
    run: rfc.resourceMeta,
    description: 'meta has resourceType (with.resourceType), created, lastModified and an absolute location',
    args: args({ resourceType: { type: 'string', description: 'the meta.resourceType expected (User, Group, ...)' } }),
  },
  'each-resource-schema': {
    run: rfc.eachResourceSchema,
    description: 'every Resource of a ListResponse is valid against the bundled schema with.schema',
    args: args({ schema: { type: 'string', enum: SCHEMA_NAMES, description: 'a bundled schema name' } }, ['schema']),
  },
  'schemas-cover-resource-types': {
    run: rfc.schemasCoverResourceTypes,
    description: 'every schema and extension named by with.resourceTypes is listed by /Schemas',
    args: args({ resourceTypes: listOrPage('the /ResourceTypes response (or its Resources)') }, ['resourceTypes']),
  },
  'only-attributes': {
    run: rfc.onlyAttributes,
    description: 'only the with.attributes requested plus id, schemas (and meta) are returned',
    args: args(
      {
        attributes: { type: 'array', items: { type: 'string' }, description: 'the attributes requested' },
        also: { type: 'array', items: { type: 'string' }, description: 'more attributes the server may return' },
      },
      ['attributes'],
    ),
  },
  'result-ids': {
    run: rfc.resultIds,
    description: 'the Resources returned are exactly with.ids (any order)',
    args: args(
      {
        ids: ids('the ids expected, in any order'),
        caseVariantOf: {
          type: 'string',
          description: 'an id the query varied the case of: no letters, nothing to check',
        },
      },
      ['ids'],
    ),
  },
  'items-per-page-matches': {
    run: rfc.itemsPerPageMatches,
    description: 'itemsPerPage equals the number of Resources returned',
    args: NONE,
  },
  'no-resources': {
    run: rfc.noResources,
    description: 'no Resources on the page, totalResults still given (with.totalResults)',
    args: args({ totalResults: { type: 'integer', minimum: 0, description: 'the totalResults expected' } }),
  },
  'pages-concatenate': {
    run: rfc.pagesConcatenate,
    description: 'the with.pages, concatenated, are this full list: no gap, no duplicate, same order',
    args: args(
      {
        pages: {
          type: 'array',
          items: { type: ['array', 'object'] },
          description: 'the pages walked (captured lists or ListResponses)',
        },
      },
      ['pages'],
    ),
  },
  'same-order': {
    run: rfc.sameOrder,
    description: 'the same resources in the same order as with.previous',
    args: args({ previous: listOrPage('the earlier list (captured Resources or ListResponse)') }, ['previous']),
  },
  'version-matches-etag': {
    run: rfc.versionMatchesEtag,
    description: 'meta.version equals the ETag header',
    args: NONE,
  },
  'sorted-by': {
    run: rfc.sortedBy,
    description: 'Resources are ordered by with.by, with.order ascending (default) or descending',
    args: args(
      {
        by: { type: 'string', description: 'the attribute sorted on (dotted for sub-attributes)' },
        order: { type: 'string', enum: ['ascending', 'descending'], description: 'default ascending' },
      },
      ['by'],
    ),
  },
  'carries-values': {
    run: update.carriesValues,
    description:
      'every value of with.values (an update as sent) shows in the resource (at with.at); a value kept from with.previous is named',
    args: args(
      {
        values: { type: 'object', description: 'the update as sent' },
        at: {
          type: 'string',
          format: 'body-path',
          description: 'where the resource is in the response (default: the body)',
        },
        previous: { type: 'object', description: 'the resource before the update, to name values kept from it' },
      },
      ['values'],
    ),
  },
  'okta-link-consistent': {
    run: update.oktaLinkConsistent,
    description:
      'a POST after a userName filter that found with.found users: 2xx, or 409 only when the filter found the user',
    args: args({ found: { type: 'integer', minimum: 0, description: 'how many users the userName filter found' } }, [
      'found',
    ]),
  },
  'patch-response': {
    run: rfc.patchResponse,
    description: 'a PATCH answers 204 without body or 200 with the resource',
    args: args({ id: { type: ['string', 'number'], description: 'the id the returned resource must have' } }),
  },
};

/**
 * A `with:` whose templates rendered to something the check cannot take is the suite's fault,
 * not the server's: the expectation is errored (SUITE_ARGUMENT), never a failed or passed check.
 */
export class CheckArgumentError extends Error {
  override name = 'CheckArgumentError';
}

export function runNamedCheck(name: string, ctx: NamedCheckContext, args: Record<string, unknown>): NamedCheckOutcome {
  const check = NAMED_CHECKS[name];
  if (!check)
    return { passed: false, detail: `unknown check "${name}" (known: ${Object.keys(NAMED_CHECKS).join(', ')})` };
  const issues = checkRenderedArgs(check.args, args);
  if (issues.length > 0)
    throw new CheckArgumentError(
      `${name}, once its templates are rendered: ${issues.map((i) => i.message).join('; ')}`,
    );
  return check.run(ctx, args);
}
