import { describe, expect, it } from 'vitest';
import { FindingCollector } from './findings.js';
import type { AuditFinding } from '../model/audit-result.js';

const finding = (position: number, resourceType: 'User' | 'Group' = 'User'): AuditFinding => ({
  code: resourceType === 'User' ? 'USER_INACTIVE' : 'GROUP_MEMBER_UNKNOWN',
  severity: resourceType === 'User' ? 'info' : 'must',
  resourceType,
  resourceId: `${resourceType}-${position}`,
  position,
  message: 'x',
});

describe('FindingCollector', () => {
  it('keeps the first examples by listing position, whatever order pages arrive in', async () => {
    const positions = Array.from({ length: 40 }, (_, i) => i + 1);
    const shuffled = [...positions].sort(() => Math.random() - 0.5);
    const a = new FindingCollector(5);
    const b = new FindingCollector(5);
    for (const p of positions) await a.add(finding(p));
    for (const p of shuffled) await b.add(finding(p));
    expect(b.summaries()).toEqual(a.summaries());
    expect(a.summaries()[0].examples.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
    expect(a.summaries()[0].count).toBe(40);
  });

  it('hands every finding to the sinks and orders rules must first', async () => {
    const seen: string[] = [];
    const c = new FindingCollector(1, [(f) => void seen.push(f.resourceId!)]);
    await c.add(finding(1));
    await c.add(finding(2, 'Group'));
    await c.add(finding(3));
    expect(seen).toEqual(['User-1', 'Group-2', 'User-3']);
    expect(c.summaries().map((r) => [r.code, r.count, r.examples.length])).toEqual([
      ['GROUP_MEMBER_UNKNOWN', 1, 1],
      ['USER_INACTIVE', 2, 1],
    ]);
  });
});
