// SCIM filter parser and matcher (RFC 7644 §3.4.2.2). Shared by the embedded server,
// the runner's body-path evaluator and the audit feature.
import { AttrPath, parseAttrPath, pathKey, valuesAt, getCi } from './attribute-path.js';
import { FilterError, Token, tokenize } from './filter-lexer.js';
import { isObject } from '../util/object.js';

export { FilterError } from './filter-lexer.js';

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type FilterValue = string | number | boolean | null;

export type FilterNode =
  | { kind: 'compare'; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; inner: FilterNode }
  | { kind: 'valuePath'; path: AttrPath; filter: FilterNode };

const COMPARE_OPS = new Set<string>(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);
const ORDERING_OPS = new Set<string>(['gt', 'ge', 'lt', 'le']);

/** Parse filter text; throws FilterError {message, position} on malformed input. */
export function parseFilter(text: string): FilterNode {
  const parser = new Parser(tokenize(text));
  const node = parser.parseOr(false);
  parser.expectEnd();
  return node;
}

class Parser {
  private index = 0;
  /** tokenize() always ends the list with an eof token; reading past it keeps returning it. */
  private readonly eof: Token;
  constructor(private readonly tokens: Token[]) {
    this.eof = tokens.at(-1) ?? { kind: 'eof', pos: 0 };
  }

  private peek(): Token {
    return this.tokens[this.index] ?? this.eof;
  }
  private next(): Token {
    return this.tokens[this.index++] ?? this.eof;
  }
  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }
  private expect(kind: Token['kind'], what: string): Token {
    const t = this.next();
    if (t.kind !== kind) throw new FilterError(`expected ${what} but found ${describe(t)}`, t.pos);
    return t;
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'eof') throw new FilterError(`unexpected ${describe(t)}`, t.pos);
  }

  parseOr(inValuePath: boolean): FilterNode {
    let left = this.parseAnd(inValuePath);
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd(inValuePath) };
    }
    return left;
  }

  private parseAnd(inValuePath: boolean): FilterNode {
    let left = this.parseUnary(inValuePath);
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'and', left, right: this.parseUnary(inValuePath) };
    }
    return left;
  }

  private parseUnary(inValuePath: boolean): FilterNode {
    if (this.isWord('not')) {
      this.next();
      this.expect('(', "'(' after not");
      const inner = this.parseOr(inValuePath);
      this.expect(')', "')'");
      return { kind: 'not', inner };
    }
    if (this.peek().kind === '(') {
      this.next();
      const inner = this.parseOr(inValuePath);
      this.expect(')', "')'");
      return inner;
    }
    return this.parseAttrExpression(inValuePath);
  }

  private parseAttrExpression(inValuePath: boolean): FilterNode {
    const t = this.next();
    const path = t.kind === 'word' ? parseAttrPath(t.text) : undefined;
    if (!path) throw new FilterError(`expected attribute path but found ${describe(t)}`, t.pos);
    if (this.peek().kind === '[') {
      if (inValuePath) throw new FilterError('nested value filters are not allowed', this.peek().pos);
      if (path.sub) throw new FilterError('a value filter must follow a top-level attribute', t.pos);
      this.next();
      const filter = this.parseOr(true);
      this.expect(']', "']'");
      return { kind: 'valuePath', path, filter };
    }
    const opToken = this.next();
    const op = opToken.kind === 'word' ? opToken.text.toLowerCase() : '';
    if (op === 'pr') return { kind: 'present', path };
    if (!COMPARE_OPS.has(op)) throw new FilterError(`expected operator but found ${describe(opToken)}`, opToken.pos);
    const value = this.parseValue();
    if (typeof value === 'boolean' || value === null) {
      if (op !== 'eq' && op !== 'ne')
        throw new FilterError(`operator ${op} cannot compare ${String(value)}`, opToken.pos);
    }
    return { kind: 'compare', path, op: op as CompareOp, value };
  }

  private parseValue(): FilterValue {
    const t = this.next();
    if (t.kind === 'string' || t.kind === 'number') return t.value;
    if (t.kind === 'word') {
      const w = t.text.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    throw new FilterError(`expected a value (string, number, true, false, null) but found ${describe(t)}`, t.pos);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of filter';
    case 'word':
      return `'${t.text}'`;
    case 'string':
      return JSON.stringify(t.value);
    case 'number':
      return String(t.value);
    default:
      return `'${t.kind}'`;
  }
}

// ---- matching ----

