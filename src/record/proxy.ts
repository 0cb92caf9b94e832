// The recording reverse proxy. Every request is forwarded to the one target (never to a
// host the request names), the answer goes back unchanged, and the exchange is cleaned
// (sanitize.ts) and appended to the capture as soon as it completes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange } from './capture.js';
import { headerValue, rawHeaderPairs, recordBody } from './capture.js';
import { decodeForCapture, forward, forwardableHeaders, type ForwardTarget } from './forward.js';
import type { Sanitizer } from './sanitize.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface RecordingProxyOptions {
  target: ForwardTarget;
  host: string;
  port: number;
  sanitizer: Sanitizer;
  /** Called with each cleaned exchange, in completion order (writes the capture line and the live line). */
  onExchange: (exchange: Exchange) => void;
}

export interface RecordingProxy {
  url: string;
  /** Stops accepting, lets exchanges in flight finish (and be recorded), then closes every connection. */
  close(): Promise<void>;
}

export async function startRecordingProxy(opts: RecordingProxyOptions): Promise<RecordingProxy> {
  let seq = 0;
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const done = handle(req, res, ++seq, opts).catch(() => {
      res.destroy();
    });
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  });
  // CONNECT would make this an open tunnel to anywhere: refuse it outright
  server.on('connect', (_req, socket) => socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\n\r\n'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${hostInUrl}:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
      opts.target.agent.destroy();
    },
  };
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  seq: number,
  opts: RecordingProxyOptions,
): Promise<void> {
  const started = Date.now();
  const t0 = performance.now();
  const { relPath, query } = splitRequestTarget(req.url ?? '/', opts.target.url.pathname);
  const headers = rawHeaderPairs(req.rawHeaders);
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);
  const base: Omit<Exchange, 'durationMs'> = {
    type: 'exchange',
    seq,
    startedAt: new Date(started).toISOString(),
    request: { method, path: relPath, query, headers, ...recordBody(body === null ? '' : body.toString('utf8')) },
  };
  if (body === null) {
    answerError(res, 413, `request body larger than ${MAX_BODY_BYTES} bytes`);
    return record(opts, {
      ...base,
      durationMs: performance.now() - t0,
      error: 'request body too large: not forwarded',
    });
  }
  const basePath = opts.target.url.pathname.replace(/\/+$/, '');
  try {
    const answer = await forward(
      opts.target,
      method,
      `${basePath}${relPath}${query ? `?${query}` : ''}`,
      headers,
      body,
    );
    res.writeHead(answer.status, forwardableHeaders(answer.headers).flat());
    res.end(answer.raw);
    // the client gets every byte; the capture keeps a line per exchange of bounded size
    const recorded =
      answer.raw.length > MAX_BODY_BYTES
        ? { bodyText: `(body of ${answer.raw.length} bytes not recorded: over ${MAX_BODY_BYTES})` }
        : recordBody(decodeForCapture(answer.raw, headerValue(answer.headers, 'content-encoding')));
    record(opts, {
      ...base,
      durationMs: performance.now() - t0,
      response: { status: answer.status, headers: answer.headers, ...recorded },
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason = e.code === 'SCIM_HTTP_TIMEOUT' ? e.message : `target unreachable (${e.code ?? e.message})`;
    answerError(res, e.code === 'SCIM_HTTP_TIMEOUT' ? 504 : 502, reason);
    record(opts, { ...base, durationMs: performance.now() - t0, error: reason });
  }
}

function record(opts: RecordingProxyOptions, raw: Exchange): void {
  raw.durationMs = Math.round(raw.durationMs);
  opts.onExchange(opts.sanitizer.exchange(raw));
}

/**
 * The path relative to the SCIM base. Only the path and query of the request line are
 * used (an absolute-form `GET http://elsewhere/...` still goes to the target). A request
 * already carrying the target's base path (Okta pointed at https://proxy/scim/v2) is
 * taken relative to it; otherwise the path is appended to the base (Okta pointed at the root).
 */
export function splitRequestTarget(requestTarget: string, targetBasePath: string): { relPath: string; query: string } {
  let pathAndQuery = requestTarget;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathAndQuery)) {
    const u = new URL(pathAndQuery);
    pathAndQuery = `${u.pathname}${u.search}`;
  }
  const q = pathAndQuery.indexOf('?');
  let path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q < 0 ? '' : pathAndQuery.slice(q + 1);
  const base = targetBasePath.replace(/\/+$/, '');
  if (base && (path === base || path.startsWith(`${base}/`))) path = path.slice(base.length);
  if (!path.startsWith('/')) path = `/${path}`;
  return { relPath: path, query };
}

/** The whole body, or null when it is larger than the cap (SCIM bodies are small). */
async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk as Buffer);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}

function answerError(res: http.ServerResponse, status: number, detail: string): void {
  const body = JSON.stringify({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
    detail: `scim-check record: ${detail}`,
  });
  res.writeHead(status, { 'content-type': 'application/scim+json' });
  res.end(body);
}
