// Runs a loader over mutated inputs and checks what the CLI would make of each outcome:
// it loads, or it fails the way the CLI turns into exit 2 with ONE stderr line naming
// file:line:col. Anything the CLI would call "a bug in scim-check" (exit 70) fails the case.
//
// Seeded, so a failure reproduces: fast-check prints the seed and the path of the failing
// case (its index, then the shrink steps). Replay or widen with
//   SCIM_CHECK_FUZZ_SEED=<seed> [SCIM_CHECK_FUZZ_PATH=<path>] [SCIM_CHECK_FUZZ_RUNS=<n>] npx vitest run test/fuzz
// SCIM_CHECK_FUZZ_DUMP=<file> appends every error message of the run to <file>: which checks the
// mutations reach (YAML syntax only, or the suite's own rules too).
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { failureOf } from '../../src/cli/failure.js';
import { ROOT } from '../helpers/cli.js';
import { arbMutation, mutate, type Mutation, type Seed } from './mutate.js';

/** Each fuzz test takes seconds on a quiet machine; this leaves room for a loaded CI runner. */
export const FUZZ_TIMEOUT_MS = 120_000;

/** The default seed: CI replays the same cases every time; set SCIM_CHECK_FUZZ_SEED to explore others. */
const DEFAULT_SEED = 20261130;

export function fuzzSettings(defaultRuns: number): { seed: number; numRuns: number; path?: string } {
  const env = process.env;
  const seed = env.SCIM_CHECK_FUZZ_SEED ? Number(env.SCIM_CHECK_FUZZ_SEED) : DEFAULT_SEED;
  if (!Number.isInteger(seed))
    throw new Error(`SCIM_CHECK_FUZZ_SEED must be an integer, got ${env.SCIM_CHECK_FUZZ_SEED}`);
  const numRuns = env.SCIM_CHECK_FUZZ_RUNS ? Number(env.SCIM_CHECK_FUZZ_RUNS) : defaultRuns;
  if (!Number.isInteger(numRuns) || numRuns < 1)
    throw new Error(`SCIM_CHECK_FUZZ_RUNS must be a positive integer, got ${env.SCIM_CHECK_FUZZ_RUNS}`);
  return { seed, numRuns, ...(env.SCIM_CHECK_FUZZ_PATH ? { path: env.SCIM_CHECK_FUZZ_PATH } : {}) };
}

/** Seed files: every file under `dir` (relative to the repository) whose name matches. */
export function seedsFrom(dir: string, match: RegExp): Seed[] {
  const out: Seed[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = path.join(d, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (match.test(entry.name)) out.push(seed(rel));
    }
  };
  walk(dir);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function seed(rel: string): Seed {
  return {
    name: rel,
    text: readFileSync(path.join(ROOT, rel), 'utf8'),
    format: rel.endsWith('.json') ? 'json' : 'yaml',
  };
}

/** What went wrong with one case, or undefined when its outcome is one the CLI handles. */
export function badOutcome(err: unknown, file: string, text: string): string | undefined {
  const failure = failureOf(err, false);
  if (failure.exitCode !== 2) {
    const stack = err instanceof Error ? err.stack : String(err);
    return `exit ${failure.exitCode} instead of 2:\n${failure.stderr}${stack}`;
  }
  const lines = failure.stderr.split('\n');
  if (lines.length !== 2 || lines[1] !== '') return `stderr is not one line:\n${failure.stderr}`;
  if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/.test(lines[0]!))
    return `control or invisible characters in the message:\n${JSON.stringify(lines[0])}`;
  const prefix = `scim-check: ${file}:`;
  if (!lines[0]!.startsWith(prefix)) return `the error does not name ${file}:line:col:\n${lines[0]}`;
  const m = /^(\d+):(\d+): \S/.exec(lines[0]!.slice(prefix.length));
  if (!m) return `the error does not name ${file}:line:col:\n${lines[0]}`;
  const line = Number(m[1]);
  const col = Number(m[2]);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  if (line < 1 || line > lineCount || col < 1)
    return `position ${line}:${col} is outside the file (${lineCount} lines):\n${lines[0]}`;
  return undefined;
}

export interface FuzzTarget {
  /** The file name written into every message (the loader is given this path). */
  file: string;
  seeds: Seed[];
  /** Load one case the way the CLI does; the text is already written to `file`. */
  load: (file: string, text: string) => unknown;
}

/** A fresh directory for this test file's cases. */
export function caseDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'scim-check-fuzz-'));
}

/** Checks the loader on numRuns mutated cases; throws with the seed, the case and its text on the first bad one. */
export async function fuzzLoader(target: FuzzTarget, defaultRuns: number): Promise<{ cases: number; loaded: number }> {
  const settings = fuzzSettings(defaultRuns);
  let loaded = 0;
  let cases = 0;
  const property = fc.asyncProperty(arbMutation(target.seeds.length), async (m: Mutation) => {
    const seedFile = target.seeds[m.seed]!;
    const text = mutate(seedFile, m);
    writeFileSync(target.file, text);
    cases++;
    try {
      await target.load(target.file, text);
      loaded++;
    } catch (err) {
      if (process.env.SCIM_CHECK_FUZZ_DUMP)
        appendFileSync(
          process.env.SCIM_CHECK_FUZZ_DUMP,
          `${String((err as Error).message)
            .replace(/\n/g, ' ')
            .slice(0, 160)}\n`,
        );
      const problem = badOutcome(err, target.file, text);
      if (problem) {
        const shown = text.length > 600 ? `${text.slice(0, 600)}… (${text.length} chars)` : text;
        throw new Error(`${problem}\n--- seed file ${seedFile.name}, mutated text:\n${JSON.stringify(shown)}`, {
          cause: err,
        });
      }
    }
  });
  await fc.assert(property, settings);
  return { cases, loaded };
}
