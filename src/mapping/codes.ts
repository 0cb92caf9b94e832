// The rule catalogue of validate-mapping: every finding code, its fixed severity, what it
// means in one line and the mistake of the reference catalogue (M1-M16) it implements.
export type MappingSeverity = 'must' | 'should';

export interface RuleInfo {
  severity: MappingSeverity;
  title: string;
  ref?: string;
}

const must = (title: string, ref?: string): RuleInfo => ({ severity: 'must', title, ref });
const should = (title: string, ref?: string): RuleInfo => ({ severity: 'should', title, ref });

export const RULES = {
  // mandatory attributes, required targets, push status
  MAP_MANDATORY_UNMAPPED: must('a mandatory attribute of the profile has an app attribute but no mapping', 'M8'),
  MAP_MANDATORY_NO_TARGET: must('no app schema attribute writes a mandatory SCIM attribute of the profile', 'M8'),
  MAP_MANDATORY_WRONG_NAMESPACE: must(
    'a mandatory attribute lands in another schema namespace than the profile expects',
  ),
  MAP_REQUIRED_UNMAPPED: must('an app attribute marked required has no mapping', 'M8'),
  MAP_USERNAME_OVERRIDE: should(
    'userName is mapped although the SCIM template takes it from the Sign On username format',
    'M9',
  ),
  MAP_USERNAME_FORMAT_INVALID: must('the username format (--username-format) is not a valid expression'),
  MAP_PUSH_STATUS: should('an attribute that must track changes is applied on create only (DONT_PUSH)', 'M7'),
  MAP_PUSH_STATUS_INVALID: must('pushStatus is neither PUSH nor DONT_PUSH'),
  // targets and the app user schema
  MAP_TARGET_UNKNOWN: must('the mapped target attribute is not in the app user schema', 'M5'),
  MAP_EXTERNAL_NAME_MISSING: should(
    'an app attribute has no externalName/externalNamespace, so it is never sent',
    'M4/M14',
  ),
  MAP_EXTERNAL_NAME_SYNTAX: must("externalName does not follow Okta's SCIM path syntax"),
  MAP_EXTERNAL_NAME_HAS_URN: must('externalName contains a schema URN (it belongs in externalNamespace)', 'M4'),
  MAP_EXTERNAL_NAME_UNKNOWN: should('externalName names an attribute the namespace does not define'),
  MAP_NAMESPACE_MISSING: should(
    'an app attribute has an externalName but no externalNamespace: it is silently dropped',
    'M4/M14',
  ),
  MAP_NAMESPACE_NEAR_MISS: must('externalNamespace is a near-miss of the core or enterprise URN', 'M4'),
  MAP_NAMESPACE_INVALID: must('externalNamespace is not a well-formed URN', 'M4'),
  MAP_NAMESPACE_PLACEHOLDER: must('externalNamespace still contains a documentation placeholder', 'M4'),
  MAP_NAMESPACE_SCIM11: must('externalNamespace is a SCIM 1.1 URN on a SCIM 2.0 mapping', 'M4'),
  MAP_NAMESPACE_CUSTOM: should('a custom extension URN: the server must advertise it in /Schemas', 'M4'),
  MAP_DUPLICATE_SCIM_PATH: must('two app attributes write the same SCIM path'),
  MAP_RESERVED_GROUPS: must('`groups` is reserved: Okta manages memberships through Group Push'),
  MAP_UNMAPPED_SENT_EMPTY: should(
    'an app attribute with a SCIM path is not mapped but is still pushed (empty) on every update',
    'M10',
  ),
  // expressions
  MAP_EL_SYNTAX: must('the expression does not parse'),
  MAP_EL_CURLY_QUOTES: must('the expression contains typographic quotes', 'M12'),
  MAP_EL_FORBIDDEN_CONSTRUCT: must('the expression uses a SpEL construct Okta forbids'),
  MAP_EL_EMPTY: must('the expression is empty'),
  MAP_EL_UNKNOWN_FUNCTION: must('the expression calls a function Okta does not have'),
  MAP_EL_ARITY: must('a function is called with the wrong number of arguments'),
  MAP_EL_FUNCTION_NOT_ALLOWED: must('the function cannot be used in profile mappings', 'M13'),
  MAP_EL_GROUP_FUNCTION: should('group functions are not re-evaluated when membership changes', 'M13'),
  MAP_EL_DEPRECATED_FUNCTION: should('a deprecated function is used'),
  MAP_EL_CONDITION: must('the condition of ?: is not a boolean or uses a function not allowed there'),
  MAP_EL_NOT_EVALUATED: should('part of the expression is outside the subset evaluated offline'),
  MAP_SOURCE_UNKNOWN: must('the expression references an Okta user attribute that does not exist', 'M6'),
  MAP_SOURCE_NOT_BASE: should(
    'the source is not an Okta base attribute (pass --user-schema to resolve custom ones)',
    'M6',
  ),
  MAP_SOURCE_CASE: must('the source attribute differs from an Okta attribute only by case', 'M6'),
  MAP_SOURCE_WRONG_BINDING: must('appuser.* (or a bare name) refers to the app user in an Okta-to-app mapping'),
  MAP_SOURCE_IE_DIALECT: must('user.profile.* is the Identity Engine dialect, not valid in mappings'),
  MAP_SOURCE_LEGACY_BINDING: should('source.* is legacy template syntax; use user.*'),
  MAP_SOURCE_UNRESOLVED: should('the reference needs data outside the Okta user profile and is not resolved offline'),
  MAP_SOURCE_SUSPICIOUS: should('the source attribute belongs to another SCIM attribute (copy-paste?)', 'M11'),
  MAP_TYPE_MISMATCH: must('the expression result type does not match the target attribute type'),
  MAP_ENUM_VALUE: must("a constant result is not one of the target attribute's enum values"),
  // formats
  MAP_PREFERRED_LANGUAGE_LOCALE: must(
    'user.locale (en_US) feeds preferredLanguage: an underscore is never a valid language',
    'M1',
  ),
  MAP_PREFERRED_LANGUAGE_NOT_ISO639_1: must(
    'preferredLanguage can carry a region tag or a list, not an ISO 639-1 code',
    'M3',
  ),
  MAP_PREFERRED_LANGUAGE_LITERAL: must('a constant preferredLanguage has the wrong format'),
  MAP_PREFERRED_LANGUAGE_UNPROVEN: should('the mapping cannot be shown to emit the required preferredLanguage format'),
  MAP_LOCALE_FORMAT: should('locale is fed a value that is not an RFC 5646 tag (en_US, or a language list)', 'M2'),
  MAP_TIMEZONE_FORMAT: should('timezone is fed a value that is not an IANA time zone name'),
  // null hazards
  MAP_NULL_CONCAT: should('a nullable source is concatenated without a null guard'),
  MAP_NULL_FUNCTION_ARG: should('a nullable source is passed to a String function without a null guard'),
  MAP_REQUIRED_NULLABLE: should('a mandatory or required target is fed by a source that can be null', 'M8'),
  // samples
  MAP_SAMPLE_EVAL_FAILED: must('Okta would fail to evaluate the expression for this sample'),
  MAP_SAMPLE_NOT_EVALUATED: should('the expression could not be evaluated for this sample'),
  MAP_SAMPLE_SCHEMA: must('the rendered SCIM payload does not validate against the User schema'),
  MAP_SAMPLE_PROFILE: must('the rendered SCIM payload breaks a must-level rule of the attribute profile'),
  MAP_SAMPLE_PROFILE_SHOULD: should('the rendered SCIM payload breaks a should-level rule of the attribute profile'),
  MAP_SAMPLE_CONSTRAINT: must("a value breaks the app attribute's enum, maxLength or pattern"),
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;
