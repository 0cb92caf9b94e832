// One HTTP exchange as text for --verbose and --trace: method and URL, headers (already
// redacted when recorded), bodies pretty-printed and trimmed, and the line of the body path a
// failed check looked at marked, so the eye lands on what is wrong.
import type { RecordedExchange } from '../model/run-result.js';
import { parseBodyPath, type PathSegment } from '../suite/body-path.js';
import { formatDuration, truncate, visibleControls } from './format.js';

export interface ExchangeTextOptions {
  /** Body path to mark in the response (a failed `path:` expectation). */
  highlight?: string;
  /** Most body lines shown per body; the marked line is always kept. */
  maxBodyLines?: number;
  mark?: (line: string) => string;
}

type KeyPath = (string | number)[];
interface BodyLine {
  text: string;
  path: KeyPath;
  /** The `}` or `]` that ends the value at path: never marked. */
  closing?: boolean;
}

const MARKER = '  ◀';

export function exchangeText(ex: RecordedExchange, opts: ExchangeTextOptions = {}): string[] {
  const max = opts.maxBodyLines ?? 30;
  const mark = opts.mark ?? ((l: string) => l);
  const out = [`> ${ex.method} ${visibleControls(ex.url)}`];
  for (const [k, v] of Object.entries(ex.requestHeaders)) out.push(`> ${k}: ${visibleControls(v)}`);
  if (ex.requestBody !== undefined)
    out.push(...trimBody(bodyLines(ex.requestBody), undefined, max, mark).map((l) => `> ${l}`));
  if (ex.status === undefined) {
    out.push('< (no response)');
    return out;
  }
  out.push(`< ${ex.status} (${formatDuration(ex.durationMs)})`);
  for (const [k, v] of Object.entries(ex.responseHeaders ?? {})) out.push(`< ${k}: ${visibleControls(v)}`);
  if (ex.responseBody !== undefined && ex.responseBody !== '') {
    const segments = segmentsOf(opts.highlight);
    const body = trimBody(bodyLines(ex.responseBody), segments, max, mark);
    // an absent value is the finding: say so where the eye would look for it
    if (segments && !body.some((l) => l.includes(MARKER)))
      body.push(mark(`(${opts.highlight} is not in this body)${MARKER}`));
    out.push(...body.map((l) => `< ${l}`));
  }
  return out;
}

function segmentsOf(path: string | undefined): PathSegment[] | undefined {
  if (!path) return undefined;
  try {
    return parseBodyPath(path);
  } catch {
    return undefined;
  }
}

/** Pretty JSON, one entry per line, each line knowing the key path of its value. */
function bodyLines(body: unknown): BodyLine[] {
  if (typeof body === 'string') return body.split(/\r?\n/).map((t) => ({ text: visibleControls(t), path: [] }));
  const lines: BodyLine[] = [];
  const walk = (value: unknown, path: KeyPath, indent: string, prefix: string, comma: string): void => {
    if (value !== null && typeof value === 'object') {
      const entries: [string | number, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [i, v])
        : Object.entries(value);
      const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) {
        lines.push({ text: `${indent}${prefix}${open}${close}${comma}`, path });
        return;
      }
      lines.push({ text: `${indent}${prefix}${open}`, path });
      entries.forEach(([k, v], i) => {
        const childPrefix = typeof k === 'number' ? '' : `${JSON.stringify(k)}: `;
        walk(v, [...path, k], `${indent}  `, childPrefix, i < entries.length - 1 ? ',' : '');
      });
      lines.push({ text: `${indent}${close}${comma}`, path, closing: true });
      return;
    }
    const scalar = typeof value === 'string' ? JSON.stringify(truncate(value)) : String(JSON.stringify(value));
    lines.push({ text: visibleControls(`${indent}${prefix}${scalar}${comma}`), path });
  };
  walk(body, [], '', '', '');
  return lines;
}

function matches(path: KeyPath, segments: PathSegment[]): boolean {
  if (path.length !== segments.length) return false;
  return segments.every((seg, i) => {
    const p = path[i];
    if (seg.kind === 'key') return typeof p === 'string' && p.toLowerCase() === seg.name.toLowerCase();
    if (seg.kind === 'urn') return typeof p === 'string' && p.toLowerCase() === seg.text.toLowerCase();
    if (seg.kind === 'index') return p === seg.index;
    return typeof p === 'number'; // a value filter: any element may be the one
  });
}

/** The first `max` lines, plus the marked line with a little context; gaps say how much was left out. */
function trimBody(
  lines: BodyLine[],
  highlight: PathSegment[] | undefined,
  max: number,
  mark: (l: string) => string,
): string[] {
  const marked = new Set<number>();
  if (highlight) lines.forEach((l, i) => !l.closing && matches(l.path, highlight) && marked.add(i));
  const keep = new Set<number>();
  for (let i = 0; i < Math.min(max, lines.length); i++) keep.add(i);
  for (const m of marked) for (let i = Math.max(0, m - 3); i <= Math.min(lines.length - 1, m + 3); i++) keep.add(i);
  const out: string[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (!keep.has(i)) {
      skipped++;
      return;
    }
    if (skipped) out.push(`  … ${skipped} more line${skipped === 1 ? '' : 's'}`);
    skipped = 0;
    out.push(marked.has(i) ? mark(`${line.text}${MARKER}`) : line.text);
  });
  if (skipped) out.push(`  … ${skipped} more line${skipped === 1 ? '' : 's'}`);
  return out;
}
