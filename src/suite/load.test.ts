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
    // what each step needs from earlier ones, listed once at load (the build does it for bundled suites)
    expect(suite.tests.map((t) => t.steps.map((st) => st.uses))).toEqual([
      [['userName', 'givenName', 'userId'], ['userId'], ['userName']],
      [[]],
    ]);
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

describe('loadSuiteText: a text loaded again in one process', () => {
  const text = oneTest('      - id: a\n' + GET_X);

  it('gives an equal copy that the caller may reshape without touching the next load', () => {
    const first = loadSuiteText(text, 'again.yaml');
    first.tests[0]!.steps[0]!.id = 'reshaped';
    first.tests.push(first.tests[0]!);
    const second = loadSuiteText(text, 'again.yaml');
    expect(second.tests.map((t) => t.steps.map((s) => s.id))).toEqual([['a']]);
    second.tests[0]!.steps[0]!.id = 'reshaped again';
    expect(loadSuiteText(text, 'again.yaml').tests.map((t) => t.steps.map((s) => s.id))).toEqual([['a']]);
  });

  it('parses a changed text anew, and reports a broken one every time', () => {
    expect(loadSuiteText(text.replace('id: a', 'id: b'), 'again.yaml').tests[0]!.steps[0]!.id).toBe('b');
    const broken = text.replace('method: GET', 'method: FETCH');
    expect(diagnoseAs(broken, 'again.yaml')).toMatch(/^again\.yaml:\d+:\d+: /);
    expect(diagnoseAs(broken, 'again.yaml')).toMatch(/^again\.yaml:\d+:\d+: /);
  });

  it('keeps positions naming the file as given by each caller', () => {
    loadSuiteText(text, 'one/again.yaml');
    expect(loadSuiteText(text, 'two/again.yaml').tests[0]!.position?.file).toBe('two/again.yaml');
  });
});

