// The json report is JSON Lines, streamed: one {"type":"finding",…} line per finding as it
// is found, then one {"type":"summary",…} line (the AuditResult without examples, which
// the finding lines already hold). A reader can process a huge tenant line by line.
import type { AuditFinding, AuditResult } from '../../model/audit-result.js';

export function findingLine(finding: AuditFinding): string {
  return `${JSON.stringify({ type: 'finding', ...finding })}\n`;
}

export function summaryLine(result: AuditResult): string {
  const rules = result.rules.map(({ examples: _examples, ...rest }) => rest);
  return `${JSON.stringify({ type: 'summary', ...result, rules })}\n`;
}
