// Proof that every check can fail: for each row of test/proofs/*.yaml, the named
// suite passes against the clean reference server and fails with exactly the
// listed check codes (at least those) when the quirk is switched on. Every explicit
// `code:` in the bundled packs must appear in some row, or be listed under
// `unprovable` with a reason and the test that covers it instead.
// A row with `warns` proves an acceptable variant instead: under the row's verdict (default
// Okta, catalogue Test App) the run has no must-level failure (it would exit 0), and each
// listed code still failed, reported as a warning.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runAgainstServer, failedCodes, allChecks, erroredSteps } from './run-suite.js';
import { resolveSuites } from '../../src/suite/discover.js';
import type { SeedOptions } from '../../src/server/index.js';
import type { VerdictChoice } from '../../src/model/audience.js';

interface Proof {
  suite: string;
  quirk?: string | string[];
  /** Data the server starts with (pre-existing users the run must leave alone). */
  seed?: SeedOptions;
  fails?: string[];
  /** --for / --okta of the row (default okta, test-app). */
  verdict?: VerdictChoice;
  profile?: string;
  /** An acceptable variant: no must-level failure with the quirk on (exit 0 under the default verdict)... */
  passes?: boolean;
  /** ...and these deviations still reported, as warnings. */
  warns?: string[];
  /** Test ids that must be skipped (not failed) because /ServiceProviderConfig or /ResourceTypes says a feature is unsupported. */
  skips?: string[];
}
interface ProofFile {
  proofs: Proof[];
  unprovable?: { code: string; reason: string }[];
  packs?: string[]; // suite selectors whose codes must all be proven
}

const dir = path.join(import.meta.dirname, '..', 'proofs');

/**
 * The rows are dealt round-robin to SHARDS test files (test/quirk-proofs/shard-N.test.ts), so
 * that vitest's workers run them side by side; a row added to any YAML lands in some shard.
 */
export const SHARDS = 4;

/** Declares the tests of one shard (1..SHARDS): every SHARDS-th row of every proof file. */
export function describeQuirkProofs(shard: number): void {
  if (shard === 1)
    it('every shard of the quirk proofs has its test file, so every row runs', () => {
      const shards = readdirSync(path.join(import.meta.dirname, '..', 'quirk-proofs')).filter((f) =>
        /^shard-\d+\.test\.ts$/.test(f),
      );
      expect(shards.sort()).toEqual(Array.from({ length: SHARDS }, (_, i) => `shard-${i + 1}.test.ts`).sort());
    });
  let n = 0;
  const mine = () => n++ % SHARDS === shard - 1;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  for (const file of files) {
    const data = parse(readFileSync(path.join(dir, file), 'utf8')) as ProofFile;
    // claim the rows before describe() runs its body, so the order of files decides the deal
    const suitesInFile = [...new Set(data.proofs.map((p) => p.suite))].filter(mine);
    const proofs = data.proofs.filter(mine);
    const packs = data.packs && mine() ? data.packs : undefined;
    if (suitesInFile.length + proofs.length === 0 && !packs) continue;
    describe(`quirk proofs: ${file}`, () => defineProofs(data, suitesInFile, proofs, packs));
  }
}

