// Baselines on a real run (the reference server with a quirk, real HTTP): a baselined
// failure is known and does not fail the run, fails again after expiry, entries that
// match nothing are stale, --update-baseline writes a file that round-trips, and a
// malformed baseline is one UsageError line with file:line:col.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSuitesAt } from '../../test/helpers/run-suite.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../server/index.js';
import { UsageError } from '../errors.js';
import { applyBaseline, loadBaseline, type BaselineEntry } from './baseline.js';
import { applyBaselineFlags, preloadBaseline } from '../cli/baseline-flags.js';
import type { CheckResult, RunResult } from '../model/run-result.js';

// A suite of our own (create, read, list one user) and a quirk that makes it fail one
// must-level check: echo-password returns the password, which /Schemas declares returned:never.
const PROBE = path.join(import.meta.dirname, '..', 'schema', 'declared', 'testdata', 'declared-probe.yaml');
const SUITE = 'declared-probe';
const CODE = 'DECLARED_RETURNED_NEVER';
const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-baseline-'));
let failingRun: RunResult;

beforeAll(async () => {
  const server = await startServer({ port: 0, quirks: ['echo-password'] });
  try {
    failingRun = await runSuitesAt(server, [PROBE]);
  } finally {
    await server.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (): RunResult => structuredClone(failingRun);
const checks = (r: RunResult): CheckResult[] =>
  r.suites.flatMap((s) => s.tests.flatMap((t) => t.steps.flatMap((st) => st.checks)));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const accept = (extra: Partial<BaselineEntry> = {}): BaselineEntry => ({
  suite: SUITE,
  code: CODE,
  reason: 'the password column is dropped next release',
  ...extra,
});

describe('baselines', () => {
  it('the run without a baseline fails on the deviation', () => {
    const r = fresh();
    expect(
      checks(r)
        .filter((c) => !c.passed)
        .map((c) => c.code),
    ).toEqual([CODE, CODE, CODE]);
    expect(r.summary.mustFailures).toBe(3);
  });

  it('a baselined failure is reported as known, with its reason, and no longer fails the run', () => {
    const r = fresh();
    applyBaseline(r, [accept()], '2026-01-01');
    const known = checks(r).filter((c) => c.code === CODE);
    expect(known.map((c) => [c.passed, c.baselined?.reason])).toEqual([
      [false, 'the password column is dropped next release'],
      [false, 'the password column is dropped next release'],
      [false, 'the password column is dropped next release'],
    ]);
    expect(r.summary).toMatchObject({ mustFailures: 0, baselined: 3 });
    expect(r.suites[0].tests[0].steps.map((st) => st.status)).toEqual(['passed', 'passed', 'passed']);
    expect(r.notices).toEqual([]);
  });

  it('an entry for another suite does not accept the failure', () => {
    const r = fresh();
    applyBaseline(r, [accept({ suite: 'okta/spec' })], '2026-01-01');
    expect(r.summary.mustFailures).toBe(3);
    expect(r.notices.map((n) => n.code)).toEqual(['BASELINE_STALE']);
  });

  it('after its expiry date the deviation fails the run again, with a notice saying so', () => {
    const r = fresh();
    applyBaseline(r, [accept({ expires: '2026-03-31' })], '2026-04-01');
    expect(r.summary.mustFailures).toBe(3);
    expect(checks(r).some((c) => c.baselined)).toBe(false);
    expect(r.notices.map((n) => n.code)).toContain('BASELINE_EXPIRED');
    const stillValid = fresh();
    applyBaseline(stillValid, [accept({ expires: '2026-03-31' })], '2026-03-31');
    expect(stillValid.summary.mustFailures).toBe(0);
  });

  it('an entry whose check now passes, or no longer exists, is reported as stale', () => {
    const r = fresh();
    applyBaseline(
      r,
      [
        accept(),
        { suite: SUITE, code: 'create.status', reason: 'passes now' },
        { code: 'GONE_CHECK', reason: 'removed check' },
      ],
      '2026-01-01',
    );
    const stale = r.notices.filter((n) => n.code === 'BASELINE_STALE').map((n) => n.message);
    expect(stale).toHaveLength(2);
    expect(stale[0]).toContain(`${SUITE}:create.status`);
    expect(stale[1]).toContain('GONE_CHECK');
    expect(r.summary.mustFailures).toBe(0);
  });

  it('--update-baseline writes the must failures, keeps existing reasons and expiry, and the file round-trips', async () => {
    const file = write(
      'update.yaml',
      `entries:\n  - suite: ${SUITE}\n    code: ${CODE}\n    reason: kept reason\n    expires: 2099-12-31\n`,
    );
    const flags = { updateBaseline: file };
    await applyBaselineFlags(fresh(), flags, preloadBaseline(flags));
    expect(loadBaseline(file)).toEqual([{ suite: SUITE, code: CODE, reason: 'kept reason', expires: '2099-12-31' }]);

    const newFile = path.join(dir, 'sub', 'new.yaml');
    const r = fresh();
    await applyBaselineFlags(r, { updateBaseline: newFile }, preloadBaseline({ updateBaseline: newFile }));
    expect(r.notices.map((n) => n.code)).toEqual(['BASELINE_WRITTEN']);
    const written = loadBaseline(newFile);
    expect(written).toEqual([
      { suite: SUITE, code: CODE, reason: expect.stringMatching(/^TODO: why is this accepted\?/) },
    ]);
    expect(readFileSync(newFile, 'utf8')).toMatch(/^# scim-check baseline/);

    const again = fresh();
    await applyBaselineFlags(again, { baseline: newFile }, preloadBaseline({ baseline: newFile }));
    expect(again.summary.mustFailures).toBe(0);
    expect(again.notices).toEqual([]);
  });

  describe('a malformed baseline is a UsageError at file:line:col', () => {
    const oneLine = (text: string, name: string) => {
      const file = write(name, text);
      try {
        loadBaseline(file);
      } catch (err) {
        if (err instanceof UsageError) return err.oneLine().replace(`${dir}${path.sep}`, '');
        throw err;
      }
      throw new Error('expected a UsageError');
    };

    it('YAML syntax', () => {
      expect(oneLine('entries:\n  - code: [A\n', 'syntax.yaml')).toMatch(/^syntax\.yaml:\d+:\d+: /);
    });
    it('no entries list', () => {
      expect(oneLine('accepted: []\n', 'shape.yaml')).toMatch(/^shape\.yaml:1:1: .*"entries"/);
    });
    it('an entry without a reason points at that entry', () => {
      expect(oneLine(`entries:\n  - code: A\n    reason: ok\n  - code: B\n`, 'reason.yaml')).toBe(
        'reason.yaml:4:5: baseline entry 2 (B) needs a "reason": say why the deviation is accepted',
      );
    });
    it('an expiry that is not a date', () => {
      expect(oneLine(`entries:\n  - code: A\n    reason: ok\n    expires: next year\n`, 'expires.yaml')).toBe(
        'expires.yaml:2:5: baseline entry 1 (A): "expires" must be a date YYYY-MM-DD',
      );
    });
    it('a missing file names the flag', () => {
      expect(() => loadBaseline(path.join(dir, 'none.yaml'))).toThrow(
        /--baseline .*none\.yaml: cannot read \(ENOENT\)/,
      );
    });
  });
});
