// Language, locale and time-zone formats. Each way a value can be wrong has its own
// code, because "en-US", "en_US", "FR" and "fr, en;q=0.8" need different fixes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_DIR } from '../util/paths.js';
import type { LanguageFormat } from './types.js';
import type { Severity } from '../model/severity.js';

export type FormatVerdict = { ok: true } | { ok: false; code: string; severity: Severity; message: string };

interface Iso639Data {
  count: number;
  codes: string[];
  deprecated: Record<string, string>;
}

let isoData: { codes: Set<string>; deprecated: Map<string, string> } | undefined;

function iso639(): { codes: Set<string>; deprecated: Map<string, string> } {
  if (!isoData) {
    const raw = JSON.parse(readFileSync(path.join(DATA_DIR, 'iso639-1.json'), 'utf8')) as Iso639Data;
    isoData = { codes: new Set(raw.codes), deprecated: new Map(Object.entries(raw.deprecated)) };
  }
  return isoData;
}

/** True for a current ISO 639-1 code, written in lower case ("en", not "EN" or "zz"). */
export function isIso639_1(code: string): boolean {
  return iso639().codes.has(code);
}

const OK: FormatVerdict = { ok: true };
const fail = (code: string, message: string, severity: Severity = 'must'): FormatVerdict => ({
  ok: false,
  code,
  severity,
  message,
});

// RFC 5646 langtag (grandfathered tags left out) or a private-use tag; case-insensitive.
const LANGTAG_RE =
  /^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[a-wyz\d](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?|x(?:-[a-z\d]{1,8})+)$/i;

/**
 * Well-formed BCP 47. The regex gives the grammar; Intl then catches what a regex can't
 * (repeated variants or singletons). Intl follows the Unicode locale profile, which has no
 * extlang ("zh-yue") and no bare private-use tag ("x-foo"), so those rest on the regex.
 */
export function isWellFormedBcp47(tag: string): boolean {
  if (!LANGTAG_RE.test(tag)) return false;
  try {
    Intl.getCanonicalLocales(tag);
    return true;
  } catch {
    return /^[a-z]{2,3}-[a-z]{3}(?:-|$)/i.test(tag) || /^x-/i.test(tag);
  }
}

/** Why the primary language subtag of a well-formed tag is not a known language, if it isn't. */
function primarySubtagProblem(tag: string, deprecatedSeverity: Severity): FormatVerdict {
  const primary = (tag.split('-', 1)[0] ?? tag).toLowerCase();
  if (primary === 'x' || primary.length === 3) return OK; // private use, ISO 639-2/3: no full list bundled
  if (primary.length >= 4) return fail('LANG_UNKNOWN_CODE', `"${primary}" is not a registered language subtag`);
  const replacement = iso639().deprecated.get(primary);
  if (replacement)
    return fail(
      'LANG_DEPRECATED_CODE',
      `"${primary}" is a deprecated ISO 639-1 code (use ${replacement})`,
      deprecatedSeverity,
    );
  if (!isIso639_1(primary)) return fail('LANG_UNKNOWN_CODE', `"${primary}" is not an ISO 639-1 language code`);
  return OK;
}

function commonProblems(value: unknown): FormatVerdict | string {
  if (typeof value !== 'string')
    return fail('LANG_NOT_STRING', `must be a string, got ${value === null ? 'null' : typeof value}`);
  if (value.trim() === '') return fail('LANG_EMPTY', 'must not be empty');
  if (value.trim() !== value) return fail('LANG_WHITESPACE', 'has leading or trailing whitespace');
  return value;
}

/** Judges a preferredLanguage value: strict ISO 639-1 ("en") or lenient BCP 47 ("en-US"). */
export function classifyLanguage(value: unknown, mode: LanguageFormat): FormatVerdict {
  const text = commonProblems(value);
  if (typeof text !== 'string') return text;
  return mode === 'iso639-1' ? classifyIso639_1(text) : classifyBcp47(text);
}

