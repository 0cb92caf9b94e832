import { describe, expect, it } from 'vitest';
import { ResourceLedger, defaultRemovals, type CleanupRequest } from './cleanup.js';

describe('ResourceLedger', () => {
  it('removes in reverse creation order and records which request worked', async () => {
    const ledger = new ResourceLedger();
    ledger.record({ type: 'User', id: 'u1', removals: defaultRemovals('User', 'u1') });
    ledger.record({ type: 'Group', id: 'g1', removals: defaultRemovals('Group', 'g1') });
    const sent: string[] = [];
    const records = await ledger.cleanUp(async (req) => {
      sent.push(`${req.method} ${req.path}`);
      return { status: 204 };
    });
    expect(sent).toEqual(['DELETE /Groups/g1', 'DELETE /Users/u1']);
    expect(records.map((r) => [r.id, r.status, r.via])).toEqual([
      ['g1', 'removed', 'DELETE'],
      ['u1', 'removed', 'DELETE'],
    ]);
    expect(ledger.list()).toEqual([]);
  });

  it('falls back to the next removal (deactivation) when DELETE is refused, and says so', async () => {
    const ledger = new ResourceLedger();
    const removals: CleanupRequest[] = [
      { method: 'DELETE', path: '/Users/u1', label: 'DELETE' },
      { method: 'PATCH', path: '/Users/u1', body: {}, label: 'PATCH active=false' },
    ];
    ledger.record({ type: 'User', id: 'u1', removals });
    const records = await ledger.cleanUp(async (req) => ({ status: req.method === 'DELETE' ? 405 : 200 }));
    expect(records).toEqual([{ type: 'User', id: 'u1', via: 'PATCH active=false', status: 'removed' }]);
  });

  it('lists a resource it could not remove, with every reason', async () => {
    const ledger = new ResourceLedger();
    ledger.record({ type: 'User', id: 'u1', removals: defaultRemovals('User', 'u1') });
    const records = await ledger.cleanUp(async () => ({ error: 'connection reset' }));
    expect(records[0]).toMatchObject({ id: 'u1', status: 'failed' });
    expect(records[0].detail).toContain('connection reset');
  });

  it('does not send anything for a resource a test step already deleted', async () => {
    const ledger = new ResourceLedger();
    ledger.record({ type: 'Group', id: 'g1', removals: defaultRemovals('Group', 'g1') });
    ledger.markRemoved('g1');
    let calls = 0;
    const records = await ledger.cleanUp(async () => {
      calls++;
      return { status: 204 };
    });
    expect(calls).toBe(0);
    expect(records[0].status).toBe('removed');
  });

  it('counts a 404 on DELETE as already gone', async () => {
    const ledger = new ResourceLedger();
    ledger.record({ type: 'User', id: 'u1', removals: defaultRemovals('User', 'u1') });
    const records = await ledger.cleanUp(async () => ({ status: 404 }));
    expect(records[0]).toMatchObject({ status: 'removed', via: 'DELETE (already gone)' });
  });

  it('owns only what was recorded', () => {
    const ledger = new ResourceLedger();
    ledger.record({ type: 'User', id: 'u1', removals: [] });
    expect(ledger.owns('u1')).toBe(true);
    expect(ledger.owns('u2')).toBe(false);
  });

  it('removes only what was recorded since a mark (one test), and still owns the ids afterwards', async () => {
    const ledger = new ResourceLedger();
    ledger.record({ type: 'User', id: 'earlier', removals: defaultRemovals('User', 'earlier') });
    const mark = ledger.size();
    ledger.record({ type: 'User', id: 'mine', removals: defaultRemovals('User', 'mine') });
    const sent: string[] = [];
    await ledger.cleanUp(async (req) => {
      sent.push(req.path);
      return { status: 204 };
    }, mark);
    expect(sent).toEqual(['/Users/mine']);
    expect(ledger.list().map((r) => r.id)).toEqual(['earlier']);
    expect(ledger.owns('mine')).toBe(true);
  });
});
