// Named checks that suites call with `check: NAME`. Adding a check for a new quirk
// is one function here (or in a sibling module) plus YAML that uses it.
import type { NamedCheck, NamedCheckContext, NamedCheckOutcome } from './named-check.js';
import * as attr from './attribute-checks.js';
import * as resp from './response-checks.js';
import * as okta from './okta-checks.js';
import * as rfc from './rfc-checks.js';
import * as update from './update-checks.js';

export const NAMED_CHECKS: Record<string, { run: NamedCheck; description: string }> = {
  'mandatory-attributes': {
    run: attr.mandatoryAttributes,
    description: "every User carries the active profile's mandatory attributes",
  },
  'preferred-language': {
    run: attr.preferredLanguage,
    description: 'preferredLanguage, when present, has the format the profile requires (ISO 639-1 by default)',
  },
  'preferred-language-round-trip': {
    run: attr.preferredLanguageRoundTrip,
    description: 'the preferredLanguage sent is returned unchanged',
  },
  'no-password': { run: attr.noPassword, description: 'password is never returned' },
  'list-counters-integers': {
    run: attr.listCountersIntegers,
    description: 'totalResults, startIndex, itemsPerPage are integers and Resources is an array',
  },
  'user-profile': {
    run: attr.userProfile,
    description: 'every User passes every must-level rule of the active profile',
  },
  'location-equals-meta': { run: resp.locationEqualsMeta, description: 'the Location header equals meta.location' },
  'json-body': { run: resp.jsonBody, description: 'the body is a JSON object' },
  'scim-content-type': { run: resp.scimContentType, description: 'Content-Type is application/scim+json' },
  'list-within-count': {
    run: resp.listWithinCount,
    description: 'at most `count` resources (itemsPerPage is left to items-per-page-matches)',
  },
  'scim-error': {
    run: resp.scimError,
    description: 'the body is a SCIM Error with status as a string equal to the HTTP status',
  },
  'okta-not-found': {
    run: okta.oktaNotFound,
    description:
      'a 200 ListResponse with totalResults 0 and no Resources, or a 404 (what Okta reads as "no such user")',
  },
  'okta-patch-result': {
    run: okta.oktaPatchResult,
    description: 'PATCH answered 204, or 200 with the resource carrying the `with` values (e.g. active: false)',
  },
  'remove-non-member': {
    run: okta.removeNonMember,
    description: 'removing a non-member answers 200 or 204, or 400 with scimType noTarget',
  },
  'member-ids': { run: okta.memberIds, description: 'the group members are exactly with.ids (any order)' },
  'resource-meta': {
    run: rfc.resourceMeta,
    description: 'meta has resourceType (with.resourceType), created, lastModified and an absolute location',
  },
  'each-resource-schema': {
    run: rfc.eachResourceSchema,
    description: 'every Resource of a ListResponse is valid against the bundled schema with.schema',
  },
  'schemas-cover-resource-types': {
    run: rfc.schemasCoverResourceTypes,
    description: 'every schema and extension named by with.resourceTypes is listed by /Schemas',
  },
  'only-attributes': {
    run: rfc.onlyAttributes,
    description: 'only the with.attributes requested plus id, schemas (and meta) are returned',
  },
  'result-ids': { run: rfc.resultIds, description: 'the Resources returned are exactly with.ids (any order)' },
  'items-per-page-matches': {
    run: rfc.itemsPerPageMatches,
    description: 'itemsPerPage equals the number of Resources returned',
  },
  'no-resources': {
    run: rfc.noResources,
    description: 'no Resources on the page, totalResults still given (with.totalResults)',
  },
  'pages-concatenate': {
    run: rfc.pagesConcatenate,
    description: 'the with.pages, concatenated, are this full list: no gap, no duplicate, same order',
  },
  'same-order': { run: rfc.sameOrder, description: 'the same resources in the same order as with.previous' },
  'version-matches-etag': { run: rfc.versionMatchesEtag, description: 'meta.version equals the ETag header' },
  'sorted-by': {
    run: rfc.sortedBy,
    description: 'Resources are ordered by with.by, with.order ascending (default) or descending',
  },
  'carries-values': {
    run: update.carriesValues,
    description:
      'every value of with.values (an update as sent) shows in the resource (at with.at); a value kept from with.previous is named',
  },
  'okta-link-consistent': {
    run: update.oktaLinkConsistent,
    description:
      'a POST after a userName filter that found with.found users: 2xx, or 409 only when the filter found the user',
  },
  'patch-response': {
    run: rfc.patchResponse,
    description: 'a PATCH answers 204 without body or 200 with the resource',
  },
};

export function runNamedCheck(name: string, ctx: NamedCheckContext, args: Record<string, unknown>): NamedCheckOutcome {
  const check = NAMED_CHECKS[name];
  if (!check)
    return { passed: false, detail: `unknown check "${name}" (known: ${Object.keys(NAMED_CHECKS).join(', ')})` };
  return check.run(ctx, args);
}
