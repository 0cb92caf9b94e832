// Sends one recorded-to-be request on to the target, unchanged except for what a
// reverse proxy must change: the Host header and the hop-by-hop headers. Answers come
// back as raw bytes with their headers in order, so the client gets exactly what the
// target said; the capture gets a decoded copy.
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { rawHeaderPairs, type HeaderPairs } from './capture.js';

/** Connection-level headers (RFC 9110 §7.6.1): they describe one hop, never the exchange. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
]);

export interface ForwardTarget {
  url: URL; // origin + base path, e.g. https://staging.example.com/scim/v2
  agent: http.Agent;
  timeoutMs: number;
}

export interface ForwardedAnswer {
  status: number;
  headers: HeaderPairs;
  raw: Buffer;
}

export function createAgent(target: URL, tls: { insecure?: boolean; ca?: string }): http.Agent {
  if (target.protocol === 'https:')
    return new https.Agent({ keepAlive: true, rejectUnauthorized: !tls.insecure, ca: tls.ca });
  return new http.Agent({ keepAlive: true });
}

export function forwardableHeaders(pairs: HeaderPairs): HeaderPairs {
  return pairs.filter(([n]) => !HOP_BY_HOP.has(n.toLowerCase()));
}

export function forward(
  target: ForwardTarget,
  method: string,
  pathAndQuery: string,
  headers: HeaderPairs,
  body: Buffer,
): Promise<ForwardedAnswer> {
  const outHeaders = [...forwardableHeaders(headers), ['Host', target.url.host]].flat();
  const lib = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        protocol: target.url.protocol,
        hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
        port: target.url.port || undefined,
        method,
        path: pathAndQuery,
        headers: outHeaders,
        agent: target.agent,
        timeout: target.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 502,
            headers: rawHeaderPairs(res.rawHeaders),
            raw: Buffer.concat(chunks),
          });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error(`no answer within ${target.timeoutMs} ms`), { code: 'SCIM_HTTP_TIMEOUT' })),
    );
    req.on('error', reject);
    req.end(body.length > 0 ? body : undefined);
  });
}

/** The body as text for the capture, undoing gzip/deflate/br the way our client does. */
export function decodeForCapture(raw: Buffer, encoding: string | undefined): string {
  const enc = (encoding ?? '').trim().toLowerCase();
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return zlib.gunzipSync(raw).toString('utf8');
    if (enc === 'deflate') return zlib.inflateSync(raw).toString('utf8');
    if (enc === 'br') return zlib.brotliDecompressSync(raw).toString('utf8');
  } catch {
    return `(undecodable ${enc} body, ${raw.length} bytes)`;
  }
  return raw.toString('utf8');
}
