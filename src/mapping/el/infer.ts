// Static analysis of a parsed expression: result type, whether it can be null, and the
// null hazards and condition problems the rules report. Null guards (x != null) are tracked
// per branch so a guarded concatenation is not reported.
import { typeCause } from './type-cause.js';
import { FUNCTIONS, USER_METHODS } from './functions.js';
import { asAttributeRef, calleeName, type CallNode, type ElType, type ExprNode, type Span } from './types.js';

export interface SourceAttrInfo {
  type: ElType;
  nullable: boolean;
}
/** Looks up `user.<name>`; undefined when the attribute is unknown (reported by another rule). */
export type SourceLookup = (name: string) => SourceAttrInfo | undefined;

export interface TypeInfo {
  type: ElType;
  nullable: boolean;
}

export interface NullHazard {
  kind: 'null-concat' | 'null-function-arg';
  ref: string;
  span: Span;
  fn?: string;
}

export interface ConditionIssue {
  kind: 'not-boolean' | 'function-not-allowed';
  span: Span;
  detail: string;
}

export interface Analysis {
  result: TypeInfo;
  hazards: NullHazard[];
  conditionIssues: ConditionIssue[];
}

type Guards = ReadonlySet<string>;
const NONE: Guards = new Set();

const refKey = (node: ExprNode): string | undefined => {
  const ref = asAttributeRef(node);
  return ref ? `${ref.root === 'source' ? 'user' : ref.root}.${ref.path.join('.')}` : undefined;
};

/** References proven non-null when `test` evaluates to `outcome`. */
function guardsFrom(test: ExprNode, outcome: boolean): Set<string> {
  if (test.kind === 'unary' && test.op === '!') return guardsFrom(test.operand, !outcome);
  if (test.kind === 'logical') {
    // a && b true => both true; a || b false => both false.
    if ((test.op === '&&') === outcome)
      return new Set([...guardsFrom(test.left, outcome), ...guardsFrom(test.right, outcome)]);
    return new Set();
  }
  if (test.kind === 'binary' && (test.op === '!=' || test.op === '==')) {
    const [ref, other] = test.left.kind === 'literal' ? [test.right, test.left] : [test.left, test.right];
    const key = refKey(ref);
    if (key && other.kind === 'literal' && other.value === null && (test.op === '!=') === outcome)
      return new Set([key]);
  }
  return new Set();
}

const union = (a: Guards, b: Iterable<string>): Guards => new Set([...a, ...b]);

function mergeTypes(a: ElType, b: ElType): ElType {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  if ((a === 'integer' && b === 'number') || (a === 'number' && b === 'integer')) return 'number';
  return 'unknown';
}

const STRING_FUNCTION =
  /^(String\.)?(append|join|len|removeSpaces|replace|replaceFirst|startsWith|stringContains|stringSwitch|substring|substringAfter|substringBefore|toUpperCase|toLowerCase)$/;

class Analyzer {
  readonly hazards: NullHazard[] = [];
  readonly conditionIssues: ConditionIssue[] = [];
  constructor(private readonly lookup: SourceLookup) {}

  infer(node: ExprNode, guards: Guards): TypeInfo {
    switch (node.kind) {
      case 'literal':
        if (node.value === null) return { type: 'null', nullable: true };
        if (typeof node.value === 'number')
          return { type: node.numberKind === 'decimal' ? 'number' : 'integer', nullable: false };
        return { type: typeof node.value === 'boolean' ? 'boolean' : 'string', nullable: false };
      case 'array':
        node.items.forEach((i) => this.infer(i, guards));
        return { type: 'array', nullable: false };
      case 'identifier':
        return { type: 'unknown', nullable: false };
      case 'member':
        return this.reference(node, guards);
      case 'index':
        this.infer(node.object, guards);
        this.infer(node.index, guards);
        return { type: 'unknown', nullable: true };
      case 'call':
        return this.call(node, guards);
      case 'unary':
        this.infer(node.operand, guards);
        return { type: node.op === '!' ? 'boolean' : 'number', nullable: false };
      case 'logical': {
        this.infer(node.left, guards);
        // the right side only runs when the left allowed it to (short-circuit)
        this.infer(node.right, union(guards, guardsFrom(node.left, node.op === '&&')));
        return { type: 'boolean', nullable: false };
      }
      case 'conditional':
        return this.conditional(node.test, node.consequent, node.alternate, guards);
      case 'elvis': {
        const left = this.infer(node.left, guards);
        const right = this.infer(node.right, guards);
        return { type: mergeTypes(left.type, right.type), nullable: right.nullable };
      }
      case 'binary':
        return this.binary(node, guards);
    }
  }

  private reference(node: ExprNode, guards: Guards): TypeInfo {
    const ref = asAttributeRef(node);
    const key = refKey(node);
    if (!ref || !key) return { type: 'unknown', nullable: true };
    if ((ref.root === 'user' || ref.root === 'source') && ref.path.length === 1) {
      const info = this.lookup(ref.path[0]);
      if (!info) return { type: 'unknown', nullable: false }; // unknown source: reported elsewhere, no cascade
      return { type: info.type, nullable: info.nullable && !guards.has(key) };
    }
    return { type: 'unknown', nullable: !guards.has(key) };
  }

