// Body paths: how suites point into a JSON response (`Resources[0].id`, `emails[type eq "work"].value`).
//
// Rules (SCIM-flavoured, not JSONPath):
// - `$` is the body itself; a leading `$.` is optional.
// - Attribute names match exactly first, then case-insensitively (SCIM names are case-insensitive).
// - A key applied to a list applies to every element (`emails.value`), except `length`, which is the list's size.
// - `[n]` indexes a list (negative counts from the end); `[type eq "work" and primary eq true]` filters it
//   with the SCIM filter language (src/scim/filter.ts: eq/ne/co/sw/ew/gt/ge/lt/le/pr, and/or/not; strings
//   compare case-insensitively except id and externalId). A filter on a single object keeps or drops it.
// - A key starting with `urn:` is matched against the object's longest `urn:` key that prefixes it, so
//   `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.employeeNumber` (or `...:User:employeeNumber`) works.
// - getAll() returns every match; getPath() returns the FIRST match (so a filter yields its first matching element).

import { FilterError, matchesFilter, parseFilter, type FilterNode } from '../scim/filter.js';
import { isObject } from '../util/object.js';
import { findKey } from '../scim/attribute-path.js';

export class BodyPathError extends Error {
  readonly code = 'SCIM_BODY_PATH';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`invalid body path "${path}": ${reason}`);
    this.name = 'BodyPathError';
  }
}

export type PathSegment =
  | { kind: 'key'; name: string }
  | { kind: 'urn'; text: string }
  | { kind: 'index'; index: number }
  | { kind: 'filter'; filter: FilterNode };

const parseCache = new Map<string, PathSegment[]>();

