// --rerun-failed report.json: run again only the tests that failed or errored in an earlier
// JSON report, from the same suite files (fix, re-run the failures, repeat).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { SuiteSpec } from '../suite/types.js';

export interface FailedTests {
  /** Suite files, absolute, in report order. */
  files: string[];
  /** `absolute file#test id` of every failed or errored test. */
  keys: Set<string>;
}

interface ReportShape {
  format?: string;
  suites?: { file?: string; tests?: { id?: string; status?: string }[] }[];
}

export function readFailedTests(file: string): FailedTests {
  let report: ReportShape;
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as ReportShape;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'not JSON';
    throw new UsageError(`--rerun-failed ${file}: cannot read a JSON report (${reason})`);
  }
  if (report?.format !== 'scim-check-run/1' || !Array.isArray(report.suites)) {
    throw new UsageError(`--rerun-failed ${file}: not a scim-check run report (write one with --reporter json:FILE)`);
  }
  const files: string[] = [];
  const keys = new Set<string>();
  for (const suite of report.suites) {
    if (typeof suite.file !== 'string') continue;
    const abs = path.resolve(suite.file);
    for (const test of suite.tests ?? []) {
      if (test.status !== 'failed' && test.status !== 'errored') continue;
      keys.add(`${abs}#${test.id}`);
      if (!files.includes(abs)) files.push(abs);
    }
  }
  return { files, keys };
}

export function keepFailed(suites: SuiteSpec[], failed: FailedTests): SuiteSpec[] {
  return suites
    .map((suite) => ({
      ...suite,
      tests: suite.tests.filter((t) => failed.keys.has(`${path.resolve(suite.file)}#${t.id ?? t.name}`)),
    }))
    .filter((suite) => suite.tests.length > 0);
}