function diagnoseAs(text: string, file: string): string {
  try {
    loadSuiteText(text, file);
    return 'LOADED';
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.oneLine();
  }
}

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
      'a bound that can never be a number',
      oneTest(`      - id: a\n${GET_X}        expect: [{ path: totalResults, lte: many }]\n`),
      'suite.yaml:7:45: expectation #1 of step "a": lte must be a number (or a template giving one), got "many"',
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

  // A named check's `with:` against the arguments its registry entry declares (src/checks/registry.ts).
  const checkStep = (expectation: string) => oneTest(`      - id: a\n${GET_X}        expect: [${expectation}]\n`);
  const SEE = '; see scim-check list --checks';
  it.each([
    [
      'with argument of the wrong type',
      checkStep('{ check: list-within-count, with: { count: many } }'),
      `suite.yaml:7:61: expectation #1 of step "a", check "list-within-count": with.count must be an integer, got "many"${SEE}`,
    ],
    [
      'with argument below its minimum',
      checkStep('{ check: list-within-count, with: { count: -1 } }'),
      `suite.yaml:7:61: expectation #1 of step "a", check "list-within-count": with.count must be >= 0, got -1${SEE}`,
    ],
    [
      'misspelt with argument (before the missing one it causes)',
      checkStep('{ check: member-ids, with: { idz: [] } }'),
      `suite.yaml:7:47: expectation #1 of step "a", check "member-ids": unknown argument with.idz; did you mean "ids"? (arguments: ids)${SEE}`,
    ],
    [
      'required with argument missing',
      checkStep('{ check: member-ids, with: {} }'),
      `suite.yaml:7:45: expectation #1 of step "a", check "member-ids": with.ids is required (the member ids expected, in any order)${SEE}`,
    ],
    [
      'no with at all for a check that needs one',
      checkStep('{ check: member-ids }'),
      `suite.yaml:7:27: expectation #1 of step "a", check "member-ids": with.ids is required (the member ids expected, in any order)${SEE}`,
    ],
    [
      'a list item of the wrong type',
      checkStep('{ check: member-ids, with: { ids: [a, true] } }'),
      `suite.yaml:7:56: expectation #1 of step "a", check "member-ids": with.ids[1] must be a string or a number, got true${SEE}`,
    ],
    [
      'an argument for a check that takes none',
      checkStep('{ check: no-password, with: { strict: true } }'),
      `suite.yaml:7:48: expectation #1 of step "a", check "no-password": unknown argument with.strict (it takes no arguments)${SEE}`,
    ],
    [
      'an enum argument with a near miss',
      checkStep('{ check: sorted-by, with: { by: userName, order: Descending } }'),
      `suite.yaml:7:67: expectation #1 of step "a", check "sorted-by": with.order must be one of ascending, descending, got "Descending"; did you mean "descending"?${SEE}`,
    ],
    [
      'unknown schema name in each-resource-schema',
      checkStep('{ check: each-resource-schema, with: { schema: Usr } }'),
      `suite.yaml:7:65: expectation #1 of step "a", check "each-resource-schema": with.schema must be one of User, EnterpriseUser, Group, ListResponse, Error, PatchOp, ServiceProviderConfig, ResourceType, Schema, got "Usr"; did you mean "User"?${SEE}`,
    ],
    [
      'a body-path argument that cannot parse',
      checkStep("{ check: carries-values, with: { values: {}, at: 'Resources[0' } }"),
      `suite.yaml:7:67: expectation #1 of step "a", check "carries-values": with.at: invalid body path "Resources[0": expected "]" at column 12${SEE}`,
    ],
  ])('%s', (_name, text, expected) => expect(diagnose(text)).toBe(expected));

  it('accepts a template wherever an argument goes (its type is known once rendered)', () => {
    const text = [
      'name: s',
      'variables: { n: 2, who: [a, b], rt: { Resources: [] } }',
      'tests:',
      '  - name: T',
      '    steps:',
      '      - id: a',
      '        request: { method: GET, path: /Users }',
      '        expect:',
      '          - { check: list-within-count, with: { count: "${{ n }}" } }',
      '          - { check: member-ids, with: { ids: "${{ who }}" } }',
      '          - { check: result-ids, with: { ids: ["${{ n }}", "x-${{ n }}"] } }',
      '          - { check: each-resource-schema, with: { schema: "${{ who }}" } }',
      '          - { check: schemas-cover-resource-types, with: { resourceTypes: "${{ rt }}" } }',
      "          - { check: carries-values, with: { values: {}, at: 'Resources[${{ n }}]' } }",
      '',
    ].join('\n');
    expect(diagnose(text)).toBe('LOADED');
  });

  // Body paths with templates: checked with stand-ins for the templates (src/suite/static-body-path.ts).
  it.each([
    [
      'expect path that no rendering can fix',
      checkStep(`{ path: 'members[value eq "\${{ run.prefix }}"', exists: true }`),
      'suite.yaml:7:26: invalid body path "members[value eq "${{ run.prefix }}"" whatever its templates render to (tried each ${{ }} as \'x\', \'0\', \'"x"\'): expected "]"',
    ],
    [
      'capture path that no rendering can fix',
      oneTest(`      - id: a\n${GET_X}        capture: { v: 'Resources[\${{ run.prefix }}' }\n`),
      "suite.yaml:7:23: invalid body path \"Resources[${{ run.prefix }}\" whatever its templates render to (tried each ${{ }} as 'x', '0', '\"x\"'): expected operator but found end of filter",
    ],
    [
      'templated paths that can be valid',
      checkStep(
        `{ path: 'members[value eq "\${{ run.prefix }}"].value', exists: true }, { path: 'Resources[\${{ run.prefix }}].id', exists: true }, { path: '\${{ run.prefix }}', exists: true }`,
      ),
      'LOADED',
    ],
  ])('%s', (_name, text, expected) => expect(diagnose(text)).toBe(expected));

  // Step paths are relative to the base URL; the run knows the base URL, the suite does not.
  const ABSOLUTE =
    'is an absolute URL; write the path relative to the base URL (e.g. "/Users"), which --base-url or the target gives';
  it.each([
    [
      'absolute request path',
      oneTest('      - id: a\n        request: { method: GET, path: https://api.example.com/scim/v2/Users }\n'),
      `suite.yaml:6:39: step.request.path "https://api.example.com/scim/v2/Users" ${ABSOLUTE}`,
    ],
    [
      'protocol-relative request path',
      oneTest('      - id: a\n        request: { method: GET, path: //evil.example/Users }\n'),
      `suite.yaml:6:39: step "a": request.path "//evil.example/Users" ${ABSOLUTE}`,
    ],
    [
      'absolute clean-up path',
      oneTest(
        '      - id: a\n        request: { method: POST, path: /Users }\n        capture: { id: id }\n        creates: { type: User, id: "${{ id }}", cleanup: [{ method: DELETE, path: "http://x/Users/${{ id }}" }] }\n',
      ),
      `suite.yaml:8:83: step.creates.cleanup[0].path "http://x/Users/\${{ id }}" ${ABSOLUTE}`,
    ],
    [
      'a path that starts with a template is judged once rendered',
      oneTest('      - id: a\n        request: { method: GET, path: "${{ run.prefix }}" }\n'),
      'LOADED',
    ],
  ])('%s', (_name, text, expected) => expect(diagnose(text)).toBe(expected));

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
