// Baselines: known, accepted deviations. A baselined failure is reported as known
// and does not fail the run until its expiry date; an entry that no longer
// matches a failure is reported as stale so that it gets removed.
import { readFileSync } from 'node:fs';
import type { Document, LineCounter } from 'yaml';
import { loadYaml } from '../util/yaml.js';
import { parseYamlInput } from '../util/yaml-input.js';
import { UsageError } from '../errors.js';
import type { CheckResult, RunResult } from '../model/run-result.js';
import { summarize } from './summary.js';

export interface BaselineEntry {
  suite?: string;
  code: string;
  reason: string;
  expires?: string; // YYYY-MM-DD
}

export function loadBaseline(file: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--baseline ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { doc, lineCounter: lc, data } = parseYamlInput(text, file);
  const entries = (data as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries))
    throw new UsageError(`a baseline needs a top-level "entries" list`, { file, line: 1, col: 1 });
  return entries.map((raw, i) => validateEntry(raw, i, file, doc, lc));
}

function validateEntry(raw: unknown, i: number, file: string, doc: Document, lc: LineCounter): BaselineEntry {
  const node = doc.getIn(['entries', i], true) as { range?: [number, number, number] } | undefined;
  const pos = node?.range ? lc.linePos(node.range[0]) : { line: 1, col: 1 };
  const at = { file, line: pos.line, col: pos.col };
  const e = raw as Record<string, unknown>;
  if (!e || typeof e !== 'object') throw new UsageError(`baseline entry ${i + 1} must be a mapping`, at);
  if (typeof e.code !== 'string' || !e.code) throw new UsageError(`baseline entry ${i + 1} needs a "code"`, at);
  if (typeof e.reason !== 'string' || !e.reason.trim())
    throw new UsageError(`baseline entry ${i + 1} (${e.code}) needs a "reason": say why the deviation is accepted`, at);
  const expires = e.expires instanceof Date ? e.expires.toISOString().slice(0, 10) : e.expires;
  if (expires !== undefined && (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires))) {
    throw new UsageError(`baseline entry ${i + 1} (${e.code}): "expires" must be a date YYYY-MM-DD`, at);
  }
  return {
    code: e.code,
    reason: e.reason,
    suite: typeof e.suite === 'string' ? e.suite : undefined,
    expires: expires as string | undefined,
  };
}

export function applyBaseline(
  run: RunResult,
  entries: BaselineEntry[],
  today = new Date().toISOString().slice(0, 10),
): void {
  const used = new Set<BaselineEntry>();
  for (const suite of run.suites) {
    forEachFailure(run, suite.name, (check) => {
      const entry = entries.find((e) => e.code === check.code && (!e.suite || e.suite === suite.name));
      if (!entry) return;
      used.add(entry);
      if (entry.expires && entry.expires < today) {
        run.notices.push({
          level: 'error',
          code: 'BASELINE_EXPIRED',
          message: `baseline entry ${entry.code} expired on ${entry.expires}: the deviation fails the run again`,
        });
        return;
      }
      check.baselined = { reason: entry.reason, expires: entry.expires };
    });
  }
  for (const e of entries) {
    if (!used.has(e))
      run.notices.push({
        level: 'warning',
        code: 'BASELINE_STALE',
        message: `baseline entry ${e.suite ? e.suite + ':' : ''}${e.code} matched no failure (the check now passes or no longer exists): remove it`,
      });
  }
  run.summary = summarize(run.suites);
  recomputeStatuses(run);
}

function forEachFailure(run: RunResult, suiteName: string, fn: (c: CheckResult) => void): void {
  for (const suite of run.suites.filter((s) => s.name === suiteName)) {
    for (const t of suite.tests) for (const st of t.steps) for (const c of st.checks) if (!c.passed) fn(c);
  }
}

function recomputeStatuses(run: RunResult): void {
  for (const suite of run.suites) {
    for (const t of suite.tests) {
      for (const st of t.steps) {
        if (st.status !== 'failed') continue;
        const open = st.checks.filter((c) => !c.passed && !c.baselined);
        st.status = open.some((c) => c.severity === 'must') ? 'failed' : open.length ? 'warned' : 'passed';
      }
      if (t.status === 'failed' && !t.steps.some((s) => s.status === 'failed')) {
        t.status = t.steps.some((s) => s.status === 'errored')
          ? 'errored'
          : t.steps.some((s) => s.status === 'warned')
            ? 'warned'
            : 'passed';
      }
    }
  }
  run.summary = summarize(run.suites);
}

/** The current must-level failures as a baseline, keeping reasons already written. */
export function baselineFromRun(run: RunResult, previous: BaselineEntry[] = []): string {
  const entries: BaselineEntry[] = [];
  for (const suite of run.suites) {
    forEachFailure(run, suite.name, (c) => {
      if (c.severity !== 'must' || entries.some((e) => e.code === c.code && e.suite === suite.name)) return;
      const old = previous.find((e) => e.code === c.code && (!e.suite || e.suite === suite.name));
      entries.push({
        suite: suite.name,
        code: c.code,
        reason: old?.reason ?? `TODO: why is this accepted? (${c.title})`,
        ...(old?.expires ? { expires: old.expires } : {}),
      });
    });
  }
  return `# scim-check baseline: known deviations accepted by this project.\n# Each entry needs a reason; add "expires: YYYY-MM-DD" to make it fail again later.\n${loadYaml().stringify({ entries })}`;
}
