import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../util/paths.js';
import { validateMapping } from '../validate-mapping.js';
import { parsePositioned } from './positioned.js';
import { readMapping } from './read-mapping.js';
import { readSamples } from './read-samples.js';

const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-mapping-'));
function file(name: string, text: string): string {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
}
function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}
const SHARED_SCHEMA = path.join(PACKAGE_ROOT, 'fixtures/mapping/cases/_shared/app-schema.json');

describe('positions', () => {
  test('a column inside a JSON string accounts for escapes', () => {
    const text = '{\n  "p": {"expression": "\\"a\\" + \\u2018x"}\n}';
    const doc = parsePositioned(text, 'm.json');
    // decoded: `"a" + ‘x` - the curly quote is character 6; in the source it sits after two \" escapes
    const pos = doc.posInString(['p', 'expression'], 6);
    expect(pos).toEqual({ file: 'm.json', line: 2, col: text.split('\n')[1].indexOf('\\u2018') + 1 });
  });
  test('a plain YAML scalar maps one to one', () => {
    const doc = parsePositioned('attributes:\n  title: user.titel\n', 'm.yaml');
    expect(doc.posInString(['attributes', 'title'], 5)).toEqual({ file: 'm.yaml', line: 2, col: 15 });
  });
});

describe('unreadable or invalid input is one UsageError line with file:line:col', () => {
  test('broken JSON', () => {
    const f = file('broken.json', '{\n  "properties": {\n    "a": {"expression": "x",}\n');
    const e = usageError(() => readMapping(f));
    expect(e.position?.file).toBe(f);
    expect(e.position?.line).toBeGreaterThanOrEqual(3);
    expect(e.oneLine()).not.toContain('\n');
  });
  test('duplicate keys', () => {
    const f = file('dup.json', '{"properties": {"a": {"expression": "x"}, "a": {"expression": "y"}}}');
    expect(usageError(() => readMapping(f)).position).toMatchObject({ line: 1 });
  });
  test('missing file', () => {
    expect(usageError(() => readMapping(path.join(dir, 'nope.json'))).message).toContain('no such file');
  });
  test('an app-to-Okta mapping is refused with its position', () => {
    const f = file(
      'a2o.json',
      JSON.stringify({ source: { type: 'appuser' }, target: { type: 'user' }, properties: {} }, null, 2),
    );
    const e = usageError(() => readMapping(f));
    expect(e.message).toContain('app-to-Okta');
    expect(e.position?.line).toBe(3);
  });
  test('properties modelled as one object (M16) is refused', () => {
    const f = file('m16.json', JSON.stringify({ properties: { expression: 'user.firstName', pushStatus: 'PUSH' } }));
    expect(usageError(() => readMapping(f)).message).toContain('map keyed by target attribute');
  });
  test('a non-string expression points at it', () => {
    const f = file('num.json', '{"properties": {\n "title": {"expression": 12}}}');
    expect(usageError(() => readMapping(f)).position).toMatchObject({ line: 2, col: 26 });
  });
  test('an unknown document shape', () => {
    expect(usageError(() => readMapping(file('x.yaml', 'hello: 1\n'))).message).toContain('unrecognised mapping');
  });
  test('an app schema without definitions', async () => {
    const m = file('ok.yaml', 'attributes:\n  title: user.title\n');
    const s = file('bad-schema.json', '{"properties": {}}');
    await expect(validateMapping({ mappingFile: m, appSchemaFile: s, profile: 'okta-minimum' })).rejects.toThrow(
      /definitions.base/,
    );
  });
  test('no app schema and no inline externalName', async () => {
    const m = file('ok2.yaml', 'attributes:\n  title: user.title\n');
    await expect(validateMapping({ mappingFile: m, profile: 'okta-minimum' })).rejects.toBeInstanceOf(UsageError);
  });
  test('an unknown profile', async () => {
    const m = file('ok3.yaml', 'attributes:\n  title: user.title\n');
    await expect(
      validateMapping({ mappingFile: m, appSchemaFile: SHARED_SCHEMA, profile: 'no-such-profile' }),
    ).rejects.toBeInstanceOf(UsageError);
  });
});

describe('mapping forms', () => {
  test('compact form: string shorthand, push default PUSH, inline externalName acts as the app schema', async () => {
    const m = file(
      'compact.yaml',
      [
        'usernameFormat: user.email',
        'attributes:',
        '  givenName: {expression: user.firstName, externalName: name.givenName, externalNamespace: core}',
        '  familyName: {expression: user.lastName, externalName: name.familyName, externalNamespace: core}',
        "  email: {expression: user.email, externalName: 'emails.^[primary==true].value', externalNamespace: core}",
        '  dept: {expression: user.department, externalName: department, externalNamespace: enterprise}',
      ].join('\n'),
    );
    const model = readMapping(m);
    expect(model.format).toBe('compact-yaml');
    expect(model.entries.map((e) => e.pushStatus)).toEqual(['PUSH', 'PUSH', 'PUSH', 'PUSH']);
    const res = await validateMapping({ mappingFile: m, profile: 'okta-minimum' });
    expect(res.inputs.usernameFormat).toBe('user.email');
    expect(res.findings.filter((f) => f.severity === 'must')).toEqual([]);
  });
  test('samples: Okta user objects, bare profiles and {samples}', () => {
    const a = readSamples(
      file('s1.json', JSON.stringify([{ id: '00u1', status: 'ACTIVE', profile: { login: 'a@x.io' } }])),
    );
    expect(a[0]).toMatchObject({ name: 'a@x.io', id: '00u1', status: 'ACTIVE', profile: { login: 'a@x.io' } });
    const b = readSamples(file('s2.yaml', 'samples:\n  - firstName: B\n'));
    expect(b[0]).toMatchObject({ name: 'sample 1', profile: { firstName: 'B' }, position: { line: 2 } });
    const c = readSamples(file('s3.json', '{"login": "c@x.io"}'));
    expect(c.map((s) => s.name)).toEqual(['c@x.io']);
  });
});