function classifyIso639_1(value: string): FormatVerdict {
  if (/[,;]/.test(value))
    return fail(
      'LANG_ACCEPT_LANGUAGE_LIST',
      'is an Accept-Language list; ISO 639-1 wants one two-letter code such as "en"',
    );
  if (value.includes('_'))
    return fail(
      'LANG_UNDERSCORE_LOCALE',
      `is a locale with "_"; ISO 639-1 wants the language alone ("${(value.split('_', 1)[0] ?? value).toLowerCase()}")`,
    );
  if (value.includes('-')) {
    if (!isWellFormedBcp47(value))
      return fail('LANG_NOT_BCP47', 'is neither an ISO 639-1 code nor a well-formed language tag');
    return fail(
      'LANG_REGION_TAG',
      `is a language tag with subtags; ISO 639-1 wants the language alone ("${(value.split('-', 1)[0] ?? value).toLowerCase()}")`,
    );
  }
  if (/^[a-z]{2}$/i.test(value)) {
    const lower = value.toLowerCase();
    if (value !== lower && isIso639_1(lower))
      return fail('LANG_UPPERCASE', `ISO 639-1 codes are lower case ("${lower}")`);
    const replacement = iso639().deprecated.get(lower);
    if (replacement)
      return fail('LANG_DEPRECATED_CODE', `"${lower}" is a deprecated ISO 639-1 code (use ${replacement})`);
    if (!isIso639_1(lower)) return fail('LANG_UNKNOWN_CODE', `"${value}" is not an ISO 639-1 language code`);
    return OK;
  }
  if (/^[a-z]{3}$/i.test(value))
    return fail(
      'LANG_THREE_LETTER_CODE',
      `"${value}" is a three-letter (ISO 639-2/3) code; ISO 639-1 codes have two letters`,
    );
  return fail('LANG_NOT_ISO639_1', 'is not a two-letter ISO 639-1 code');
}

function classifyBcp47(value: string): FormatVerdict {
  if (/[,;]/.test(value)) {
    // RFC 7643 §4.1.1 allows the Accept-Language form, but most consumers expect one tag.
    const ranges = value.split(',').map((part) => (part.split(';', 1)[0] ?? part).trim());
    const allWellFormed = ranges.every((r) => r === '*' || isWellFormedBcp47(r));
    if (!allWellFormed) return fail('LANG_NOT_BCP47', 'is not a well-formed Accept-Language list');
    return fail('LANG_ACCEPT_LANGUAGE_LIST', 'is an Accept-Language list, not a single language tag', 'should');
  }
  if (value.includes('_'))
    return fail(
      'LANG_UNDERSCORE_LOCALE',
      `uses "_"; BCP 47 separates subtags with "-" ("${value.replace(/_/g, '-')}")`,
    );
  if (!isWellFormedBcp47(value)) return fail('LANG_NOT_BCP47', 'is not a well-formed BCP 47 language tag');
  return primarySubtagProblem(value, 'should');
}

/** locale (RFC 7643 §4.1.1): a BCP 47 tag; "en_US" is a common legacy form servers MAY accept. */
export function checkLocale(value: unknown): FormatVerdict {
  if (typeof value !== 'string' || value.trim() === '') return fail('LOCALE_INVALID', 'must be a non-empty string');
  if (value.includes('_')) {
    const hyphenated = value.replace(/_/g, '-');
    if (isWellFormedBcp47(hyphenated) && primarySubtagProblem(hyphenated, 'should').ok) {
      return fail('LOCALE_UNDERSCORE_LEGACY', `uses the legacy "_" form; BCP 47 is "${hyphenated}"`, 'should');
    }
    return fail('LOCALE_INVALID', 'is not a language tag');
  }
  if (!isWellFormedBcp47(value)) return fail('LOCALE_INVALID', 'is not a well-formed BCP 47 language tag');
  const primary = primarySubtagProblem(value, 'should');
  if (!primary.ok && primary.severity === 'must') return fail('LOCALE_INVALID', primary.message);
  return OK;
}

let zoneIndex: Map<string, string> | undefined;

/** Lower-cased IANA name -> its canonical spelling, for the names ICU lists. */
function knownZones(): Map<string, string> {
  zoneIndex ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  return zoneIndex;
}

/** timezone (RFC 7643 §4.1.1): an IANA time zone name such as "America/Los_Angeles". */
export function checkTimezone(value: unknown): FormatVerdict {
  if (typeof value !== 'string' || value.trim() === '') return fail('TIMEZONE_INVALID', 'must be a non-empty string');
  // Offsets ("+01:00") are not IANA names even where a newer ICU accepts them.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value))
    return fail('TIMEZONE_INVALID', `"${value}" is not an IANA time zone name`);
  const listed = knownZones().get(value.toLowerCase());
  if (listed !== undefined && listed !== value)
    return fail('TIMEZONE_CASE', `IANA names are written "${listed}"`, 'should');
  if (listed === value) return OK; // listed as written: no formatter needed (building one costs about 2 ms)
  let resolved: string;
  try {
    // Accepts aliases the list leaves out: UTC, Etc/GMT+5, US/Pacific.
    resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return fail('TIMEZONE_INVALID', `"${value}" is not an IANA time zone name`);
  }
  if (resolved !== value && resolved.toLowerCase() === value.toLowerCase()) {
    return fail('TIMEZONE_CASE', `IANA names are written "${resolved}"`, 'should');
  }
  return OK;
}
