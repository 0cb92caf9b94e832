// Switchable deviations of the reference server. Each quirk breaks exactly one
// behaviour, so a test can prove that the check for that behaviour fails.
// Adding a quirk = one entry here + one guarded line where the behaviour lives:
//   if (ctx.quirks.has('list-counters-as-strings')) ...
import { UsageError } from '../errors.js';

export const QUIRKS: Record<string, string> = {
  'schema-declares-wrong-type': '/Schemas declares the User attribute active as a string (the server returns booleans)',
  'schema-omits-attribute': '/Schemas leaves displayName out of the User schema (the server still returns it)',
  'list-counters-as-strings': 'ListResponse totalResults/itemsPerPage/startIndex are JSON strings',
  'list-omit-resources-when-empty': 'ListResponse has no Resources key when nothing matched',
  'list-bare-array': 'list endpoints return a bare JSON array of resources',
  'no-location-header': 'POST responses carry no Location header',
  'error-status-as-number': 'SCIM Error bodies carry status as a number, not a string',
  'no-www-authenticate': '401 responses carry no WWW-Authenticate header',
  'ignore-auth': 'any bearer token (or none) is accepted',
  'usernames-case-sensitive': 'userName uniqueness and filters are case-sensitive',
  'no-409-on-duplicate': 'a duplicate userName is created instead of rejected with 409',
  'patch-pathless-unsupported': 'PATCH operations without a path are rejected with 400',
  'patch-returns-204': 'successful PATCH answers 204 with no body',
  'hard-delete-on-deactivate': 'setting active=false (PATCH or PUT) deletes the user',
  'deactivated-hidden-from-filter': 'users with active=false never match a filter',
  'reactivate-new-id': 'setting active=true on an inactive user gives it a new id',
  'unstable-order':
    'each walk through a list (from startIndex=1) comes back in the opposite order of the previous walk',
  'slow-responses': 'every response is delayed (ms from slow-responses=N, env SCIM_CHECK_QUIRK_DELAY_MS, default 300)',
  'slow-endpoint':
    'responses of one endpoint are delayed (slow-endpoint=Groups:650: /Groups and below, by 650 ms; default 300 ms)',
  'content-type-json': 'responses use Content-Type application/json',
  'echo-password': 'the stored password is returned in User representations',
  'html-404': 'unknown endpoints and resources answer 404 with an HTML page',
  'drop-preferred-language': 'preferredLanguage is silently not stored',
  'preferred-language-region': 'a bare language preferredLanguage gets a region ("fr" is returned as "fr-FR")',
  'missing-meta': 'resources are returned without meta',
  'members-remove-ignored': 'PATCH remove on Group members does nothing',
  'members-replace-appends': 'PATCH replace on Group members appends instead of replacing',
  'group-rename-drops-members': 'changing a Group displayName empties its members',
  'put-creates-unknown': 'PUT to an unknown id creates the resource (201) instead of 404',
  'count-ignored': 'list endpoints return every result, ignoring count',
  'startindex-zero-based': 'startIndex is treated as 0-based (startIndex=1 skips the first result)',
  'rejects-scim-accept-header': 'requests with Accept: application/scim+json get 406',
  'rejects-json-content-type': 'request bodies with Content-Type application/json get 415',
  // Okta lifecycle packs (suites/okta/spec, provisioning, provisioning-aiw, group-push):
  'filter-ignored': 'the filter query parameter is ignored: every resource is listed',
  'list-minimal-attributes': 'list responses carry only id and userName/displayName of each resource',
  'create-empty-body': 'POST answers 201 with an empty body',
  'put-rejects-readonly': 'PUT bodies that echo id or meta are rejected with 400 mutability',
  'put-rejects-null-values': 'PUT bodies with null or empty-string attribute values are rejected with 400',
  'put-ignores-active': 'PUT keeps the stored active value (deactivation only works through PATCH)',
  'no-scim-type': 'SCIM Error bodies carry no scimType',
  'lowercase-usernames': 'userName is stored lower-cased',
  'uppercase-id-on-read': 'GET /Users/{id} and /Groups/{id} return the id upper-cased',
  'non-uuid-id-400': 'an id that is not a UUID answers 400 instead of 404',
  'delete-returns-200': 'DELETE answers 200 with the deleted resource instead of 204',
  'soft-delete-groups': 'DELETE /Groups/{id} answers 204 but the group stays readable and listed',
  // RFC 7643/7644 packs (suites/rfc/*):
  'create-returns-200': 'POST answers 200 instead of 201 Created',
  'client-id-honoured': 'POST keeps an id sent by the client instead of assigning one',
  'get-returns-list': 'GET /Users/{id} and /Groups/{id} answer a ListResponse holding the resource',
  'put-merges': 'PUT merges into the stored resource: attributes left out are kept',
  'unknown-id-empty-list': 'GET of an unknown id answers 200 with an empty ListResponse instead of 404',
  'soft-delete-users': 'DELETE /Users/{id} answers 204 but the user stays readable and listed',
  'attributes-ignored': 'the attributes query parameter is ignored',
  'excluded-attributes-ignored': 'the excludedAttributes query parameter is ignored',
  'filter-operator-broken':
    'filter operator OP (filter-operator-broken=OP: eq ne co sw ew pr gt ge lt le and or not valuepath) never matches',
  'filter-keywords-case-sensitive': 'upper-case filter operators (EQ, AND, ...) are rejected as an invalid filter',
  'filter-ignores-case-exact': 'filters compare every attribute case-insensitively, id included',
  'bad-request-as-500': 'every 400 error answers 500 Internal Server Error',
  'wrong-scim-type': 'SCIM Error bodies carry scimType invalidSyntax whatever the error',
  'no-match-404': 'a filter that matches nothing answers 404',
  'startindex-not-clamped': 'startIndex < 1 is not treated as 1 (the page comes back empty)',
  'count-zero-as-default': 'count=0 is treated as the default page size',
  'negative-count-not-clamped': 'a negative count is treated as the default page size instead of 0',
  'page-overlap': "each page after the first starts one resource early (repeats the previous page's last)",
  'page-past-end-error': 'startIndex past the last result answers 404 instead of an empty page',
  'items-per-page-is-total': 'itemsPerPage carries totalResults instead of the number returned',
  'total-results-is-page-size': 'totalResults counts only the resources on the page',
  'patch-op-ignored': 'PATCH operations of kind OP (patch-op-ignored=add|remove|replace) are accepted and do nothing',
  'patch-filter-applies-to-all': 'a PATCH value filter (emails[type eq "work"]) is ignored: every value is changed',
  'patch-add-replaces-multi': 'PATCH add on a multi-valued attribute replaces its values instead of adding',
  'patch-extension-path-unsupported': 'PATCH paths with a schema URN prefix are rejected with 400 invalidPath',
  'patch-not-atomic': 'a failing PATCH keeps the operations applied before the failing one',
  'patch-200-empty': 'a successful PATCH answers 200 with an empty body',
  'spc-unsupported':
    'ServiceProviderConfig reports FEATURE unsupported (spc-unsupported=patch,etag,...); behaviour unchanged',
  'discovery-missing-members':
    'discovery documents lack required members (SPC bulk/changePassword, ResourceType endpoint, Schema attributes)',
  'discovery-bare-array': '/ResourceTypes and /Schemas answer a bare JSON array instead of a ListResponse',
  'schemas-missing-extension': '/Schemas omits the enterprise User extension that /ResourceTypes names',
  'filter-missing-attribute-error':
    'a sub-attribute filter (emails.value eq …) is a 400 when any resource lacks the parent attribute',
  'no-enterprise-extension':
    'the server does not offer the enterprise User extension (absent from /ResourceTypes and /Schemas)',
  'discovery-filter-ignored': 'a filter on /ResourceTypes or /Schemas is ignored (200) instead of 403',
  'rejects-scim-content-type': 'request bodies with Content-Type application/scim+json get 415',
  'etag-version-mismatch': 'the ETag header is a strong tag ("N") while meta.version is weak (W/"N")',
  'etag-preconditions-ignored': 'If-Match and If-None-Match are ignored',
  'sort-ignored': 'sortBy and sortOrder are ignored (results come in creation order)',
  'drop-name': 'the name attribute of a User is silently not stored',
  'active-as-string': 'User active is returned as the string "true"/"false"',
  'no-get-by-id': 'GET /Users/{id} and /Groups/{id} answer 405 (only lists are served)',
  'no-groups-endpoint': '/Groups answers 404 (no group support)',
  'unauthorized-empty-body': '401 responses have an empty body',
  'groups-patch-unsupported': 'PATCH /Groups/{id} answers 405 (groups only take PUT)',
  'users-delete-unsupported': 'DELETE /Users/{id} answers 405 (users can only be deactivated, as Okta expects)',
  // Variants Okta accepts (issue 9): the default verdict passes them and reports the deviation as a warning
  'username-optional': 'a User without userName is created (201) instead of refused with 400 invalidValue',
  'groups-delete-unsupported': 'DELETE /Groups/{id} answers 405',
  'groups-not-offered': 'no group support at all: /ResourceTypes lists no Group and /Groups answers 404',
  'require-external-id': 'POST /Users without externalId is refused with 400 invalidValue',
  'remove-non-member-400': 'PATCH remove of members[value eq "X"] for a non-member answers 400 noTarget',
  'list-extra-members': 'every ListResponse carries an extra top-level member (nextCursor)',
  'list-omit-schemas': 'ListResponses carry no schemas member',
  // Field failures of Okta integrations (suites/okta/*, okta-in-the-field.md §A):
  'unique-email':
    'a User whose work email another user already has is refused with 409 (a uniqueness the userName filter cannot see)',
  'unique-external-id': 'a User whose externalId another user already has is refused with 409',
  'username-unique-case-folded': 'userName uniqueness ignores case, but the userName filter compares case-sensitively',
  'short-pages':
    'list pages hold at most N resources whatever count asks (short-pages=N, default 2); totalResults counts all',
  'plain-text-errors': 'errors (4xx/5xx) answer a plain-text body instead of a SCIM Error',
  'rate-limit-no-retry-after':
    'every Nth request (rate-limit-no-retry-after=N, default 10) answers 429 without Retry-After',
  'rate-limit': 'every Nth request (rate-limit=N, default 10) answers 429 with Retry-After: 1',
  'racy-create':
    'POST /Users checks userName uniqueness when the request arrives and stores 50 ms later, so two POSTs at once both create',
  'group-name-conflicts-self':
    'a Group write answers 409 when any group has its displayName, itself included (an unchanged name is a conflict)',
  'members-pathless-replace-unsupported':
    'a PATCH replace without path whose value carries members is refused with 400',
  'empty-members-replace-rejected': 'a PATCH replace of members with an empty list is refused with 400',
  'group-create-ignores-members': 'POST /Groups creates the group without the members it was sent',
  'member-readd-error': 'adding a member who is already in the group answers 409',
  'member-readd-duplicates': 'adding a member who is already in the group lists the member twice',
  'group-filter-prefix-match': 'displayName eq on /Groups also matches every group whose name starts with the value',
  'locale-underscore-rejected': 'a locale in the language_COUNTRY form (en_US) is refused with 400',
  'drop-enterprise-extension': 'the enterprise User extension is declared, but its values are silently not stored',
  'custom-extension-rejected': 'a User naming a schema URN the server does not know is refused with 400',
  'filter-plus-as-space': 'a + in a filter value is read as a space',
  'filter-apostrophe-never-matches': "a filter value containing an apostrophe (') never matches",
  'put-username-ignored': 'PUT keeps the stored userName (a changed userName is ignored)',
  'language-tag-rejected':
    'a preferredLanguage that is not two letters (ISO 639-1) is refused with STATUS (language-tag-rejected=STATUS, default 500)',
  'error-without-detail': 'SCIM Error bodies carry no detail',
  'put-ignores':
    'PUT keeps the stored value of ATTR (put-ignores=ATTR, default title; department etc. for enterprise attributes)',
  'patch-ignores':
    'PATCH keeps the stored value of ATTR (patch-ignores=ATTR, default title; department etc. for enterprise attributes)',
  'patch-password-rejected': 'a PATCH that sets password is refused with 400',
  // value handling on create (scim-check provision):
  'create-rejects-empty-strings':
    'POST /Users with an empty-string attribute value is refused with 400 invalidValue naming the attribute',
  'rejects-non-latin-names':
    'a User whose name or displayName holds characters beyond Latin script is refused with 400 invalidValue',
  'lowercase-emails': 'emails values are stored lower-cased',
  'truncate-long-strings':
    'string values other than userName and externalId are stored cut to N characters (truncate-long-strings=N, default 40)',
};

