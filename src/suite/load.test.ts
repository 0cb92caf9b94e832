import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { loadSuiteFile, loadSuiteText } from './load.js';

/** The one-line diagnostic for a suite text, or 'LOADED'. */
function diagnose(text: string): string {
  try {
    loadSuiteText(text, 'suite.yaml');
    return 'LOADED';
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.oneLine();
  }
}

const oneTest = (steps: string) => `name: s\ntests:\n  - name: T\n    steps:\n${steps}`;
const GET_X = '        request: { method: GET, path: /x }\n';

describe('loadSuiteFile', () => {
  it('loads the minimal suite with every feature and fills positions', () => {
    const file = path.join('fixtures', 'suites', 'good', 'minimal.yaml');
    const suite = loadSuiteFile(path.join(PACKAGE_ROOT, file));
    expect(suite.name).toBe('fixtures/minimal');
    expect(suite.file).toBe(path.join(PACKAGE_ROOT, file));
    expect(suite.tests.map((t) => t.steps.map((s) => s.id))).toEqual([
      ['create-user', 'read-user', 'list-users'],
      ['no-auth'],
    ]);
    expect(suite.tests[0].position).toMatchObject({ line: 15, col: 5 });
    expect(suite.tests[0].steps[1].position).toMatchObject({ line: 74, col: 9 });
    expect(suite.tests[0].steps[0].capture).toEqual({ userId: 'id', location: 'header:Location' });
  });

  it('reports an unreadable file without a position', () => {
    expect(() => loadSuiteFile('no/such/suite.yaml')).toThrow('cannot read suite file no/such/suite.yaml: ENOENT');
  });

  it('uses the path as given in positions', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-load-'));
    const file = path.join(dir, 'x.yaml');
    writeFileSync(file, 'name: s\ntests: []\n');
    expect(() => loadSuiteFile(file)).toThrow(UsageError);
    try {
      loadSuiteFile(file);
    } catch (error) {
      expect((error as UsageError).oneLine()).toBe(`${file}:2:8: suite.tests must not be empty`);
    }
  });
});

