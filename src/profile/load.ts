// Loads an attribute profile (bundled name or YAML file), validates it against
// schemas/profile.schema.json and resolves `extends`. Every problem is one UsageError
// line pointing into the file (file:line:col), so nothing runs with a broken profile.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Document, Node } from 'yaml';
import type { ValidateFunction } from 'ajv';
import { UsageError } from '../errors.js';
import type { SourcePosition } from '../model/position.js';
import { PROFILES_DIR, SCHEMAS_DIR } from '../util/paths.js';
import { loadYaml } from '../util/yaml.js';
import { parseYamlInput } from '../util/yaml-input.js';
import { getAjv, readSchemaFile, toIssues } from '../schema/validator.js';
import { prebuiltProfile, prebuiltScimValidators } from '../prebuilt/artefacts.js';
import { parseProfilePath } from './attribute-resolver.js';
import type {
  AttributeFormat,
  AttributeProfile,
  FormatRule,
  MandatoryRule,
  OptionalAttribute,
  PreferredLanguageRule,
} from './types.js';
import type { Severity } from '../model/severity.js';

/** The YAML shape, as written (before defaults and `extends`). */
interface ProfileDoc {
  name: string;
  description?: string;
  extends?: string;
  mandatory?: { attribute: string; anyOf?: string[]; label: string; ref?: string; severity?: Severity }[];
  optional?: OptionalAttribute[];
  formats?: { attribute: string; format: AttributeFormat; severity?: Severity; ref?: string }[];
  preferredLanguage?: PreferredLanguageRule;
}

interface ParsedFile {
  file: string;
  doc: Document;
  lineCounter: import('yaml').LineCounter;
  data: ProfileDoc;
}

export interface ProfileSummary {
  name: string;
  description?: string;
  file: string;
}

/** A bundled profile name (`eptura`) or a path to a YAML file. */
export function loadProfile(nameOrFile: string): AttributeProfile {
  if (!looksLikePath(nameOrFile)) {
    const prebuilt = prebuiltProfile(nameOrFile);
    if (prebuilt) return prebuilt;
  }
  return loadFile(profileFileFor(nameOrFile), []);
}

