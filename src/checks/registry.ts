// Named checks that suites call with `check: NAME`. Adding a check for a new quirk
// is one function here (or in a sibling module) plus YAML that uses it.
import type { AttributeProfile } from '../profile/types.js';
import * as attr from './attribute-checks.js';
import * as resp from './response-checks.js';

export interface NamedCheckContext {
  body: unknown;
  request: { body?: unknown };
  response: { status: number; headers: Record<string, string>; bodyText: string };
  profile: AttributeProfile;
  languageFormat: 'iso639-1' | 'bcp47';
}

export interface NamedCheckOutcome {
  passed: boolean;
  actual?: unknown;
  expected?: unknown;
  detail?: string;
}

export type NamedCheck = (ctx: NamedCheckContext, args: Record<string, unknown>) => NamedCheckOutcome;

export const NAMED_CHECKS: Record<string, { run: NamedCheck; description: string }> = {
  'mandatory-attributes': { run: attr.mandatoryAttributes, description: "every User carries the active profile's mandatory attributes" },
  'preferred-language': { run: attr.preferredLanguage, description: 'preferredLanguage, when present, has the format the profile requires (ISO 639-1 by default)' },
  'preferred-language-round-trip': { run: attr.preferredLanguageRoundTrip, description: 'the preferredLanguage sent is returned unchanged' },
  'no-password': { run: attr.noPassword, description: 'password is never returned' },
  'list-counters-integers': { run: attr.listCountersIntegers, description: 'totalResults, startIndex, itemsPerPage are integers and Resources is an array' },
  'user-profile': { run: attr.userProfile, description: 'every User passes every must-level rule of the active profile' },
  'location-equals-meta': { run: resp.locationEqualsMeta, description: 'the Location header equals meta.location' },
  'json-body': { run: resp.jsonBody, description: 'the body is a JSON object' },
  'scim-content-type': { run: resp.scimContentType, description: 'Content-Type is application/scim+json' },
  'list-within-count': { run: resp.listWithinCount, description: 'at most `count` resources and itemsPerPage equals the number returned' },
  'scim-error': { run: resp.scimError, description: 'the body is a SCIM Error with status as a string equal to the HTTP status' },
};

export function runNamedCheck(name: string, ctx: NamedCheckContext, args: Record<string, unknown>): NamedCheckOutcome {
  const check = NAMED_CHECKS[name];
  if (!check) return { passed: false, detail: `unknown check "${name}" (known: ${Object.keys(NAMED_CHECKS).join(', ')})` };
  return check.run(ctx, args);
}