describe('diagnostics', () => {
  it.each([
    ['YAML syntax', 'name: s\ntests:\n  - name: T\n    steps: [\n', /^suite\.yaml:5:1: invalid YAML: Flow sequence/],
    ['duplicate YAML key', 'name: s\nname: t\ntests: []\n', 'suite.yaml:2:1: invalid YAML: Map keys must be unique'],
    ['empty file', '', 'suite.yaml:1:1: the suite file is empty'],
    [
      'unknown top-level key',
      'name: s\ntest: []\n',
      'suite.yaml:2:1: unknown key "test" in the suite; did you mean "tests"?',
    ],
    [
      'missing required key',
      oneTest('      - id: a\n        name: hello\n'),
      'suite.yaml:5:9: step "a" is missing required key "request"',
    ],
    [
      'unknown key in a request',
      oneTest('      - id: a\n        request: { method: GET, path: /x, bdy: {} }\n'),
      'suite.yaml:6:43: unknown key "bdy" in request of step "a"; did you mean "body"?',
    ],
    [
      'wrong type',
      oneTest(`      - id: a\n${GET_X}        expect: [{ status: "ok" }]\n`),
      'suite.yaml:7:28: expectation.status must be an integer or a list, got "ok"',
    ],
    [
      'bad step id',
      oneTest(`      - id: 1a\n${GET_X}`),
      'suite.yaml:5:13: step.id "1a" must start with a letter and contain only letters, digits, "_" and "-"',
    ],
    [
      'capture name',
      oneTest(`      - id: a\n${GET_X}        capture: { user-id: id }\n`),
      'suite.yaml:7:20: capture name "user-id" in step "a" must contain only letters, digits and "_", and not start with a digit',
    ],
    [
      'expectation without a kind',
      oneTest(`      - id: a\n${GET_X}        expect:\n          - equals: 1\n`),
      'suite.yaml:8:13: expectation #1 of step "a" needs one of status, header, path, schema, check, maxDurationMs',
    ],
    [
      'typo beats the missing kind it causes',
      oneTest(`      - id: a\n${GET_X}        expect:\n          - stauts: 200\n`),
      'suite.yaml:8:13: unknown key "stauts" in expectation #1 of step "a"; did you mean "status"?',
    ],
    [
      'matcher on a status expectation',
      oneTest(`      - id: a\n${GET_X}        expect: [{ status: 200, equals: 1 }]\n`),
      'suite.yaml:7:33: "equals" in expectation #1 of step "a" only applies to header and path expectations',
    ],
    [
      'unknown schema name',
      oneTest(`      - id: a\n${GET_X}        expect: [{ schema: Usr }]\n`),
      'suite.yaml:7:28: expectation.schema must be one of User, EnterpriseUser, Group, ListResponse, Error, PatchOp, ServiceProviderConfig, ResourceType, Schema, got "Usr"; did you mean "User"?',
    ],
    [
      'body and rawBody together',
      oneTest('      - id: a\n        request: { method: POST, path: /x, body: {}, rawBody: "{" }\n'),
      'suite.yaml:6:54: request of step "a" has both "body" and "rawBody"; use one',
    ],
    [
      'needs a later step',
      oneTest(`      - id: a\n        needs: [b]\n${GET_X}      - id: b\n${GET_X}`),
      'suite.yaml:6:17: step "a" needs "b", which does not run before it; steps run in order',
    ],
    [
      'capture used before it is made',
      oneTest(
        `      - id: b\n        request: { method: GET, path: "/Users/\${{ userId }}" }\n      - id: c\n${GET_X}        capture: { userId: id }\n`,
      ),
      'suite.yaml:6:47: "${{ userId }}" uses "userId", which is only captured later (by step "c")',
    ],
    [
      'unknown template function',
      oneTest('      - id: a\n        request: { method: GET, path: "/x/${{ uuidd() }}" }\n'),
      'suite.yaml:6:43: template "${{ uuidd() }}": unknown function "uuidd"',
    ],
    [
      'bad body path',
      oneTest(`      - id: a\n${GET_X}        expect: [{ path: 'emails[type eq "x"', exists: true }]\n`),
      'suite.yaml:7:26: invalid body path "emails[type eq "x"": expected "]" at column 19',
    ],
    [
      'bad regular expression',
      oneTest(`      - id: a\n${GET_X}        expect: [{ header: ETag, matches: "(" }]\n`),
      /^suite\.yaml:7:43: expectation #1 of step "a": matches is not a valid regular expression/,
    ],
  ])('%s', (_name, text, expected) => {
    if (typeof expected === 'string') expect(diagnose(text)).toBe(expected);
    else expect(diagnose(text)).toMatch(expected);
  });

  it('accepts names from variables, earlier captures, own captures in creates, and run.*', () => {
    const text = [
      'name: s',
      'variables: { who: ada }',
      'tests:',
      '  - name: T',
      '    steps:',
      '      - id: a',
      '        request: { method: POST, path: "/Users", body: { userName: "${{ who }}-${{ run.prefix }}" } }',
      '        capture: { userId: id }',
      '        creates: { type: User, id: "${{ userId }}" }',
      '      - id: b',
      '        request: { method: GET, path: "/Users/${{ userId }}" }',
      '',
    ].join('\n');
    expect(diagnose(text)).toBe('LOADED');
  });
});

describe('bad suite fixtures', () => {
  const dir = path.join(PACKAGE_ROOT, 'fixtures', 'suites', 'bad');
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(5));

  it.each(cases)('%s', (name) => {
    const relative = path.join('fixtures', 'suites', 'bad', name);
    const expected = readFileSync(path.join(dir, name.replace(/\.yaml$/, '.err')), 'utf8').trim();
    let actual = 'LOADED';
    try {
      loadSuiteText(readFileSync(path.join(PACKAGE_ROOT, relative), 'utf8'), relative);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      actual = error.oneLine();
    }
    expect(actual).toBe(expected);
  });
});

describe('suite schema', () => {
  it('lists exactly the bundled SCIM schema names for `schema:` expectations', async () => {
    const { SCHEMA_NAMES } = await import('../schema/validator.js');
    const suiteSchema = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'schemas', 'suite.schema.json'), 'utf8'));
    expect([...suiteSchema.definitions.expectation.properties.schema.enum].sort()).toEqual([...SCHEMA_NAMES].sort());
  });
});
