// Attribute-by-attribute comparison of the body Okta sent with the User the server stored,
// naming the cause of each difference (dropped, lower-cased, truncated, rewritten…).
// Multi-valued elements are matched the way Okta addresses them: primary, then type.
import { isObject } from '../util/object.js';
import { findKey } from '../scim/attribute-path.js';

type Obj = Record<string, unknown>;

/** Attributes Okta sends that a server never echoes (writeOnly) or that are not profile data. */
const NOT_COMPARED = new Set(['schemas', 'password', 'groups']);

export interface AttributeDifference {
  attribute: string;
  cause: string;
  sent: unknown;
  stored: unknown;
}

interface Leaf {
  path: string;
  /** How to find the value in the stored resource. */
  steps: Step[];
  value: unknown;
}

type Step =
  { key: string } | { select: 'primary' } | { select: 'type'; type: string } | { select: 'index'; index: number };

export function sentLeaves(body: Obj): Leaf[] {
  const out: Leaf[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (NOT_COMPARED.has(key)) continue;
    walk(value, key, [{ key }], out);
  }
  return out;
}

function walk(value: unknown, path: string, steps: Step[], out: Leaf[]): void {
  if (isObject(value)) {
    // an extension's attributes read `urn:…:User:department`, as SCIM paths write them
    const sep = steps.length === 1 && path.startsWith('urn:') ? ':' : '.';
    for (const [k, v] of Object.entries(value)) walk(v, `${path}${sep}${k}`, [...steps, { key: k }], out);
    return;
  }
  if (Array.isArray(value) && value.some(isObject)) {
    value.forEach((el, i) => {
      const sel: Step =
        isObject(el) && el.primary === true
          ? { select: 'primary' }
          : isObject(el) && typeof el.type === 'string' && el.type !== ''
            ? { select: 'type', type: el.type }
            : { select: 'index', index: i };
      const label =
        sel.select === 'primary' ? '[primary eq true]' : sel.select === 'type' ? `[type eq "${sel.type}"]` : `[${i}]`;
      walk(el, `${path}${label}`, [...steps, sel], out);
    });
    return;
  }
  out.push({ path, steps, value });
}

function follow(stored: unknown, steps: Step[]): unknown {
  let cur: unknown = stored;
  for (const step of steps) {
    if ('key' in step) {
      if (!isObject(cur)) return undefined;
      const k = findKey(cur, step.key);
      cur = k === undefined ? undefined : cur[k];
      continue;
    }
    if (!Array.isArray(cur)) return undefined;
    const list: unknown[] = cur;
    if (step.select === 'primary') cur = list.find((el) => isObject(el) && el.primary === true);
    else if (step.select === 'type')
      cur = list.find(
        (el) => isObject(el) && typeof el.type === 'string' && el.type.toLowerCase() === step.type.toLowerCase(),
      );
    else cur = list[step.index];
  }
  return cur;
}

export function compareSentStored(sent: Obj, stored: Obj): AttributeDifference[] {
  const diffs: AttributeDifference[] = [];
  for (const leaf of sentLeaves(sent)) {
    const got = follow(stored, leaf.steps);
    const cause = differenceCause(leaf.value, got);
    if (cause) diffs.push({ attribute: leaf.path, cause, sent: leaf.value, stored: got });
  }
  return diffs;
}

/** undefined when the stored value is what was sent. */
export function differenceCause(sent: unknown, stored: unknown): string | undefined {
  if (JSON.stringify(sent) === JSON.stringify(stored)) return undefined;
  if (stored === undefined || stored === null) return sent === '' ? 'empty string dropped' : 'dropped';
  if (typeof sent !== 'string' || typeof stored !== 'string') {
    return typeof sent === typeof stored ? 'rewritten' : `type changed (${typeof sent} to ${typeof stored})`;
  }
  if (stored === sent.toLowerCase()) return 'lower-cased';
  if (stored === sent.toUpperCase()) return 'upper-cased';
  if (stored === sent.trim()) return 'trimmed';
  if (stored.normalize('NFC') === sent.normalize('NFC')) return 'Unicode normalization changed';
  const sentPoints = Array.from(sent);
  const storedPoints = Array.from(stored);
  if (storedPoints.length < sentPoints.length && sent.startsWith(stored))
    return `truncated to ${storedPoints.length} characters`;
  if (stored.toLowerCase() === sent.toLowerCase()) return 'case changed';
  if (/[^\x00-\x7F]/.test(sent) && !/[^\x00-\x7F]/.test(stored)) return 'non-ASCII characters replaced';
  return 'rewritten';
}

/** The sent attribute a server's error detail names, when exactly one does. */
export function attributeNamedIn(detail: string | undefined, sent: Obj): string | undefined {
  if (!detail) return undefined;
  const text = detail.toLowerCase();
  const hits = sentLeaves(sent).filter((leaf) => {
    const plain = leaf.path.replace(/\[[^\]]*\]/g, '').toLowerCase();
    const leafName = plain.split(/[.:]/).pop() ?? plain;
    return (
      text.includes(plain) ||
      new RegExp(`(^|[^a-z])${leafName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`).test(text)
    );
  });
  const unique = [...new Set(hits.map((h) => h.path))];
  return unique.length === 1 ? unique[0] : undefined;
}
