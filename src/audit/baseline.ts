// audit --baseline: the same file as run's. An entry with `suite: audit` (or no suite) accepts
// every finding of its rule: the rule stays in the reports, marked, and no longer fails the
// audit until the entry expires. Only `suite: audit` entries are reported as stale, so one
// baseline can serve run and audit.
import type { BaselineEntry } from '../runner/baseline.js';
import type { AuditResult } from '../model/audit-result.js';

export const AUDIT_BASELINE_SUITE = 'audit';

export function applyAuditBaseline(
  result: AuditResult,
  entries: BaselineEntry[],
  today = new Date().toISOString().slice(0, 10),
): void {
  const mine = entries.filter((e) => !e.suite || e.suite === AUDIT_BASELINE_SUITE);
  const baselined: NonNullable<AuditResult['baselined']> = [];
  const notices: NonNullable<AuditResult['notices']> = result.notices ?? [];
  for (const rule of result.rules) {
    const entry = mine.find((e) => e.code === rule.code);
    if (!entry) continue;
    if (entry.expires && entry.expires < today) {
      notices.push({
        level: 'error',
        code: 'BASELINE_EXPIRED',
        message: `baseline entry ${entry.code} expired on ${entry.expires}: the rule fails the audit again`,
      });
      continue;
    }
    baselined.push({
      code: rule.code,
      count: rule.count,
      reason: entry.reason,
      ...(entry.expires ? { expires: entry.expires } : {}),
    });
  }
  for (const e of mine.filter(
    (x) => x.suite === AUDIT_BASELINE_SUITE && !result.rules.some((r) => r.code === x.code),
  )) {
    notices.push({
      level: 'warning',
      code: 'BASELINE_STALE',
      message: `baseline entry audit:${e.code} matched no finding: remove it`,
    });
  }
  const accepted = new Set(baselined.map((b) => b.code));
  const countOf = (sev: string) =>
    result.rules.filter((r) => r.severity === sev && !accepted.has(r.code)).reduce((n, r) => n + r.count, 0);
  result.baselined = baselined;
  result.notices = notices;
  result.totals = { ...result.totals, must: countOf('must'), should: countOf('should') };
  result.verdict = result.totals.must > 0 || notices.some((n) => n.level === 'error') ? 'fail' : 'pass';
}
