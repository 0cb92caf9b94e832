// `${{ expr }}` templating for suite values.
//
// A string that is exactly one `${{ expr }}` renders to the expression's value with its type kept
// (number, boolean, object); any other string is interpolated (objects as JSON). Expressions are
// names (`userId`, `user.emails[0].value`, `run.prefix`), literals ('x', "x", 42, true, null) and
// calls of the builtins below. Names resolve against captures, then suite variables, then `run`.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { TemplateError, parseTemplateExpression, type TemplateExpression } from './template-parse.js';

export { TemplateError, type TemplateExpression } from './template-parse.js';

import type { RunInfo } from './run-info.js';
import type { StepSpec } from './types.js';

export { createRunInfo, type RunInfo } from './run-info.js';

export interface TemplateScope {
  captures?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  run: RunInfo;
}

// Random hex comes from a pool filled 512 bytes at a time: a run draws a few hundred short
// values, and one call into the system's generator per value cost more than the rest of a name.
const randomPool = { bytes: Buffer.alloc(0), used: 0 };

const hex = (length: number): string => {
  const need = Math.ceil(length / 2);
  if (randomPool.used + need > randomPool.bytes.length) {
    randomPool.bytes = randomBytes(Math.max(512, need));
    randomPool.used = 0;
  }
  const text = randomPool.bytes.toString('hex', randomPool.used, randomPool.used + need);
  randomPool.used += need;
  return text.slice(0, length);
};

type Builtin = { min: number; max: number; call: (args: unknown[], scope: TemplateScope) => unknown };

function countArg(value: unknown, fallback: number, expression: string): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new TemplateError(expression, `length must be an integer 1..256, got ${String(value)}`);
  return n;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const compare = (a: unknown, b: unknown): number => {
  const x = typeof a === 'string' && typeof b === 'string' ? a.localeCompare(b) : Number(a) - Number(b);
  return Number.isNaN(x) ? NaN : x;
};

/** The builtin functions; names are case-sensitive. */
export const BUILTINS: Readonly<Record<string, Builtin>> = {
  uuid: { min: 0, max: 0, call: () => randomUUID() },
  randomHex: { min: 0, max: 1, call: ([n]) => hex(countArg(n, 8, 'randomHex')) },
  randomDigits: {
    min: 0,
    max: 1,
    call: ([n]) => Array.from({ length: countArg(n, 6, 'randomDigits') }, () => randomInt(0, 10)).join(''),
  },
  randomEmail: {
    min: 0,
    max: 1,
    call: ([label], s) => `${s.run.prefix}${label === undefined ? '' : `-${toText(label)}`}-${hex(6)}@example.test`,
  },
  uniqueName: { min: 0, max: 1, call: ([label], s) => `${s.run.prefix}-${toText(label ?? 'item')}-${hex(6)}` },
  upper: { min: 1, max: 1, call: ([v]) => toText(v).toUpperCase() },
  lower: { min: 1, max: 1, call: ([v]) => toText(v).toLowerCase() },
  concat: { min: 1, max: Infinity, call: (args) => args.map(toText).join('') },
  now: { min: 0, max: 0, call: () => new Date().toISOString() },
  urlencode: { min: 1, max: 1, call: ([v]) => encodeURIComponent(toText(v)) },
  json: { min: 1, max: 1, call: ([v]) => JSON.stringify(v) },
  // The members of an object that it has, of those named (a server's meta echoed in Okta's 2018 form).
  pick: {
    min: 2,
    max: Infinity,
    call: ([obj, ...keys]) => {
      const src = obj && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>) : {};
      return Object.fromEntries(
        keys
          .map(toText)
          .filter((k) => src[k] !== undefined)
          .map((k) => [k, src[k]]),
      );
    },
  },
  // Objects merged left to right, later keys winning (a PUT body = stored values + changes).
  merge: {
    min: 1,
    max: Infinity,
    call: (args) => Object.assign({}, ...args.map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? a : {}))),
  },
  // Small helpers for computed expectations (`equals: ${{ add(count, 1) }}`).
  len: { min: 1, max: 1, call: ([v]) => (Array.isArray(v) || typeof v === 'string' ? v.length : 0) },
  add: { min: 2, max: 2, call: ([a, b]) => Number(a) + Number(b) },
  sub: { min: 2, max: 2, call: ([a, b]) => Number(a) - Number(b) },
  eq: { min: 2, max: 2, call: ([a, b]) => isDeepStrictEqual(a, b) },
  ne: { min: 2, max: 2, call: ([a, b]) => !isDeepStrictEqual(a, b) },
  lt: { min: 2, max: 2, call: ([a, b]) => compare(a, b) < 0 },
  lte: { min: 2, max: 2, call: ([a, b]) => compare(a, b) <= 0 },
  gt: { min: 2, max: 2, call: ([a, b]) => compare(a, b) > 0 },
  gte: { min: 2, max: 2, call: ([a, b]) => compare(a, b) >= 0 },
  not: { min: 1, max: 1, call: ([v]) => !v },
  and: { min: 2, max: Infinity, call: (args) => args.every(Boolean) },
  or: { min: 2, max: Infinity, call: (args) => args.some(Boolean) },
};

const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;
const WHOLE_TEMPLATE = /^\$\{\{([\s\S]*?)\}\}$/;

