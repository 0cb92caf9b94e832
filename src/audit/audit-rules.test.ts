// Each rule finds exactly the seeded offenders, against the real reference server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import { AUDIT_DEFECTS, defectId } from '../server/seed-defects.js';
import { loadProfile } from '../profile/load.js';
import { runAudit, type AuditOptions } from './audit.js';
import type { AuditFinding, AuditResult } from '../model/audit-result.js';

const DEFECT_COUNT = 2;

function expectedOffenders(): Map<string, Set<string>> {
  const byRule = new Map<string, Set<string>>();
  for (const [name, defect] of Object.entries(AUDIT_DEFECTS)) {
    const pairs = ['username-case-duplicate', 'email-duplicate', 'external-id-duplicate'].includes(name);
    for (let k = 1; k <= DEFECT_COUNT; k++) {
      const ids = pairs ? [defectId(name, k, 'a'), defectId(name, k, 'b')] : [defectId(name, k)];
      for (const rule of defect.rules)
        for (const id of ids) (byRule.get(rule) ?? byRule.set(rule, new Set()).get(rule)!).add(id);
    }
  }
  return byRule;
}

export function auditOptions(server: RunningServer, extra: Partial<AuditOptions> = {}): AuditOptions {
  return {
    baseUrl: server.baseUrl,
    token: server.token,
    resources: ['User', 'Group'],
    pageSize: 7,
    concurrency: 3,
    profile: loadProfile('okta-minimum'),
    languageFormat: 'iso639-1',
    timeoutMs: 5000,
    maxExamples: 1000,
    ...extra,
  };
}

describe('audit rules against seeded defects', () => {
  let server: RunningServer;
  let result: AuditResult;
  const streamed: AuditFinding[] = [];

  beforeAll(async () => {
    const defects = Object.fromEntries(Object.keys(AUDIT_DEFECTS).map((name) => [name, DEFECT_COUNT]));
    server = await startServer({ seed: { users: 30, groups: 3, defects } });
    result = await runAudit(auditOptions(server, { sinks: [(f) => void streamed.push(f)] }));
  });
  afterAll(() => server.close());

  it('a clean tenant gives no finding at all', async () => {
    const clean = await startServer({ seed: { users: 25, groups: 4 } });
    try {
      const r = await runAudit(auditOptions(clean));
      expect(r.rules).toEqual([]);
      expect(r.verdict).toBe('pass');
      expect(r.totals.resourcesRead).toBe(29);
      expect(r.serverSchemas).toBe('used');
    } finally {
      await clean.close();
    }
  });

  it('finds exactly the seeded offenders for every rule, and nothing else', () => {
    const found = new Map<string, Set<string>>();
    for (const f of streamed)
      (found.get(f.code) ?? found.set(f.code, new Set()).get(f.code)!).add(f.resourceId ?? '(none)');
    const expected = expectedOffenders();
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [rule, ids] of expected) expect([...found.get(rule)!].sort(), rule).toEqual([...ids].sort());
  });

  it('counts one finding per offender, and the summary agrees with the stream', () => {
    for (const rule of result.rules) {
      expect(rule.count, rule.code).toBe(streamed.filter((f) => f.code === rule.code).length);
    }
    const users = result.endpoints.find((e) => e.resourceType === 'User')!;
    const userDefects = Object.entries(AUDIT_DEFECTS).filter(([, d]) => d.kind === 'User');
    const pairs = userDefects.filter(([n]) => n.endsWith('duplicate')).length;
    expect(users.read).toBe(30 + DEFECT_COUNT * (userDefects.length + pairs));
    expect(users.totalResults).toBe(users.read);
    expect(result.verdict).toBe('fail');
  });

  it('names the attribute and value at fault', () => {
    const dup = streamed.find(
      (f) => f.code === 'USERNAME_DUPLICATE' && f.resourceId === defectId('username-case-duplicate', 1, 'b'),
    )!;
    expect(dup.attribute).toBe('userName');
    expect(dup.value).toBe(`${defectId('username-case-duplicate', 1, 'a')}@example.com`);
    const schema = streamed.find(
      (f) => f.code === 'SCHEMA_USER_INVALID' && f.resourceId === defectId('wrong-type', 1),
    )!;
    expect(schema).toMatchObject({ attribute: 'emails.primary', value: 'yes' });
    const member = streamed.find((f) => f.code === 'GROUP_MEMBER_UNKNOWN')!;
    expect(member).toMatchObject({ resourceType: 'Group', attribute: 'members.value', value: 'no-such-user-1' });
  });

  it('does not change a byte of the tenant', async () => {
    const before = server.store.snapshot();
    await runAudit(auditOptions(server));
    expect(server.store.snapshot()).toBe(before);
    expect(server.requestLog.every((r) => r.method === 'GET')).toBe(true);
  });

  it('does not guess about group members when users were not all read', async () => {
    const groupsOnly = await runAudit(auditOptions(server, { resources: ['Group'] }));
    expect(groupsOnly.rules.map((r) => r.code).sort()).toEqual([
      'SCHEMA_GROUP_INVALID',
      'SERVER_SCHEMA_REQUIRED_MISSING',
    ]);
    expect(groupsOnly.skipped).toEqual([
      { code: 'GROUP_MEMBER_UNKNOWN', reason: expect.stringMatching(/users were not read/) },
    ]);
    const partial = await runAudit(auditOptions(server, { maxResources: 10 }));
    expect(partial.skipped.map((s) => s.code)).toEqual(['GROUP_MEMBER_UNKNOWN']);
    expect(partial.endpoints.find((e) => e.resourceType === 'User')).toMatchObject({ read: 10, truncated: true });
    expect(partial.rules.find((r) => r.code === 'PAGINATION_SHORT')).toBeUndefined();
  });
});
