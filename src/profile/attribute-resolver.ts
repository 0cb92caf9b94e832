// Resolves the attribute paths profiles use against a User:
//   userName · name.givenName · emails[type eq "work" or primary eq true].value
//   urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber (RFC 7644 form)
//   urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.employeeNumber (vendor docs' form)
// Names match case-insensitively (RFC 7643 §2.1). The bracket filter reuses the shared
// SCIM filter matcher so profiles and the server agree on what `eq` means.
import { matchesFilter, parseFilter, type FilterNode } from '../scim/filter.js';
import { isObject } from '../util/object.js';
import { getCi } from '../scim/attribute-path.js';

interface PathReading {
  /** Schema URN whose object holds the attribute; absent for core attributes. */
  urn?: string;
  attr: string;
  filter?: FilterNode;
  sub?: string;
}

export interface ProfilePath {
  text: string;
  /** A URN path can be read two ways (":attr" or ".attr"); the resource decides which. */
  readings: PathReading[];
}

const NAME_RE = /^[A-Za-z$][\w$-]*$/;
const CORE_USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:user';

/** Parses a profile attribute path; throws Error with a one-line reason when malformed. */
export function parseProfilePath(text: string): ProfilePath {
  const open = text.indexOf('[');
  let head = text;
  let filter: FilterNode | undefined;
  let tail = '';
  if (open >= 0) {
    const close = closingBracket(text, open);
    head = text.slice(0, open);
    filter = parseBracketFilter(text.slice(open + 1, close));
    tail = text.slice(close + 1);
    if (tail !== '' && !/^\.[^.]+$/.test(tail)) throw new Error(`unexpected "${tail}" after the filter in "${text}"`);
  }
  const heads: { urn?: string; names: string }[] = /^urn:/i.test(head) ? splitUrnHead(head) : [{ names: head }];
  const readings = heads.map(({ urn, names }) => toReading(text, urn, names, filter, tail.slice(1)));
  return { text, readings };
}

function closingBracket(text: string, open: number): number {
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && quoted) i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === ']' && !quoted) return i;
  }
  throw new Error(`missing "]" in "${text}"`);
}

function parseBracketFilter(filterText: string): FilterNode {
  try {
    return parseFilter(filterText);
  } catch (error) {
    throw new Error(`bad filter "${filterText}": ${(error as Error).message}`, { cause: error });
  }
}

/** "urn:…:User:employeeNumber" and, when the tail has a dot, "urn:…:User" + ".employeeNumber". */
function splitUrnHead(head: string): { urn: string; names: string }[] {
  const colon = head.lastIndexOf(':');
  const urn = head.slice(0, colon);
  const rest = head.slice(colon + 1);
  const readings = [{ urn, names: rest }];
  const dot = rest.indexOf('.');
  if (dot > 0) readings.push({ urn: `${urn}:${rest.slice(0, dot)}`, names: rest.slice(dot + 1) });
  return readings;
}

function toReading(
  text: string,
  urn: string | undefined,
  names: string,
  filter: FilterNode | undefined,
  sub: string,
): PathReading {
  const parts = names.split('.');
  if (filter && parts.length !== 1) throw new Error(`a filter must follow a top-level attribute in "${text}"`);
  if (parts.length > 2) throw new Error(`too many levels in "${text}"`);
  const [attr = '', inner] = parts; // split always yields one part
  const subName = filter ? sub || undefined : inner;
  for (const name of [attr, subName]) {
    if (name !== undefined && !NAME_RE.test(name)) throw new Error(`"${name}" is not an attribute name in "${text}"`);
  }
  return { urn, attr, filter, sub: subName };
}

const parsedCache = new Map<string, ProfilePath>();

/** Every value the path reaches on `resource` (multi-valued attributes flattened; null/absent skipped). */
export function resolveValues(resource: unknown, pathText: string | ProfilePath): unknown[] {
  const parsed = typeof pathText === 'string' ? cachedParse(pathText) : pathText;
  if (!isObject(resource)) return [];
  for (const reading of parsed.readings) {
    const container = containerOf(resource, reading.urn);
    if (container) return valuesIn(container, reading);
  }
  return [];
}

function cachedParse(text: string): ProfilePath {
  let parsed = parsedCache.get(text);
  if (!parsed) {
    parsed = parseProfilePath(text);
    parsedCache.set(text, parsed);
  }
  return parsed;
}

function containerOf(resource: Record<string, unknown>, urn: string | undefined): Record<string, unknown> | undefined {
  if (urn === undefined || urn.toLowerCase() === CORE_USER_URN) return resource;
  const inner = getCi(resource, urn);
  return isObject(inner) ? inner : undefined;
}

// One output array and no intermediate ones (no closure either): profiles check every user an audit reads.
function valuesIn(container: Record<string, unknown>, reading: PathReading): unknown[] {
  const top = getCi(container, reading.attr);
  const out: unknown[] = [];
  if (top === undefined || top === null) return out;
  if (Array.isArray(top)) for (const item of top) take(item, reading, out);
  else take(top, reading, out);
  return out;
}

function take(item: unknown, { filter, sub }: PathReading, out: unknown[]): void {
  if (!isPresentValue(item)) return;
  if (filter && !(isObject(item) && matchesFilter(item, filter))) return;
  if (!sub) {
    out.push(item);
    return;
  }
  const value = getCi(item, sub);
  if (Array.isArray(value)) {
    for (const v of value) if (isPresentValue(v)) out.push(v);
  } else if (isPresentValue(value)) out.push(value);
}

function isPresentValue(value: unknown): boolean {
  return value !== undefined && value !== null;
}
