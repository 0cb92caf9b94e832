// A tiny fetch wrapper around a RunningServer, for tests (kept out of src so it never ships).
import type { RunningServer } from '../../src/server/index.js';

export interface ScimReply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: any;
}

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** false: send no Authorization header; a string: send that token. */
  token?: string | false;
}

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export function scimClient(server: RunningServer) {
  return async function call(method: string, path: string, opts: CallOptions = {}): Promise<ScimReply> {
    const headers: Record<string, string> = { Accept: 'application/scim+json', ...opts.headers };
    const token = opts.token === undefined ? server.token : opts.token;
    if (token !== false) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/scim+json; charset=utf-8';
    }
    const res = await fetch(server.baseUrl + path, { method, headers, body });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
}

export function patchBody(...operations: Record<string, unknown>[]): Record<string, unknown> {
  return { schemas: [PATCH_OP], Operations: operations };
}

export function userBody(userName: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, active: true, ...extra };
}
