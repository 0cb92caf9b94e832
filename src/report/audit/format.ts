// Small text helpers shared by the audit reporters.
import type { AuditResult, AuditSeverity, RuleSummary } from '../../model/audit-result.js';

export const SEVERITY_LABEL: Record<AuditSeverity, string> = { must: 'MUST', should: 'SHOULD', info: 'INFO' };

export function verdictLine(result: AuditResult): string {
  const { must, should, info } = result.totals;
  const head = result.verdict === 'pass' ? 'PASS' : 'FAIL';
  const why =
    result.verdict === 'pass' ? 'no must-level finding' : `${must} must-level finding${must === 1 ? '' : 's'}`;
  const accepted = result.baselined?.length
    ? `, ${result.baselined.length} rule${result.baselined.length === 1 ? '' : 's'} baselined`
    : '';
  return `${head}: ${why} (${should} should, ${info} info${accepted}) in ${result.totals.resourcesRead} resources`;
}

export function formatValue(value: unknown, limit = 80): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const points = Array.from(text);
  return points.length <= limit ? text : `${points.slice(0, limit).join('')}…`;
}

export function exampleIds(rule: RuleSummary, n = 3): string {
  const ids = rule.examples.slice(0, n).map((e) => e.resourceId ?? e.message);
  const more = rule.count - ids.length;
  return ids.join(', ') + (more > 0 ? `, +${more} more` : '');
}

export function endpointLine(result: AuditResult): string[] {
  return result.endpoints.map((e) => {
    const total = e.totalResults === undefined ? '?' : String(e.totalResults);
    const extra = [e.truncated ? 'stopped at --max-resources' : '', e.retries ? `${e.retries} retried requests` : '']
      .filter(Boolean)
      .join(', ');
    return `${e.resourceType === 'User' ? 'Users' : 'Groups'}: ${e.read} read of ${total} announced, ${e.pages} page${e.pages === 1 ? '' : 's'}${extra ? ` (${extra})` : ''}`;
  });
}
