// Rules on each mapping expression: syntax, functions, source references, conditions,
// result type against the target type, and null hazards.
import { typeCause } from '../el/type-cause.js';
import { didYouMean, finding, type ParsedEntry, type RuleContext } from '../context.js';
import { FUNCTIONS, FUNCTION_NAMESPACES, USER_METHODS } from '../el/functions.js';
import { visit } from '../el/infer.js';
import {
  asAttributeRef,
  calleeName,
  type AttributeRef,
  type CallNode,
  type ElType,
  type ExprNode,
} from '../el/types.js';
import type { MappingFinding } from '../../model/mapping-result.js';

export function expressionRules(ctx: RuleContext): MappingFinding[] {
  return ctx.entries.flatMap((p) => checkEntry(ctx, p));
}

function checkEntry(ctx: RuleContext, p: ParsedEntry): MappingFinding[] {
  const attribute = p.entry.target;
  if (p.entry.expression.trim() === '')
    return [finding('MAP_EL_EMPTY', 'the expression is empty', { attribute, position: ctx.exprPos(p.entry) })];
  if (!p.parse.ok) {
    const e = p.parse.error;
    return [
      finding(e.code, `${e.message} (column ${e.offset + 1} of the expression)`, {
        attribute,
        position: ctx.exprPos(p.entry, e.offset),
        value: p.entry.expression,
        fix: e.code === 'MAP_EL_CURLY_QUOTES' ? straightenQuotes(p.entry.expression) : undefined,
      }),
    ];
  }
  const ast = p.parse.ast;
  return [...functionFindings(ctx, p, ast), ...referenceFindings(ctx, p, ast), ...analysisFindings(ctx, p)];
}

function straightenQuotes(expr: string): string {
  return expr.replace(/[\u2018\u2019\u00B4]/g, "'").replace(/[\u201C\u201D]/g, '"');
}

function functionFindings(ctx: RuleContext, p: ParsedEntry, ast: ExprNode): MappingFinding[] {
  const out: MappingFinding[] = [];
  visit(ast, (n) => {
    if (n.kind === 'call') out.push(...checkCall(ctx, p, n));
    if (n.kind === 'binary' && ['matches', '*', '/', '%'].includes(n.op)) {
      out.push(
        finding(
          'MAP_EL_NOT_EVALUATED',
          `operator '${n.op}' is outside the evaluated subset: samples cannot show its result`,
          { attribute: p.entry.target, position: ctx.exprPos(p.entry, n.opSpan.start) },
        ),
      );
    }
  });
  return out;
}

function knownNames(): string[] {
  return [...FUNCTIONS.keys(), ...Object.keys(USER_METHODS).map((m) => `user.${m}`)];
}

function checkCall(ctx: RuleContext, p: ParsedEntry, n: CallNode): MappingFinding[] {
  const name = calleeName(n);
  const at = { attribute: p.entry.target, position: ctx.exprPos(p.entry, n.start) };
  const spec = name.startsWith('user.') ? USER_METHODS[name.slice(5)] : FUNCTIONS.get(name);
  if (!spec) {
    const ns = name.split('.')[0] ?? name;
    const suggestion = didYouMean(name, knownNames());
    const why = FUNCTION_NAMESPACES.includes(ns)
      ? `${ns} has no function ${name.slice(ns.length + 1)}`
      : `${name} is not an Okta expression function`;
    return [
      finding('MAP_EL_UNKNOWN_FUNCTION', suggestion ? `${why}; did you mean ${suggestion}?` : why, {
        ...at,
        fix: suggestion,
      }),
    ];
  }
  const out: MappingFinding[] = [];
  if (n.args.length < spec.minArgs || n.args.length > spec.maxArgs) {
    const want =
      spec.minArgs === spec.maxArgs
        ? `${spec.minArgs}`
        : spec.maxArgs === Infinity
          ? `at least ${spec.minArgs}`
          : `${spec.minArgs}-${spec.maxArgs}`;
    out.push(finding('MAP_EL_ARITY', `${name} takes ${want} argument(s), got ${n.args.length}`, at));
  }
  if (spec.status === 'not-allowed')
    out.push(
      finding('MAP_EL_FUNCTION_NOT_ALLOWED', `${name} cannot be used in property mappings (group claims only)`, at),
    );
  if (spec.status === 'deprecated')
    out.push(
      finding('MAP_EL_DEPRECATED_FUNCTION', `${name} is deprecated; use ${spec.replacement}`, {
        ...at,
        fix: spec.replacement,
      }),
    );
  if (spec.status === 'not-evaluated')
    out.push(
      finding(
        'MAP_EL_NOT_EVALUATED',
        `${name} needs data or behaviour scim-check does not reproduce: samples cannot show its result`,
        at,
      ),
    );
  if (spec.groupFunction)
    out.push(
      finding(
        'MAP_EL_GROUP_FUNCTION',
        `${name}: the mapped value is not updated when the user's group membership changes`,
        at,
      ),
    );
  return out;
}