/** The active quirks of one server, with optional `name=value` parameters. */
export class QuirkSet {
  private readonly params = new Map<string, string | undefined>();

  constructor(specs: readonly string[] = []) {
    for (const spec of specs) {
      const [name, value] = splitSpec(spec);
      if (!(name in QUIRKS)) {
        throw new UsageError(`unknown quirk "${name}"; valid quirks: ${Object.keys(QUIRKS).join(', ')}`);
      }
      this.params.set(name, value);
    }
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  param(name: string): string | undefined {
    return this.params.get(name);
  }

  list(): string[] {
    return [...this.params.keys()];
  }

  /** Delay for slow-endpoint in ms: only for the endpoint it names (`=Groups:650`), 0 for the others. */
  endpointDelayMs(segments: readonly string[]): number {
    if (!this.has('slow-endpoint')) return 0;
    const [endpoint, raw] = (this.param('slow-endpoint') ?? '').split(':');
    if (segments[0] !== endpoint) return 0;
    const ms = raw === undefined ? 300 : Number(raw);
    return Number.isFinite(ms) && ms >= 0 ? ms : 300;
  }

  /** Delay for slow-responses in ms: explicit `=N`, else the env variable, else 300. */
  delayMs(): number {
    if (!this.has('slow-responses')) return 0;
    const raw = this.param('slow-responses') ?? process.env.SCIM_CHECK_QUIRK_DELAY_MS;
    const ms = raw === undefined ? 300 : Number(raw);
    return Number.isFinite(ms) && ms >= 0 ? ms : 300;
  }
}

function splitSpec(spec: string): [string, string | undefined] {
  const eq = spec.indexOf('=');
  return eq < 0 ? [spec.trim(), undefined] : [spec.slice(0, eq).trim(), spec.slice(eq + 1).trim()];
}
