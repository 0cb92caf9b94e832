// The rule catalogue: every code the audit itself emits, with its severity and a
// one-line title for reports. Profile findings (ATTR_*, LANG_*…) keep the code and
// severity the profile gives them and get their title from PROFILE_TITLES or the code.
import type { AuditSeverity } from '../model/audit-result.js';

export interface RuleInfo {
  severity: AuditSeverity;
  title: string;
}

export const AUDIT_RULES = {
  SCHEMA_USER_INVALID: { severity: 'must', title: 'User does not match the RFC 7643 User schema' },
  SCHEMA_GROUP_INVALID: { severity: 'must', title: 'Group does not match the RFC 7643 Group schema' },
  SERVER_SCHEMA_REQUIRED_MISSING: { severity: 'must', title: "Attribute required by the server's own /Schemas is missing" },
  SERVER_SCHEMA_TYPE_MISMATCH: { severity: 'must', title: "Attribute value does not have the type the server's /Schemas declares" },
  SERVER_SCHEMA_UNDECLARED: { severity: 'should', title: "Attribute not declared in the server's /Schemas" },
  USERNAME_DUPLICATE: { severity: 'must', title: 'userName shared by several users (ignoring case): Okta links or fails with 409' },
  EMAIL_DUPLICATE: { severity: 'should', title: 'Email address shared by several users' },
  EXTERNAL_ID_DUPLICATE: { severity: 'must', title: 'externalId shared by several users' },
  USER_INACTIVE: { severity: 'info', title: 'Inactive user (active=false): Okta skips it on import' },
  GROUP_MEMBER_UNKNOWN: { severity: 'must', title: 'Group member references no existing user or group' },
  LIST_RESPONSE_INVALID: { severity: 'must', title: 'List page is not a valid ListResponse' },
  PAGE_FAILED: { severity: 'must', title: 'List page could not be read (HTTP error after retries)' },
  PAGINATION_TOTAL_CHANGED: { severity: 'should', title: 'totalResults changed between pages' },
  PAGINATION_DUPLICATE_ID: { severity: 'must', title: 'The same id was listed on two pages' },
  PAGINATION_SHORT: { severity: 'must', title: 'Fewer resources listed than totalResults announced' },
  PAGINATION_COUNT_IGNORED: { severity: 'must', title: 'A page held more resources than the count asked for' },
} as const satisfies Record<string, RuleInfo>;

export type AuditRuleCode = keyof typeof AUDIT_RULES;

/** Titles for the codes the attribute profile checks emit. */
const PROFILE_TITLES: Record<string, string> = {
  ATTR_MANDATORY_MISSING: 'Mandatory attribute (per profile) missing',
  ATTR_MANDATORY_EMPTY: 'Mandatory attribute (per profile) present but empty',
  ATTR_NOT_BOOLEAN: 'Attribute is not true or false',
  ATTR_EMPTY_STRING: 'Attribute is an empty string',
  EMAIL_INVALID: 'Email address is not valid',
  URI_INVALID: 'Value is not an absolute URI',
  LANG_REGION_TAG: 'preferredLanguage has a region ("en-US"); ISO 639-1 wants "en"',
  LANG_UNDERSCORE_LOCALE: 'preferredLanguage is a locale with "_" ("en_US")',
  LANG_UPPERCASE: 'preferredLanguage in upper case',
  LANG_UNKNOWN_CODE: 'preferredLanguage is not a known language code',
  LANG_DEPRECATED_CODE: 'preferredLanguage uses a deprecated ISO 639-1 code',
  LANG_THREE_LETTER_CODE: 'preferredLanguage is a three-letter code',
  LANG_NOT_ISO639_1: 'preferredLanguage is not an ISO 639-1 code',
  LANG_NOT_BCP47: 'preferredLanguage is not a well-formed language tag',
  LANG_ACCEPT_LANGUAGE_LIST: 'preferredLanguage is an Accept-Language list',
  LANG_EMPTY: 'preferredLanguage is empty',
  LANG_NOT_STRING: 'preferredLanguage is not a string',
  LANG_WHITESPACE: 'preferredLanguage has surrounding whitespace',
  LOCALE_INVALID: 'locale is not a language tag',
  LOCALE_UNDERSCORE_LEGACY: 'locale uses the legacy "_" form ("en_US")',
  TIMEZONE_INVALID: 'timezone is not an IANA time zone name',
  TIMEZONE_CASE: 'timezone is not written as in the IANA database',
};

export function ruleTitle(code: string): string {
  if (code in AUDIT_RULES) return AUDIT_RULES[code as AuditRuleCode].title;
  return PROFILE_TITLES[code] ?? code.toLowerCase().replace(/_/g, ' ');
}

export function ruleInfo(code: AuditRuleCode): RuleInfo {
  return AUDIT_RULES[code];
}
