// The ledger of resources a run created. Clean-up walks it in reverse creation
// order at the end of the run (also after failures and on SIGINT/SIGTERM), trying
// each removal request of a resource until one succeeds.
import type { CleanupRecord } from '../model/run-result.js';

export interface CleanupRequest {
  method: string;
  path: string;
  body?: unknown;
  /** Words for the report: `DELETE`, `PATCH active=false`. */
  label: string;
}

export interface CreatedResource {
  type: string;
  id: string;
  removals: CleanupRequest[];
  removedByRun?: boolean;
}

export type SendForCleanup = (req: CleanupRequest) => Promise<{ status: number } | { error: string }>;

export class ResourceLedger {
  private readonly created: CreatedResource[] = [];
  /** Every id the run ever created, also after clean-up: writes to them stay allowed. */
  private readonly everOwned = new Set<string>();

  record(resource: CreatedResource): void {
    this.everOwned.add(resource.id);
    if (!this.created.some((r) => r.type === resource.type && r.id === resource.id)) this.created.push(resource);
  }

  owns(id: string): boolean {
    return this.everOwned.has(id);
  }

  /** A step of the run deleted the resource itself (e.g. a DELETE test). */
  markRemoved(id: string): void {
    for (const r of this.created) if (r.id === id) r.removedByRun = true;
  }

  list(): readonly CreatedResource[] {
    return this.created;
  }

  /** How many resources were recorded so far: a mark for cleanUp(send, mark). */
  size(): number {
    return this.created.length;
  }

  /** Removes the resources recorded at or after `mark`, newest first, and forgets them. */
  async cleanUp(send: SendForCleanup, mark = 0): Promise<CleanupRecord[]> {
    const records: CleanupRecord[] = [];
    const batch = this.created.splice(mark);
    for (const res of batch.reverse()) {
      if (res.removedByRun) {
        records.push({ type: res.type, id: res.id, via: 'deleted by a test step', status: 'removed' });
        continue;
      }
      records.push(await removeOne(res, send));
    }
    return records;
  }
}

async function removeOne(res: CreatedResource, send: SendForCleanup): Promise<CleanupRecord> {
  const problems: string[] = [];
  for (const req of res.removals) {
    const out = await send(req);
    if ('error' in out) {
      problems.push(`${req.label}: ${out.error}`);
      continue;
    }
    if (out.status >= 200 && out.status < 300) return { type: res.type, id: res.id, via: req.label, status: 'removed' };
    if (out.status === 404 && req.method === 'DELETE') {
      return { type: res.type, id: res.id, via: `${req.label} (already gone)`, status: 'removed' };
    }
    problems.push(`${req.label} answered ${out.status}`);
  }
  return { type: res.type, id: res.id, status: 'failed', detail: problems.join('; ') || 'no removal request' };
}

/** Default removal for a resource type: DELETE for groups and anything else. */
export function defaultRemovals(type: string, id: string): CleanupRequest[] {
  const collection = type === 'User' ? 'Users' : type === 'Group' ? 'Groups' : `${type}s`;
  return [{ method: 'DELETE', path: `/${collection}/${encodeURIComponent(id)}`, label: 'DELETE' }];
}
