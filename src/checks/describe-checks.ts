// The named checks in words, from the registry alone: `scim-check list --checks` prints them and
// docs/suite-format.md carries the same list as a table (npm run docs:checks writes it,
// test/check-tables.test.ts fails when it is stale). Nothing here is written by hand twice.
import { NAMED_CHECKS } from './registry.js';
import { typesOf, type ArgSchema } from './arg-schema.js';

export interface ArgumentDescription {
  /** `values`, or `*` for a check that takes any attribute: value pairs. */
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface NamedCheckDescription {
  name: string;
  description: string;
  arguments: ArgumentDescription[];
  /** The `with:` mapping it accepts, as JSON Schema. */
  schema: ArgSchema;
}

const TYPE_NAMES: Record<string, string> = { object: 'mapping', array: 'list' };

/** `integer >= 0`, `list of string or number`, `one of ascending, descending`, `body path`. */
export function typeLabel(schema: ArgSchema): string {
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  if (schema.format === 'body-path') return 'body path';
  const types = typesOf(schema);
  if (types.length === 0) return 'any';
  if (types.length === 1 && types[0] === 'array' && schema.items) return `list of ${typeLabel(schema.items)}`;
  const label = types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
  return schema.minimum !== undefined ? `${label} >= ${schema.minimum}` : label;
}

export function describeArguments(schema: ArgSchema): ArgumentDescription[] {
  const required = new Set(schema.required ?? []);
  const named = Object.entries(schema.properties ?? {}).map(([name, arg]) => ({
    name,
    type: typeLabel(arg),
    required: required.has(name),
    ...(arg.description !== undefined ? { description: arg.description } : {}),
  }));
  if (schema.additionalProperties === false) return named;
  const any = { name: '*', type: 'any', required: false, description: schema.description ?? 'any arguments' };
  return [...named, any];
}

export function describeNamedChecks(): NamedCheckDescription[] {
  return Object.entries(NAMED_CHECKS)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, entry]) => ({
      name,
      description: entry.description,
      arguments: describeArguments(entry.args),
      schema: entry.args,
    }));
}

const argumentWords = (a: ArgumentDescription): string =>
  `${a.required ? 'required ' : ''}${a.type}${a.description ? ` — ${a.description}` : ''}`;

/** The plain-text list `scim-check list --checks` prints. */
export function namedChecksText(): string {
  const checks = describeNamedChecks();
  const lines: string[] = [];
  for (const check of checks) {
    lines.push(`${check.name}  ${check.description}`);
    const width = Math.max(0, ...check.arguments.map((a) => a.name.length));
    for (const a of check.arguments) lines.push(`    with.${a.name.padEnd(width)}  ${argumentWords(a)}`);
  }
  lines.push(`${checks.length} named checks (an expectation \`check: NAME\`, arguments under \`with:\`)`);
  return `${lines.join('\n')}\n`;
}

export const TABLE_START = '<!-- named-checks:start (generated from src/checks/registry.ts by npm run docs:checks) -->';
export const TABLE_END = '<!-- named-checks:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The Markdown table of docs/suite-format.md, markers included. */
export function namedChecksMarkdown(): string {
  const rows = describeNamedChecks().map((check) => {
    const args = check.arguments.map((a) => `\`${a.name}\` (${argumentWords(a)})`).join('<br>') || '—';
    return `| \`${check.name}\` | ${cell(check.description)} | ${cell(args)} |`;
  });
  return [TABLE_START, '| check | what it checks | `with:` arguments |', '|---|---|---|', ...rows, TABLE_END].join(
    '\n',
  );
}

/** `document` with the text between the markers replaced by the current table; unchanged without markers. */
export function replaceNamedChecksTable(document: string): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) return document;
  return `${document.slice(0, start)}${namedChecksMarkdown()}${document.slice(end + TABLE_END.length)}`;
}
