// The smallest in-memory glue that turns the third-party packages scimmy +
// scimmy-routers (express middleware) into a SCIM server on 127.0.0.1:0 with bearer
// auth: /Users, /Groups and the discovery endpoints are theirs; only storage is ours.
// SCIMMY's resource registry is process-wide, so handlers are declared once and
// serve whichever store belongs to the server started last.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

type Stored = Record<string, unknown> & { id: string; meta: { created: string; lastModified: string } };

export interface ScimmyServer {
  baseUrl: string;
  token: string;
  users: Map<string, Stored>;
  groups: Map<string, Stored>;
  close(): Promise<void>;
}

let current: { users: Map<string, Stored>; groups: Map<string, Stored> } | undefined;

// scimmy's types want a scimType keyword; a 404 has none (RFC 7644 §3.12), and scimmy leaves it out when null
const NO_SCIM_TYPE = null as unknown as string;

function notFound(id: unknown): never {
  throw new SCIMMY.Types.Error(404, NO_SCIM_TYPE, `Resource ${String(id)} not found`);
}

/** ingress/egress/degress over one Map; `unique` is the attribute a second resource may not share (case-insensitively). */
function handlers(pick: () => Map<string, Stored>, unique?: string) {
  return {
    ingress: (resource: { id?: string }, instance: unknown) => {
      const map = pick();
      const data = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>;
      const previous = resource.id === undefined ? undefined : (map.get(resource.id) ?? notFound(resource.id));
      const key = unique && typeof data[unique] === 'string' ? (data[unique] as string).toLowerCase() : undefined;
      for (const other of map.values()) {
        if (key !== undefined && other.id !== previous?.id && String(other[unique!]).toLowerCase() === key) {
          throw new SCIMMY.Types.Error(409, 'uniqueness', `${unique} ${String(data[unique!])} is already taken`);
        }
      }
      const now = new Date().toISOString();
      const id = previous?.id ?? randomUUID();
      const stored: Stored = { ...data, id, meta: { created: previous?.meta.created ?? now, lastModified: now } };
      map.set(id, stored);
      return stored;
    },
    egress: (resource: { id?: string; filter?: { match(values: Stored[]): Stored[] } }) => {
      const map = pick();
      if (resource.id !== undefined) return map.get(resource.id) ?? notFound(resource.id);
      const all = [...map.values()];
      return resource.filter ? resource.filter.match(all) : all;
    },
    degress: (resource: { id?: string }) => {
      if (resource.id === undefined || !pick().delete(resource.id)) notFound(resource.id);
    },
  };
}

let declared = false;
function declareOnce(): void {
  if (declared) return;
  declared = true;
  SCIMMY.Config.set({ patch: true, filter: 200, sort: false, etag: false, bulk: false, changePassword: false });
  const user = handlers(() => current!.users, 'userName');
  // The enterprise extension, as most deployments declare it (scimmy ships the schema, off by default).
  SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);
  // the glue stores plain JSON (Stored); scimmy's handler types are written for its schema classes
  SCIMMY.Resources.declare(SCIMMY.Resources.User)
    .ingress(user.ingress as never)
    .egress(user.egress as never)
    .degress(user.degress);
  const group = handlers(() => current!.groups);
  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress(group.ingress as never)
    .egress(group.egress as never)
    .degress(group.degress);
}

export async function startScimmyServer(): Promise<ScimmyServer> {
  declareOnce();
  const users = new Map<string, Stored>();
  const groups = new Map<string, Stored>();
  current = { users, groups };
  const token = randomBytes(16).toString('hex');
  const app = express();
  app.use(
    '/scim/v2',
    new SCIMMYRouters({
      type: 'bearer',
      docUri: 'https://example.invalid/auth',
      handler: (req: express.Request) => {
        if (req.header('Authorization') !== `Bearer ${token}`) throw new Error('Authorization failed');
        return 'interop-client';
      },
      baseUri: (req: express.Request) => `http://${req.header('host')}`,
    }),
  );
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/scim/v2`,
    token,
    users,
    groups,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
