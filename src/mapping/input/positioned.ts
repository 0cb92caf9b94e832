// Reads a JSON or YAML file (yaml's parser reads both) and keeps the source positions of
// every node, so findings and input errors can say file:line:col.
import { readFileSync } from 'node:fs';
import { isScalar, type Document } from 'yaml';
import { parseYamlInput } from '../../util/yaml-input.js';
import { UsageError } from '../../errors.js';
import type { SourcePosition } from '../../model/position.js';

export type PathKey = string | number;

export interface PositionedDoc {
  file: string;
  value: unknown;
  /** Position of the node at `path` (its key's value), or the nearest ancestor that exists. */
  posOf(path: PathKey[]): SourcePosition;
  /** Position of character `index` inside the string scalar at `path` (escapes accounted for). */
  posInString(path: PathKey[], index: number): SourcePosition;
}

export function readPositioned(file: string): PositionedDoc {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`);
  }
  return parsePositioned(text, file);
}

export function parsePositioned(text: string, file: string): PositionedDoc {
  const { doc, lineCounter, data } = parseYamlInput(text.replace(/^\uFEFF/, ''), file, { uniqueKeys: true });
  const at = (offset: number): SourcePosition => {
    const lp = lineCounter.linePos(offset);
    return { file, line: lp.line, col: lp.col };
  };
  return {
    file,
    value: data,
    posOf: (path) => at(nodeStart(doc, path)),
    posInString: (path, index) => at(stringOffset(doc, text, path, index)),
  };
}

function nodeStart(doc: Document, path: PathKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return range[0];
  }
  return 0;
}

/** Maps an index in the decoded string to an offset in the source text. */
function stringOffset(doc: Document, text: string, path: PathKey[], index: number): number {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return nodeStart(doc, path);
  const start = node.range[0];
  if (node.type === 'PLAIN') return start + index;
  if (node.type === 'QUOTE_SINGLE') return singleQuotedOffset(text, start, index);
  if (node.type === 'QUOTE_DOUBLE') return doubleQuotedOffset(text, start, index);
  return start;
}

function doubleQuotedOffset(text: string, start: number, index: number): number {
  let raw = start + 1;
  for (let decoded = 0; decoded < index && raw < text.length; decoded++) {
    if (text[raw] !== '\\') {
      raw++;
      continue;
    }
    const esc = text[raw + 1];
    raw += esc === 'u' ? 6 : esc === 'x' ? 4 : esc === 'U' ? 10 : 2;
  }
  return raw;
}

function singleQuotedOffset(text: string, start: number, index: number): number {
  let raw = start + 1;
  for (let decoded = 0; decoded < index && raw < text.length; decoded++)
    raw += text[raw] === "'" && text[raw + 1] === "'" ? 2 : 1;
  return raw;
}