function defineProofs(data: ProofFile, suitesInFile: string[], proofs: Proof[], packs: string[] | undefined): void {
  for (const suite of suitesInFile) {
    it(`${suite} passes against the clean server and leaves pre-existing data unchanged`, async () => {
      const { run, snapshotBefore, snapshotAfter } = await runAgainstServer([suite], {
        seed: { users: 3, groups: 1 },
      });
      expect(erroredSteps(run)).toEqual([]);
      expect(failedCodes(run)).toEqual([]);
      expect(run.cleanup.filter((c) => c.status === 'failed')).toEqual([]);
      expect(snapshotAfter).toBe(snapshotBefore);
    });
  }

  for (const proof of proofs) {
    const quirks = proof.quirk === undefined ? [] : Array.isArray(proof.quirk) ? proof.quirk : [proof.quirk];
    const label = [
      quirks.length ? `quirk ${quirks.join('+')}` : '',
      proof.seed ? `seed ${JSON.stringify(proof.seed)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const fails = proof.fails ?? [];
    const verdictLabel = proof.verdict ? ` (--for ${proof.verdict.for.join(',')} --okta ${proof.verdict.okta})` : '';
    const outcome = proof.passes
      ? 'still passes'
      : proof.skips
        ? `skips ${proof.skips.join(', ')}`
        : proof.warns
          ? `passes${verdictLabel}, warning ${proof.warns.join(', ')}`
          : `fails ${fails.join(', ')}${verdictLabel}`;
    const rowLabel = [label, proof.profile ? `profile ${proof.profile}` : ''].filter(Boolean).join(', ');
    it(`${proof.suite} with ${rowLabel} ${outcome}`, async () => {
      const { run, snapshotBefore, snapshotAfter, waits } = await runAgainstServer([proof.suite], {
        quirks,
        profile: proof.profile,
        seed: proof.seed,
        verdict: proof.verdict,
      });
      // Quirks that keep or hide what the run created (no id returned, DELETE ignored) leave data behind by design.
      const leaves = ['hard-delete', 'put-creates', 'soft-delete', 'create-empty-body', 'groups-delete-unsupported'];
      if (!quirks.some((q) => leaves.some((l) => q.startsWith(l)))) expect(snapshotAfter).toBe(snapshotBefore);
      const failed = failedCodes(run);
      // a 429 with Retry-After: 1 (quirk rate-limit) is waited out for the 1000 ms it asks, on an
      // injected sleep (no real second passes); without the header nothing is waited for
      if (quirks.some((q) => q === 'rate-limit' || q.startsWith('rate-limit='))) {
        expect(waits.length, 'the 429s were waited out').toBeGreaterThan(0);
        expect(new Set(waits)).toEqual(new Set([1000]));
      } else expect(waits).toEqual([]);
      if (proof.passes) {
        const mustFailures = allChecks(run)
          .filter((c) => !c.passed && c.severity === 'must')
          .map((c) => c.code);
        expect(mustFailures).toEqual([]);
        expect(
          failed.filter((c) => !(proof.warns ?? []).includes(c)),
          'no warning beyond the listed ones',
        ).toEqual([]);
        for (const code of proof.warns ?? []) expect(failed, `expected ${code} to warn`).toContain(code);
      }
      for (const code of proof.fails ?? []) expect(failed, `expected ${code} to fail`).toContain(code);
      // the codes named must exist in the suite (a renamed check must not pass silently)
      const known = new Set(allChecks(run).map((c) => c.code));
      for (const code of [...fails, ...(proof.warns ?? [])])
        expect(known.has(code), `${code} is not a check of ${proof.suite}`).toBe(true);
      if (proof.verdict && fails.length > 0) {
        // under the row's own verdict the same deviation is a must-level failure
        const mustFailed = new Set(
          allChecks(run)
            .filter((c) => !c.passed && c.severity === 'must')
            .map((c) => c.code),
        );
        for (const code of fails) expect(mustFailed.has(code), `${code} fails at must under this verdict`).toBe(true);
      }
      if (proof.warns) {
        expect(erroredSteps(run)).toEqual([]);
        const mustFailed = allChecks(run)
          .filter((c) => !c.passed && c.severity === 'must')
          .map((c) => c.code);
        expect(mustFailed, 'no must-level failure under this verdict (exit 0)').toEqual([]);
        const warned = new Set(
          allChecks(run)
            .filter((c) => !c.passed && c.severity === 'should')
            .map((c) => c.code),
        );
        for (const code of proof.warns) expect(warned.has(code), `${code} is still reported, as a warning`).toBe(true);
      }
      if (proof.skips) {
        const tests = run.suites.flatMap((s) => s.tests);
        for (const id of proof.skips) {
          const test = tests.find((t) => t.id === id);
          expect(test?.status, `test ${id} is skipped`).toBe('skipped');
          expect(test?.skipReason).toMatch(/\/ServiceProviderConfig|\/ResourceTypes/);
        }
        if (fails.length === 0) expect(failed).toEqual([]);
      }
    });
  }

  if (packs) {
    it('every explicit check code of the packs is proven by a quirk or listed as unprovable', () => {
      const proven = new Set(data.proofs.flatMap((p) => [...(p.fails ?? []), ...(p.warns ?? [])]));
      const excused = new Set((data.unprovable ?? []).map((u) => u.code));
      const codes = resolveSuites(packs, {}).flatMap((s) =>
        [...(s.everyResponse ?? []), ...s.tests.flatMap((t) => t.steps.flatMap((st) => st.expect ?? []))]
          .map((e) => e.code)
          .filter((c): c is string => Boolean(c)),
      );
      const missing = [...new Set(codes)].filter((c) => !proven.has(c) && !excused.has(c));
      expect(missing).toEqual([]);
    });
  }
}
