// The embedded reference SCIM 2.0 server (RFC 7643/7644, Okta specifics), in memory
// on node:http. Product code: the CLI's `serve` command and the tests both start it here.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkBearer } from './auth.js';
import { RequestContext, ScimHttpError, sendError } from './http-util.js';
import { QuirkSet } from './quirks.js';
import { checkContentType, readJsonBody } from './request-body.js';
import { METHODS_WITH_BODY, isResourceEndpoint, route } from './router.js';
import { seedStore, SeedOptions } from './seed.js';
import { ScimStore } from './store.js';

export type { SeedOptions } from './seed.js';
export { ScimStore } from './store.js';
export type { ScimResource, ResourceKind } from './store.js';
export { QUIRKS } from './quirks.js';

export interface ServerOptions {
  host?: string;
  port?: number;
  token?: string;
  basePath?: string;
  quirks?: string[];
  seed?: SeedOptions;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
}

export interface RunningServer {
  baseUrl: string;
  token: string;
  port: number;
  store: ScimStore;
  requestLog: RequestLogEntry[];
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const basePath = normalizeBasePath(opts.basePath ?? '/scim/v2');
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const quirks = new QuirkSet(opts.quirks ?? []); // throws UsageError on an unknown name
  const store = new ScimStore();
  const requestLog: RequestLogEntry[] = [];
  const counter = { requests: 0 };

  const server = createServer((req, res) => {
    res.on('finish', () => requestLog.push({ method: req.method ?? '', path: req.url ?? '', status: res.statusCode }));
    void handle(req, res, { store, quirks, token, basePath, counter });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  store.baseUrl = `http://${hostInUrl}:${port}${basePath}`;
  try {
    seedStore(store, opts.seed);
  } catch (e) {
    server.close();
    throw e;
  }
  return {
    baseUrl: store.baseUrl,
    token,
    port,
    store,
    requestLog,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function normalizeBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

interface ServerState {
  store: ScimStore;
  quirks: QuirkSet;
  token: string;
  basePath: string;
  /** Requests to /Users and /Groups so far (quirks rate-limit, rate-limit-no-retry-after). */
  counter: { requests: number };
}

async function handle(req: IncomingMessage, res: ServerResponse, state: ServerState): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const ctx: RequestContext = { req, res, url, quirks: state.quirks, store: state.store, segments: [] };
  try {
    const delay = state.quirks.delayMs();
    if (delay > 0) await sleep(delay);
    ctx.segments = segmentsUnder(url.pathname, state.basePath);
    const endpointDelay = state.quirks.endpointDelayMs(ctx.segments);
    if (endpointDelay > 0) await sleep(endpointDelay);
    checkBearer(ctx, state.token);
    const accept = req.headers.accept ?? '';
    if (state.quirks.has('rejects-scim-accept-header') && accept.toLowerCase().includes('application/scim+json')) {
      throw new ScimHttpError(406, 'Accept application/scim+json is not supported');
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (state.quirks.has('filter-ignored')) url.searchParams.delete('filter');
    if (state.quirks.has('groups-patch-unsupported') && method === 'PATCH' && ctx.segments[0] === 'Groups')
      throw new ScimHttpError(405, 'PATCH is not supported on groups', undefined, { Allow: 'GET, PUT, DELETE' });
    if (
      state.quirks.has('groups-delete-unsupported') &&
      method === 'DELETE' &&
      ctx.segments[0] === 'Groups' &&
      ctx.segments.length === 2
    )
      throw new ScimHttpError(405, 'groups cannot be deleted', undefined, { Allow: 'GET, PUT, PATCH' });
    if (
      state.quirks.has('users-delete-unsupported') &&
      method === 'DELETE' &&
      ctx.segments[0] === 'Users' &&
      ctx.segments.length === 2
    )
      throw new ScimHttpError(405, 'users cannot be deleted; set active to false', undefined, {
        Allow: 'GET, PUT, PATCH',
      });
    if (
      (state.quirks.has('no-groups-endpoint') || state.quirks.has('groups-not-offered')) &&
      ctx.segments[0] === 'Groups'
    )
      throw new ScimHttpError(404, 'no endpoint at /Groups');
    if (
      state.quirks.has('no-get-by-id') &&
      method === 'GET' &&
      ctx.segments.length === 2 &&
      isResourceEndpoint(ctx.segments[0])
    ) {
      throw new ScimHttpError(405, 'GET of a single resource is not supported; use a filter', undefined, {
        Allow: 'PUT, PATCH, DELETE',
      });
    }
    if (
      state.quirks.has('list-minimal-attributes') &&
      method === 'GET' &&
      ctx.segments.length === 1 &&
      !url.searchParams.has('attributes')
    ) {
      url.searchParams.set('attributes', ctx.segments[0] === 'Groups' ? 'displayName' : 'userName');
    }
    rateLimit(state, ctx.segments);
    const handler = route(method, ctx.segments);
    const racy = state.quirks.has('racy-create') && method === 'POST' && ctx.segments.join('/') === 'Users';
    if (racy) ctx.usersAtArrival = new Set(state.store.users().map((u) => u.id));
    if (METHODS_WITH_BODY.has(method)) {
      checkContentType(req, state.quirks);
      ctx.body = await readJsonBody(req);
    }
    if (racy) await sleep(50);
    handler(ctx);
  } catch (e) {
    if (res.headersSent) return;
    const error = e instanceof ScimHttpError ? e : new ScimHttpError(500, `internal error: ${(e as Error).message}`);
    sendError(ctx, error);
  }
}

/** Quirks rate-limit and rate-limit-no-retry-after: every Nth request to /Users or /Groups is a 429. */
function rateLimit(state: ServerState, segments: string[]): void {
  const name = state.quirks.has('rate-limit')
    ? 'rate-limit'
    : state.quirks.has('rate-limit-no-retry-after')
      ? 'rate-limit-no-retry-after'
      : undefined;
  if (!name || !isResourceEndpoint(segments[0])) return;
  const every = Math.max(2, Number(state.quirks.param(name) ?? 10) || 10);
  if (++state.counter.requests % every !== 0) return;
  throw new ScimHttpError(429, 'too many requests', undefined, name === 'rate-limit' ? { 'Retry-After': '1' } : {});
}

/** Decoded path segments below the base path; outside it there is nothing to serve (404). */
function segmentsUnder(pathname: string, basePath: string): string[] {
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`))
    throw new ScimHttpError(404, `no endpoint at ${pathname}`);
  const rest = pathname.slice(basePath.length).split('/').filter(Boolean);
  try {
    return rest.map((s) => decodeURIComponent(s));
  } catch {
    throw new ScimHttpError(404, `no endpoint at ${pathname}`);
  }
}
