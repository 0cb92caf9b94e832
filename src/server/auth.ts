// Bearer-token authentication on every endpoint under the base path.
import { timingSafeEqual } from 'node:crypto';
import { RequestContext, ScimHttpError } from './http-util.js';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function checkBearer(ctx: RequestContext, token: string): void {
  if (ctx.quirks.has('ignore-auth')) return;
  const header = ctx.req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  const presented = match?.[1];
  if (presented !== undefined && sameSecret(presented, token)) return;
  const headers: Record<string, string> = ctx.quirks.has('no-www-authenticate')
    ? {}
    : { 'WWW-Authenticate': 'Bearer realm="scim"' };
  const detail = header
    ? 'the bearer token is not valid'
    : 'authentication required: send Authorization: Bearer <token>';
  throw new ScimHttpError(401, detail, undefined, headers);
}
