// The capture file: JSON Lines. The first line describes the recording; every other
// line is one exchange, written as soon as it completes, already redacted.
// Headers are kept as ordered [name, value] pairs: order and repeats matter to --compare.
import { openSync, readFileSync, type WriteStream, createWriteStream } from 'node:fs';
import { UsageError } from '../errors.js';

export const CAPTURE_FORMAT = 'scim-check-capture/1';

export type HeaderPairs = [string, string][];

/** Node's `rawHeaders` ([name, value, name, value, ...]) as pairs. */
export function rawHeaderPairs(raw: readonly string[]): HeaderPairs {
  const out: HeaderPairs = [];
  raw.forEach((name, i) => {
    if (i % 2 === 0) out.push([name, raw[i + 1] ?? '']);
  });
  return out;
}

export interface CaptureHeader {
  type: 'capture';
  format: typeof CAPTURE_FORMAT;
  source: 'proxy' | 'har';
  /** Where the exchanges went (origin and base path); never carries credentials. */
  target?: string;
  startedAt: string;
  /** What was replaced before writing: header names always redacted, plus --redact entries (names only). */
  redacted: string[];
  maskPii: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Relative to the SCIM base URL, e.g. /Users/2819c223. */
  path: string;
  /** The raw query string as sent (no leading ?), empty when none. */
  query: string;
  headers: HeaderPairs;
  /** Parsed JSON body; absent when there was none or it was not JSON (then bodyText). */
  body?: unknown;
  bodyText?: string;
}

export interface RecordedResponse {
  status: number;
  headers: HeaderPairs;
  body?: unknown;
  bodyText?: string;
}

export interface Exchange {
  type: 'exchange';
  /** Order in which the requests arrived (1-based); lines are written in completion order. */
  seq: number;
  startedAt: string;
  durationMs: number;
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Why there is no response: the target could not be reached, timed out, ... */
  error?: string;
}

export interface Capture {
  header: CaptureHeader;
  /** In request order (seq). */
  exchanges: Exchange[];
}

/** A body as recorded: parsed JSON when it is JSON, else the text, else nothing. */
export function recordBody(text: string): { body?: unknown; bodyText?: string } {
  if (text.length === 0) return {};
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { bodyText: text };
  }
}

export function headerValue(headers: HeaderPairs, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** Appends lines to a new capture file. Refuses to overwrite an existing file. */
export class CaptureWriter {
  private readonly stream: WriteStream;
  private count = 0;

  constructor(readonly file: string) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new UsageError(`--out ${file}: already exists (choose another file, or remove it first)`);
      throw new UsageError(`--out ${file}: cannot create (${code ?? 'error'})`);
    }
    this.stream = createWriteStream('', { fd, encoding: 'utf8' });
  }

  writeHeader(header: CaptureHeader): void {
    this.stream.write(`${JSON.stringify(header)}\n`);
  }

  writeExchange(exchange: Exchange): void {
    this.count += 1;
    this.stream.write(`${JSON.stringify(exchange)}\n`);
  }

  get exchanges(): number {
    return this.count;
  }

  /** Flushes and closes; resolves once every line is on disk. */
  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

/** Reads and checks a whole capture; a bad line is a UsageError naming file:line. */
export function readCapture(file: string, flag: string): Capture {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag} ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let header: CaptureHeader | undefined;
  const exchanges: Exchange[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = { file, line: i + 1, col: 1 };
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new UsageError('not a JSON line (is this a scim-check capture?)', where);
    }
    const v = value as {
      type?: string;
      format?: string;
      seq?: unknown;
      request?: { method?: unknown; path?: unknown };
    };
    if (v.type === 'capture') {
      if (v.format !== CAPTURE_FORMAT)
        throw new UsageError(
          `unsupported capture format ${JSON.stringify(v.format)} (expected ${CAPTURE_FORMAT})`,
          where,
        );
      header ??= v as unknown as CaptureHeader;
      return;
    }
    if (
      v.type !== 'exchange' ||
      typeof v.seq !== 'number' ||
      !v.request ||
      typeof v.request.method !== 'string' ||
      typeof v.request.path !== 'string'
    ) {
      throw new UsageError(
        'not a capture line: expected {"type":"exchange","seq":N,"request":{method,path,...}}',
        where,
      );
    }
    const e = v as unknown as Exchange;
    e.request.query ??= '';
    e.request.headers ??= [];
    const pairs = (h: unknown) =>
      Array.isArray(h) && h.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'));
    if (
      typeof e.request.query !== 'string' ||
      !pairs(e.request.headers) ||
      (e.response && (typeof e.response.status !== 'number' || !pairs(e.response.headers ?? [])))
    ) {
      throw new UsageError(
        'malformed exchange: query must be a string, headers [name, value] pairs, response.status a number',
        where,
      );
    }
    if (e.response) e.response.headers ??= [];
    exchanges.push(e);
  });
  if (!header) throw new UsageError(`${flag} ${file}: no capture header line (is this a scim-check capture?)`);
  exchanges.sort((a, b) => a.seq - b.seq);
  return { header, exchanges };
}
