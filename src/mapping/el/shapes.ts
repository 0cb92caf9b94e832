// What kind of value an expression can emit, for the language/locale/timezone rules:
// `user.locale` gives `en_US`, `user.preferredLanguage` an RFC 7231 language range, and
// a few documented rewrites (substringBefore "_", substring 0..2, replace "_"->"-") change that.
import { asAttributeRef, calleeName, type ExprNode } from './types.js';

export type ValueShape =
  | { kind: 'literal'; value: string }
  | { kind: 'null' }
  | { kind: 'okta-locale' } // en_US
  | { kind: 'okta-language-range' } // en-US, or da, en-gb;q=0.8
  | { kind: 'okta-timezone' } // America/Los_Angeles
  | { kind: 'iso639-1' } // en
  | { kind: 'two-letter' } // 2 characters of unknown case
  | { kind: 'bcp47-tag' } // en-US
  | { kind: 'attribute'; name: string } // another source attribute: format unknown
  | { kind: 'unknown' };

const SOURCE_SHAPES: Record<string, ValueShape> = {
  locale: { kind: 'okta-locale' },
  preferredLanguage: { kind: 'okta-language-range' },
  timezone: { kind: 'okta-timezone' },
};

function literalArg(node: ExprNode | undefined): string | number | undefined {
  return node?.kind === 'literal' && (typeof node.value === 'string' || typeof node.value === 'number')
    ? node.value
    : undefined;
}

function callShapes(node: Extract<ExprNode, { kind: 'call' }>): ValueShape[] {
  const name = calleeName(node).replace(/^String\./, '');
  const [input, a1, a2] = node.args;
  const inner = input ? valueShapes(input) : [];
  const kinds = new Set(inner.map((s) => s.kind));
  if (name === 'toLowerCase')
    return inner.map((s) =>
      s.kind === 'two-letter'
        ? { kind: 'iso639-1' }
        : s.kind === 'literal'
          ? { kind: 'literal', value: s.value.toLowerCase() }
          : s,
    );
  if (name === 'toUpperCase')
    return inner.map((s) =>
      s.kind === 'literal'
        ? { kind: 'literal', value: s.value.toUpperCase() }
        : s.kind === 'iso639-1'
          ? { kind: 'unknown' }
          : s,
    );
  if (name === 'substringBefore' && kinds.size === 1 && kinds.has('okta-locale') && literalArg(a1) === '_')
    return [{ kind: 'iso639-1' }];
  if (name === 'substring' && literalArg(a1) === 0 && literalArg(a2) === 2) {
    if (kinds.size === 1 && kinds.has('okta-locale')) return [{ kind: 'iso639-1' }];
    return [{ kind: 'two-letter' }];
  }
  if (
    name === 'replace' &&
    kinds.size === 1 &&
    kinds.has('okta-locale') &&
    literalArg(a1) === '_' &&
    literalArg(a2) === '-'
  )
    return [{ kind: 'bcp47-tag' }];
  return [{ kind: 'unknown' }];
}

/** Every shape the expression may produce (branches of ?: and ?: elvis are unioned). */
export function valueShapes(node: ExprNode): ValueShape[] {
  switch (node.kind) {
    case 'literal':
      if (node.value === null) return [{ kind: 'null' }];
      return typeof node.value === 'string' ? [{ kind: 'literal', value: node.value }] : [{ kind: 'unknown' }];
    case 'member': {
      const ref = asAttributeRef(node);
      if (!ref || (ref.root !== 'user' && ref.root !== 'source') || ref.path.length !== 1) return [{ kind: 'unknown' }];
      return [SOURCE_SHAPES[ref.path[0]] ?? { kind: 'attribute', name: ref.path[0] }];
    }
    case 'conditional':
      return [...valueShapes(node.consequent), ...valueShapes(node.alternate)];
    case 'elvis':
      return [...valueShapes(node.left), ...valueShapes(node.right)];
    case 'call':
      return callShapes(node);
    default:
      return [{ kind: 'unknown' }];
  }
}
