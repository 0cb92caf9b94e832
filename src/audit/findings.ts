// Aggregates findings as they stream in: a count per rule and the first few examples
// by listing position (so reports are stable whatever order concurrent pages arrive in).
// Every finding is also handed to the sinks (the streamed JSON Lines report) and then dropped.
import { SEVERITY_ORDER } from '../model/severity.js';
import { ruleTitle } from './rules.js';
import type { AuditFinding, AuditSeverity, RuleSummary } from '../model/audit-result.js';

export type FindingSink = (finding: AuditFinding) => void | Promise<void>;

interface RuleBucket {
  severity: AuditSeverity;
  count: number;
  examples: AuditFinding[];
}

export class FindingCollector {
  private readonly buckets = new Map<string, RuleBucket>();

  constructor(
    private readonly maxExamples: number,
    private readonly sinks: FindingSink[] = [],
  ) {}

  async add(finding: AuditFinding): Promise<void> {
    let bucket = this.buckets.get(finding.code);
    if (!bucket) {
      bucket = { severity: finding.severity, count: 0, examples: [] };
      this.buckets.set(finding.code, bucket);
    }
    bucket.count += 1;
    keepExample(bucket.examples, finding, this.maxExamples);
    for (const sink of this.sinks) await sink(finding);
  }

  /** Rules with at least one finding: must first, then by count, then by code. */
  summaries(): RuleSummary[] {
    return [...this.buckets.entries()]
      .map(([code, b]) => ({
        code,
        severity: b.severity,
        title: ruleTitle(code),
        count: b.count,
        examples: b.examples,
      }))
      .sort(
        (a, b) =>
          SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || (a.code < b.code ? -1 : 1),
      );
  }
}

function keepExample(examples: AuditFinding[], finding: AuditFinding, max: number): void {
  if (max <= 0) return;
  const last = examples.at(-1);
  if (examples.length >= max && last && compare(finding, last) >= 0) return;
  // sorted insert; the list is tiny (max examples), so a linear scan is fine
  let i = examples.length;
  for (let before = examples[i - 1]; before && compare(before, finding) > 0; before = examples[i - 1]) i--;
  examples.splice(i, 0, finding);
  if (examples.length > max) examples.pop();
}

/** Users before groups, then listing position, then attribute: independent of arrival order. */
function compare(a: AuditFinding, b: AuditFinding): number {
  if (a.resourceType !== b.resourceType) return a.resourceType === 'User' ? -1 : 1;
  const pa = a.position ?? Number.MAX_SAFE_INTEGER;
  const pb = b.position ?? Number.MAX_SAFE_INTEGER;
  if (pa !== pb) return pa - pb;
  return (a.attribute ?? '') < (b.attribute ?? '') ? -1 : (a.attribute ?? '') > (b.attribute ?? '') ? 1 : 0;
}
