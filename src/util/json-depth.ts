// Response data from a server can be absurd: 100,000 nested arrays parse fine, but
// every recursive walk after that (redaction, matching, ajv, reporting) would blow
// the stack. Responses are parsed here and refused when nested too deep, so every
// later walk sees bounded data. The depth is measured without recursion.

/** SCIM resources nest a few levels; 64 leaves room for any real extension. */
export const MAX_JSON_DEPTH = 64;

/** A SyntaxError, so callers that treat "not JSON" already treat this the same way. */
export class JsonTooDeepError extends SyntaxError {
  constructor(readonly maxDepth: number) {
    super(`JSON nested deeper than ${maxDepth} levels`);
    this.name = 'JsonTooDeepError';
  }
}

export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  // Cheap text scan first: bracket nesting in the text bounds the parsed depth.
  if (textDepth(text) > maxDepth) throw new JsonTooDeepError(maxDepth);
  return JSON.parse(text) as unknown;
}

/**
 * Deepest bracket nesting outside strings. Most of a JSON text is inside strings: each
 * string is skipped with indexOf (native speed) up to its closing quote, a quote preceded by
 * an odd number of backslashes being escaped.
 */
export function textDepth(text: string): number {
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      // find the closing quote of the string opened at i
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return max; // unterminated: JSON.parse rejects it
      i = end;
    } else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}
