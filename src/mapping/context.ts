// Shared state of one validation: the inputs, each expression parsed once, and a helper
// that turns a rule code into a finding with its catalogue severity.
import { levenshtein } from '../util/did-you-mean.js';
import type { SourcePosition } from '../model/position.js';
import { RULES, type RuleCode } from './codes.js';
import { analyze, type Analysis } from './el/infer.js';
import { parseExpression } from './el/parser.js';
import type { ParseOutcome } from './el/types.js';
import { parseExternalName, type NameSegment } from './scim/external-name.js';
import type {
  AppAttribute,
  AppSchemaModel,
  LanguageFormat,
  MappingEntry,
  MappingModel,
  UserSchemaModel,
} from './types.js';
import type { MappingFinding } from '../model/mapping-result.js';

/** Where an app attribute lands in the SCIM User, when its externalName parses. */
export interface ScimTarget {
  namespace?: string;
  segments: NameSegment[];
  /** First and last attribute names: `emails` / `value`, `name` / `givenName`, `preferredLanguage`. */
  top: string;
  leaf: string;
}

export interface ParsedEntry {
  entry: MappingEntry;
  parse: ParseOutcome;
  analysis?: Analysis;
  attr?: AppAttribute;
  scim?: ScimTarget;
}

export interface RuleContext {
  mapping: MappingModel;
  app: AppSchemaModel;
  user: UserSchemaModel;
  entries: ParsedEntry[];
  usernameFormat: string;
  languageFormat: LanguageFormat;
  /** Position of character `offset` of an entry's expression. */
  exprPos(entry: MappingEntry, offset?: number): SourcePosition;
}

export function scimTargetOf(attr: AppAttribute | undefined): ScimTarget | undefined {
  if (!attr?.externalName) return undefined;
  const parsed = parseExternalName(attr.externalName);
  if (!parsed.ok) return undefined;
  const names = parsed.segments.filter((s): s is Extract<NameSegment, { kind: 'name' }> => s.kind === 'name');
  const top = names[0];
  const leaf = names.at(-1);
  if (!top || !leaf) return undefined;
  return { namespace: attr.externalNamespace, segments: parsed.segments, top: top.name, leaf: leaf.name };
}

export function buildContext(
  mapping: MappingModel,
  app: AppSchemaModel,
  user: UserSchemaModel,
  usernameFormat: string,
  languageFormat: LanguageFormat,
): RuleContext {
  const lookup = (name: string) => user.attributes.get(name);
  const entries = mapping.entries.map((entry): ParsedEntry => {
    const parse = parseExpression(entry.expression);
    const attr = app.attributes.get(entry.target);
    return {
      entry,
      parse,
      analysis: parse.ok ? analyze(parse.ast, lookup) : undefined,
      attr,
      scim: scimTargetOf(attr),
    };
  });
  return {
    mapping,
    app,
    user,
    entries,
    usernameFormat,
    languageFormat,
    exprPos: (entry, offset = 0) =>
      entry.expressionPath ? mapping.doc.posInString(entry.expressionPath, offset) : entry.position,
  };
}

export function finding(
  code: RuleCode,
  message: string,
  extra: Omit<MappingFinding, 'code' | 'severity' | 'message'> = {},
): MappingFinding {
  return { code, severity: RULES[code].severity, message, ...extra };
}

/** Closest candidates by case-insensitive match, prefix/abbreviation, or small edit distance. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: { c: string; score: number } | undefined;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    let score = levenshtein(lower, cl);
    if (cl === lower) score = 0;
    else if (isAbbreviation(lower, cl)) score = Math.min(score, 1.5);
    if (score <= Math.max(2, Math.floor(name.length / 3)) && (!best || score < best.score)) best = { c, score };
  }
  return best?.c;
}

/** `dept` -> `department`: same first letter, letters in order. */
function isAbbreviation(short: string, long: string): boolean {
  if (short.length < 3 || short[0] !== long[0] || short.length >= long.length) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}