const TEMPLATE_ROOTS = new Set(['String', 'Arrays', 'Convert', 'Iso3166Convert', 'Time', 'Groups']);

function referenceFindings(ctx: RuleContext, p: ParsedEntry, ast: ExprNode): MappingFinding[] {
  const out: MappingFinding[] = [];
  const seen = new Set<string>();
  visit(ast, (n) => {
    if (n.kind === 'identifier' && !seen.has(`${n.start}`)) {
      seen.add(`${n.start}`);
      if (!isPartOfChainOrCall(ast, n)) {
        out.push(
          finding(
            'MAP_SOURCE_WRONG_BINDING',
            `'${n.name}' is not a binding of an Okta-to-app mapping; did you mean user.${n.name}?`,
            { attribute: p.entry.target, position: ctx.exprPos(p.entry, n.start), fix: `user.${n.name}` },
          ),
        );
      }
    }
    if (n.kind !== 'member') return;
    const ref = asAttributeRef(n);
    if (!ref || seen.has(`${ref.span.start}`)) return;
    seen.add(`${ref.span.start}`);
    out.push(...checkReference(ctx, p, ref.root, ref.path, ref.span.start));
  });
  return out;
}

/** A bare identifier is fine as the root of `user.x` or as a function name. */
function isPartOfChainOrCall(ast: ExprNode, id: ExprNode): boolean {
  let used = false;
  visit(ast, (n) => {
    if ((n.kind === 'member' && n.object === id) || (n.kind === 'call' && n.callee === id)) used = true;
  });
  return used;
}

function checkReference(
  ctx: RuleContext,
  p: ParsedEntry,
  root: string,
  path: AttributeRef['path'],
  offset: number,
): MappingFinding[] {
  const at = { attribute: p.entry.target, position: ctx.exprPos(p.entry, offset) };
  const text = `${root}.${path.join('.')}`;
  if (TEMPLATE_ROOTS.has(root)) return []; // a namespace used without a call is reported by the evaluator
  if (root === 'appuser')
    return [
      finding(
        'MAP_SOURCE_WRONG_BINDING',
        `${text}: appuser.* is the app user, the target of this mapping; read the Okta user with user.${path.join('.')}`,
        { ...at, fix: `user.${path.join('.')}` },
      ),
    ];
  if (root === 'user' && path[0] === 'profile' && path.length > 1) {
    return [
      finding(
        'MAP_SOURCE_IE_DIALECT',
        `${text} is Identity Engine syntax; mappings use user.${path.slice(1).join('.')}`,
        { ...at, fix: `user.${path.slice(1).join('.')}` },
      ),
    ];
  }
  if (root === 'source')
    return [
      finding(
        'MAP_SOURCE_LEGACY_BINDING',
        `${text}: source.* is username-template syntax; use user.${path.join('.')}`,
        { ...at, fix: `user.${path.join('.')}` },
      ),
      ...checkUserAttribute(ctx, p, path[0], at),
    ];
  if (root === 'user')
    return Object.prototype.hasOwnProperty.call(USER_METHODS, path[0]) ? [] : checkUserAttribute(ctx, p, path[0], at);
  return [
    finding(
      'MAP_SOURCE_UNRESOLVED',
      `${text} reads ${root === 'org' ? 'org' : "another app's or instance"} data; it is not resolved offline`,
      at,
    ),
  ];
}

