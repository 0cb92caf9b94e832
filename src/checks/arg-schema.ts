// What a named check accepts under `with:`, and the check of a suite's `with:` against it.
//
// An ArgSchema is a small subset of JSON Schema (type, enum, items, properties, required,
// additionalProperties, minimum, description, and format "body-path"), so `list --checks --json`
// shows plain JSON Schema (src/checks/arg-schema.test.ts holds the checker to ajv's verdicts).
// The checker is hand-written rather than ajv because a suite may put a `${{ }}` template wherever
// a value goes: a string that is exactly one template renders to any type at run time, so the
// loader accepts it anywhere, and the named check, written defensively, judges the rendered value.
// It is also small enough that loading a suite never needs the ajv compiler (test/prebuilt.test.ts).
import { bodyPathProblem } from '../suite/static-body-path.js';
import { suggestionSuffix } from '../util/did-you-mean.js';
import { TYPE_WORDS, showValue as show } from '../util/value-words.js';

export type ArgType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface ArgSchema {
  /** Absent: any value. */
  type?: ArgType | readonly ArgType[];
  description?: string;
  enum?: readonly (string | number | boolean)[];
  minimum?: number;
  /** `body-path`: a body path as in `path:` expectations (templates allowed). */
  format?: 'body-path';
  items?: ArgSchema;
  properties?: Record<string, ArgSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

/** One problem in a `with:`; `path` is below `with` (`['ids', 1]`); `key` points at a mapping's key. */
export interface ArgIssue {
  path: (string | number)[];
  key?: string;
  message: string;
}

const WHOLE_TEMPLATE = /^\$\{\{[\s\S]*?\}\}$/;
const isWholeTemplate = (v: unknown): boolean =>
  typeof v === 'string' && WHOLE_TEMPLATE.test(v) && v.indexOf('${{', 3) < 0;

export function typesOf(schema: ArgSchema): readonly ArgType[] {
  return schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
}

export function typeWords(schema: ArgSchema): string {
  return typesOf(schema)
    .map((t) => TYPE_WORDS[t])
    .join(' or ');
}

function hasType(type: ArgType, v: unknown): boolean {
  switch (type) {
    case 'string':
    case 'boolean':
      return typeof v === type;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return Number.isInteger(v);
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'null':
      return v === null;
  }
}

const subjectOf = (path: (string | number)[]): string =>
  `with${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;

/** Every problem of `value` (a suite's `with:`, templates not yet rendered) against `schema`. */
export function checkArgs(schema: ArgSchema, value: unknown): ArgIssue[] {
  const issues: ArgIssue[] = [];
  checkValue(schema, value, [], issues, false);
  return issues;
}

/**
 * The same check of a `with:` after its templates were rendered, just before the check runs. A
 * number may arrive as its text (`--var count=5` gives "5"), which the checks read as the number.
 */
export function checkRenderedArgs(schema: ArgSchema, value: unknown): ArgIssue[] {
  const issues: ArgIssue[] = [];
  checkValue(schema, value, [], issues, true);
  return issues;
}

const NUMERIC_TEXT: Partial<Record<ArgType, RegExp>> = { integer: /^-?\d+$/, number: /^-?\d+(?:\.\d+)?$/ };

function checkValue(
  schema: ArgSchema,
  value: unknown,
  path: (string | number)[],
  issues: ArgIssue[],
  rendered: boolean,
): void {
  if (!rendered && isWholeTemplate(value)) return; // its type is known once rendered
  const subject = subjectOf(path);
  const types = typesOf(schema);
  const fits = (t: ArgType) =>
    hasType(t, value) || (rendered && typeof value === 'string' && NUMERIC_TEXT[t]?.test(value) === true);
  if (types.length > 0 && !types.some(fits)) {
    issues.push({ path, message: `${subject} must be ${typeWords(schema)}, got ${show(value)}` });
    return;
  }
  const templated = typeof value === 'string' && value.includes('${{');
  if (schema.enum && !templated && !schema.enum.includes(value as string)) {
    const allowed = schema.enum.map(String);
    const hint = typeof value === 'string' ? suggestionSuffix(value, allowed) : '';
    issues.push({ path, message: `${subject} must be one of ${allowed.join(', ')}, got ${show(value)}${hint}` });
  }
  const number =
    typeof value === 'number' ? value : rendered && typeof value === 'string' && fits('number') ? Number(value) : NaN;
  if (schema.minimum !== undefined && number < schema.minimum)
    issues.push({ path, message: `${subject} must be >= ${schema.minimum}, got ${show(value)}` });
  if (schema.format === 'body-path' && typeof value === 'string') {
    const problem = bodyPathProblem(value);
    if (problem !== undefined) issues.push({ path, message: `${subject}: ${problem}` });
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, i) => checkValue(items, item, [...path, i], issues, rendered));
  }
  if (hasType('object', value)) checkMembers(schema, value as Record<string, unknown>, path, issues, rendered);
}

function checkMembers(
  schema: ArgSchema,
  value: Record<string, unknown>,
  path: (string | number)[],
  issues: ArgIssue[],
  rendered: boolean,
): void {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  for (const name of schema.required ?? []) {
    if (Object.prototype.hasOwnProperty.call(value, name)) continue;
    const what = properties[name]?.description;
    issues.push({ path, message: `${subjectOf([...path, name])} is required${what ? ` (${what})` : ''}` });
  }
  for (const [name, member] of Object.entries(value)) {
    const own = Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined;
    if (own) checkValue(own, member, [...path, name], issues, rendered);
    else if (schema.additionalProperties === false) {
      const known = names.length === 0 ? 'it takes no arguments' : `arguments: ${names.join(', ')}`;
      const hint = suggestionSuffix(name, names);
      issues.push({ path, key: name, message: `unknown argument ${subjectOf([...path, name])}${hint} (${known})` });
    }
  }
}
