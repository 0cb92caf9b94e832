// Interop: the RFC and Okta packs against a SCIM server nobody on this team wrote
// (the npm packages scimmy + scimmy-routers behind express, test/interop/scimmy-server.ts),
// on loopback. Its real deviations are listed, with reasons, in scimmy.baseline.yaml.
// With that baseline the run must be green, every failure must be a listed one, and
// every listed one must really occur (no BASELINE_STALE): a new failure is either a
// new deviation of scimmy (add it, with the evidence) or a false alarm of ours (fix it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuitesAt } from '../helpers/run-suite.js';
import path from 'node:path';
import { startScimmyServer, type ScimmyServer } from './scimmy-server.js';
import { applyBaseline, loadBaseline } from '../../src/runner/baseline.js';
import type { RunResult } from '../../src/model/run-result.js';

const BASELINE = path.join(import.meta.dirname, 'scimmy.baseline.yaml');

// One fresh server per pack family, as a user would point each at a clean tenant.
const FAMILIES = [['tag:rfc'], ['tag:okta']];
const servers: ScimmyServer[] = [];
const runs: RunResult[] = [];

async function runFamily(selectors: string[]): Promise<RunResult> {
  const server = await startScimmyServer();
  servers.push(server);
  const result = await runSuitesAt(server, selectors);
  const names = new Set(result.suites.map((s) => s.name));
  applyBaseline(
    result,
    loadBaseline(BASELINE).filter((e) => !e.suite || names.has(e.suite)),
  );
  return result;
}

beforeAll(async () => {
  for (const family of FAMILIES) runs.push(await runFamily(family));
}, 180_000);

afterAll(async () => {
  for (const s of servers) await s.close();
});

const failures = () =>
  runs
    .flatMap((r) => r.suites)
    .flatMap((s) =>
      s.tests.flatMap((t) =>
        t.steps.flatMap((st) =>
          st.checks.filter((c) => !c.passed).map((c) => ({ suite: s.name, step: `${t.id}/${st.id}`, ...c })),
        ),
      ),
    );

describe('interop: scimmy + scimmy-routers (third-party SCIM server) with its baseline', () => {
  it('ran the RFC and Okta packs, and the server published /Schemas that we validated against', () => {
    expect(runs[0].suites.map((s) => s.name).filter((n) => !n.startsWith('rfc/'))).toEqual([]);
    expect(runs[0].suites.length).toBeGreaterThan(0);
    expect(runs[1].suites.map((s) => s.name)).toContain('okta/test-credentials');
    for (const r of runs) expect(r.notices.filter((n) => n.code.startsWith('DECLARED_SCHEMAS'))).toEqual([]);
  });

  it('is green (exit 0): no must failure outside the baseline, no errored step', () => {
    const errored = runs
      .flatMap((r) => r.suites)
      .flatMap((s) =>
        s.tests.flatMap((t) =>
          t.steps
            .filter((st) => st.status === 'errored')
            .map((st) => `${s.name} ${t.id}/${st.id}: ${st.error?.message}`),
        ),
      );
    expect(errored).toEqual([]);
    expect(runs.map((r) => r.summary.mustFailures)).toEqual([0, 0]);
  });

  it('every failure, must or should, is a deviation listed in the baseline', () => {
    const open = failures()
      .filter((c) => !c.baselined)
      .map(
        (c) =>
          `${c.suite} ${c.step} ${c.severity} ${c.code}: ${c.title} (expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)})`,
      );
    expect(open).toEqual([]);
  });

  it('every baselined deviation really occurs (no stale or expired entry)', () => {
    expect(runs.flatMap((r) => r.notices).filter((n) => n.code.startsWith('BASELINE_'))).toEqual([]);
    const entries = loadBaseline(BASELINE);
    const seen = new Set(
      failures()
        .filter((c) => c.baselined)
        .map((c) => `${c.suite}:${c.code}`),
    );
    expect(entries.map((e) => `${e.suite}:${e.code}`).filter((k) => !seen.has(k))).toEqual([]);
  });

  it('cleaned up after itself: the third-party store holds nothing the run created', () => {
    expect(runs.flatMap((r) => r.cleanup).filter((c) => c.status === 'failed')).toEqual([]);
    expect(
      servers
        .flatMap((server) => [...server.users.values(), ...server.groups.values()])
        .map((r) => r.userName ?? r.displayName),
    ).toEqual([]);
  });
});
