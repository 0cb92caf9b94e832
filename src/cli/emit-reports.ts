// Writes every requested report; console to stdout when nothing else is asked for.
// Reporter flags are parsed before anything is sent, so a typo costs no request.
import { checkReporterSpecs, parseReporterFlag, writeReports, type ReporterSpec } from '../report/index.js';
import type { RunResult } from '../model/run-result.js';
import { Redactor } from '../util/redact.js';
import { useColor } from './color.js';
import { verdictOf } from '../runner/verdict.js';
import { appendGithubSummary, withGithubDefault } from './github-summary.js';

export type { ReporterSpec };

export function parseReporters(flags: string[] | undefined): ReporterSpec[] {
  const specs = withGithubDefault(flags && flags.length ? flags : ['console']).map(parseReporterFlag);
  checkReporterSpecs(specs);
  return specs;
}

export async function emitReports(run: RunResult, specs: ReporterSpec[], secrets: string[], exchanges?: 'failures' | 'all'): Promise<void> {
  const redactor = new Redactor();
  for (const s of secrets) redactor.add(s);
  await writeReports(run, specs, { stdout: (s) => process.stdout.write(s), color: useColor(), exchanges }, redactor);
  if (specs.some((s) => s.name === 'github')) await appendGithubSummary(run, redactor);
  // When every report went to a file, the terminal still gets the verdict and where to look.
  if (specs.every((s) => s.file !== undefined)) {
    const where = specs.map((s) => `${s.name} report: ${s.file}`);
    process.stdout.write(redactor.text(`${[...where, verdictOf(run).line].join('\n')}\n`));
  }
}
