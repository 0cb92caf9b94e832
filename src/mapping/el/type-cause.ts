// Names what makes an expression's type what it is, so a type finding says its cause:
// "Convert.toInt(...) returns an integer", "user.title is a string attribute", "the literal 'admin'".
import { asAttributeRef, calleeName, type ExprNode } from './types.js';

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** One phrase naming the function, attribute or literal that gives `node` its type `type`. */
export function typeCause(node: ExprNode, type: string): string {
  switch (node.kind) {
    case 'call':
      return `${calleeName(node)}(…) returns ${article(type)}`;
    case 'member':
    case 'identifier': {
      const ref = asAttributeRef(node);
      const name = ref ? [ref.root, ...ref.path].join('.') : node.kind === 'identifier' ? node.name : node.property;
      return `${name} is ${article(type)} attribute`;
    }
    case 'literal':
      return `the literal ${JSON.stringify(node.value)} is ${article(type)}`;
    case 'binary':
      return node.op === '+' && type === 'string'
        ? `the + joins strings, which gives a string`
        : `the ${node.op} operation gives ${article(type)}`;
    case 'conditional':
      return `its branches (${typeCause(node.consequent, type)}) give ${article(type)}`;
    case 'elvis':
      return `${typeCause(node.left, type)}`;
    default:
      return `it gives ${article(type)}`;
  }
}
