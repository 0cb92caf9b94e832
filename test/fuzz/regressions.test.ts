// The minimal counterexamples the fuzz tests found, as plain unit tests: each one was exit 70
// ("a bug in scim-check"), a dead process or a message over several lines before its fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../src/cli/failure.js';
import { loadConfigText } from '../../src/config/load.js';
import { readMapping } from '../../src/mapping/input/read-mapping.js';
import { loadProfile } from '../../src/profile/load.js';
import { loadBaseline } from '../../src/runner/baseline.js';
import { loadSuiteText } from '../../src/suite/load.js';
import { readDeclaredSchemasFile } from '../../src/schema/declared/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-fuzz-regressions-'));

function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}

/** What the CLI prints and exits with when `load` throws. */
function cliOutcome(load: () => unknown): { exitCode: number; stderr: string } {
  try {
    load();
  } catch (err) {
    return failureOf(err, false);
  }
  return { exitCode: 0, stderr: '' };
}

/** Ten aliases per level, five levels: 10^5 nodes once expanded. */
const ALIAS_BOMB = [
  'b0: &b0 [x, x, x, x, x, x, x, x, x, x]',
  ...[1, 2, 3, 4].map(
    (i) =>
      `b${i}: &b${i} [${Array(10)
        .fill(`*b${i - 1}`)
        .join(', ')}]`,
  ),
  `b5: [${Array(10).fill('*b4').join(', ')}]`,
  '',
].join('\n');

const SUITE_HEAD = 'name: s\ntests:\n  - name: T\n    steps:\n      - id: a\n';

