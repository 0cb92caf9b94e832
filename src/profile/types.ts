// Attribute profiles: which User attributes a target system needs, and in which
// format. Profiles are YAML data under profiles/ (schema: schemas/profile.schema.json).
import type { Severity } from '../model/severity.js';

/** How a language tag attribute (preferredLanguage) is judged. */
export type LanguageFormat = 'iso639-1' | 'bcp47';

/**
 * `language` follows the run's --language-format; `iso639-1` and `bcp47` are fixed by
 * the profile (a vendor that requires ISO 639-1 keeps requiring it).
 */
export type AttributeFormat =
  'language' | 'iso639-1' | 'bcp47' | 'locale' | 'iana-timezone' | 'email' | 'boolean' | 'non-empty-string' | 'uri';

export const ATTRIBUTE_FORMATS: readonly AttributeFormat[] = [
  'language',
  'iso639-1',
  'bcp47',
  'locale',
  'iana-timezone',
  'email',
  'boolean',
  'non-empty-string',
  'uri',
];

export interface MandatoryRule {
  /** Attribute path: `userName`, `emails[type eq "work" or primary eq true].value`, `urn:…:User:employeeNumber`. */
  attribute: string;
  /** Alternative paths; the rule holds when any of attribute/anyOf has a non-empty value. */
  anyOf?: string[];
  /** Name the target system uses ("Email", "Employee Id"). */
  label: string;
  ref?: string;
  severity: Severity;
}

export interface OptionalAttribute {
  attribute: string;
  label: string;
  ref?: string;
}

export interface FormatRule {
  attribute: string;
  format: AttributeFormat;
  severity: Severity;
  ref?: string;
}

export interface AttributeProfile {
  name: string;
  description?: string;
  /** Absolute path of the YAML file. */
  file: string;
  /** Names of the profiles this one extends, nearest first. */
  extendsChain: string[];
  mandatory: MandatoryRule[];
  optional: OptionalAttribute[];
  formats: FormatRule[];
  /** What the target demands of preferredLanguage (absent: a valid language tag; a changed value is a warning). */
  preferredLanguage?: PreferredLanguageRule;
}

export interface PreferredLanguageRule {
  format?: LanguageFormat;
  roundTrip?: boolean;
  ref?: string;
}

export interface AttributeFinding {
  /** Stable code: ATTR_MANDATORY_MISSING, LANG_REGION_TAG, TIMEZONE_INVALID… */
  code: string;
  severity: Severity;
  /** The path that was checked, as written in the profile. */
  attribute: string;
  value?: unknown;
  message: string;
  ref?: string;
}
