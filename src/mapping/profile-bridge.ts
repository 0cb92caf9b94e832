// The attribute-profile functions validate-mapping uses (owned by src/profile/), in one
// place so the rest of src/mapping does not depend on that module's file layout.
import { loadProfile } from '../profile/load.js';
import { checkUser } from '../profile/check-user.js';
import { resolveValues } from '../profile/attribute-resolver.js';
import { classifyLanguage, checkLocale, checkTimezone } from '../profile/language.js';
import type { AttributeFinding, AttributeProfile } from '../profile/types.js';
import type { LanguageFormat } from './types.js';

export type { AttributeFinding, AttributeProfile };
export { loadProfile, checkUser, resolveValues, classifyLanguage, checkLocale, checkTimezone };

/** The preferredLanguage format that applies: fixed by the profile, else the flag, else ISO 639-1. */
export function effectiveLanguageFormat(profile: AttributeProfile, flag?: LanguageFormat): LanguageFormat {
  const rule = profile.formats.find((f) => f.attribute.toLowerCase() === 'preferredlanguage');
  if (rule?.format === 'iso639-1' || rule?.format === 'bcp47') return rule.format;
  return flag ?? 'iso639-1';
}

export function isMandatoryFinding(f: AttributeFinding): boolean {
  return f.code === 'ATTR_MANDATORY_MISSING' || f.code === 'ATTR_MANDATORY_EMPTY';
}
