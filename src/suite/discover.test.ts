import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { SUITES_DIR } from '../util/paths.js';
import { resolveSuites } from './discover.js';

function suiteText(name: string, tags: string[], tests: { name: string; id?: string; tags?: string[] }[]): string {
  const body = tests
    .map((t) =>
      [
        `  - name: ${t.name}`,
        t.id ? `    id: ${t.id}` : '',
        t.tags ? `    tags: [${t.tags.join(', ')}]` : '',
        '    steps:',
        '      - id: list',
        '        request: { method: GET, path: /Users }',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  return `name: ${name}\ntags: [${tags.join(', ')}]\ntests:\n${body}\n`;
}

let root: string;
let suitesDir: string;
let userDir: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'scim-check-discover-'));
  suitesDir = path.join(root, 'suites');
  userDir = path.join(root, 'mine');
  write(
    path.join(suitesDir, 'rfc', 'core.yaml'),
    suiteText('rfc7644-core', ['rfc', 'default'], [{ name: 'Lists users' }]),
  );
  write(
    path.join(suitesDir, 'okta', 'test-credentials.yaml'),
    suiteText('okta/test-credentials', ['okta', 'default'], [{ name: 'Reads users', id: 'read' }]),
  );
  write(
    path.join(suitesDir, 'okta', 'provisioning.yaml'),
    suiteText(
      'okta/provisioning',
      ['okta'],
      [{ name: 'Creates a user', tags: ['write'] }, { name: 'Deactivates a user' }],
    ),
  );
  write(path.join(userDir, 'b.yml'), suiteText('mine/b', [], [{ name: 'B test' }]));
  write(path.join(userDir, 'nested', 'a.yaml'), suiteText('mine/a', [], [{ name: 'A test' }]));
  write(path.join(userDir, 'notes.txt'), 'not a suite');
  write(path.join(root, 'bad', 'broken.yaml'), 'name: broken\ntests:\n  - name: T\n    stepz: []\n');
});

const names = (suites: { name: string }[]) => suites.map((s) => s.name);

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.oneLine();
    throw error;
  }
  return 'NO ERROR';
}

