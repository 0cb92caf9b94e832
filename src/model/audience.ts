// Whom a check protects, and the verdict a run is judged by. A check protects Okta (under
// one or both of its integrations) and/or the RFC, with a severity for each.
import type { Severity } from './severity.js';

/**
 * test-app: the catalogue "SCIM 2.0 Test App" an admin configures (Okta's provisioning engine);
 * oin: the OIN submission tests (Okta's SPEC and CRUD runs); rfc: RFC 7643/7644 rules.
 */
export const AUDIENCES = ['test-app', 'oin', 'rfc'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** What a suite may write in `for:`; `okta` is shorthand for both Okta integrations. */
export const AUDIENCE_NAMES = ['okta', 'test-app', 'oin', 'rfc'] as const;
export type AudienceName = (typeof AUDIENCE_NAMES)[number];

/** The severity a check has for each audience it protects; an audience not listed is not protected. */
export type AudienceSeverities = Partial<Record<Audience, Severity>>;

/** `for:` as written in YAML: one name, a list of names (each at the check's severity), or name → severity. */
export type AudienceSpec = AudienceName | AudienceName[] | Partial<Record<AudienceName, Severity>>;

export const OKTA_INTEGRATIONS = ['test-app', 'oin'] as const;
export type OktaIntegration = (typeof OKTA_INTEGRATIONS)[number];

/** The verdict a run applies: `--for okta,rfc --okta oin`. */
export interface VerdictChoice {
  for: ('okta' | 'rfc')[];
  okta: OktaIntegration;
}

export const DEFAULT_VERDICT: VerdictChoice = { for: ['okta'], okta: 'test-app' };
