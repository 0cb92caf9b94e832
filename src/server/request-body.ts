// Reads and parses JSON request bodies: media type, size limit, syntax.
import type { IncomingMessage } from 'node:http';
import type { QuirkSet } from './quirks.js';
import { ScimHttpError } from './http-util.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Past this the connection is cut rather than drained. */
const DRAIN_LIMIT_BYTES = 16 * BODY_LIMIT_BYTES;

export function checkContentType(req: IncomingMessage, quirks: QuirkSet): void {
  const raw = req.headers['content-type'] ?? '';
  const [type = ''] = raw.split(';', 1);
  const mime = type.trim().toLowerCase();
  if (mime === 'application/scim+json') {
    if (quirks.has('rejects-scim-content-type'))
      throw new ScimHttpError(415, 'Content-Type application/scim+json is not supported');
    return;
  }
  if (mime === 'application/json') {
    if (quirks.has('rejects-json-content-type'))
      throw new ScimHttpError(415, 'Content-Type application/json is not supported');
    return;
  }
  throw new ScimHttpError(415, `unsupported Content-Type "${raw}"; use application/scim+json or application/json`);
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DRAIN_LIMIT_BYTES) {
      req.destroy();
      break;
    }
    if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
  }
  if (size > BODY_LIMIT_BYTES) {
    throw new ScimHttpError(413, `request body exceeds ${BODY_LIMIT_BYTES} bytes`, undefined, { Connection: 'close' });
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ScimHttpError(400, `request body is not valid JSON: ${(e as Error).message}`, 'invalidSyntax');
  }
}
