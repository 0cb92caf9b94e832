// Data shapes of an audit: what a finding is, what the run ends with. Reporters
// read only these; nothing here knows about HTTP.
import type { Finding, FindingGroup } from './finding.js';
import type { FindingSeverity } from './severity.js';
import type { Verdict } from './verdict.js';

/** `info` findings are facts a person should know before a cutover; they never fail the audit. */
export type AuditSeverity = FindingSeverity;

export type AuditResourceType = 'User' | 'Group';

export interface AuditFinding extends Finding {
  resourceType: AuditResourceType;
  /** SCIM id of the offending resource; absent for page-level findings. */
  resourceId?: string;
  /** userName or displayName, to help a person find the resource (masked with --mask-pii). */
  label?: string;
  /** Attribute at fault, as a SCIM path (`emails.value`, `preferredLanguage`). */
  attribute?: string;
  /** Value at fault (masked with --mask-pii when it is an email or a name). */
  value?: unknown;
  message: string;
  /** Position of the resource in the listing (startIndex of its page + offset), for a stable order. */
  position?: number;
}

/** One rule's findings, folded: a count and the first few by listing position. */
export type RuleSummary = FindingGroup<AuditFinding>;

export interface EndpointSummary {
  resourceType: AuditResourceType;
  /** totalResults of the first page (undefined when the first page failed). */
  totalResults?: number;
  /** Resources actually read and checked. */
  read: number;
  pages: number;
  /** Requests retried after 429/503/connection reset. */
  retries: number;
  /** True when --max-resources stopped the read early. */
  truncated: boolean;
}

export type AuditVerdict = Verdict;

export interface AuditResult {
  tool: { name: string; version: string };
  target: { baseUrl: string };
  profile: string;
  startedAt: string;
  durationMs: number;
  endpoints: EndpointSummary[];
  /** Whether the server published /Schemas that the audit could use. */
  serverSchemas: 'used' | 'not-published';
  rules: RuleSummary[];
  totals: { findings: number; must: number; should: number; info: number; resourcesRead: number };
  verdict: AuditVerdict;
  /** Rules that could not be evaluated, with why (e.g. group members without reading users). */
  skipped: { code: string; reason: string }[];
  /** Rules a --baseline accepted: still listed, never failing the audit until they expire. */
  baselined?: { code: string; count: number; reason: string; expires?: string }[];
  /** Run-level messages (expired or stale baseline entries). */
  notices?: { level: 'error' | 'warning'; code: string; message: string }[];
}
