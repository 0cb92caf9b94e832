// In-memory resource store. It owns ids, meta and referential integrity
// (a deleted user leaves every group); validation is the handlers' job, so
// seeding can insert anything directly, including deliberately defective data.
import { randomUUID } from 'node:crypto';
import { copyJson, isObject } from '../util/object.js';

export type ResourceKind = 'User' | 'Group';
export type ScimResource = Record<string, unknown> & { id: string };

interface StoredResource {
  resource: ScimResource;
  version: number;
  /** Creation order. */
  seq: number;
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
  private readonly collections: Record<ResourceKind, Map<string, StoredResource>> = {
    User: new Map(),
    Group: new Map(),
  };
  /**
   * Ids in creation order, so that a page is read at its offset without walking from the start.
   * Removal leaves a stale id behind (counted in `stale`); the next page read compacts once.
   */
  private readonly order: Record<ResourceKind, string[]> = { User: [], Group: [] };
  private readonly stale: Record<ResourceKind, number> = { User: 0, Group: 0 };
  /** member id -> ids of the groups listing it, so rendering a user does not walk every group. */
  private readonly groupsByMember = new Map<string, Set<string>>();
  private nextSeq = 0;

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

  /** Copies of `count` resources from `offset` in creation order, in time independent of the offset (plain list pages). */
  slice(kind: ResourceKind, offset: number, count: number): ScimResource[] {
    const ids = this.orderOf(kind);
    const collection = this.collections[kind];
    return ids.slice(offset, offset + count).map((id) => clone(collection.get(id)!.resource));
  }

  /** The first resource (a copy) for which `match` holds, in creation order, without copying the others. */
  find(kind: ResourceKind, match: (resource: Readonly<ScimResource>) => boolean): ScimResource | undefined {
    for (const stored of this.collections[kind].values()) if (match(stored.resource)) return clone(stored.resource);
    return undefined;
  }

  private orderOf(kind: ResourceKind): string[] {
    if (this.stale[kind] > 0) {
      const collection = this.collections[kind];
      this.order[kind] = this.order[kind].filter((id) => collection.has(id));
      this.stale[kind] = 0;
    }
    return this.order[kind];
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
    const collection = this.collections[kind];
    if (!collection.has(id)) this.orderOf(kind).push(id); // (Map keeps an existing id's place too)
    const previous = collection.get(id);
    collection.set(id, { resource, version: 1, seq: previous?.seq ?? this.nextSeq++, password: opts.password });
    if (kind === 'Group') this.indexMembers(id, previous?.resource, resource);
    return clone(resource);
  }

  /** Replace the data of an existing resource, keeping id and created; bumps the version. */
  replace(kind: ResourceKind, id: string, data: Record<string, unknown>, password?: string): ScimResource {
    const stored = this.collections[kind].get(id);
    if (!stored) throw new Error(`no ${kind} ${id}`);
    const created = (stored.resource.meta as { created: string }).created;
    const version = stored.version + 1;
    const previous = stored.resource;
    stored.resource = withMeta(kind, id, data, this.location(kind, id), created, new Date().toISOString(), version);
    stored.version = version;
    if (kind === 'Group') this.indexMembers(id, previous, stored.resource);
    if (password !== undefined) stored.password = password;
    return clone(stored.resource);
  }

  /** Delete a resource; a deleted user or group is also removed from every group's members. */
  remove(kind: ResourceKind, id: string): boolean {
    const removed = this.collections[kind].get(id);
    if (!removed) return false;
    this.collections[kind].delete(id);
    this.stale[kind]++;
    if (kind === 'Group') this.indexMembers(id, removed.resource, undefined);
    for (const groupId of [...(this.groupsByMember.get(id) ?? [])]) {
      const stored = this.collections.Group.get(groupId);
      const members = stored?.resource.members;
      if (!stored || !Array.isArray(members)) continue;
      const kept = members.filter((m) => (m as { value?: unknown }).value !== id);
      if (kept.length !== members.length) this.replace('Group', groupId, { ...stored.resource, members: kept });
    }
    return true;
  }

  /** Groups that list `userId` as a member, in creation order. */
  groupsOf(userId: string): ScimResource[] {
    const ids = this.groupsByMember.get(userId);
    if (!ids || ids.size === 0) return [];
    const groups = [...ids]
      .map((id) => this.collections.Group.get(id))
      .filter((s): s is StoredResource => s !== undefined);
    return groups.sort((a, b) => a.seq - b.seq).map((s) => clone(s.resource));
  }

  private indexMembers(groupId: string, before: ScimResource | undefined, after: ScimResource | undefined): void {
    for (const member of memberIds(before)) this.groupsByMember.get(member)?.delete(groupId);
    for (const member of memberIds(after)) {
      let groups = this.groupsByMember.get(member);
      if (!groups) this.groupsByMember.set(member, (groups = new Set()));
      groups.add(groupId);
    }
  }

  location(kind: ResourceKind, id: string): string {
    return `${this.baseUrl}/${ENDPOINT_OF[kind]}/${id}`;
  }

  /** Deterministic JSON of all data (keys sorted), for "unchanged" assertions. */
  snapshot(): string {
    const dump = (kind: ResourceKind) =>
      [...this.collections[kind].values()].map((s) => ({
        resource: s.resource,
        version: s.version,
        password: s.password ?? null,
      }));
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

function memberIds(group: ScimResource | undefined): string[] {
  const members = group?.members;
  if (!Array.isArray(members)) return [];
  return members.map((m) => (m as { value?: unknown }).value).filter((v): v is string => typeof v === 'string');
}

function clone<T>(value: T): T {
  return copyJson(value);
}

export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (isObject(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