/** The bundled profiles, sorted by name. */
export function listProfiles(): ProfileSummary[] {
  return readdirSync(PROFILES_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => {
      const profile = loadProfile(path.join(PROFILES_DIR, f));
      return { name: profile.name, description: profile.description, file: profile.file };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function looksLikePath(nameOrFile: string): boolean {
  return /[\\/]/.test(nameOrFile) || /\.ya?ml$/i.test(nameOrFile);
}

function profileFileFor(nameOrFile: string, baseDir = process.cwd()): string {
  if (looksLikePath(nameOrFile)) return path.resolve(baseDir, nameOrFile);
  const bundled = path.join(PROFILES_DIR, `${nameOrFile}.yaml`);
  if (existsSync(bundled)) return bundled;
  const known = readdirSync(PROFILES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5));
  throw new UsageError(
    `unknown profile "${nameOrFile}" (bundled: ${known.sort().join(', ')}; or give a .yaml file path)`,
  );
}

/** `namedAt`: where the `extends` that names this file is, for an error reading it. */
function loadFile(file: string, chain: string[], namedAt?: SourcePosition): AttributeProfile {
  const parsed = parseProfileFile(file, namedAt);
  const own = toProfile(parsed);
  if (!parsed.data.extends) return own;
  const at = positionAt(parsed, ['extends']);
  let parentFile: string;
  try {
    parentFile = profileFileFor(parsed.data.extends, path.dirname(file));
  } catch (error) {
    throw new UsageError((error as UsageError).message, at);
  }
  if (parentFile === file || chain.includes(parentFile)) {
    throw new UsageError(`profile "${own.name}" extends itself through "${parsed.data.extends}"`, at);
  }
  const parent = loadFile(parentFile, [...chain, file], at);
  return mergeProfiles(parent, own);
}

function parseProfileFile(file: string, namedAt?: SourcePosition): ParsedFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot read profile ${file} (${reason})`, namedAt);
  }
  const { doc, lineCounter, data } = parseYamlInput(text, file);
  const parsed = { file, doc, lineCounter, data: data as ProfileDoc };
  validateShape(parsed, data);
  validatePaths(parsed);
  return parsed;
}

let profileValidator: ValidateFunction | undefined;

function validateShape(parsed: ParsedFile, data: unknown): void {
  profileValidator ??=
    prebuiltScimValidators()?.profile ??
    getAjv().compile(readSchemaFile(path.join(SCHEMAS_DIR, 'profile.schema.json')));
  if (profileValidator(data)) return;
  const issue = toIssues(profileValidator.errors ?? [])[0] ?? {
    path: '',
    message: 'does not match the profile schema',
  };
  const segments = pointerSegments(issue.path);
  throw new UsageError(`${dotted(segments) || 'profile'}: ${issue.message}`, positionAt(parsed, segments));
}

/** Every attribute path must parse now, not when the first User is checked. */
function validatePaths(parsed: ParsedFile): void {
  const { data } = parsed;
  const paths: (string | number)[][] = [];
  for (const section of ['mandatory', 'optional', 'formats'] as const) {
    (data[section] ?? []).forEach((entry, i) => {
      paths.push([section, i, 'attribute']);
      const alternatives = (entry as { anyOf?: string[] }).anyOf ?? [];
      alternatives.forEach((_alt, j) => paths.push([section, i, 'anyOf', j]));
    });
  }
  for (const segments of paths) {
    const text = parsed.doc.getIn(segments) as string;
    try {
      parseProfilePath(text);
    } catch (error) {
      throw new UsageError(`${dotted(segments)}: ${(error as Error).message}`, positionAt(parsed, segments));
    }
  }
}

function toProfile(parsed: ParsedFile): AttributeProfile {
  const { data, file } = parsed;
  return {
    name: data.name,
    ...(data.description !== undefined ? { description: data.description } : {}),
    file,
    extendsChain: [],
    mandatory: (data.mandatory ?? []).map((m): MandatoryRule => ({ ...m, severity: m.severity ?? 'must' })),
    optional: data.optional ?? [],
    formats: (data.formats ?? []).map((f): FormatRule => ({ ...f, severity: f.severity ?? 'must' })),
    ...(data.preferredLanguage !== undefined ? { preferredLanguage: data.preferredLanguage } : {}),
  };
}

/** The child's entries replace the parent's entries with the same attribute (or label). */
function mergeProfiles(parent: AttributeProfile, child: AttributeProfile): AttributeProfile {
  return {
    ...child,
    extendsChain: [parent.name, ...parent.extendsChain],
    mandatory: mergeEntries(parent.mandatory, child.mandatory),
    optional: mergeEntries(parent.optional, child.optional),
    formats: mergeEntries(parent.formats, child.formats),
    ...((child.preferredLanguage ?? parent.preferredLanguage)
      ? { preferredLanguage: { ...parent.preferredLanguage, ...child.preferredLanguage } }
      : {}),
  };
}

function mergeEntries<T extends { attribute: string; label?: string }>(parent: T[], child: T[]): T[] {
  const same = (a: T, b: T): boolean =>
    a.attribute.toLowerCase() === b.attribute.toLowerCase() ||
    (a.label !== undefined && a.label.toLowerCase() === b.label?.toLowerCase());
  const used = new Set<T>();
  const merged = parent.map((p) => {
    const replacement = child.find((c) => same(p, c));
    if (!replacement) return p;
    used.add(replacement);
    return replacement;
  });
  return [...merged.filter((e, i) => merged.indexOf(e) === i), ...child.filter((c) => !used.has(c))];
}

function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `mandatory[0].label`; a key that is not a plain name is quoted: `[" "]`. */
function dotted(segments: (string | number)[]): string {
  return segments
    .map((s, i) =>
      typeof s === 'number' ? `[${s}]` : !/^[\w$-]+$/.test(s) ? `[${JSON.stringify(s)}]` : i === 0 ? s : `.${s}`,
    )
    .join('');
}

/** Position of the deepest existing node on the path (a missing member points at its parent). */
function positionAt(parsed: ParsedFile, segments: (string | number)[]): SourcePosition {
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = (depth === 0 ? parsed.doc.contents : parsed.doc.getIn(segments.slice(0, depth), true)) as
      Node | null | undefined;
    const offset = node?.range?.[0] ?? keyOffset(parsed, segments.slice(0, depth));
    if (offset !== undefined) {
      const { line, col } = parsed.lineCounter.linePos(offset);
      return { file: parsed.file, line, col };
    }
  }
  return { file: parsed.file, line: 1, col: 1 };
}

/** For `key:` with no value, the key itself. */
function keyOffset(parsed: ParsedFile, segments: (string | number)[]): number | undefined {
  if (segments.length === 0) return undefined;
  const parent = segments.length === 1 ? parsed.doc.contents : parsed.doc.getIn(segments.slice(0, -1), true);
  if (!loadYaml().isMap(parent)) return undefined;
  const last = segments[segments.length - 1];
  const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === last);
  return (pair?.key as Node | undefined)?.range?.[0];
}
