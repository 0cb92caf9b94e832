// Switchable deviations of the reference server. Each quirk breaks exactly one
// behaviour, so a test can prove that the check for that behaviour fails.
// Adding a quirk = one entry here + one guarded line where the behaviour lives:
//   if (ctx.quirks.has('list-counters-as-strings')) ...
import { UsageError } from '../errors.js';

export const QUIRKS: Record<string, string> = {
  'schema-declares-wrong-type': "/Schemas declares the User attribute active as a string (the server returns booleans)",
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
  'unstable-order': 'list results come in a different (shuffled) order on every request',
  'slow-responses': 'every response is delayed (ms from slow-responses=N, env SCIM_CHECK_QUIRK_DELAY_MS, default 300)',
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
  'drop-name': 'the name attribute of a User is silently not stored',
  'active-as-string': 'User active is returned as the string "true"/"false"',
  'no-get-by-id': 'GET /Users/{id} and /Groups/{id} answer 405 (only lists are served)',
  'no-groups-endpoint': '/Groups answers 404 (no group support)',
  'unauthorized-empty-body': '401 responses have an empty body',
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
