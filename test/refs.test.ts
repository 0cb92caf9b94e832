// Every `ref` a report can print resolves to something a reader can open: an RFC section, a
// public URL, or a section of a document in this repository (docs/okta-behavior.md for the
// behaviour codes A-5, G-10, SPEC R6, S9, M3…). Covers the bundled suites, the runner's own
// checks, the declared-schema findings, the audit and mapping rules, and the links in docs/.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { resolveSuites } from '../src/suite/discover.js';
import { FINDINGS } from '../src/schema/declared/findings.js';
import { RULES } from '../src/mapping/codes.js';
import { AUDIT_RULES } from '../src/audit/rules.js';
import { anchorsOf, refTargets, BEHAVIOR_DOC } from '../src/report/ref-targets.js';

const root = path.join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const anchors = anchorsOf(read(BEHAVIOR_DOC));

/** GitHub's heading slugs plus explicit anchors. */
function sectionsOf(file: string): Set<string> {
  const text = read(file);
  const slugs = [...text.matchAll(/^#+\s+(.+)$/gm)].map((m) =>
    m[1]
      .trim()
      .toLowerCase()
      .replace(/[^\w\s-]/g, '')
      .replace(/\s/g, '-'),
  );
  return new Set([...slugs, ...anchorsOf(text)]);
}
const documentExists = (file: string, anchor?: string) =>
  existsSync(path.join(root, file)) && (anchor === undefined || sectionsOf(file).has(anchor));

function problemsOf(refs: [string, string][]): string[] {
  return refs.flatMap(([where, ref]) =>
    refTargets(ref, anchors, documentExists).problems.map((p) => `${where}: "${ref}": ${p}`),
  );
}

describe('every ref resolves', () => {
  it('in the bundled suites', () => {
    const refs: [string, string][] = resolveSuites(['tag:okta', 'tag:rfc'], {}).flatMap((s) =>
      s.tests.flatMap((t) =>
        t.steps.flatMap((st) =>
          (st.expect ?? [])
            .filter((e) => e.ref !== undefined)
            .map((e): [string, string] => [`${s.name} ${e.code ?? st.id}`, e.ref!]),
        ),
      ),
    );
    expect(refs.length).toBeGreaterThan(300);
    expect(problemsOf(refs)).toEqual([]);
  });

  it('in the findings and rules scim-check reports in code', () => {
    const fromTables = [FINDINGS, RULES, AUDIT_RULES].flatMap((table) =>
      Object.entries(table as Record<string, { ref?: string }>)
        .filter(([, info]) => typeof info === 'object' && info.ref)
        .map(([code, info]): [string, string] => [code, info.ref!]),
    );
    // refs written as literals where the runner builds a check itself (paging, the profile check)
    const literals = ['src/runner/paginate.ts', 'src/runner/assert-step.ts'].flatMap((file) =>
      [...read(file).matchAll(/ref: [`'"]([^`'"]+)[`'"]/g)].map((m): [string, string] => [
        file,
        m[1].replace(/\$\{[^}]+\}/g, 'X'),
      ]),
    );
    expect(fromTables.length).toBeGreaterThan(20);
    expect(problemsOf([...fromTables, ...literals])).toEqual([]);
  });

  it('in the links of docs/ and README.md to repository documents', () => {
    const files = [
      'README.md',
      ...readdirSync(path.join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    // markdown links to a section of a document, relative to the linking file
    const broken = files.flatMap((file) =>
      [...read(file).matchAll(/\]\(([^)#\s]+\.md)#([\w-]+)\)/g)]
        .filter(
          (m) =>
            !/^https?:/.test(m[1]) &&
            !documentExists(path.relative(root, path.resolve(root, path.dirname(file), m[1])), m[2]),
        )
        .map((m) => `${file}: ${m[1]}#${m[2]}`),
    );
    expect(broken).toEqual([]);
  });

  it('names an RFC for every §, and a section here for every behaviour code', () => {
    expect(refTargets('RFC 7644 §3.3, §3.12 (B-9)', anchors).links).toEqual([
      'https://www.rfc-editor.org/rfc/rfc7644',
      'https://www.rfc-editor.org/rfc/rfc7644#section-3.3',
      'https://www.rfc-editor.org/rfc/rfc7644#section-3.12',
      'docs/okta-behavior.md#b-9',
    ]);
    expect(refTargets('okta-scim-behavior §2.2', anchors).problems).toEqual([
      'names a document this repository does not ship (okta-scim-behavior)',
      '§2.2 names no RFC',
    ]);
    expect(refTargets('Okta (Z-9)', anchors).problems).toEqual(['Z-9 has no section in docs/okta-behavior.md']);
    expect(refTargets('setup', anchors).problems).toHaveLength(1);
  });
});
