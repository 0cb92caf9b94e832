// What the cross-resource rules need, in compact form: per duplicate rule, a table from a
// 32-bit hash of each key (userName lower-cased, email lower-cased, externalId as is) to the
// listing position of its first holder, a few bytes per key and no string kept. A key whose
// hash was seen before is a candidate, kept with its text; once every user is read, the
// candidates are verified against their first holders, re-read by position (verifyDuplicates):
// equal keys are duplicates, different keys a hash collision, dropped. Memory grows with
// the keys by bytes, not with the resources; only candidates and unresolved members keep text.
import { AUDIT_RULES, type AuditRuleCode } from './rules.js';
import type { AuditFinding } from '../model/audit-result.js';
import { hash32 } from './compact/fingerprint.js';
import { FirstByHash } from './compact/hash-tables.js';

type ScimObject = Record<string, unknown>;

interface Holder {
  id?: string;
  label?: string;
  position: number;
}

/** A later user whose key hashed like an earlier user's key. */
interface Candidate extends Holder {
  rule: DuplicateRule;
  hash: number;
  key: string;
  firstPosition: number;
}

interface DuplicateRule {
  code: AuditRuleCode;
  attribute: string;
  keys: (user: ScimObject) => string[];
}

const DUPLICATE_RULES: DuplicateRule[] = [
  {
    code: 'USERNAME_DUPLICATE',
    attribute: 'userName',
    keys: (u) => (typeof u.userName === 'string' && u.userName.trim() ? [u.userName.trim().toLowerCase()] : []),
  },
  { code: 'EMAIL_DUPLICATE', attribute: 'emails.value', keys: emailKeys },
  {
    code: 'EXTERNAL_ID_DUPLICATE',
    attribute: 'externalId',
    keys: (u) => (typeof u.externalId === 'string' && u.externalId !== '' ? [u.externalId] : []),
  },
];

function emailKeys(user: ScimObject): string[] {
  if (!Array.isArray(user.emails)) return [];
  const keys: string[] = [];
  for (const e of user.emails) {
    const v = (e as { value?: unknown } | null)?.value;
    if (typeof v !== 'string' || !v.trim()) continue;
    const key = v.trim().toLowerCase();
    // the same address twice on one user is not a duplicate (a user has a few emails: no Set)
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Shared by every user without a finding here (most of them); never written to. */
const NO_FINDINGS: readonly AuditFinding[] = Object.freeze([]);

interface PendingMember {
  groupId?: string;
  label?: string;
  position: number;
  value: string;
}

export class CrossIndex {
  private readonly tables = DUPLICATE_RULES.map((rule) => ({ rule, firstByHash: new FirstByHash() }));
  private readonly candidates: Candidate[] = [];
  private readonly pendingMembers: PendingMember[] = [];

  /** Sizes the duplicate tables for this many users at once. */
  reserve(users: number): void {
    for (const { firstByHash } of this.tables) firstByHash.reserve(users);
  }

  /** Inactive findings for one user at once; duplicate candidates are kept for verifyDuplicates. */
  noteUser(user: ScimObject, position: number): readonly AuditFinding[] {
    for (const { rule, firstByHash } of this.tables) {
      for (const key of rule.keys(user)) {
        const hash = hash32(key);
        const firstPosition = firstByHash.firstOrSet(hash, position);
        // the same user's own two keys can only share a hash by collision
        if (firstPosition >= 0 && firstPosition !== position)
          this.candidates.push({
            rule,
            hash,
            key,
            firstPosition,
            id: str(user.id),
            label: str(user.userName),
            position,
          });
      }
    }
    if (user.active !== false) return NO_FINDINGS;
    return [
      {
        ...userFinding('USER_INACTIVE', { id: str(user.id), label: str(user.userName), position }),
        attribute: 'active',
        value: false,
        message: 'active is false: Okta does not import inactive users',
      },
    ];
  }

  /** Listing positions of the first holders the candidates must be compared with. */
  positionsToVerify(): number[] {
    return [...new Set(this.candidates.map((c) => c.firstPosition))].sort((a, b) => a - b);
  }

  /**
   * Duplicate findings, once every user is read: each candidate against its first holder
   * (`firstHolders`: the user re-read at that position, when it could be) and against the
   * other candidates of the same hash. One finding per user and rule, naming an other holder.
   */
  verifyDuplicates(firstHolders: Map<number, ScimObject | undefined>): AuditFinding[] {
    const groups = new Map<string, Candidate[]>();
    for (const c of this.candidates) {
      const k = `${c.rule.code}:${c.hash}`;
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(c);
    }
    const findings: AuditFinding[] = [];
    const reported = new Set<string>();
    for (const group of groups.values()) {
      const [head] = group;
      if (!head) continue;
      const { rule } = head;
      const holders: (Holder & { key: string })[] = [...group];
      const first = firstHolders.get(head.firstPosition);
      if (first) {
        for (const key of rule.keys(first)) {
          if (hash32(key) === head.hash)
            holders.push({ id: str(first.id), label: str(first.userName), position: head.firstPosition, key });
        }
      }
      const byKey = new Map<string, (Holder & { key: string })[]>();
      for (const h of holders) (byKey.get(h.key) ?? byKey.set(h.key, []).get(h.key)!).push(h);
      for (const [key, same] of byKey) {
        same.sort((a, b) => a.position - b.position);
        const [earliest, second] = same;
        if (!earliest || !second) continue; // one holder: a hash collision, not a duplicate
        for (const h of same) {
          const once = `${rule.code}:${h.position}`;
          if (reported.has(once)) continue;
          reported.add(once);
          findings.push(duplicateFinding(rule, h, key, (h === earliest ? second : earliest).id));
        }
      }
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

function duplicateFinding(rule: DuplicateRule, who: Holder, key: string, otherId: string | undefined): AuditFinding {
  return {
    ...userFinding(rule.code, who),
    attribute: rule.attribute,
    value: key,
    message: `${rule.attribute} "${key}" is also held by user ${otherId ?? '(no id)'}`,
  };
}

function userFinding(code: AuditRuleCode, ref: Holder): AuditFinding {
  return {
    code,
    severity: AUDIT_RULES[code].severity,
    resourceType: 'User',
    resourceId: ref.id,
    label: ref.label,
    position: ref.position,
    message: '',
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
