// Data shapes of `scim-check provision`: the Okta users read from an export, what became
// of each one, and the grouped findings the reporters render. Nothing here knows HTTP.
import type { SourcePosition } from '../model/position.js';
import type { FindingSeverity } from '../model/severity.js';

/** One Okta user as an export holds it: the profile plus the few fields outside it. */
export interface OktaUser {
  /** Okta user id (00u…), when the export has one. */
  id?: string;
  status?: string;
  profile: Record<string, unknown>;
  /** Where the user is in the export (CSV row, JSON element). */
  position: SourcePosition;
  /** 1-based position in the export, for a stable, non-personal reference. */
  index: number;
}

/** The shared finding severity: must fails the run, should warns, info informs. */
export type Severity = FindingSeverity;

/** How a user ended. `dry-run`: built and checked offline only. */
export type Outcome = 'accepted' | 'changed' | 'refused' | 'error' | 'exists' | 'dry-run';

/** A non-personal handle on a user, plus its login (personal, masked with --mask-pii). */
export interface UserRef {
  index: number;
  oktaId?: string;
  login?: string;
  /** The id the server gave the user (replay only). */
  scimId?: string;
}

export interface ProvisionFinding {
  user: UserRef;
  /** SCIM path of the attribute (`name.familyName`, `urn:…:User:department`), or `(user)`. */
  attribute: string;
  /** Stable cause of the finding, the grouping key with the attribute: `dropped`, `lower-cased`, `refused 400 invalidValue`. */
  cause: string;
  severity: Severity;
  message: string;
  sent?: unknown;
  stored?: unknown;
}

export interface FindingGroup {
  attribute: string;
  cause: string;
  severity: Severity;
  count: number;
  examples: ProvisionFinding[];
}

/** An expression that could not be evaluated for some users: their attribute was left out. */
export interface NotEvaluatedGroup {
  attribute: string;
  expression: string;
  reason: string;
  count: number;
  examples: UserRef[];
}

export interface UserReport {
  user: UserRef;
  outcome: Outcome;
  /** The SCIM body Okta would POST (the replay sends it with the run prefix). */
  payload: Record<string, unknown>;
  /** Attributes left out because their expression could not be evaluated. */
  leftOut: string[];
  /** Refusal: HTTP status and the server's detail. */
  refusal?: { status: number; scimType?: string; detail?: string };
  findings: ProvisionFinding[];
}

export interface CleanupSummary {
  created: number;
  removed: number;
  failed: { scimId: string; detail: string }[];
}

export interface ProvisionResult {
  tool: { name: string; version: string };
  mode: 'dry-run' | 'replay';
  target?: { baseUrl: string; serverSchemas: 'used' | 'not-published' };
  inputs: {
    users: string;
    mapping: string;
    appSchema?: string;
    profile: string;
    usernameFormat: string;
    selection: string;
  };
  /** Run prefix carried by userName, displayName and externalId of every replayed user. */
  prefix?: string;
  startedAt: string;
  durationMs: number;
  /** Users in the export, and how many were selected. */
  read: number;
  selected: number;
  counts: Record<Outcome, number>;
  /** Findings about the mapping itself (independent of users). */
  mappingFindings: { code: string; severity: Severity; attribute?: string; message: string }[];
  groups: FindingGroup[];
  notEvaluated: NotEvaluatedGroup[];
  users: UserReport[];
  cleanup?: CleanupSummary;
  verdict: 'pass' | 'fail';
  interrupted?: string;
}
