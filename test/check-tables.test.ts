// docs/okta-packs.md and docs/rfc-packs.md list every check with its audience, integration and
// severity; the lists are generated from the suites and the proofs (scripts/check-tables.mjs),
// and this test fails when a suite changed without `npm run docs:checks`.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NAMED_CHECKS } from '../src/checks/registry.js';
// @ts-expect-error: a plain ES module script without types
import { DOCS, expectedDocument, NAMED_CHECKS_DOC, expectedNamedChecksDocument } from '../scripts/check-tables.mjs';

const root = path.join(import.meta.dirname, '..');

describe('generated check tables', () => {
  for (const file of Object.keys(DOCS as Record<string, string>)) {
    it(`${file} lists every check of its packs as they are now`, () => {
      const current = readFileSync(path.join(root, file), 'utf8');
      expect(
        current === (expectedDocument as (f: string) => string)(file),
        `${file} is stale: run npm run docs:checks`,
      ).toBe(true);
    });
  }

  it('docs/rfc-packs.md names only named checks that exist', () => {
    const doc = readFileSync(path.join(root, 'docs', 'rfc-packs.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Named checks used by the packs'));
    const paragraph = section.slice(0, section.indexOf('Their `with:`'));
    const named = [...paragraph.matchAll(/`([a-z][a-z-]+)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((n) => !Object.prototype.hasOwnProperty.call(NAMED_CHECKS, n))).toEqual([]);
  });

  it(`${NAMED_CHECKS_DOC as string} lists every named check of the registry with its arguments`, () => {
    const current = readFileSync(path.join(root, NAMED_CHECKS_DOC as string), 'utf8');
    expect(current).toContain('<!-- named-checks:start');
    expect(
      current === (expectedNamedChecksDocument as () => string)(),
      `${NAMED_CHECKS_DOC as string} is stale: run npm run docs:checks`,
    ).toBe(true);
  });
});
