// What the list checks share, so each rule has one implementation: the Resources of a page,
// what counts as a count, and "exactly these ids" (list-within-count and items-per-page-matches,
// result-ids and member-ids).
import { asObject } from '../util/object.js';

/**
 * The Resources of a ListResponse body. An absent Resources is an empty page (RFC 7644 §3.4.2
 * requires it only when totalResults is non-zero); undefined when the body is no list at all.
 */
export function pageResources(body: unknown): unknown[] | undefined {
  const resources = asObject(body)?.Resources;
  if (resources === undefined) return asObject(body) ? [] : undefined;
  return Array.isArray(resources) ? resources : undefined;
}

/**
 * A count, whether a suite argument or a server's counter: a JSON integer, 0 or more. Nothing is
 * coerced: a counter sent as the string "2" is a defect of its own (check list-counters-integers).
 */
export function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Exactly the ids wanted, in any order, each once. `problems` says what differs, '' when nothing does. */
export function compareIds(want: readonly string[], got: readonly string[]): { passed: boolean; problems: string } {
  const missing = want.filter((id) => !got.includes(id));
  const extra = [...new Set(got.filter((id) => !want.includes(id)))];
  const twice = [...new Set(got.filter((id, i) => got.indexOf(id) !== i))];
  const problems = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    extra.length ? `unexpected ${extra.join(', ')}` : '',
    twice.length ? `more than once ${twice.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { passed: problems === '', problems };
}
