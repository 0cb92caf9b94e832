// Words and small text helpers shared by the provision reporters.
import { formatValue } from '../audit/format.js';

const formatShort = formatValue;
import type { FindingGroup, Outcome, ProvisionFinding, ProvisionResult, UserRef } from '../../provision/types.js';

export { formatValue };

export const OUTCOME_LABEL: Record<Outcome, string> = {
  accepted: 'accepted',
  changed: 'accepted with changes',
  refused: 'refused',
  error: 'error',
  exists: 'already on the server',
  'dry-run': 'built, not sent',
};

/** `#3 00u1ana…  ana@example.com`: position in the export, Okta id, login. */
export function userLabel(u: UserRef): string {
  return [`#${u.index}`, u.oktaId, u.login].filter(Boolean).join(' ');
}

export function outcomeLine(result: ProvisionResult): string {
  const order: Outcome[] =
    result.mode === 'replay' ? ['accepted', 'changed', 'refused', 'exists', 'error', 'dry-run'] : ['dry-run'];
  const parts = order.filter((o) => result.counts[o] > 0).map((o) => `${result.counts[o]} ${OUTCOME_LABEL[o]}`);
  return parts.join(', ') || 'no users';
}

export function verdictLine(result: ProvisionResult): string {
  const must =
    result.groups.filter((g) => g.severity === 'must').reduce((n, g) => n + g.count, 0) +
    result.mappingFindings.filter((f) => f.severity === 'must').length;
  const head = result.verdict === 'pass' ? 'PASS' : 'FAIL';
  const what = result.mode === 'replay' ? outcomeLine(result) : `${result.selected} users built offline`;
  return `${head}: ${what}; ${must} must-level finding${must === 1 ? '' : 's'}${result.interrupted ? ` (interrupted by ${result.interrupted})` : ''}`;
}

/** One example of a group: who, and sent → stored when the server changed the value. */
export function exampleText(f: ProvisionFinding): string {
  const who = userLabel(f.user);
  const formatValue = (v: unknown, n: number) => (v === '' ? '""' : formatShort(v, n));
  if (f.stored !== undefined || f.message === 'sent, not stored')
    return `${who}: ${formatValue(f.sent, 40)} → ${f.stored === undefined ? '(nothing)' : formatValue(f.stored, 40)}`;
  return f.sent !== undefined ? `${who}: ${formatValue(f.sent, 40)}` : `${who}: ${f.message}`;
}

export function groupTitle(g: FindingGroup): string {
  return `${g.attribute}: ${g.cause}`;
}

export function cleanupLine(result: ProvisionResult): string | undefined {
  const c = result.cleanup;
  if (!c) return undefined;
  const left = c.failed.length;
  return `Clean-up: ${c.created} created, ${c.removed} removed, ${left === 0 ? 'nothing left on the server' : `${left} LEFT ON THE SERVER (${c.failed.map((f) => f.scimId).join(', ')})`}`;
}
