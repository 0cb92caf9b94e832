// Small text helpers shared by the reporters. Everything here is pure.

/** `850ms`, `1.23s`, `2m 03.4s`: short enough for a summary line, precise enough to compare runs. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0ms';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(1).padStart(4, '0');
  return `${minutes}m ${seconds}s`;
}

/** JUnit wants seconds as a decimal number. */
export function formatSeconds(ms: number): string {
  return (Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0).toFixed(3);
}

export const DEFAULT_VALUE_LIMIT = 200;

/**
 * One-line JSON for expected/actual values, cut to `limit` characters.
 * Strings keep their quotes so `"200"` and `200` stay distinguishable.
 */
export function compactJson(value: unknown, limit = DEFAULT_VALUE_LIMIT): string {
  return truncate(toJson(value), limit);
}

function toJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    return text ?? String(value);
  } catch {
    return String(value); // cyclic or otherwise unserialisable: still show something
  }
}

/** Cut to at most `limit` code points (never splitting a surrogate pair) and say how much was dropped. */
export function truncate(text: string, limit = DEFAULT_VALUE_LIMIT): string {
  const points = Array.from(text);
  if (points.length <= limit) return text;
  return `${points.slice(0, limit).join('')}… (+${points.length - limit} chars)`;
}

/**
 * Server-controlled text goes to a terminal: make control characters visible
 * so a response body cannot move the cursor, recolour or rewrite our output.
 * Newlines and tabs are kept when `multiline` is true.
 */
export function visibleControls(text: string, multiline = false): string {
  // also lone surrogates: they cannot be encoded as UTF-8 and would silently become U+FFFD
  const unsafe =
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  return text.replace(unsafe, (ch) => {
    if (multiline && (ch === '\n' || ch === '\t')) return ch;
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
