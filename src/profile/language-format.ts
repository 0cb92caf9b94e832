// How a run judges preferredLanguage: --language-format, else what the profile demands, else
// RFC 7643 §4.1.1 (any valid language tag). ISO 639-1 is a particular target's demand
// (e.g. the eptura profiles), not Okta's: Okta never reads preferredLanguage back.
import type { AttributeProfile, LanguageFormat } from './types.js';

export function languageFormatFor(profile: AttributeProfile, flag?: LanguageFormat): LanguageFormat {
  return flag ?? profile.preferredLanguage?.format ?? 'bcp47';
}