export interface MatchOptions {
  /** Lower-case dotted attribute names (no URN) compared case-sensitively. Default: id, externalid. */
  caseExactAttributes?: Set<string>;
}

const DEFAULT_CASE_EXACT = new Set(['id', 'externalid']);

export function matchesFilter(resource: object, node: FilterNode, opts: MatchOptions = {}): boolean {
  return evaluate(resource, node, opts.caseExactAttributes ?? DEFAULT_CASE_EXACT, '');
}

function evaluate(resource: unknown, node: FilterNode, caseExact: Set<string>, parent: string): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(resource, node.left, caseExact, parent) && evaluate(resource, node.right, caseExact, parent);
    case 'or':
      return evaluate(resource, node.left, caseExact, parent) || evaluate(resource, node.right, caseExact, parent);
    case 'not':
      return !evaluate(resource, node.inner, caseExact, parent);
    case 'present':
      return valuesAt(resource, node.path).some(isPresent);
    case 'valuePath': {
      const elements = valuesAt(resource, node.path);
      const key = pathKey(node.path);
      return elements.some((el) => evaluate(el, node.filter, caseExact, key));
    }
    case 'compare': {
      const key = parent ? `${parent}.${pathKey(node.path)}` : topKey(node.path);
      return compareAny(compareValues(resource, node.path), node.op, node.value, caseExact.has(key));
    }
  }
}

// Profiles evaluate their filters on every user an audit reads: the parts of a comparison that
// depend only on the filter are worked out once, and a single value needs no array of arrays.
const topKeys = new WeakMap<AttrPath, string>();

function topKey(path: AttrPath): string {
  let key = topKeys.get(path);
  if (key === undefined) topKeys.set(path, (key = pathKey(path)));
  return key;
}

const NO_VALUES: readonly unknown[] = Object.freeze([]);

/** valuesAt(resource, path).map(primaryValue), without the intermediate arrays for a single core value. */
function compareValues(resource: unknown, path: AttrPath): readonly unknown[] {
  if (!path.schema && !path.sub && isObject(resource)) {
    const top = getCi(resource, path.attr);
    if (top === undefined || top === null) return NO_VALUES;
    if (!Array.isArray(top)) return [primaryValue(top)];
  }
  return valuesAt(resource, path).map(primaryValue);
}

/** A complex multi-valued element compares by its `value` sub-attribute. */
function primaryValue(v: unknown): unknown {
  return isObject(v) && getCi(v, 'value') !== undefined ? getCi(v, 'value') : v;
}

function isPresent(v: unknown): boolean {
  if (v === '' || v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.values(v).some((x) => x !== null && x !== undefined && x !== '');
  return true;
}

function compareAny(values: readonly unknown[], op: CompareOp, expected: FilterValue, caseExact: boolean): boolean {
  if (expected === null) {
    const present = values.some(isPresent);
    return op === 'eq' ? !present : present;
  }
  if (op === 'ne') return !values.some((v) => compareOne(v, 'eq', expected, caseExact));
  return values.some((v) => compareOne(v, op, expected, caseExact));
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}T/;

function compareOne(actual: unknown, op: CompareOp, expected: string | number | boolean, caseExact: boolean): boolean {
  if (typeof expected === 'boolean') return typeof actual === 'boolean' && (actual === expected) === (op === 'eq');
  if (typeof expected === 'number' && typeof actual === 'number' && !['co', 'sw', 'ew'].includes(op))
    return order(op, actual - expected);
  if (typeof actual !== 'string' && typeof actual !== 'number') return false;
  let a = String(actual);
  let e = String(expected);
  if (ORDERING_OPS.has(op) && DATE_RE.test(a) && DATE_RE.test(e)) {
    const diff = Date.parse(a) - Date.parse(e);
    if (!Number.isNaN(diff)) return order(op, diff);
  }
  if (!caseExact) {
    a = a.toLowerCase();
    e = e.toLowerCase();
  }
  switch (op) {
    case 'co':
      return a.includes(e);
    case 'sw':
      return a.startsWith(e);
    case 'ew':
      return a.endsWith(e);
    default:
      return order(op, a < e ? -1 : a > e ? 1 : 0);
  }
}

function order(op: CompareOp, diff: number): boolean {
  switch (op) {
    case 'eq':
      return diff === 0;
    case 'ne':
      return diff !== 0;
    case 'gt':
      return diff > 0;
    case 'ge':
      return diff >= 0;
    case 'lt':
      return diff < 0;
    case 'le':
      return diff <= 0;
    default:
      return false;
  }
}
