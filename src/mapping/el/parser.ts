// Recursive-descent parser for the mapping subset of Okta Expression Language
// (SpEL precedence: ternary/elvis < or < and < relational < additive < multiplicative < unary < postfix).
import { LexError, tokenize, type Token } from './lexer.js';
import type { BinaryOp, ElSyntaxError, ExprNode, IdentifierNode, MemberNode, ParseOutcome } from './types.js';

class ParseError extends Error {
  constructor(readonly detail: ElSyntaxError) {
    super(detail.message);
  }
}

const WORD_OPS: Record<string, string> = { and: '&&', or: '||', not: '!' };
const RELATIONAL = new Set(['==', '!=', '<', '<=', '>', '>=']);

class Parser {
  private pos = 0;
  /** tokenize() always ends the list with an eof token; reading past it keeps returning it. */
  private readonly eof: Token;
  constructor(private readonly tokens: Token[]) {
    this.eof = tokens.at(-1) ?? { kind: 'eof', text: '', start: 0, end: 0 };
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? this.eof;
  }
  private next(): Token {
    return this.tokens[this.pos++] ?? this.eof;
  }
  /** The operator a token stands for, with AND/OR/NOT/matches words folded in (case-insensitive, as SpEL). */
  private opOf(t: Token): string | undefined {
    if (t.kind === 'op') return t.text;
    if (t.kind === 'ident') {
      const lower = t.text.toLowerCase();
      if (WORD_OPS[lower]) return WORD_OPS[lower];
      if (lower === 'matches') return 'matches';
    }
    return undefined;
  }
  private fail(message: string, offset = this.peek().start): never {
    throw new ParseError({ code: 'MAP_EL_SYNTAX', message, offset });
  }
  private expect(op: string): Token {
    const t = this.peek();
    if (t.kind !== 'op' || t.text !== op) {
      this.fail(
        t.kind === 'eof' ? `expected '${op}' but the expression ended` : `expected '${op}' but found '${t.text}'`,
      );
    }
    return this.next();
  }

  parseAll(): ExprNode {
    if (this.peek().kind === 'eof') this.fail('empty expression');
    const node = this.expression();
    const t = this.peek();
    if (t.kind !== 'eof') this.fail(`unexpected '${t.text}' after a complete expression`);
    return node;
  }

  expression(): ExprNode {
    const test = this.elvis();
    if (this.opOf(this.peek()) !== '?') return test;
    this.next();
    const consequent = this.expression();
    this.expect(':');
    const alternate = this.expression();
    return { kind: 'conditional', test, consequent, alternate, start: test.start, end: alternate.end };
  }

  private elvis(): ExprNode {
    const left = this.or();
    if (this.opOf(this.peek()) !== '?:') return left;
    this.next();
    const right = this.expression();
    return { kind: 'elvis', left, right, start: left.start, end: right.end };
  }