/** The raw expressions inside a string, in order. Throws on an unterminated `${{`. */
export function templateExpressions(text: string): string[] {
  const known = expressionsOf.get(text);
  if (known) return known.slice();
  const found = [...text.matchAll(TEMPLATE)].map(([, expression = '']) => expression);
  const rest = text.replace(TEMPLATE, '');
  if (rest.includes('${{')) throw new TemplateError(rest.slice(rest.indexOf('${{') + 3), 'missing closing "}}"');
  remember(expressionsOf, text, found.slice());
  return found;
}

// A run renders the same suite strings for every step and test: their expressions and parse
// trees (pure functions of the text, never mutated) are remembered. Errors are not.
const MAX_REMEMBERED = 10_000;
const expressionsOf = new Map<string, string[]>();
const parsedExpressions = new Map<string, TemplateExpression>();
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  cache.set(key, value);
}

/** Parse an expression and check that every function it calls exists with a valid argument count. */
export function parseExpression(expression: string): TemplateExpression {
  const known = parsedExpressions.get(expression);
  if (known) return known;
  const parsed = parseExpressionNow(expression);
  remember(parsedExpressions, expression, parsed);
  return parsed;
}

/** Own keys only: `constructor` or `toString` is not a builtin. */
function builtinNamed(name: string): Builtin | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
}

function parseExpressionNow(expression: string): TemplateExpression {
  const root = parseTemplateExpression(expression);
  const check = (node: TemplateExpression): void => {
    if (node.kind !== 'call') return;
    const builtin = builtinNamed(node.name);
    if (!builtin) throw new TemplateError(expression, `unknown function "${node.name}"`);
    if (node.args.length < builtin.min || node.args.length > builtin.max) {
      const range =
        builtin.min === builtin.max
          ? `${builtin.min}`
          : builtin.max === Infinity
            ? `at least ${builtin.min}`
            : `${builtin.min} to ${builtin.max}`;
      throw new TemplateError(
        expression,
        `${node.name}() takes ${range} argument${range === '1' ? '' : 's'}, got ${node.args.length}`,
      );
    }
    node.args.forEach(check);
  };
  check(root);
  return root;
}

function lookupName(path: (string | number)[], scope: TemplateScope, expression: string): unknown {
  const [root, ...rest] = path;
  const rootName = String(root);
  let value: unknown;
  if (scope.captures && Object.prototype.hasOwnProperty.call(scope.captures, rootName))
    value = scope.captures[rootName];
  else if (scope.variables && Object.prototype.hasOwnProperty.call(scope.variables, rootName))
    value = scope.variables[rootName];
  else if (rootName === 'run') value = scope.run;
  else throw new TemplateError(expression, `unknown name "${rootName}" (not a capture, suite variable or run.*)`);
  let walked = rootName;
  for (const key of rest) {
    const container = value as Record<string | number, unknown> | null | undefined;
    if (container === null || typeof container !== 'object' || !(key in container)) {
      throw new TemplateError(
        expression,
        `"${walked}" has no ${typeof key === 'number' ? `item [${key}]` : `"${key}"`}`,
      );
    }
    value = container[key];
    walked += typeof key === 'number' ? `[${key}]` : `.${key}`;
  }
  return value;
}

/** Evaluate one expression (the text between `${{` and `}}`). */
export function evaluateExpression(expression: string, scope: TemplateScope): unknown {
  const evaluate = (node: TemplateExpression): unknown => {
    if (node.kind === 'literal') return node.value;
    if (node.kind === 'name') return lookupName(node.path, scope, expression);
    const builtin = builtinNamed(node.name);
    if (!builtin) throw new TemplateError(expression, `unknown function "${node.name}"`); // parse rejected it already
    const args = node.args.map(evaluate);
    try {
      return builtin.call(args, scope);
    } catch (error) {
      if (error instanceof TemplateError) throw new TemplateError(expression, error.reason);
      throw error;
    }
  };
  return evaluate(parseExpression(expression));
}

function renderString(text: string, scope: TemplateScope): unknown {
  if (!text.includes('${{')) return text;
  const whole = WHOLE_TEMPLATE.exec(text);
  if (whole && templateExpressions(text).length === 1) return evaluateExpression(whole[1] ?? '', scope);
  templateExpressions(text); // throws on an unterminated template
  return text.replace(TEMPLATE, (_match, expression: string) => toText(evaluateExpression(expression, scope)));
}

/** Render every string in a value (objects and arrays recursively, keys included). */
export function renderValue(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') return renderString(value, scope);
  if (Array.isArray(value)) return value.map((v) => renderValue(v, scope));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[toText(renderString(key, scope))] = renderValue(v, scope);
    return out;
  }
  return value;
}

function collectNames(node: TemplateExpression, into: string[]): void {
  if (node.kind === 'name') into.push(String(node.path[0]));
  else if (node.kind === 'call') for (const arg of node.args) collectNames(arg, into);
}

/**
 * Root names a value's templates refer to (`${{ user.id }}` → `user`; `run` included, builtins not),
 * unique, in order of appearance. Throws TemplateError on a malformed template.
 */
export function templateReferences(value: unknown): string[] {
  const names: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const expression of templateExpressions(v)) collectNames(parseExpression(expression), names);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        visit(key);
        visit(child);
      }
    }
  };
  visit(value);
  return [...new Set(names)];
}

/** The names a step's templates start with (`user.id` -> `user`): what it needs from earlier steps. */
export function stepTemplateNames(step: StepSpec): string[] {
  return [
    ...new Set(
      templateReferences([step.request, step.expect ?? [], step.creates ?? null]).map((r) => r.split('.')[0] ?? r),
    ),
  ];
}