function checkUserAttribute(
  ctx: RuleContext,
  p: ParsedEntry,
  name: string,
  at: Pick<MappingFinding, 'attribute' | 'position'>,
): MappingFinding[] {
  const attrs = ctx.user.attributes;
  if (attrs.has(name)) return suspiciousSource(p, name, at);
  const sameCase = [...attrs.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  if (sameCase)
    return [
      finding(
        'MAP_SOURCE_CASE',
        `user.${name}: attribute names are case-sensitive; the Okta attribute is user.${sameCase}`,
        { ...at, fix: `user.${sameCase}` },
      ),
    ];
  const suggestion = didYouMean(name, attrs.keys());
  const hint = suggestion ? ` (did you mean user.${suggestion}?)` : '';
  if (ctx.user.source === 'file')
    return [
      finding('MAP_SOURCE_UNKNOWN', `user.${name} is not an attribute of the Okta user schema${hint}`, {
        ...at,
        fix: suggestion && `user.${suggestion}`,
      }),
    ];
  return [
    finding(
      'MAP_SOURCE_NOT_BASE',
      `user.${name} is not an Okta base attribute${hint}; if it is a custom attribute, pass --user-schema to check it`,
      { ...at, fix: suggestion && `user.${suggestion}` },
    ),
  ];
}

// The Okta source each SCIM attribute is normally fed from (reference §3 defaults).
const USUAL_SOURCE: Record<string, string> = {
  givenName: 'firstName',
  familyName: 'lastName',
  middleName: 'middleName',
  honorificPrefix: 'honorificPrefix',
  honorificSuffix: 'honorificSuffix',
  nickName: 'nickName',
  title: 'title',
  profileUrl: 'profileUrl',
  streetAddress: 'streetAddress',
  locality: 'city',
  region: 'state',
  postalCode: 'zipCode',
  country: 'countryCode',
  employeeNumber: 'employeeNumber',
  costCenter: 'costCenter',
  organization: 'organization',
  division: 'division',
  department: 'department',
};

/** M11: `honorificSuffix <- user.firstName` — the source is the usual feed of another SCIM attribute. */
function suspiciousSource(
  p: ParsedEntry,
  name: string,
  at: Pick<MappingFinding, 'attribute' | 'position'>,
): MappingFinding[] {
  const leaf = p.scim?.leaf;
  if (
    !leaf ||
    !USUAL_SOURCE[leaf] ||
    USUAL_SOURCE[leaf] === name ||
    p.parse.ok === false ||
    p.parse.ast.kind !== 'member'
  )
    return [];
  const owner = Object.entries(USUAL_SOURCE).find(([, src]) => src === name)?.[0];
  if (!owner) return [];
  return [
    finding(
      'MAP_SOURCE_SUSPICIOUS',
      `${p.entry.target} (${leaf}) is fed from user.${name}, the usual source of ${owner}; expected user.${USUAL_SOURCE[leaf]}`,
      { ...at, fix: `user.${USUAL_SOURCE[leaf]}` },
    ),
  ];
}

function compatible(result: ElType, target: string): boolean {
  if (result === 'unknown' || result === 'null') return true;
  if (target === 'number') return result === 'number' || result === 'integer';
  if (target === 'object') return true;
  return result === target;
}

function analysisFindings(ctx: RuleContext, p: ParsedEntry): MappingFinding[] {
  const a = p.analysis;
  if (!a) return [];
  const attribute = p.entry.target;
  const out: MappingFinding[] = [];
  for (const c of a.conditionIssues)
    out.push(finding('MAP_EL_CONDITION', c.detail, { attribute, position: ctx.exprPos(p.entry, c.span.start) }));
  const targetType = p.attr?.type;
  if (targetType && !compatible(a.result.type, targetType)) {
    // name the cause: the function, attribute or literal that makes the type wrong
    const cause = p.parse.ok ? typeCause(p.parse.ast, a.result.type) : `the expression gives ${a.result.type}`;
    out.push(
      finding('MAP_TYPE_MISMATCH', `${cause}, but ${attribute} is of type ${targetType}`, {
        attribute,
        position: ctx.exprPos(p.entry),
      }),
    );
  }
  if (
    p.attr?.enum &&
    p.parse.ok &&
    p.parse.ast.kind === 'literal' &&
    p.parse.ast.value !== null &&
    !p.attr.enum.includes(p.parse.ast.value)
  ) {
    out.push(
      finding(
        'MAP_ENUM_VALUE',
        `${JSON.stringify(p.parse.ast.value)} is not one of ${p.attr.enum.map((v) => JSON.stringify(v)).join(', ')}`,
        { attribute, position: ctx.exprPos(p.entry), value: p.parse.ast.value },
      ),
    );
  }
  for (const h of a.hazards) {
    const position = ctx.exprPos(p.entry, h.span.start);
    const guard = `(${h.ref} != null ? ${h.ref} : '')`;
    if (h.kind === 'null-concat') {
      out.push(
        finding(
          'MAP_NULL_CONCAT',
          `${h.ref} can be null and is concatenated unguarded (Okta's result for null in + is undocumented)`,
          { attribute, position, fix: `replace ${h.ref} with ${guard}` },
        ),
      );
    } else {
      out.push(
        finding('MAP_NULL_FUNCTION_ARG', `${h.ref} can be null and is passed to ${h.fn} unguarded`, {
          attribute,
          position,
          fix: `guard it: ${h.ref} != null ? ... : null`,
        }),
      );
    }
  }
  return out;
}