describe('resolveSuites', () => {
  it('selects the bundled suites tagged default, sorted by path, when given no arguments', () => {
    expect(names(resolveSuites([], { suitesDir }))).toEqual(['okta/test-credentials', 'rfc7644-core']);
  });

  it('finds bundled suites by name, relative path or short name', () => {
    expect(names(resolveSuites(['okta/provisioning'], { suitesDir }))).toEqual(['okta/provisioning']);
    expect(names(resolveSuites(['rfc/core'], { suitesDir }))).toEqual(['rfc7644-core']);
    expect(names(resolveSuites(['test-credentials', 'rfc7644-core'], { suitesDir }))).toEqual([
      'okta/test-credentials',
      'rfc7644-core',
    ]);
  });

  it('loads only the file a full name points at: a broken sibling stops name and tag selections, not that one', () => {
    const dir = path.join(root, 'with-broken');
    write(
      path.join(dir, 'okta', 'test-credentials.yaml'),
      suiteText('okta/test-credentials', ['okta'], [{ name: 'R' }]),
    );
    write(path.join(dir, 'okta', 'broken.yaml'), 'name: okta/broken\ntests:\n  - name: T\n    stepz: []\n');
    // a file whose suite carries another name is found by the full search, as before
    write(path.join(dir, 'rfc', 'core.yaml'), suiteText('rfc7644-core', ['rfc'], [{ name: 'L' }]));
    expect(names(resolveSuites(['okta/test-credentials'], { suitesDir: dir }))).toEqual(['okta/test-credentials']);
    expect(usageMessage(() => resolveSuites(['rfc/core'], { suitesDir: dir }))).toMatch(/broken\.yaml:4:5: /);
    expect(usageMessage(() => resolveSuites(['tag:okta'], { suitesDir: dir }))).toMatch(/broken\.yaml:4:5: /);
  });

  it('selects by tag and removes duplicates', () => {
    expect(names(resolveSuites(['tag:okta', 'okta/provisioning'], { suitesDir }))).toEqual([
      'okta/provisioning',
      'okta/test-credentials',
    ]);
    expect(names(resolveSuites(['tag:write'], { suitesDir }))).toEqual(['okta/provisioning']);
  });

  it('loads files and directories recursively in path order', () => {
    expect(names(resolveSuites([userDir], { suitesDir }))).toEqual(['mine/b', 'mine/a']);
    expect(names(resolveSuites([path.join(userDir, 'nested', 'a.yaml')], { suitesDir }))).toEqual(['mine/a']);
  });

  it('filters tests with --grep on name or id and drops empty suites', () => {
    const suites = resolveSuites(['tag:okta'], { suitesDir, grep: 'CREATES|^read$' });
    expect(suites.map((s) => [s.name, s.tests.map((t) => t.name)])).toEqual([
      ['okta/provisioning', ['Creates a user']],
      ['okta/test-credentials', ['Reads users']],
    ]);
  });

  it('filters tests by tag, counting the suite tags', () => {
    const suites = resolveSuites(['tag:okta', 'rfc/core'], { suitesDir, tags: ['write', 'rfc'] });
    expect(suites.map((s) => [s.name, s.tests.map((t) => t.name)])).toEqual([
      ['okta/provisioning', ['Creates a user']],
      ['rfc7644-core', ['Lists users']],
    ]);
  });

  it('reports unknown names with close matches', () => {
    expect(usageMessage(() => resolveSuites(['okta/test-credentails'], { suitesDir }))).toBe(
      'unknown suite "okta/test-credentails": not a file, directory or bundled suite; did you mean "okta/test-credentials"?',
    );
    expect(usageMessage(() => resolveSuites(['zzz'], { suitesDir }))).toMatch(
      /^unknown suite "zzz".*\(bundled suites: okta\/provisioning, /,
    );
    expect(usageMessage(() => resolveSuites(['tag:otka'], { suitesDir }))).toBe(
      'no bundled suite has tag "otka"; did you mean "tag:okta"? (tags: default, okta, rfc)',
    );
  });

  it('reports missing files, empty directories, invalid suites and empty selections', () => {
    expect(usageMessage(() => resolveSuites(['missing.yaml'], { suitesDir }))).toBe(
      'cannot read suite file missing.yaml: ENOENT',
    );
    mkdirSync(path.join(root, 'empty'), { recursive: true });
    expect(usageMessage(() => resolveSuites([path.join(root, 'empty')], { suitesDir }))).toMatch(/^no suite files/);
    expect(usageMessage(() => resolveSuites([path.join(root, 'bad')], { suitesDir }))).toMatch(
      /broken\.yaml:4:5: unknown key "stepz" in test "T"; did you mean "steps"\?$/,
    );
    expect(usageMessage(() => resolveSuites([], { suitesDir, grep: 'nothing-like-this' }))).toBe(
      'no tests match --grep "nothing-like-this"',
    );
    expect(usageMessage(() => resolveSuites([], { suitesDir, grep: '(' }))).toMatch(
      /^--grep: invalid regular expression/,
    );
  });
});

describe('bundled suites', () => {
  it('every suite under suites/ loads and validates, and names are unique', () => {
    const files = readdirSync(SUITES_DIR, { recursive: true })
      .map(String)
      .filter((f) => /\.ya?ml$/.test(f));
    if (files.length === 0) return; // the bundled suites are written by others; nothing to check yet
    const suites = resolveSuites([SUITES_DIR]); // throws the first invalid suite's file:line:col
    expect(suites).toHaveLength(files.length);
    expect(new Set(suites.map((s) => s.name)).size).toBe(suites.length);
  });
});
