// AST of the Okta Expression Language subset used in profile mappings.
// Every node carries its offsets in the expression text so findings can point at a column.

export interface Span {
  start: number; // offset of the first character (0-based)
  end: number; // offset after the last character
}

export type LiteralValue = string | number | boolean | null;

export interface LiteralNode extends Span {
  kind: 'literal';
  value: LiteralValue;
  /** Integer vs decimal matters for type inference (Convert.toInt vs toNum). */
  numberKind?: 'integer' | 'decimal';
}
export interface IdentifierNode extends Span {
  kind: 'identifier';
  name: string;
}
export interface MemberNode extends Span {
  kind: 'member';
  object: ExprNode;
  property: string;
  propertySpan: Span;
}
export interface CallNode extends Span {
  kind: 'call';
  callee: IdentifierNode | MemberNode;
  args: ExprNode[];
}
export interface IndexNode extends Span {
  kind: 'index';
  object: ExprNode;
  index: ExprNode;
}
export interface ArrayNode extends Span {
  kind: 'array';
  items: ExprNode[];
}
export interface UnaryNode extends Span {
  kind: 'unary';
  op: '!' | '-';
  operand: ExprNode;
}
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'matches';
export interface BinaryNode extends Span {
  kind: 'binary';
  op: BinaryOp;
  left: ExprNode;
  right: ExprNode;
  opSpan: Span;
}
export interface LogicalNode extends Span {
  kind: 'logical';
  op: '&&' | '||';
  left: ExprNode;
  right: ExprNode;
}
export interface ConditionalNode extends Span {
  kind: 'conditional';
  test: ExprNode;
  consequent: ExprNode;
  alternate: ExprNode;
}
export interface ElvisNode extends Span {
  kind: 'elvis';
  left: ExprNode;
  right: ExprNode;
}

export type ExprNode =
  | LiteralNode
  | IdentifierNode
  | MemberNode
  | CallNode
  | IndexNode
  | ArrayNode
  | UnaryNode
  | BinaryNode
  | LogicalNode
  | ConditionalNode
  | ElvisNode;

/** A syntax problem, with its offset in the expression. */
export interface ElSyntaxError {
  code: 'MAP_EL_SYNTAX' | 'MAP_EL_CURLY_QUOTES' | 'MAP_EL_FORBIDDEN_CONSTRUCT';
  message: string;
  offset: number;
}

export type ParseOutcome = { ok: true; ast: ExprNode } | { ok: false; error: ElSyntaxError };

/** Static result types of an expression (the app schema's `type` vocabulary plus null/unknown). */
export type ElType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'null' | 'unknown';

/** Runtime values of the evaluator. */
export type ElValue = string | number | boolean | null | ElValue[];

/** `root.a.b` as data, when a node is a plain attribute reference. */
export interface AttributeRef {
  root: string;
  /** Never empty: `user` alone is an identifier, not a reference. */
  path: [string, ...string[]];
  span: Span;
}

/** Flattens a member chain of identifiers into a reference, or undefined. */
export function asAttributeRef(node: ExprNode): AttributeRef | undefined {
  const path: string[] = [];
  let cur: ExprNode = node;
  while (cur.kind === 'member') {
    path.unshift(cur.property);
    cur = cur.object;
  }
  const [first, ...rest] = path;
  if (cur.kind !== 'identifier' || first === undefined) return undefined;
  return { root: cur.name, path: [first, ...rest], span: { start: node.start, end: node.end } };
}

/** `String.substringBefore` for a call whose callee is `Ns.fn` or `fn`. */
export function calleeName(node: CallNode): string {
  const c = node.callee;
  if (c.kind === 'identifier') return c.name;
  const ref = asAttributeRef(c);
  return ref ? [ref.root, ...ref.path].join('.') : c.property;
}
