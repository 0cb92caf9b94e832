// Folds per-user findings into one line per attribute and cause, with a count and the
// first users as examples: "department, empty string refused: 214 users".
import { SEVERITY_ORDER } from '../model/severity.js';
import type { LeftOut } from './build-payloads.js';
import type { FindingGroup, NotEvaluatedGroup, ProvisionFinding, Severity, UserRef } from './types.js';

const RANK: Record<Severity, number> = SEVERITY_ORDER;

export function groupFindings(findings: ProvisionFinding[], maxExamples: number): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.attribute}\u0000${f.cause}`;
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { attribute: f.attribute, cause: f.cause, severity: f.severity, count: 0, examples: [] }));
    g.count++;
    if (RANK[f.severity] < RANK[g.severity]) g.severity = f.severity;
    if (g.examples.length < maxExamples) g.examples.push(f);
  }
  return [...groups.values()].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      b.count - a.count ||
      a.attribute.localeCompare(b.attribute) ||
      a.cause.localeCompare(b.cause),
  );
}

export function groupNotEvaluated(
  entries: { user: UserRef; leftOut: LeftOut[] }[],
  maxExamples: number,
): NotEvaluatedGroup[] {
  const groups = new Map<string, NotEvaluatedGroup>();
  for (const { user, leftOut } of entries) {
    for (const l of leftOut) {
      const key = `${l.attribute}\u0000${l.reason}`;
      let g = groups.get(key);
      if (!g)
        groups.set(
          key,
          (g = { attribute: l.attribute, expression: l.expression, reason: l.reason, count: 0, examples: [] }),
        );
      g.count++;
      if (g.examples.length < maxExamples) g.examples.push(user);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.attribute.localeCompare(b.attribute));
}
