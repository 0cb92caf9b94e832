// What the cross-resource rules need, and nothing more: one small record per user in up
// to three lookup maps (userName lower-cased, email lower-cased, externalId as is), and
// the group member references that do not resolve yet. Everything else of a page is
// dropped once it has been checked, so memory grows with the keys, not the resources.
import { AUDIT_RULES, type AuditRuleCode } from './rules.js';
import type { AuditFinding } from '../model/audit-result.js';

type ScimObject = Record<string, unknown>;

interface UserRef {
  id?: string;
  label?: string;
  position: number;
  /** One bit per duplicate rule once this user has been reported for it. */
  reported: number;
}

interface DuplicateRule {
  code: AuditRuleCode;
  attribute: string;
  bit: number;
  keys: (user: ScimObject) => string[];
}

const DUPLICATE_RULES: DuplicateRule[] = [
  { code: 'USERNAME_DUPLICATE', attribute: 'userName', bit: 1, keys: (u) => (typeof u.userName === 'string' && u.userName.trim() ? [u.userName.trim().toLowerCase()] : []) },
  { code: 'EMAIL_DUPLICATE', attribute: 'emails.value', bit: 2, keys: emailKeys },
  { code: 'EXTERNAL_ID_DUPLICATE', attribute: 'externalId', bit: 4, keys: (u) => (typeof u.externalId === 'string' && u.externalId !== '' ? [u.externalId] : []) },
];

function emailKeys(user: ScimObject): string[] {
  if (!Array.isArray(user.emails)) return [];
  const keys = new Set<string>(); // the same address twice on one user is not a duplicate
  for (const e of user.emails) {
    const v = (e as { value?: unknown } | null)?.value;
    if (typeof v === 'string' && v.trim()) keys.add(v.trim().toLowerCase());
  }
  return [...keys];
}

interface PendingMember {
  groupId?: string;
  label?: string;
  position: number;
  value: string;
}

export class CrossIndex {
  private readonly maps = DUPLICATE_RULES.map(() => new Map<string, UserRef>());
  private readonly pendingMembers: PendingMember[] = [];

  /** Duplicate and inactive findings for one user, including the earlier holder of a key when first seen twice. */
  noteUser(user: ScimObject, position: number): AuditFinding[] {
    const ref: UserRef = { id: str(user.id), label: str(user.userName), position, reported: 0 };
    const findings: AuditFinding[] = [];
    DUPLICATE_RULES.forEach((rule, i) => {
      for (const key of rule.keys(user)) {
        const first = this.maps[i].get(key);
        if (!first) {
          this.maps[i].set(key, ref);
          continue;
        }
        if (!(first.reported & rule.bit)) {
          first.reported |= rule.bit;
          findings.push(duplicateFinding(rule, first, key, ref.id));
        }
        if (!(ref.reported & rule.bit)) {
          ref.reported |= rule.bit;
          findings.push(duplicateFinding(rule, ref, key, first.id));
        }
      }
    });
    if (user.active === false) {
      findings.push({ ...userFinding('USER_INACTIVE', ref), attribute: 'active', value: false, message: 'active is false: Okta does not import inactive users' });
    }
    return findings;
  }

  /** Member references of one group; those naming a known id are settled at once. */
  noteGroup(group: ScimObject, position: number, knownIds: (id: string) => boolean): void {
    if (!Array.isArray(group.members)) return;
    for (const m of group.members) {
      const value = (m as { value?: unknown } | null)?.value;
      if (typeof value !== 'string' || knownIds(value)) continue;
      this.pendingMembers.push({ groupId: str(group.id), label: str(group.displayName), position, value });
    }
  }

  /** At the end, when every user and group id is known: members that point nowhere. */
  unresolvedMembers(knownIds: (id: string) => boolean): AuditFinding[] {
    const severity = AUDIT_RULES.GROUP_MEMBER_UNKNOWN.severity;
    return this.pendingMembers
      .filter((m) => !knownIds(m.value))
      .map((m) => ({
        code: 'GROUP_MEMBER_UNKNOWN',
        severity,
        resourceType: 'Group' as const,
        resourceId: m.groupId,
        label: m.label,
        attribute: 'members.value',
        value: m.value,
        position: m.position,
        message: `member ${m.value} is not the id of any user or group`,
      }));
  }
}

function duplicateFinding(rule: DuplicateRule, who: UserRef, key: string, otherId: string | undefined): AuditFinding {
  return {
    ...userFinding(rule.code, who),
    attribute: rule.attribute,
    value: key,
    message: `${rule.attribute} "${key}" is also held by user ${otherId ?? '(no id)'}`,
  };
}

function userFinding(code: AuditRuleCode, ref: UserRef): AuditFinding {
  return { code, severity: AUDIT_RULES[code].severity, resourceType: 'User', resourceId: ref.id, label: ref.label, position: ref.position, message: '' };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
