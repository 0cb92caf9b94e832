// The per-check tables of docs/okta-packs.md and docs/rfc-packs.md, generated from the suites
// (and the quirk proofs) so they cannot go stale: test/check-tables.test.ts regenerates them and
// compares; `npm run docs:checks` rewrites them.
import type { Expectation, SuiteSpec } from '../suite/types.js';
import type { AudienceSeverities } from '../model/audience.js';

export const TABLE_BEGIN = '<!-- generated:check-tables begin (npm run docs:checks) -->';
export const TABLE_END = '<!-- generated:check-tables end -->';

/** What a proof row says about a code: the quirks (or seeds/profiles) under which it fails or warns. */
export type ProofIndex = Map<string, string[]>;

interface Row {
  code: string;
  audience: AudienceSeverities;
  step: string;
  checks: string;
  ref: string;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const sev = (s: string | undefined) => s ?? '—';

function describe(exp: Expectation): string {
  if (exp.status !== undefined) return `status ${([] as number[]).concat(exp.status).join(' or ')}`;
  if (exp.schema !== undefined) return `schema ${exp.schema}`;
  if (exp.check !== undefined) return `check \`${exp.check}\``;
  if (exp.maxDurationMs !== undefined) return `< ${exp.maxDurationMs} ms`;
  const target = exp.header !== undefined ? `header ${exp.header}` : `\`${exp.path}\``;
  const matcher = (
    ['equals', 'notEquals', 'matches', 'exists', 'type', 'length', 'contains', 'lte', 'gte'] as const
  ).find((m) => exp[m] !== undefined);
  return matcher ? `${target} ${matcher} ${JSON.stringify(exp[matcher])}` : target;
}

function rowsOf(suite: SuiteSpec): Row[] {
  const rows = new Map<string, Row>();
  for (const test of suite.tests) {
    for (const step of test.steps) {
      for (const exp of step.expect ?? []) {
        if (!exp.code || rows.has(exp.code)) continue; // a code used by several steps is listed once
        rows.set(exp.code, {
          code: exp.code,
          audience: exp.audience ?? {},
          step: step.id,
          checks: describe(exp),
          ref: exp.ref ?? '',
        });
      }
    }
  }
  return [...rows.values()];
}

/** Counts of checks per audience and severity: `test-app must` → 12. */
export function countByAudience(suites: SuiteSpec[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const suite of suites) {
    for (const row of rowsOf(suite)) {
      for (const [audience, severity] of Object.entries(row.audience))
        counts[`${audience} ${severity}`] = (counts[`${audience} ${severity}`] ?? 0) + 1;
      if (Object.keys(row.audience).length === 0) counts['any'] = (counts['any'] ?? 0) + 1;
    }
  }
  return counts;
}

function summary(suites: SuiteSpec[]): string[] {
  const lines = [
    '| Pack | Checks | Test App must | Test App should | OIN must | OIN should | RFC must | RFC should |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const total: number[] = [0, 0, 0, 0, 0, 0, 0];
  for (const suite of suites) {
    const rows = rowsOf(suite);
    const n = (a: keyof AudienceSeverities, s: string) => rows.filter((r) => r.audience[a] === s).length;
    const values = [
      rows.length,
      n('test-app', 'must'),
      n('test-app', 'should'),
      n('oin', 'must'),
      n('oin', 'should'),
      n('rfc', 'must'),
      n('rfc', 'should'),
    ];
    values.forEach((v, i) => (total[i] = (total[i] ?? 0) + v));
    lines.push(`| ${suite.name} | ${values.join(' | ')} |`);
  }
  lines.push(`| **all** | ${total.map((v) => `**${v}**`).join(' | ')} |`);
  return lines;
}

/** The generated block: a summary by audience and severity, then one table per pack. */
export function renderCheckTables(suites: SuiteSpec[], proofs: ProofIndex): string {
  const lines = [TABLE_BEGIN, '', ...summary(suites), ''];
  for (const suite of suites) {
    lines.push(`### ${suite.name}`, '');
    if (suite.description) lines.push(cell(suite.description.trim()), '');
    lines.push(
      '| Code | Test App | OIN | RFC | Step | Checks | Reference | Proven by |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const row of rowsOf(suite)) {
      const proven = (proofs.get(row.code) ?? []).map((p) => `\`${p}\``).join(', ') || '—';
      lines.push(
        `| \`${row.code}\` | ${sev(row.audience['test-app'])} | ${sev(row.audience.oin)} | ${sev(row.audience.rfc)} | ${row.step} | ${cell(row.checks)} | ${cell(row.ref)} | ${cell(proven)} |`,
      );
    }
    lines.push('');
  }
  lines.push(TABLE_END);
  return lines.join('\n');
}

/** The document with its generated block replaced (the markers must be there already). */
export function replaceCheckTables(document: string, block: string): string {
  const start = document.indexOf(TABLE_BEGIN);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`the document has no ${TABLE_BEGIN} … ${TABLE_END} block`);
  return document.slice(0, start) + block + document.slice(end + TABLE_END.length);
}
