// A finding: one problem (or fact) found in data rather than by a request/response check:
// an audit of a tenant's resources, or an offline check of an Okta mapping.
// Commands extend it with their own fields (resource id, fix, listing position…).
import type { FindingSeverity } from './severity.js';

export interface Finding {
  /** Stable rule code: USERNAME_DUPLICATE, MAPPING_TARGET_UNKNOWN… */
  code: string;
  severity: FindingSeverity;
  message: string;
  /** The attribute at fault, as a SCIM path or a mapping key. */
  attribute?: string;
  /** The value at fault. */
  value?: unknown;
}

/**
 * Findings that share one cause (one code), folded: how many, and the first few as examples.
 * Reporters print a group as one line with a count rather than one line per finding.
 */
export interface FindingGroup<F extends Finding = Finding> {
  code: string;
  severity: FindingSeverity;
  title: string;
  count: number;
  examples: F[];
}
