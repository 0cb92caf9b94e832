// In-memory resource store. It owns ids, meta and referential integrity
// (a deleted user leaves every group); validation is the handlers' job, so
// seeding can insert anything directly, including deliberately defective data.
import { randomUUID } from 'node:crypto';

export type ResourceKind = 'User' | 'Group';
export type ScimResource = Record<string, unknown> & { id: string };

interface StoredResource {
  resource: ScimResource;
  version: number;
  password?: string;
}

export interface InsertOptions {
  /** Use this id instead of a fresh UUID (seeding, put-creates-unknown). */
  id?: string;
  password?: string;
}

export const ENDPOINT_OF: Record<ResourceKind, string> = { User: 'Users', Group: 'Groups' };

export class ScimStore {
  /** Absolute base URL (…/scim/v2) used for meta.location and $ref; set once the port is known. */
  baseUrl = '';
  private readonly collections: Record<ResourceKind, Map<string, StoredResource>> = { User: new Map(), Group: new Map() };

  users(): ScimResource[] {
    return this.list('User');
  }

  groups(): ScimResource[] {
    return this.list('Group');
  }

  /** Copies of every resource of a kind, in creation order. */
  list(kind: ResourceKind): ScimResource[] {
    return [...this.collections[kind].values()].map((s) => clone(s.resource));
  }

  count(kind: ResourceKind): number {
    return this.collections[kind].size;
  }

  /** Copies of `count` resources from `offset` in creation order, without copying the rest (plain list pages). */
  slice(kind: ResourceKind, offset: number, count: number): ScimResource[] {
    const out: ScimResource[] = [];
    let i = 0;
    for (const stored of this.collections[kind].values()) {
      if (out.length >= count) break;
      if (i++ >= offset) out.push(clone(stored.resource));
    }
    return out;
  }

  get(kind: ResourceKind, id: string): ScimResource | undefined {
    const stored = this.collections[kind].get(id);
    return stored ? clone(stored.resource) : undefined;
  }

  password(id: string): string | undefined {
    return this.collections.User.get(id)?.password;
  }

  insertUser(data: Record<string, unknown>, opts: InsertOptions = {}): ScimResource {
    return this.insert('User', data, opts);
  }

  insertGroup(data: Record<string, unknown>, opts: InsertOptions = {}): ScimResource {
    return this.insert('Group', data, opts);
  }

  insert(kind: ResourceKind, data: Record<string, unknown>, opts: InsertOptions = {}): ScimResource {
    const id = opts.id ?? randomUUID();
    const now = new Date().toISOString();
    const resource = withMeta(kind, id, data, this.location(kind, id), now, now, 1);
    this.collections[kind].set(id, { resource, version: 1, password: opts.password });
    return clone(resource);
  }

  /** Replace the data of an existing resource, keeping id and created; bumps the version. */
  replace(kind: ResourceKind, id: string, data: Record<string, unknown>, password?: string): ScimResource {
    const stored = this.collections[kind].get(id);
    if (!stored) throw new Error(`no ${kind} ${id}`);
    const created = (stored.resource.meta as { created: string }).created;
    const version = stored.version + 1;
    stored.resource = withMeta(kind, id, data, this.location(kind, id), created, new Date().toISOString(), version);
    stored.version = version;
    if (password !== undefined) stored.password = password;
    return clone(stored.resource);
  }

  /** Delete a resource; a deleted user or group is also removed from every group's members. */
  remove(kind: ResourceKind, id: string): boolean {
    if (!this.collections[kind].delete(id)) return false;
    for (const [groupId, stored] of this.collections.Group) {
      const members = stored.resource.members;
      if (!Array.isArray(members)) continue;
      const kept = members.filter((m) => (m as { value?: unknown }).value !== id);
      if (kept.length !== members.length) this.replace('Group', groupId, { ...stored.resource, members: kept });
    }
    return true;
  }

  /** Groups that list `userId` as a member. */
  groupsOf(userId: string): ScimResource[] {
    return this.groups().filter((g) => Array.isArray(g.members) && g.members.some((m) => (m as { value?: unknown }).value === userId));
  }

  location(kind: ResourceKind, id: string): string {
    return `${this.baseUrl}/${ENDPOINT_OF[kind]}/${id}`;
  }

  /** Deterministic JSON of all data (keys sorted), for "unchanged" assertions. */
  snapshot(): string {
    const dump = (kind: ResourceKind) =>
      [...this.collections[kind].values()].map((s) => ({ resource: s.resource, version: s.version, password: s.password ?? null }));
    return stableStringify({ users: dump('User'), groups: dump('Group') });
  }
}

function withMeta(
  kind: ResourceKind,
  id: string,
  data: Record<string, unknown>,
  location: string,
  created: string,
  lastModified: string,
  version: number,
): ScimResource {
  const { id: _ignoredId, meta: _ignoredMeta, schemas, ...rest } = clone(data);
  const meta = { resourceType: kind, created, lastModified, location, version: `W/"${version}"` };
  // schemas and id first: that is how people expect to read a resource
  return schemas === undefined ? { id, ...rest, meta } : { schemas, id, ...rest, meta };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
