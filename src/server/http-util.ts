// Response helpers: SCIM JSON bodies, SCIM Error bodies, and the error type handlers throw.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_SCHEMA, LIST_RESPONSE_SCHEMA } from '../scim/urns.js';
import type { QuirkSet } from './quirks.js';
import type { ScimStore } from './store.js';

/** Everything one request handler needs. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  quirks: QuirkSet;
  store: ScimStore;
  /** Path segments after the base path, already percent-decoded. */
  segments: string[];
  /** Parsed JSON body (POST/PUT/PATCH only). */
  body?: unknown;
  /** Quirk racy-create: the user ids that existed when this POST arrived. */
  usersAtArrival?: Set<string>;
}

export type ScimErrorType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** Thrown by handlers; turned into a SCIM Error response at the top of the pipeline. */
export class ScimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimErrorType,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ScimHttpError';
  }
}

function contentType(ctx: RequestContext): string {
  return ctx.quirks.has('content-type-json')
    ? 'application/json; charset=utf-8'
    : 'application/scim+json; charset=utf-8';
}

export function sendJson(
  ctx: RequestContext,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, {
    'Content-Type': contentType(ctx),
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  ctx.res.end(text);
}

export function sendEmpty(ctx: RequestContext, status: number, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(status, headers);
  ctx.res.end();
}

export function sendError(ctx: RequestContext, error: ScimHttpError): void {
  if (error.status === 400 && ctx.quirks.has('bad-request-as-500'))
    error = new ScimHttpError(500, error.detail, undefined, error.headers);
  if (error.status === 404 && ctx.quirks.has('html-404')) {
    const html = '<html><body><h1>404 Not Found</h1></body></html>';
    ctx.res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', ...error.headers });
    ctx.res.end(html);
    return;
  }
  if (error.status === 401 && ctx.quirks.has('unauthorized-empty-body')) return sendEmpty(ctx, 401, error.headers);
  if (ctx.quirks.has('plain-text-errors')) {
    const text = `Error ${error.status}: ${error.detail}`;
    ctx.res.writeHead(error.status, { 'Content-Type': 'text/plain; charset=utf-8', ...error.headers });
    ctx.res.end(text);
    return;
  }
  const body: Record<string, unknown> = {
    schemas: [ERROR_SCHEMA],
    status: ctx.quirks.has('error-status-as-number') ? error.status : String(error.status),
    detail: error.detail,
  };
  if (ctx.quirks.has('error-without-detail')) delete body.detail;
  if (error.scimType && !ctx.quirks.has('no-scim-type'))
    body.scimType = ctx.quirks.has('wrong-scim-type') ? 'invalidSyntax' : error.scimType;
  sendJson(ctx, error.status, body, error.headers);
}

/** A ListResponse holding all of `resources` on one page. */
export function listOf(resources: unknown[]): Record<string, unknown> {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults: resources.length,
    itemsPerPage: resources.length,
    startIndex: 1,
    Resources: resources,
  };
}
