// The one HTTP client every command uses: undici with explicit timeouts, a body
// size cap, gzip/deflate decoding (Okta sends Accept-Encoding: gzip,deflate) and
// transport failures mapped to TransportError codes (exit 3).
import type { Agent } from 'undici';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { createAgent, requestBuffered, type InFlight } from './undici-core.js';
import { TransportError, UsageError } from '../errors.js';

export interface HttpClientOptions {
  timeoutMs: number;
  insecure?: boolean;
  caFile?: string;
  maxBodyBytes?: number;
  /** Extra connections for concurrent use (audit); 1 keeps the run strictly sequential. */
  connections?: number;
  /** Methods this client may send; anything else is refused before a socket is touched. */
  allowedMethods?: readonly string[];
}

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  durationMs: number;
}

export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

export class HttpClient {
  private agent: Agent | undefined;
  private readonly maxBodyBytes: number;
  private readonly ca: string | undefined;

  constructor(private readonly opts: HttpClientOptions) {
    this.maxBodyBytes = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.ca = loadCa(opts.caFile); // read now: a bad --ca file fails before any request
  }

  /** undici loads on first use, so commands that send nothing start fast. */
  private dispatcher(): Agent {
    this.agent ??= createAgent({
      connect: { timeout: this.opts.timeoutMs, rejectUnauthorized: !this.opts.insecure, ca: this.ca },
      headersTimeout: this.opts.timeoutMs,
      bodyTimeout: this.opts.timeoutMs,
      connections: this.opts.connections ?? 4,
    });
    return this.agent;
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method.toUpperCase();
    if (this.opts.allowedMethods && !this.opts.allowedMethods.includes(method)) {
      throw new UsageError(`refusing to send ${method}: this command is read-only`);
    }
    // undici loads before the clock starts: loading it is not the target's time
    const agent = this.dispatcher();
    const started = performance.now();
    const outer = req.signal;
    let inFlight: InFlight | undefined;
    // undici's own timers are coarse (about a second); an explicit deadline covers
    // connect, headers and body alike with the precision --timeout promises. One timer
    // per request, and the caller's signal is watched by this client, not by each request.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      inFlight?.abort(abortError());
    }, this.opts.timeoutMs);
    // as undici's request() does, a request stopped by the caller's signal fails with its reason as is
    const stopWatching = outer ? this.watch(outer, () => inFlight?.abort(outer.reason)) : undefined;
    try {
      if (outer?.aborted) throw outer.reason;
      inFlight = requestBuffered(
        agent,
        req.url,
        { method, headers: req.headers, body: req.body },
        this.maxBodyBytes,
        () => new TransportError(`response body larger than ${this.maxBodyBytes} bytes`, 'SCIM_HTTP_BODY_TOO_LARGE'),
      );
      const res = await inFlight.response;
      const headers = flattenHeaders(res.headers);
      let bodyText: string;
      try {
        bodyText = decode(res.body, headers['content-encoding'], this.maxBodyBytes);
      } finally {
        res.release(); // the text is a copy: the buffer serves the next answer
      }
      return { status: res.statusCode, headers, bodyText, durationMs: performance.now() - started };
    } catch (err) {
      if (timedOut && !outer?.aborted) {
        throw new TransportError(
          `${req.method} ${safeOrigin(req.url)}: no answer within ${this.opts.timeoutMs} ms`,
          'SCIM_HTTP_TIMEOUT',
        );
      }
      throw toTransportError(err, req, this.opts.timeoutMs);
    } finally {
      clearTimeout(timer);
      stopWatching?.();
    }
  }

  // One abort listener per caller signal (a run passes the same one to every request),
  // whatever the number of requests on their way.
  private watched = new WeakMap<AbortSignal, Set<() => void>>();

  private watch(signal: AbortSignal, onAbort: () => void): () => void {
    let waiting = this.watched.get(signal);
    if (!waiting) {
      const set = new Set<() => void>();
      waiting = set;
      this.watched.set(signal, set);
      signal.addEventListener('abort', () => [...set].forEach((f) => f()), { once: true });
    }
    waiting.add(onAbort);
    return () => waiting.delete(onAbort);
  }

  async close(): Promise<void> {
    await this.agent?.close();
  }
}

/** Reads --ca now, so a bad file fails before anything is sent (also used by `record`). */
export function loadCa(file?: string): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--ca ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Ends a request at the deadline (the client reports the timeout, not this error). */
function abortError(): Error {
  return Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 'UND_ERR_ABORTED' });
}

function decode(raw: Buffer, encoding: string | undefined, cap: number): string {
  const enc = (encoding ?? '').trim().toLowerCase();
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return zlib.gunzipSync(raw, { maxOutputLength: cap }).toString('utf8');
    if (enc === 'deflate') return zlib.inflateSync(raw, { maxOutputLength: cap }).toString('utf8');
    if (enc === 'br') return zlib.brotliDecompressSync(raw, { maxOutputLength: cap }).toString('utf8');
  } catch {
    throw new TransportError(`response body could not be decoded (${enc})`, 'SCIM_HTTP_BAD_ENCODING');
  }
  return raw.toString('utf8');
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

const TLS_CODES = /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_OSSL)/;

function toTransportError(err: unknown, req: HttpRequest, timeoutMs: number): Error {
  if (err instanceof TransportError || err instanceof UsageError) return err;
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? e.name ?? 'UNKNOWN';
  const where = `${req.method} ${safeOrigin(req.url)}`;
  if (e.name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') {
    return new TransportError(`${where}: request aborted`, 'SCIM_HTTP_ABORTED');
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new TransportError(`${where}: no answer within ${timeoutMs} ms`, 'SCIM_HTTP_TIMEOUT');
  }
  if (TLS_CODES.test(code)) return new TransportError(`${where}: TLS failure (${code})`, 'SCIM_HTTP_TLS');
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) {
    return new TransportError(`${where}: cannot connect (${code})`, 'SCIM_HTTP_CONNECT');
  }
  if (['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED'].includes(code)) {
    return new TransportError(`${where}: connection closed by the server (${code})`, 'SCIM_HTTP_RESET');
  }
  return new TransportError(`${where}: ${code}`, 'SCIM_HTTP_FAILED');
}

/** Origin only: a URL's path or query carries resource ids and filter values we do not want in errors. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid url)';
  }
}
