// Table test over fixtures/mapping: every case folder lists the finding codes it must
// produce; nothing must-level beyond them may appear. Codes are asserted, never prose.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../util/paths.js';
import { RULES } from './codes.js';
import { validateMapping } from './validate-mapping.js';
import type { LanguageFormat } from './types.js';

interface Expected {
  description: string;
  codes: string[];
  mapping: string;
  appSchema?: string;
  userSchema?: string;
  samples?: string;
  profile?: string;
  usernameFormat?: string;
  languageFormat?: LanguageFormat;
}

const ROOT = path.join(PACKAGE_ROOT, 'fixtures', 'mapping');
const caseDirs = [
  ...readdirSync(path.join(ROOT, 'cases'))
    .filter((d) => !d.startsWith('_'))
    .map((d) => path.join(ROOT, 'cases', d)),
  path.join(ROOT, 'example-eptura'),
];

function load(dir: string): Expected {
  return JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
}

async function run(dir: string, exp: Expected) {
  const rel = (f?: string) => (f ? path.join(dir, f) : undefined);
  return validateMapping({
    mappingFile: path.join(dir, exp.mapping),
    appSchemaFile: rel(exp.appSchema),
    userSchemaFile: rel(exp.userSchema),
    samplesFile: rel(exp.samples),
    profile: exp.profile ?? 'okta-minimum',
    usernameFormat: exp.usernameFormat,
    languageFormat: exp.languageFormat,
  });
}

const produced = new Set<string>();

describe('fixtures/mapping cases', () => {
  test.each(caseDirs.map((d) => [path.relative(ROOT, d), d]))('%s', async (_name, dir) => {
    const exp = load(dir);
    expect(existsSync(path.join(dir, exp.mapping))).toBe(true);
    const res = await run(dir, exp);
    const codes = new Set(res.findings.map((f) => f.code));
    codes.forEach((c) => produced.add(c));
    const missing = exp.codes.filter((c) => !codes.has(c));
    const unexpectedMust = [
      ...new Set(res.findings.filter((f) => f.severity === 'must' && !exp.codes.includes(f.code)).map((f) => f.code)),
    ];
    expect({ missing, unexpectedMust }).toEqual({ missing: [], unexpectedMust: [] });
    for (const f of res.findings) expect(f.severity).toBe(RULES[f.code as keyof typeof RULES].severity);
  });

  test('together the cases produce every rule code of the catalogue', () => {
    const notCovered = Object.keys(RULES).filter((c) => !produced.has(c));
    expect(notCovered).toEqual([]);
  });
});