  private conditional(test: ExprNode, yes: ExprNode, no: ExprNode, guards: Guards): TypeInfo {
    const t = this.infer(test, guards);
    if (t.type !== 'boolean' && t.type !== 'unknown') {
      this.conditionIssues.push({
        kind: 'not-boolean',
        span: { start: test.start, end: test.end },
        detail: `the condition is not a boolean: ${typeCause(test, t.type)}`,
      });
    }
    this.checkConditionFunctions(test);
    const a = this.infer(yes, union(guards, guardsFrom(test, true)));
    const b = this.infer(no, union(guards, guardsFrom(test, false)));
    return { type: mergeTypes(a.type, b.type), nullable: a.nullable || b.nullable };
  }

  private checkConditionFunctions(node: ExprNode): void {
    visit(node, (n) => {
      if (n.kind !== 'call') return;
      const spec = FUNCTIONS.get(calleeName(n));
      if (spec?.notInCondition) {
        this.conditionIssues.push({
          kind: 'function-not-allowed',
          span: { start: n.start, end: n.end },
          detail: `${spec.name} is not supported in the condition of a conditional expression`,
        });
      }
    });
  }

  private call(node: CallNode, guards: Guards): TypeInfo {
    const name = calleeName(node);
    const args = node.args.map((a) => ({ node: a, info: this.infer(a, guards) }));
    const userMethod = name.startsWith('user.') ? USER_METHODS[name.slice(5)] : undefined;
    if (userMethod) return { type: userMethod.returns, nullable: name !== 'user.getInternalProperty' };
    const spec = FUNCTIONS.get(name);
    if (!spec) return { type: 'unknown', nullable: true };
    if (STRING_FUNCTION.test(name)) {
      for (const a of args) {
        const ref = refKey(a.node);
        if (a.info.nullable && ref)
          this.hazards.push({
            kind: 'null-function-arg',
            ref,
            fn: name,
            span: { start: a.node.start, end: a.node.end },
          });
      }
    }
    return { type: spec.returns, nullable: spec.status !== 'supported' && spec.status !== 'deprecated' };
  }

  private binary(node: Extract<ExprNode, { kind: 'binary' }>, guards: Guards): TypeInfo {
    const l = this.infer(node.left, guards);
    const r = this.infer(node.right, guards);
    if (node.op !== '+' && node.op !== '-' && node.op !== '*' && node.op !== '/' && node.op !== '%')
      return { type: 'boolean', nullable: false };
    if (node.op === '+' && (l.type === 'string' || r.type === 'string')) {
      for (const [side, info] of [
        [node.left, l],
        [node.right, r],
      ] as const) {
        const ref = refKey(side) ?? firstNullableRef(side, this.lookup, guards);
        if (info.nullable && ref)
          this.hazards.push({ kind: 'null-concat', ref, span: { start: side.start, end: side.end } });
      }
      return { type: 'string', nullable: false };
    }
    if (l.type === 'integer' && r.type === 'integer' && node.op !== '/') return { type: 'integer', nullable: false };
    const numeric = (t: ElType) => t === 'integer' || t === 'number';
    return { type: numeric(l.type) && numeric(r.type) ? 'number' : 'unknown', nullable: false };
  }
}

/** For a nullable operand that is not itself a reference (e.g. a nested +), name a reference inside it. */
function firstNullableRef(node: ExprNode, lookup: SourceLookup, guards: Guards): string | undefined {
  let found: string | undefined;
  visit(node, (n) => {
    const key = refKey(n);
    const ref = asAttributeRef(n);
    if (found || !key || !ref || guards.has(key)) return;
    if (ref.root === 'user' && lookup(ref.path[0])?.nullable) found = key;
  });
  return found;
}

/** Depth-first walk over every node. */
export function visit(node: ExprNode, fn: (n: ExprNode) => void): void {
  fn(node);
  switch (node.kind) {
    case 'member':
      return visit(node.object, fn);
    case 'call':
      return node.args.forEach((a) => visit(a, fn));
    case 'index':
      visit(node.object, fn);
      return visit(node.index, fn);
    case 'array':
      return node.items.forEach((i) => visit(i, fn));
    case 'unary':
      return visit(node.operand, fn);
    case 'binary':
    case 'logical':
    case 'elvis':
      visit(node.left, fn);
      return visit(node.right, fn);
    case 'conditional':
      visit(node.test, fn);
      visit(node.consequent, fn);
      return visit(node.alternate, fn);
    default:
      return;
  }
}

export function analyze(ast: ExprNode, lookup: SourceLookup): Analysis {
  const a = new Analyzer(lookup);
  const result = a.infer(ast, NONE);
  return { result, hazards: a.hazards, conditionIssues: a.conditionIssues };
}
