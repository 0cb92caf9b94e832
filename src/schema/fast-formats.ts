// Fast paths for the string formats on every SCIM response (meta.created/lastModified are
// date-times, meta.location a uri, a member's $ref a uri-reference). ajv-formats checks them
// with long regular expressions, which cost more than the rest of a User's validation.
// Each function here answers true only for the common shape (2024-05-01T10:20:30.123Z,
// http://host:8080/scim/v2/Users/123) after the same checks ajv-formats makes; anything else
// returns false and the caller asks ajv-formats, so no verdict can change.
//
// The build embeds these in the generated validators by their source text, under the same
// names (src/prebuilt/generate.ts): no imports, no outer variables but the expressions here.

/** The shape of `fastDateTime`, every field in range but the day of the month. */
export const FAST_DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)` with a real calendar date and a time below 24:00:00
 * (what ajv-formats' full `date-time` accepts for that shape; leap seconds are left to it).
 */
export function fastDateTime(s: string): boolean {
  if (!FAST_DATE_TIME.test(s)) return false;
  const d = (i: number): number => s.charCodeAt(i) - 48;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/**
 * `http(s)://host[:port][/path]` where host and path use only unreserved and sub-delim
 * characters (no %-escapes, query, fragment, user info or IP literal): a subset of what
 * ajv-formats' `uri` and `uri-reference` accept. (A regular expression: V8 runs this one
 * faster than a loop over char codes.)
 */
export const FAST_HTTP_URI = /^https?:\/\/[a-z0-9\-._~!$&'()*+,;=]*(?::\d*)?(?:\/[a-z0-9\-._~!$&'()*+,;=:@]*)*$/i;

/**
 * `urn:nid:nss` with only unreserved and sub-delim characters, ":" and "@" (no %-escapes,
 * "/", query or fragment): the `schemas` URNs of every resource. A subset of what
 * ajv-formats' `uri` and `uri-reference` accept, whose own expressions take 7 ms each to
 * compile: a run that meets only these shapes never compiles them.
 */
export const FAST_URN = /^urn:[a-z0-9][a-z0-9-]*(?::[a-z0-9\-._~!$&'()*+,;=@]+)+$/i;

/** An absolute path (`/Users`): the `$ref` shape of resource types. A subset of what `uri-reference` accepts. */
export const FAST_ABSOLUTE_PATH = /^(?:\/[a-z0-9\-._~!$&'()*+,;=:@]+)+$/i;

/** The shapes `uri` lets through without ajv-formats: http(s) URLs and URNs. */
export function fastUri(s: string): boolean {
  return FAST_HTTP_URI.test(s) || FAST_URN.test(s);
}

/** The shapes `uri-reference` lets through without ajv-formats: those of `uri`, and absolute paths. */
export function fastUriReference(s: string): boolean {
  return FAST_HTTP_URI.test(s) || FAST_URN.test(s) || FAST_ABSOLUTE_PATH.test(s);
}
