// A safe evaluator (no eval, no reflection) for parsed mapping expressions.
// Where Okta's behaviour is undocumented it stops with NotEvaluated instead of guessing.
import { FUNCTIONS, USER_METHODS } from './functions.js';
import { EvalFailure, NotEvaluated } from './outcome.js';
import {
  asAttributeRef,
  calleeName,
  type BinaryNode,
  type CallNode,
  type ElValue,
  type ExprNode,
  type Span,
} from './types.js';

export interface EvalContext {
  /** The Okta user profile (`user.*`; `source.*` is the legacy alias). */
  user: Record<string, unknown>;
  /** user.getInternalProperty("id" | "status"). */
  internal?: { id?: string; status?: string };
}

export type EvalOutcome =
  | { kind: 'value'; value: ElValue }
  | { kind: 'not-evaluated'; reason: string; span?: Span }
  | { kind: 'failed'; reason: string; span?: Span };

const spanOf = (n: ExprNode): Span => ({ start: n.start, end: n.end });

function toElValue(v: unknown, at: ExprNode): ElValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map((x) => toElValue(x, at));
  throw new NotEvaluated('the sample holds an object here, not a profile value', spanOf(at));
}

function requireBoolean(v: ElValue, what: string, at: ExprNode): boolean {
  if (typeof v === 'boolean') return v;
  throw new NotEvaluated(`${what} is ${v === null ? 'null' : JSON.stringify(v)}, not a boolean`, spanOf(at));
}

