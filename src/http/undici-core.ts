// The parts of undici the client uses: Agent, and a request whose answer is read whole
// into memory. undici's index loads the whole package (fetch, WebSocket, mocks, caches,
// proxies: about 110 modules, the biggest start-up cost of a run after YAML and ajv); the
// Agent needs about 30. undici is pinned to an exact version in package.json, so the
// module paths are stable.
//
// `request()` wraps every answer in a Readable stream, an AsyncResource and an abort-signal
// listener; a run reads each body whole, so a plain dispatch handler that collects the
// chunks does the same with a fraction of the work (and of the garbage) per request.
import type { Agent, Dispatcher } from 'undici';
import { lazyRequire } from '../util/lazy-require.js';
import { giveBodyBuffer, growBodyBuffer, takeBodyBuffer } from './body-buffers.js';

type AgentClass = typeof Agent;
type ParseHeaders = (raw: Buffer[]) => Record<string, string | string[]>;

const loadAgent = lazyRequire<AgentClass>('undici/lib/dispatcher/agent.js');
const loadUtil = lazyRequire<{ parseHeaders: ParseHeaders }>('undici/lib/core/util.js');

export function createAgent(options: Agent.Options): Agent {
  return new (loadAgent())(options);
}

export interface BufferedRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface BufferedResponse {
  statusCode: number;
  /** As undici's `request()` gives them: lower-cased names, repeated headers as arrays. */
  headers: Record<string, string | string[]>;
  /** A view on a reused buffer: valid until `release()`, which the reader calls once it has decoded it. */
  body: Buffer;
  release(): void;
}

/** A request on its way; `abort` ends it with `reason` (the promise rejects with it). */
export interface InFlight {
  response: Promise<BufferedResponse>;
  abort(reason: unknown): void;
}

/**
 * Sends one request through `dispatcher` and collects the whole answer. A body larger than
 * `maxBodyBytes` aborts the request with `tooLarge()`.
 */
export function requestBuffered(
  dispatcher: Dispatcher,
  url: string,
  req: BufferedRequest,
  maxBodyBytes: number,
  tooLarge: () => Error,
): InFlight {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw Object.assign(new Error(`unsupported protocol ${u.protocol}`), { code: 'UND_ERR_INVALID_ARG' });
  const handler = new CollectingHandler(maxBodyBytes, tooLarge);
  const response = new Promise<BufferedResponse>((resolve, reject) => {
    handler.resolve = resolve;
    handler.reject = reject;
  });
  dispatcher.dispatch(
    {
      origin: u.origin,
      path: u.search ? `${u.pathname}${u.search}` : u.pathname,
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      body: req.body,
    },
    handler as unknown as Dispatcher.DispatchHandler,
  );
  return { response, abort: (reason) => handler.abortWith(reason) };
}

const EMPTY = Buffer.alloc(0);

/** undici's handler callbacks (the onConnect/onHeaders/onData form, which it calls as they are). */
class CollectingHandler {
  resolve!: (r: BufferedResponse) => void;
  reject!: (e: unknown) => void;
  private abort: ((reason: unknown) => void) | undefined;
  private reason: { why: unknown } | undefined;
  private statusCode = 0;
  private headers: Record<string, string | string[]> = {};
  private buffer: Buffer | undefined;
  private size = 0;
  private settled = false;

  constructor(
    private readonly maxBodyBytes: number,
    private readonly tooLarge: () => Error,
  ) {}

  abortWith(reason: unknown): void {
    if (this.settled || this.reason) return;
    this.reason = { why: reason };
    // not yet on a socket: undici aborts it as soon as it gets one (onConnect)
    this.abort?.(reason);
  }

  onConnect(abort: (reason: unknown) => void): void {
    if (this.reason) abort(this.reason.why);
    else this.abort = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true; // 1xx: informational, the answer follows
    this.statusCode = statusCode;
    this.headers = loadUtil().parseHeaders(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    const used = this.size;
    this.size += chunk.length;
    if (this.size > this.maxBodyBytes) {
      this.abortWith(this.tooLarge());
      return false;
    }
    // copied at once: the chunk itself is garbage as soon as this returns
    this.buffer = growBodyBuffer(this.buffer ?? takeBodyBuffer(this.size), used, this.size);
    chunk.copy(this.buffer, used);
    return true;
  }

  onComplete(): void {
    if (this.settled) return;
    this.settled = true;
    const buffer = this.buffer;
    this.buffer = undefined;
    this.resolve({
      statusCode: this.statusCode,
      headers: this.headers,
      body: buffer ? buffer.subarray(0, this.size) : EMPTY,
      release: () => buffer && giveBodyBuffer(buffer),
    });
  }

  onError(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    if (this.buffer) giveBodyBuffer(this.buffer);
    this.buffer = undefined;
    this.reject(err);
  }
}
