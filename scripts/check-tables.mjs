// Rewrites the generated check tables of docs/okta-packs.md and docs/rfc-packs.md from the
// bundled suites and test/proofs/*.yaml, and the named-check table of docs/suite-format.md from
// the registry (src/checks/registry.ts). Run with `npm run docs:checks` (builds first).
// test/check-tables.test.ts fails when the documents are out of date.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { resolveSuites } from '../dist/suite/discover.js';
import { renderCheckTables, replaceCheckTables } from '../dist/audience/check-table.js';
import { replaceNamedChecksTable } from '../dist/checks/describe-checks.js';

const root = path.resolve(import.meta.dirname, '..');

/** code → the quirks (seeds, profiles, verdicts) of the proof rows where it fails or warns. */
export function proofIndex() {
  const index = new Map();
  const dir = path.join(root, 'test', 'proofs');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    for (const row of parse(readFileSync(path.join(dir, file), 'utf8')).proofs ?? []) {
      const quirks = row.quirk === undefined ? [] : [].concat(row.quirk);
      const label =
        [
          quirks.join('+'),
          row.seed ? `seed ${Object.keys(row.seed).join(',')}` : '',
          row.profile ? `profile ${row.profile}` : '',
        ]
          .filter(Boolean)
          .join(', ') || 'clean';
      for (const [codes, suffix] of [
        [row.fails ?? [], ''],
        [row.warns ?? [], ' (warns)'],
      ]) {
        for (const code of codes) {
          const list = index.get(code) ?? [];
          if (!list.includes(label + suffix)) list.push(label + suffix);
          index.set(code, list);
        }
      }
    }
  }
  return index;
}

export const DOCS = { 'docs/okta-packs.md': 'tag:okta', 'docs/rfc-packs.md': 'tag:rfc' };

export function expectedDocument(file) {
  const current = readFileSync(path.join(root, file), 'utf8');
  const suites = resolveSuites([DOCS[file]], {});
  return replaceCheckTables(current, renderCheckTables(suites, proofIndex()));
}

export const NAMED_CHECKS_DOC = 'docs/suite-format.md';

export function expectedNamedChecksDocument() {
  return replaceNamedChecksTable(readFileSync(path.join(root, NAMED_CHECKS_DOC), 'utf8'));
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  for (const file of Object.keys(DOCS)) {
    writeFileSync(path.join(root, file), expectedDocument(file));
    console.log(`updated ${file}`);
  }
  writeFileSync(path.join(root, NAMED_CHECKS_DOC), expectedNamedChecksDocument());
  console.log(`updated ${NAMED_CHECKS_DOC}`);
}