// where a name ends (searched from its start: one native scan, not a test per character)
const NAME_END = /[.[\]\s"]/g;
const URN_NAME_END = /[[\]\s"]/g;

/** Parse a body path; throws BodyPathError naming the path and the problem. */
export function parseBodyPath(path: string): PathSegment[] {
  const cached = parseCache.get(path);
  if (cached) return cached;
  const segments = new PathParser(path).parse();
  parseCache.set(path, segments);
  return segments;
}

class PathParser {
  private pos = 0;
  constructor(private readonly path: string) {}

  parse(): PathSegment[] {
    const segments: PathSegment[] = [];
    if (this.path.trim() === '') this.fail('the path is empty');
    let expectName = true;
    if (this.path.startsWith('$')) {
      this.pos = 1;
      if (this.peek() === '.') this.pos++;
      else expectName = false;
      if (this.atEnd()) return segments;
    }
    for (;;) {
      if (expectName) segments.push(this.name());
      while (this.peek() === '[') segments.push(this.bracket());
      if (this.atEnd()) return segments;
      if (this.peek() !== '.') this.fail(`unexpected "${this.peek()}" at column ${this.pos + 1}`);
      this.pos++;
      expectName = true;
    }
  }

  private name(): PathSegment {
    const start = this.pos;
    const isUrn = this.path.slice(start, start + 4).toLowerCase() === 'urn:';
    // A URN key runs up to the next bracket: its dots and colons are resolved against real keys later.
    const stop = isUrn ? URN_NAME_END : NAME_END;
    stop.lastIndex = start;
    this.pos = stop.exec(this.path)?.index ?? this.path.length;
    const text = this.path.slice(start, this.pos);
    if (text === '') this.fail(`expected an attribute name at column ${start + 1}`);
    return isUrn ? { kind: 'urn', text } : { kind: 'key', name: text };
  }

  private bracket(): PathSegment {
    this.pos++; // [
    this.skipSpaces();
    const numeric = /^-?\d+/.exec(this.path.slice(this.pos));
    let segment: PathSegment;
    if (numeric) {
      this.pos += numeric[0].length;
      segment = { kind: 'index', index: Number(numeric[0]) };
    } else {
      segment = { kind: 'filter', filter: this.filter() };
    }
    this.skipSpaces();
    if (this.peek() !== ']') this.fail(`expected "]" at column ${this.pos + 1}`);
    this.pos++;
    return segment;
  }

  /** The filter text up to the matching "]" (quotes and nested brackets respected), parsed as a SCIM filter. */
  private filter(): FilterNode {
    const start = this.pos;
    let depth = 0;
    while (!this.atEnd()) {
      const ch = this.peek();
      if (ch === '"') {
        this.pos++;
        while (!this.atEnd() && this.peek() !== '"') this.pos += this.peek() === '\\' ? 2 : 1;
        if (this.atEnd()) this.fail(`unterminated string in the filter starting at column ${start + 1}`);
      } else if (ch === '[') depth++;
      else if (ch === ']' && depth-- === 0) break;
      this.pos++;
    }
    const text = this.path.slice(start, this.pos);
    try {
      return parseFilter(text);
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      return this.fail(`${error.message} at column ${start + error.position + 1}`);
    }
  }

  private skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  private peek(): string {
    return this.path[this.pos] ?? '';
  }
  private atEnd(): boolean {
    return this.pos >= this.path.length;
  }
  private fail(reason: string): never {
    throw new BodyPathError(this.path, reason);
  }
}

type JsonObject = Record<string, unknown>;

/** Exact key first, then case-insensitive. */
function lookupKey(obj: JsonObject, name: string): { found: boolean; value?: unknown } {
  const key = findKey(obj, name);
  return key === undefined ? { found: false } : { found: true, value: obj[key] };
}

function applyKey(value: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(value)) {
    if (name === 'length') out.push(value.length);
    else for (const element of value) applyKey(element, name, out);
  } else if (isObject(value)) {
    const hit = lookupKey(value, name);
    if (hit.found) out.push(hit.value);
  } else if (typeof value === 'string' && name === 'length') {
    out.push(value.length);
  }
}

/** `urn:...:User.employeeNumber`: the longest `urn:` key that prefixes the text, then the rest as plain keys. */
function applyUrn(value: unknown, text: string, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const element of value) applyUrn(element, text, out);
    return;
  }
  if (!isObject(value)) return;
  const whole = lookupKey(value, text);
  if (whole.found) {
    out.push(whole.value);
    return;
  }
  const lowerText = text.toLowerCase();
  const prefix = Object.keys(value)
    .filter((k) => k.toLowerCase().startsWith('urn:') && lowerText.startsWith(k.toLowerCase()))
    .filter((k) => text[k.length] === '.' || text[k.length] === ':')
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return;
  let current: unknown[] = [value[prefix]];
  for (const name of text.slice(prefix.length + 1).split('.')) {
    const next: unknown[] = [];
    for (const v of current) applyKey(v, name, next);
    current = next;
  }
  out.push(...current);
}

function applySegment(value: unknown, segment: PathSegment, out: unknown[]): void {
  switch (segment.kind) {
    case 'key':
      return applyKey(value, segment.name, out);
    case 'urn':
      return applyUrn(value, segment.text, out);
    case 'index': {
      if (!Array.isArray(value)) return;
      const i = segment.index < 0 ? value.length + segment.index : segment.index;
      if (i >= 0 && i < value.length) out.push(value[i]);
      return;
    }
    case 'filter': {
      const candidates = Array.isArray(value) ? value : [value];
      for (const c of candidates) if (isObject(c) && matchesFilter(c, segment.filter)) out.push(c);
      return;
    }
  }
}

/** Every value the path reaches, in document order (lists are traversed, filters keep all matches). */
export function getAll(body: unknown, path: string): unknown[] {
  let values: unknown[] = [body];
  for (const segment of parseBodyPath(path)) {
    const next: unknown[] = [];
    for (const v of values) applySegment(v, segment, next);
    values = next;
  }
  return values;
}

/** The first value the path reaches. A present `null` is found (value null); a missing key is not. */
export function getPath(body: unknown, path: string): { found: boolean; value?: unknown } {
  const all = getAll(body, path);
  return all.length > 0 ? { found: true, value: all[0] } : { found: false };
}
