// One implementation per idea (issue 11): ideas that once had two or more copies in src
// have one home now. Each test names the home and fails when a second copy comes back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { sourceFiles } from './helpers/source-files.js';

const SRC = path.join(ROOT, 'src');

const files = sourceFiles(SRC).map((file) => ({
  file: path.relative(ROOT, file).split(path.sep).join('/'),
  text: readFileSync(file, 'utf8'),
}));

/** Files of src whose text matches `pattern`. */
const filesMatching = (pattern: RegExp): string[] => files.filter((f) => pattern.test(f.text)).map((f) => f.file);

/**
 * Named helpers `(v: unknown) => typeof v === 'object' && ... !Array.isArray(v)`: a function or
 * const taking one unknown, whose next lines test for a plain object.
 */
export function objectCheckHelpers(text: string): number {
  const lines = text.split('\n');
  let count = 0;
  lines.forEach((line, i) => {
    if (!/(?:function\s+\w+\s*|const\s+\w+\s*=\s*)\(\s*\w+\s*:\s*unknown\s*\)/.test(line)) return;
    const body = lines.slice(i, i + 3).join(' ');
    if (/===\s*'object'/.test(body) && /Array\.isArray/.test(body)) count++;
  });
  return count;
}

/** Builds a finding of a resource against the server's /Schemas: a SERVER_SCHEMA_* code or its message. */
export const SERVER_SCHEMA_CHECK =
  /code:\s*'SERVER_SCHEMA_|is required by the server's|is not declared in the server's/;
/** Decides what a value of a declared SCIM type looks like: a dateTime case, key or comparison. */
export const DECLARED_TYPE_TEST = /case\s+'date[tT]ime'|\bdate[tT]ime\s*:\s*\{|===\s*'date[tT]ime'/;

/** A private scan of an object's keys for one that matches a name ignoring case. */
export const CASE_INSENSITIVE_KEY_SCAN =
  /Object\.keys\([^)]*\)\s*\.(?:find|some)\(\(?\w+\)?\s*=>\s*\w+\.toLowerCase\(\)\s*===/;

describe('one implementation per idea', () => {
  it('"is a JSON object" is decided in src/util/object.ts only', () => {
    const helpers = files.filter((f) => objectCheckHelpers(f.text) > 0).map((f) => f.file);
    expect(helpers).toEqual(['src/util/object.ts']);
  });

  it('the object-check detector finds a private copy (the check can fail)', () => {
    const copy = [
      "const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);",
      'function isObject(v: unknown): v is Json {',
      "  return typeof v === 'object' && v !== null && !Array.isArray(v);",
      '}',
    ].join('\n');
    expect(objectCheckHelpers(copy)).toBe(2);
  });

  it('every Ajv is made by createAjv (src/schema/ajv.ts)', () => {
    expect(filesMatching(/new\s+(?:\(\s*loadAjv\(\)\.Ajv\s*\)|Ajv\d*)\s*\(/)).toEqual(['src/schema/ajv.ts']);
    expect(filesMatching(/lazyRequire<typeof import\('ajv'\)>/)).toEqual(['src/schema/ajv.ts']);
  });

  it('one edit distance (src/util/did-you-mean.ts)', () => {
    expect(filesMatching(/function\s+levenshtein\b/)).toEqual(['src/util/did-you-mean.ts']);
  });

  it('one way to shorten a YAML error to its reason (src/util/yaml.ts)', () => {
    expect(filesMatching(/at line \\d\+, column/)).toEqual(['src/util/yaml.ts']);
  });

  it('the run prefix is made in src/suite/run-info.ts only', () => {
    expect(filesMatching(/['`]scimcheck-(?:['`]|\$\{)/)).toEqual(['src/suite/run-info.ts']);
  });

  it('--schemas is read once per command, by the command, before any request', () => {
    const readers = filesMatching(/readDeclaredSchemasFile\(/).filter((f) => !f.startsWith('src/schema/declared/'));
    expect(readers).toEqual(['src/cli/audit-and-report.ts', 'src/cli/run-and-report.ts']);
  });

  it("one check of a resource against the server's /Schemas (src/schema/declared), for audit, provision and run", () => {
    expect(filesMatching(SERVER_SCHEMA_CHECK)).toEqual(['src/schema/declared/resource-conformance.ts']);
    // run's JSON Schemas and the resource check take the types from one table
    expect(filesMatching(DECLARED_TYPE_TEST)).toEqual(['src/schema/declared/value-types.ts']);
  });

  it('profiles and the declared check read attributes case-insensitively through src/scim/attribute-path.ts', () => {
    // their former private copies were named these
    expect(filesMatching(/function\s+(?:getIgnoringCase|findValue)\b/)).toEqual([]);
    expect(filesMatching(/\bgetCi\(/)).toEqual(
      expect.arrayContaining(['src/profile/attribute-resolver.ts', 'src/schema/declared/resource-conformance.ts']),
    );
  });

  it("the /Schemas detectors find audit's former private checker (the check can fail)", () => {
    const copy = [
      'function hasType(value: unknown, type: string): boolean {',
      '  switch (type) {',
      "    case 'dateTime':",
      "      return typeof value === 'string' && !Number.isNaN(Date.parse(value));",
      '  }',
      '}',
      'problems.push({',
      "  code: 'SERVER_SCHEMA_REQUIRED_MISSING',",
      "  message: `${def.name} is required by the server's ${kind} schema`,",
      '});',
    ].join('\n');
    expect(SERVER_SCHEMA_CHECK.test(copy)).toBe(true);
    expect(DECLARED_TYPE_TEST.test(copy)).toBe(true);
    expect(
      SERVER_SCHEMA_CHECK.test(
        'SERVER_SCHEMA_UNDECLARED: { title: "Attribute not declared in the server\'s /Schemas" }',
      ),
    ).toBe(false);
  });

  it('one wording of JSON types in messages (src/util/value-words.ts)', () => {
    expect(filesMatching(/integer:\s*'an integer'/)).toEqual(['src/util/value-words.ts']);
  });

  it('one handling of SIGINT and SIGTERM, for every command (src/cli/signals.ts)', () => {
    expect(filesMatching(/process\.(?:on|once)\(\s*'SIG(?:INT|TERM)'/)).toEqual(['src/cli/signals.ts']);
    expect(filesMatching(/===\s*'SIGTERM'\s*\?\s*(?:143|EXIT)/)).toEqual(['src/cli/signals.ts']);
  });

  it('a key of a JSON object is looked up ignoring case by findKey/getCi (src/scim/attribute-path.ts) only', () => {
    expect(filesMatching(CASE_INSENSITIVE_KEY_SCAN)).toEqual([]);
    // the detector finds the copies it replaced (the check can fail)
    expect(CASE_INSENSITIVE_KEY_SCAN.test('Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase())')).toBe(
      true,
    );
    expect(CASE_INSENSITIVE_KEY_SCAN.test("Object.keys(user).some((k) => k.toLowerCase() === 'password')")).toBe(true);
  });

  it("one reading of Node's rawHeaders into pairs (src/record/capture.ts)", () => {
    expect(filesMatching(/rawHeaders\[/)).toEqual([]);
  });
});
