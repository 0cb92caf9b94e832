// --compare: for each recorded request, the pack step that sends the same operation
// most alike, and every way they differ: method, path, query order (and encoding),
// headers, body shape. A recorded operation no pack sends is listed too.
import { headerValue, readCapture, type Exchange } from '../capture.js';
import { queryPairs, usesPlusForSpace } from '../to-suite/query.js';
import { compareShapes, shapeOf } from './body-shape.js';
import { normalisePath, operationOf } from './operation.js';
import { packRequests, type PackRequest } from './pack-requests.js';

/** Per connection or per credential: never a difference in what the client asks. */
const IGNORED_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'authorization',
  'transfer-encoding',
]);

export interface Difference {
  aspect: 'operation' | 'method' | 'path' | 'query order' | 'query encoding' | 'query value' | 'header' | 'body shape';
  detail: string;
}

export interface ExchangeComparison {
  seq: number;
  request: string; // GET /Users?…
  operation: string;
  pack?: { where: string; position?: string };
  differences: Difference[];
}

export interface ComparisonResult {
  captureFile: string;
  compared: ExchangeComparison[];
  differences: Difference[];
}

export function compareCaptureWithPacks(captureFile: string, packs: PackRequest[] = packRequests()): ComparisonResult {
  const capture = readCapture(captureFile, '--compare');
  const compared = capture.exchanges.map((e) => compareOne(e, packs));
  return { captureFile, compared, differences: compared.flatMap((c) => c.differences) };
}

function compareOne(e: Exchange, packs: PackRequest[]): ExchangeComparison {
  const query = queryPairs(e.request.query);
  const recorded = {
    method: e.request.method,
    path: e.request.path,
    queryNames: query.map(([n]) => n),
    body: e.request.body,
  };
  const operation = operationOf(recorded);
  const base = {
    seq: e.seq,
    request: `${e.request.method} ${e.request.path}${e.request.query ? `?${e.request.query}` : ''}`,
    operation,
  };
  const scored = packs
    .filter((p) => p.operation === operation)
    .map((p) => ({ p, diffs: differencesWith(e, query, p) }))
    .sort((a, b) => a.diffs.length - b.diffs.length);
  const best = scored[0];
  if (!best) {
    return { ...base, differences: [{ aspect: 'operation', detail: `no bundled Okta pack sends "${operation}"` }] };
  }
  return { ...base, pack: { where: best.p.where, position: best.p.position }, differences: best.diffs };
}

function differencesWith(e: Exchange, query: [string, string][], p: PackRequest): Difference[] {
  const out: Difference[] = [];
  if (p.method !== e.request.method)
    out.push({ aspect: 'method', detail: `recorded ${e.request.method}, the pack sends ${p.method}` });
  const recPath = normalisePath(e.request.path);
  const packPath = normalisePath(p.path);
  if (recPath !== packPath) out.push({ aspect: 'path', detail: `recorded ${recPath}, the pack sends ${packPath}` });
  const names = query.map(([n]) => n);
  if (names.join('&') !== p.queryNames.join('&')) {
    out.push({
      aspect: 'query order',
      detail: `recorded ${names.join(', ') || '(none)'}; the pack sends ${p.queryNames.join(', ') || '(none)'}`,
    });
  }
  if (usesPlusForSpace(e.request.query) !== p.plusForSpace) {
    out.push({
      aspect: 'query encoding',
      detail: p.plusForSpace
        ? 'recorded spaces as %20; the pack sends "+"'
        : 'recorded spaces as "+"; the pack sends %20',
    });
  }
  out.push(...queryValues(query, p));
  out.push(...headerDifferences(e, p));
  const recordedBody = e.request.body ?? e.request.bodyText;
  if ((recordedBody === undefined) !== (p.body === undefined)) {
    out.push({
      aspect: 'body shape',
      detail:
        recordedBody === undefined
          ? 'the pack sends a body; the recording has none'
          : 'the recording has a body; the pack sends none',
    });
    return out;
  }
  const shapeDiffs = compareShapes(shapeOf(e.request.body ?? null), shapeOf(p.body ?? null));
  for (const d of shapeDiffs) {
    const detail =
      d.pack === undefined
        ? `recorded sends ${d.path} (${d.recorded}); the pack does not`
        : d.recorded === undefined
          ? `the pack sends ${d.path} (${d.pack}); the recording does not`
          : `${d.path}: recorded ${d.recorded}, the pack ${d.pack}`;
    out.push({ aspect: 'body shape', detail });
  }
  return out;
}

/** Constant parameters (startIndex, count) must match; templated ones (filters) are data. */
function queryValues(query: [string, string][], p: PackRequest): Difference[] {
  const out: Difference[] = [];
  const packValues = new Map(p.queryValues);
  for (const [name, value] of query) {
    const packValue = packValues.get(name);
    if (
      packValue === undefined ||
      packValue.includes('${{') ||
      name === 'filter' ||
      (name === 'startIndex' && p.paginates)
    )
      continue;
    if (packValue !== value)
      out.push({ aspect: 'query value', detail: `${name}: recorded ${value}, the pack sends ${packValue}` });
  }
  return out;
}

function headerDifferences(e: Exchange, p: PackRequest): Difference[] {
  const out: Difference[] = [];
  const recorded = e.request.headers.filter(([n]) => !IGNORED_HEADERS.has(n.toLowerCase()));
  const pack = new Map(p.headers.filter(([n]) => !IGNORED_HEADERS.has(n)).map(([n, v]) => [n.toLowerCase(), v]));
  for (const [name, value] of recorded) {
    const packValue = pack.get(name.toLowerCase());
    if (packValue === undefined)
      out.push({ aspect: 'header', detail: `recorded sends ${name}: ${value}; the pack does not` });
    else if (packValue !== value)
      out.push({
        aspect: 'header',
        detail: `${name}: recorded ${JSON.stringify(value)}, the pack sends ${JSON.stringify(packValue)}`,
      });
  }
  for (const [name, value] of pack) {
    if (headerValue(e.request.headers, name) === undefined)
      out.push({ aspect: 'header', detail: `the pack sends ${name}: ${value}; the recording does not` });
  }
  return out;
}