  private or(): ExprNode {
    let left = this.and();
    while (this.opOf(this.peek()) === '||') {
      this.next();
      const right = this.and();
      left = { kind: 'logical', op: '||', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private and(): ExprNode {
    let left = this.relational();
    while (this.opOf(this.peek()) === '&&') {
      this.next();
      const right = this.relational();
      left = { kind: 'logical', op: '&&', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private relational(): ExprNode {
    const left = this.additive();
    const op = this.opOf(this.peek());
    if (!op || !(RELATIONAL.has(op) || op === 'matches')) return left;
    const opTok = this.next();
    return binaryNode(op as BinaryOp, left, opTok, this.additive());
  }

  private additive(): ExprNode {
    return this.leftAssociative(['+', '-'], () => this.multiplicative());
  }

  private multiplicative(): ExprNode {
    return this.leftAssociative(['*', '/', '%'], () => this.unary());
  }

  /** `a op b op c` read as `(a op b) op c`, for one precedence level of `ops`. */
  private leftAssociative(ops: readonly BinaryOp[], operand: () => ExprNode): ExprNode {
    let left = operand();
    for (let op = this.opOf(this.peek()); ops.includes(op as BinaryOp); op = this.opOf(this.peek())) {
      const opTok = this.next();
      left = binaryNode(op as BinaryOp, left, opTok, operand());
    }
    return left;
  }

  private unary(): ExprNode {
    const t = this.peek();
    const op = this.opOf(t);
    if (op === '!' || op === '-') {
      this.next();
      const operand = this.unary();
      return { kind: 'unary', op, operand, start: t.start, end: operand.end };
    }
    if (op === '+') {
      this.next();
      return this.unary();
    }
    return this.postfix(this.primary());
  }

  private postfix(node: ExprNode): ExprNode {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && t.text === '.') {
        this.next();
        const name = this.next();
        if (name.kind !== 'ident') this.fail(`expected an attribute or function name after '.'`, name.start);
        node = {
          kind: 'member',
          object: node,
          property: name.text,
          propertySpan: { start: name.start, end: name.end },
          start: node.start,
          end: name.end,
        };
      } else if (t.kind === 'op' && t.text === '(' && (node.kind === 'identifier' || node.kind === 'member')) {
        node = this.call(node);
      } else if (t.kind === 'op' && t.text === '[') {
        this.next();
        const index = this.expression();
        const close = this.expect(']');
        node = { kind: 'index', object: node, index, start: node.start, end: close.end };
      } else {
        return node;
      }
    }
  }

  private call(callee: IdentifierNode | MemberNode): ExprNode {
    this.expect('(');
    const args: ExprNode[] = [];
    if (this.opOf(this.peek()) !== ')') {
      args.push(this.expression());
      while (this.opOf(this.peek()) === ',') {
        this.next();
        args.push(this.expression());
      }
    }
    const close = this.expect(')');
    return { kind: 'call', callee, args, start: callee.start, end: close.end };
  }

  private primary(): ExprNode {
    const t = this.next();
    if (t.kind === 'string') return { kind: 'literal', value: t.text, start: t.start, end: t.end };
    if (t.kind === 'number') {
      const decimal = /[.eE]/.test(t.text);
      return {
        kind: 'literal',
        value: Number(t.text),
        numberKind: decimal ? 'decimal' : 'integer',
        start: t.start,
        end: t.end,
      };
    }
    if (t.kind === 'ident') return this.word(t);
    if (t.kind === 'op' && t.text === '(') {
      const inner = this.expression();
      const close = this.expect(')');
      return { ...inner, start: t.start, end: close.end };
    }
    if (t.kind === 'op' && t.text === '{') return this.arrayLiteral(t);
    this.fail(
      t.kind === 'eof'
        ? 'the expression ended where a value was expected'
        : `unexpected '${t.text}' where a value was expected`,
      t.start,
    );
  }

  private word(t: Token): ExprNode {
    const lower = t.text.toLowerCase();
    if (lower === 'true' || lower === 'false')
      return { kind: 'literal', value: lower === 'true', start: t.start, end: t.end };
    if (lower === 'null') return { kind: 'literal', value: null, start: t.start, end: t.end };
    if (t.text === 'new')
      throw new ParseError({
        code: 'MAP_EL_FORBIDDEN_CONSTRUCT',
        message: 'constructor references (new ...) are not allowed',
        offset: t.start,
      });
    if (t.text === 'T' && this.opOf(this.peek()) === '(') {
      throw new ParseError({
        code: 'MAP_EL_FORBIDDEN_CONSTRUCT',
        message: 'type references T(...) are not allowed',
        offset: t.start,
      });
    }
    if (WORD_OPS[lower] || lower === 'matches')
      this.fail(`'${t.text}' is an operator and needs a value before it`, t.start);
    return { kind: 'identifier', name: t.text, start: t.start, end: t.end };
  }

  private arrayLiteral(open: Token): ExprNode {
    const items: ExprNode[] = [];
    if (this.opOf(this.peek()) !== '}') {
      items.push(this.expression());
      while (this.opOf(this.peek()) === ',') {
        this.next();
        items.push(this.expression());
      }
    }
    const close = this.expect('}');
    return { kind: 'array', items, start: open.start, end: close.end };
  }
}

/** Parses one mapping expression. Never throws: syntax errors come back with their offset. */
export function parseExpression(src: string): ParseOutcome {
  try {
    return { ok: true, ast: new Parser(tokenize(src)).parseAll() };
  } catch (e) {
    if (e instanceof LexError || e instanceof ParseError) return { ok: false, error: e.detail };
    throw e;
  }
}

/** `left op right`, spanning both operands; the operator's own span points error carets at it. */
function binaryNode(op: BinaryOp, left: ExprNode, opTok: { start: number; end: number }, right: ExprNode): ExprNode {
  return {
    kind: 'binary',
    op,
    left,
    right,
    opSpan: { start: opTok.start, end: opTok.end },
    start: left.start,
    end: right.end,
  };
}