describe('fuzz counterexamples', () => {
  it('a list, a mapping or a tagged value as a key is exit 2 at the key, with no process warning on stderr (was a Node warning)', () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      for (const [text, at] of [
        ['name: s\n? [a, b]\n: c\ntests: []\n', 's.yaml:2:3'],
        ['name: s\n{ x: 1 }: c\ntests: []\n', 's.yaml:2:1'],
        ['name: s\nk: &k [a]\n? *k\n: c\ntests: []\n', 's.yaml:3:3'],
        ['name: s\n? !!binary aGVsbG8=\n: c\ntests: []\n', 's.yaml:2:12'],
      ] as const) {
        const out = cliOutcome(() => loadSuiteText(text, 's.yaml'));
        expect(out.exitCode).toBe(2);
        expect(out.stderr).toBe(
          `scim-check: ${at}: invalid YAML: a key must be a plain name, not a list, a mapping or a tagged value\n`,
        );
      }
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('a config file with an alias bomb is exit 2 naming file:line:col (was exit 70)', () => {
    const out = cliOutcome(() => loadConfigText(`${ALIAS_BOMB}profile: eptura\n`, 'scim-check.config.yaml'));
    expect(out).toEqual({
      exitCode: 2,
      stderr:
        'scim-check: scim-check.config.yaml:2:10: invalid YAML: Excessive alias count indicates a resource exhaustion attack\n',
    });
  });

  it('a mapping export with an alias bomb is exit 2 naming file:line:col (was exit 70)', () => {
    const f = file('bomb-mapping.yaml', `${ALIAS_BOMB}attributes: {}\n`);
    expect(cliOutcome(() => readMapping(f)).stderr).toBe(
      `scim-check: ${f}:2:10: invalid YAML: Excessive alias count indicates a resource exhaustion attack\n`,
    );
  });

  it('a baseline that is only an alias to no anchor ("*a") is exit 2 (was exit 70)', () => {
    const f = file('alias.baseline.yaml', '*a\n');
    expect(cliOutcome(() => loadBaseline(f))).toEqual({
      exitCode: 2,
      stderr: `scim-check: ${f}:1:1: invalid YAML: alias *a has no anchor before it\n`,
    });
  });

  it('a profile with an alias to no anchor is exit 2 (was exit 70)', () => {
    const f = file('alias-profile.yaml', 'name: p\ndescription: *nope\n');
    expect(cliOutcome(() => loadProfile(f)).stderr).toBe(
      `scim-check: ${f}:2:14: invalid YAML: alias *nope has no anchor before it\n`,
    );
  });

  it('a suite whose request body contains itself through an alias is exit 2 (was a stack overflow, exit 70)', () => {
    const text = `${SUITE_HEAD}        request: { method: POST, path: /x, body: &b { a: [*b] } }\n`;
    expect(cliOutcome(() => loadSuiteText(text, 'cycle.yaml')).stderr).toBe(
      'scim-check: cycle.yaml:6:59: invalid YAML: an alias points at a node that contains it (a cycle)\n',
    );
  });

  it('nesting 1,000 then 3,000 levels deep is refused before yaml composes it (once aborted the process)', () => {
    // yaml composes recursively: 1,000 levels overflowed the stack inside a regular expression,
    // and the next deep file then made V8 run out of memory and abort (no exit code at all).
    for (const depth of [1_000, 3_000]) {
      const text = `${SUITE_HEAD}        request: { method: POST, path: /x, body: ${'['.repeat(depth)}${']'.repeat(depth)} }\n`;
      expect(cliOutcome(() => loadSuiteText(text, 'deep.yaml')).stderr).toBe(
        'scim-check: deep.yaml:6:108: invalid YAML: nested deeper than 64 levels\n', // the 59th [ is the 65th level
      );
    }
  });

  it('an alias that nests data past the limit is refused at the alias', () => {
    const deep = (n: number, inner: string) => `${'['.repeat(n)}${inner}${']'.repeat(n)}`;
    const text = `${SUITE_HEAD}        request: { method: POST, path: /x, body: [&d ${deep(40, '1')}, ${deep(40, '*d')}] }\n`;
    expect(cliOutcome(() => loadSuiteText(text, 'alias-deep.yaml')).stderr).toMatch(
      /^scim-check: alias-deep\.yaml:6:\d+: invalid YAML: nested deeper than 64 levels once aliases are expanded\n$/,
    );
  });

  it('a config key with a line break stays one line, the break shown as \\r\\n (was two lines)', () => {
    const out = cliOutcome(() => loadConfigText('"\\r\\n": 1\n', 'scim-check.config.yaml'));
    expect(out.stderr).toBe('scim-check: scim-check.config.yaml:1:1: unknown key "\\r\\n" in config\n');
  });

  it('--schemas with an attribute whose subAttributes contain it is exit 2 (was a stack overflow, exit 70)', () => {
    const f = file(
      'cycle-schemas.yaml',
      'Schemas:\n  - id: urn:x\n    attributes: &a\n      - { name: n, subAttributes: *a }\n',
    );
    expect(cliOutcome(() => readDeclaredSchemasFile(f)).stderr).toBe(
      `scim-check: ${f}:4:35: invalid YAML: an alias points at a node that contains it (a cycle)\n`,
    );
  });

  it('a baseline without entries names its file once (was "file:1:1: file: a baseline needs ...")', () => {
    const f = file('no-entries.baseline.yaml', 'entries: 3\n');
    expect(cliOutcome(() => loadBaseline(f)).stderr).toBe(
      `scim-check: ${f}:1:1: a baseline needs a top-level "entries" list\n`,
    );
  });

  it('a profile that extends a file it cannot read points at its extends (was no position)', () => {
    const f = file('extends-dir.yaml', 'name: p\nextends: ./\n');
    expect(cliOutcome(() => loadProfile(f)).stderr).toBe(
      `scim-check: ${f}:2:10: cannot read profile ${dir} (EISDIR)\n`,
    );
  });

  it('a BOM, a zero-width space or a bidi override echoed from a profile key is shown as an escape', () => {
    const f = file('invisible-key.yaml', 'name: p\n"\\uFEFFx\\u202E": 1\n');
    expect(cliOutcome(() => loadProfile(f)).stderr).toMatch(
      /^scim-check: \S+:2:\d+: \["\\ufeffx\\u202e"\]: unknown attribute "\\ufeffx\\u202e"\n$/,
    );
  });

  it('a profile key that is only a space is quoted in the error (was "file:1:1:  : unknown attribute")', () => {
    const f = file('space-key.yaml', 'name: p\n" ": 1\n');
    expect(cliOutcome(() => loadProfile(f)).stderr).toBe(`scim-check: ${f}:2:6: [" "]: unknown attribute " "\n`);
  });
});
