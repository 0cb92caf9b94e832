import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listProfiles, loadProfile } from './load.js';
import { UsageError } from '../errors.js';
import { PROFILES_DIR } from '../util/paths.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'scim-check-profile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The one line the CLI would print for this profile. */
function failureLine(nameOrFile: string): string {
  try {
    loadProfile(nameOrFile);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).oneLine();
  }
  throw new Error(`expected ${nameOrFile} to fail`);
}

describe('bundled profiles', () => {
  it('lists okta-minimum, eptura and eptura-engage', () => {
    const names = listProfiles().map((p) => p.name);
    expect(names).toEqual(['eptura', 'eptura-engage', 'okta-minimum']);
    for (const p of listProfiles()) expect(p.description).toBeTruthy();
  });

  it('okta-minimum requires userName, names, a primary/work email and active', () => {
    const profile = loadProfile('okta-minimum');
    expect(profile.file).toBe(path.join(PROFILES_DIR, 'okta-minimum.yaml'));
    expect(profile.mandatory.map((m) => m.attribute)).toEqual([
      'userName',
      'name.givenName',
      'name.familyName',
      'emails[primary eq true or type eq "work"].value',
      'active',
    ]);
    expect(profile.mandatory.every((m) => m.severity === 'must')).toBe(true);
    expect(profile.formats.find((f) => f.attribute === 'preferredLanguage')?.format).toBe('language');
  });

  it('eptura fixes preferredLanguage to ISO 639-1 and lists optional attributes', () => {
    const profile = loadProfile('eptura');
    expect(profile.formats.find((f) => f.attribute === 'preferredLanguage')?.format).toBe('iso639-1');
    expect(profile.optional.map((o) => o.label)).toEqual(
      expect.arrayContaining(['Middle Name(s)', 'Job Title', 'Employee Id']),
    );
    expect(profile.extendsChain).toEqual([]);
  });

  it('eptura-engage extends eptura, adds externalId and replaces the email rule', () => {
    const profile = loadProfile('eptura-engage');
    expect(profile.extendsChain).toEqual(['eptura']);
    const attributes = profile.mandatory.map((m) => m.attribute);
    expect(attributes).toEqual([
      'userName',
      'name.givenName',
      'name.familyName',
      'emails[primary eq true].value',
      'externalId',
    ]);
    expect(profile.formats).toEqual(loadProfile('eptura').formats);
  });

  it('rejects an unknown bundled name and lists the known ones', () => {
    expect(failureLine('eptra')).toMatch(/unknown profile "eptra" \(bundled: eptura, eptura-engage, okta-minimum/);
  });
});

describe('profile files', () => {
  it('loads a file that extends a bundled profile and one that extends by relative path', () => {
    const base = write('base.yaml', 'name: base\nmandatory:\n  - attribute: userName\n    label: Login\n');
    const child = write(
      'child.yaml',
      'name: child\nextends: ./base.yaml\nmandatory:\n  - attribute: title\n    label: Title\n    severity: should\n',
    );
    expect(loadProfile(base).mandatory).toHaveLength(1);
    const profile = loadProfile(child);
    expect(profile.extendsChain).toEqual(['base']);
    expect(profile.mandatory).toEqual([
      { attribute: 'userName', label: 'Login', severity: 'must' },
      { attribute: 'title', label: 'Title', severity: 'should' },
    ]);
    const onBundled = write('on-okta.yaml', 'name: on-okta\nextends: okta-minimum\n');
    expect(loadProfile(onBundled).mandatory).toHaveLength(5);
  });

  it.each([
    ['yaml syntax', 'name: x\nmandatory:\n  - attribute: userName\n   label: bad indent\n', /:4:\d+: /],
    [
      'unknown format',
      'name: x\nformats:\n  - attribute: preferredLanguage\n    format: iso-639-1\n',
      /:4:13: formats\[0\]\.format: must be equal to one of the allowed values: "language", "iso639-1"/,
    ],
    [
      'missing label',
      'name: x\nmandatory:\n  - attribute: userName\n',
      /:3:5: mandatory\[0\]\.label: must have required property 'label'/,
    ],
    [
      'unknown key',
      'name: x\nmandatory:\n  - attribute: userName\n    label: U\n    requierd: true\n',
      /:5:15: mandatory\[0\]\.requierd: unknown attribute "requierd"/,
    ],
    [
      'bad attribute path',
      'name: x\nmandatory:\n  - attribute: userName\n    label: U\n  - attribute: emails[type eq "work".value\n    label: E\n',
      /:5:16: mandatory\[1\]\.attribute: missing "\]"/,
    ],
    [
      'bad anyOf path',
      'name: x\nmandatory:\n  - attribute: userName\n    label: U\n    anyOf:\n      - a.b.c\n',
      /:6:9: mandatory\[0\]\.anyOf\[0\]: too many levels/,
    ],
    ['unknown extends', 'name: x\nextends: okta-minimun\n', /:2:10: unknown profile "okta-minimun"/],
    ['not a mapping', '- just\n- a list\n', /:1:1: profile: must be object/],
  ])('%s -> file:line:col', (_what, text, expected) => {
    const file = write('bad.yaml', text);
    const line = failureLine(file);
    expect(line.startsWith(`${file}:`)).toBe(true);
    expect(line).toMatch(expected);
    expect(line).not.toContain('\n');
  });

  it('rejects a cycle of extends', () => {
    const a = write('a.yaml', 'name: a\nextends: ./b.yaml\n');
    write('b.yaml', 'name: b\nextends: ./a.yaml\n');
    expect(failureLine(a)).toMatch(/b\.yaml:2:10: profile "b" extends itself/);
  });

  it('reports an unreadable file without a stack trace', () => {
    expect(failureLine(path.join(dir, 'missing.yaml'))).toMatch(/cannot read profile .*missing\.yaml \(ENOENT\)/);
  });
});