function isEqual(a: ElValue, b: ElValue): boolean {
  if (a === null || b === null) return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

class Evaluator {
  constructor(private readonly ctx: EvalContext) {}

  eval(node: ExprNode): ElValue {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'array':
        return node.items.map((i) => this.eval(i));
      case 'identifier':
        throw new NotEvaluated(`'${node.name}' is not a binding available in an Okta-to-app mapping`, spanOf(node));
      case 'member':
        return this.reference(node);
      case 'index':
        return this.index(node.object, node.index);
      case 'call':
        return this.call(node);
      case 'unary':
        return node.op === '!'
          ? !requireBoolean(this.eval(node.operand), 'the operand of !', node.operand)
          : this.negate(node.operand);
      case 'logical': {
        const left = requireBoolean(this.eval(node.left), `the left side of ${node.op}`, node.left);
        if (node.op === '&&' ? !left : left) return left;
        return requireBoolean(this.eval(node.right), `the right side of ${node.op}`, node.right);
      }
      case 'conditional': {
        const test = requireBoolean(this.eval(node.test), 'the condition', node.test);
        return this.eval(test ? node.consequent : node.alternate);
      }
      case 'elvis': {
        const left = this.eval(node.left);
        return left === null || left === '' ? this.eval(node.right) : left; // documented: null or empty
      }
      case 'binary':
        return this.binary(node);
    }
  }

  private negate(operand: ExprNode): number {
    const v = this.eval(operand);
    if (typeof v !== 'number') throw new NotEvaluated('unary minus on a value that is not a number', spanOf(operand));
    return -v;
  }

  private reference(node: ExprNode): ElValue {
    const ref = asAttributeRef(node);
    if (!ref) throw new NotEvaluated('attribute of a computed value', spanOf(node));
    if (ref.root !== 'user' && ref.root !== 'source') {
      throw new NotEvaluated(`'${ref.root}.${ref.path.join('.')}' needs data outside the user profile`, ref.span);
    }
    const [name, ...rest] = ref.path;
    if (rest.length > 0) throw new NotEvaluated(`nested reference '${ref.root}.${ref.path.join('.')}'`, ref.span);
    return toElValue(this.ctx.user[name], node);
  }

  private index(objectNode: ExprNode, indexNode: ExprNode): ElValue {
    const list = this.eval(objectNode);
    const i = this.eval(indexNode);
    if (!Array.isArray(list)) throw new NotEvaluated('indexing a value that is not an array', spanOf(objectNode));
    const item = typeof i === 'number' && Number.isInteger(i) ? list[i] : undefined;
    if (item === undefined)
      throw new NotEvaluated(`index ${JSON.stringify(i)} is outside the array`, spanOf(indexNode));
    return item;
  }

  private call(node: CallNode): ElValue {
    const name = calleeName(node);
    const userMethod = name.startsWith('user.') ? USER_METHODS[name.slice(5)] : undefined;
    if (userMethod) return this.userMethod(node, name.slice(5));
    const spec = FUNCTIONS.get(name);
    if (!spec || !spec.impl) {
      throw new NotEvaluated(spec ? `${name} is not evaluated offline` : `unknown function ${name}`, spanOf(node));
    }
    if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
      throw new NotEvaluated(`${name} called with ${node.args.length} argument(s)`, spanOf(node));
    }
    const args = node.args.map((a) => this.eval(a));
    try {
      return spec.impl(args);
    } catch (e) {
      if (e instanceof NotEvaluated) throw new NotEvaluated(e.reason, spanOf(node));
      if (e instanceof EvalFailure) throw new EvalFailure(e.reason, spanOf(node));
      throw e;
    }
  }

  private userMethod(node: CallNode, method: string): ElValue {
    const only = node.args.length === 1 ? node.args[0] : undefined;
    const arg = only ? this.eval(only) : undefined;
    if (method === 'getInternalProperty' && (arg === 'id' || arg === 'status')) {
      const v = this.ctx.internal?.[arg];
      if (v !== undefined) return v;
      throw new NotEvaluated(`the sample has no ${arg}`, spanOf(node));
    }
    throw new NotEvaluated(`user.${method}(...) needs data outside the user profile`, spanOf(node));
  }

  private binary(node: BinaryNode): ElValue {
    const left = this.eval(node.left);
    const right = this.eval(node.right);
    switch (node.op) {
      case '==':
        return isEqual(left, right);
      case '!=':
        return !isEqual(left, right);
      case '+':
        return this.plus(node, left, right);
      case '-':
        if (typeof left === 'number' && typeof right === 'number') return left - right;
        throw new NotEvaluated('subtraction of values that are not numbers', spanOf(node));
      case '<':
      case '<=':
      case '>':
      case '>=':
        return this.compare(node, left, right);
      default:
        throw new NotEvaluated(`operator '${node.op}' is outside the evaluated mapping subset`, node.opSpan);
    }
  }

  private plus(node: BinaryNode, left: ElValue, right: ElValue): ElValue {
    if (typeof left === 'number' && typeof right === 'number') return left + right;
    if (typeof left === 'string' || typeof right === 'string') {
      if (left === null || right === null) {
        const nullSide = left === null ? node.left : node.right;
        throw new NotEvaluated(
          'null in a concatenation: Okta\'s result is undocumented (SpEL would insert the text "null")',
          spanOf(nullSide),
        );
      }
      if (Array.isArray(left) || Array.isArray(right))
        throw new NotEvaluated('concatenation with an array', spanOf(node));
      return String(left) + String(right);
    }
    throw new NotEvaluated(
      `'+' on ${left === null || right === null ? 'null' : 'non-string, non-number'} values`,
      spanOf(node),
    );
  }

  private compare(node: BinaryNode, left: ElValue, right: ElValue): boolean {
    const bothNumbers = typeof left === 'number' && typeof right === 'number';
    const bothStrings = typeof left === 'string' && typeof right === 'string';
    if (!bothNumbers && !bothStrings)
      throw new NotEvaluated(`'${node.op}' between ${JSON.stringify(left)} and ${JSON.stringify(right)}`, spanOf(node));
    const l = left as number | string;
    const r = right as number | string;
    if (node.op === '<') return l < r;
    if (node.op === '<=') return l <= r;
    if (node.op === '>') return l > r;
    return l >= r;
  }
}

/** Evaluates an expression against one Okta user profile. */
export function evaluate(ast: ExprNode, ctx: EvalContext): EvalOutcome {
  try {
    return { kind: 'value', value: new Evaluator(ctx).eval(ast) };
  } catch (e) {
    if (e instanceof NotEvaluated) return { kind: 'not-evaluated', reason: e.reason, span: e.span };
    if (e instanceof EvalFailure) return { kind: 'failed', reason: e.reason, span: e.span };
    throw e;
  }
}
