// A HAR file (a browser's or a proxy's export) turned into a capture: the same line
// format, cleaned by the same Sanitizer as a live recording. The SCIM base path is
// found from the resource endpoints (/Users, /Groups, ...) in the entries' URLs.
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { CAPTURE_FORMAT, CaptureWriter, recordBody, type Exchange, type HeaderPairs } from './capture.js';
import { Sanitizer, type SanitizeOptions } from './sanitize.js';

interface HarHeader {
  name: string;
  value: string;
}
interface HarEntry {
  startedDateTime?: string;
  time?: number;
  request: { method: string; url: string; headers?: HarHeader[]; postData?: { text?: string } };
  response?: { status: number; headers?: HarHeader[]; content?: { text?: string; encoding?: string } };
}

const SCIM_ENDPOINT = /\/(Users|Groups|ServiceProviderConfig|ResourceTypes|Schemas|Bulk|Me|\.search)(\/|$)/;

export async function importHar(harFile: string, outFile: string, opts: SanitizeOptions): Promise<number> {
  const entries = readHarEntries(harFile);
  const scim = entries.filter((e) => SCIM_ENDPOINT.test(safeUrl(e.request.url)?.pathname ?? ''));
  const [firstEntry] = scim;
  if (!firstEntry) throw new UsageError(`--from-har ${harFile}: no SCIM requests (/Users, /Groups, ...) in it`);
  const first = new URL(firstEntry.request.url);
  const basePath = first.pathname.slice(0, first.pathname.search(SCIM_ENDPOINT));
  const sanitizer = new Sanitizer(opts);
  const writer = new CaptureWriter(outFile);
  writer.writeHeader({
    type: 'capture',
    format: CAPTURE_FORMAT,
    source: 'har',
    target: `${first.origin}${basePath}`,
    startedAt: firstEntry.startedDateTime ?? new Date(0).toISOString(),
    redacted: sanitizer.redactedList(),
    maskPii: Boolean(opts.maskPii),
  });
  scim.forEach((entry, i) => writer.writeExchange(sanitizer.exchange(toExchange(entry, i + 1, basePath))));
  await writer.end();
  return scim.length;
}

function readHarEntries(file: string): HarEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--from-har ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let har: { log?: { entries?: unknown } };
  try {
    har = JSON.parse(text) as typeof har;
  } catch (err) {
    throw new UsageError(`--from-har ${file}: not JSON (${(err as Error).message})`);
  }
  const entries = har?.log?.entries;
  if (!Array.isArray(entries)) throw new UsageError(`--from-har ${file}: not a HAR file (no log.entries array)`);
  entries.forEach((e: HarEntry, i) => {
    if (
      !e?.request ||
      typeof e.request.method !== 'string' ||
      typeof e.request.url !== 'string' ||
      !safeUrl(e.request.url)
    ) {
      throw new UsageError(`--from-har ${file}: log.entries[${i}] has no request method and absolute url`);
    }
  });
  return entries as HarEntry[];
}

function toExchange(entry: HarEntry, seq: number, basePath: string): Exchange {
  const url = new URL(entry.request.url);
  const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
  const exchange: Exchange = {
    type: 'exchange',
    seq,
    startedAt: entry.startedDateTime ?? new Date(0).toISOString(),
    durationMs: Math.round(entry.time ?? 0),
    request: {
      method: entry.request.method.toUpperCase(),
      path,
      query: url.search.replace(/^\?/, ''),
      headers: pairs(entry.request.headers).filter(([n]) => !n.startsWith(':')), // HTTP/2 pseudo-headers
      ...recordBody(entry.request.postData?.text ?? ''),
    },
  };
  const res = entry.response;
  // browsers write status 0 for requests that never got an answer
  if (res && res.status > 0) {
    const content = res.content?.text ?? '';
    const text = res.content?.encoding === 'base64' ? Buffer.from(content, 'base64').toString('utf8') : content;
    exchange.response = { status: res.status, headers: pairs(res.headers), ...recordBody(text) };
  } else {
    exchange.error = 'no response in the HAR entry';
  }
  return exchange;
}

function pairs(headers: HarHeader[] | undefined): HeaderPairs {
  return (headers ?? []).map((h) => [String(h.name), String(h.value)]);
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
