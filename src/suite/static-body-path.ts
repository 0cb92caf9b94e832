// Checks a body path when the suite loads, templates included (`members[value eq "${{ userId }}"]`).
// What a `${{ }}` renders to is only known at run time, so every template is replaced by a
// stand-in that is valid where templates usually stand: an attribute name, an index, a quoted
// string. The path is refused only when no stand-in makes it valid: then no rendering to a
// simple value could. A template that renders to path syntax of its own (brackets, dots) can
// still fail when the step runs; that is one errored check, and nothing was sent in vain.
import { BodyPathError, parseBodyPath } from './body-path.js';
import { templateExpressions } from './template.js';

const TEMPLATE = /\$\{\{[\s\S]*?\}\}/g;
const STAND_INS = ['x', '0', '"x"'] as const;

/** Why this body path can never parse, or undefined when it does (or may, once rendered). */
export function bodyPathProblem(path: string): string | undefined {
  if (!path.includes('${{')) return parseProblem(path);
  try {
    templateExpressions(path);
  } catch {
    return undefined; // a malformed template: the template check reports it
  }
  let first: string | undefined;
  for (const standIn of STAND_INS) {
    const reason = parseProblem(path.replace(TEMPLATE, standIn), true);
    if (reason === undefined) return undefined;
    first ??= reason.replace(/ at column \d+/, ''); // a column of the stand-in text would mislead
  }
  const tried = STAND_INS.map((s) => `'${s}'`).join(', ');
  return `invalid body path "${path}" whatever its templates render to (tried each \${{ }} as ${tried}): ${first ?? ''}`;
}

/** The parser's message (or only its reason, without the path it quotes). */
function parseProblem(path: string, reasonOnly = false): string | undefined {
  try {
    parseBodyPath(path);
    return undefined;
  } catch (error) {
    if (!(error instanceof BodyPathError)) throw error;
    return reasonOnly ? error.message.slice(`invalid body path "${error.path}": `.length) : error.message;
  }
}
