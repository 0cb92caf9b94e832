// Reporter registry, the --reporter flag, and writing reports to files or stdout.
import type { RunResult } from '../model/run-result.js';
import type { Redactor } from '../util/redact.js';
import { renderConsole } from './console.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderHar } from './har.js';
import { renderRunHtml } from './html.js';
import { renderGithubAnnotations } from './github.js';
import { repoRelative } from '../util/repo-root.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { writeReportFile } from './report-file.js';
import { checkReporterSpecs, parseReporterSpec, type ReporterFlag } from './reporter-flag.js';

export type { Reporter, ReporterOptions } from './reporter.js';

/** Add a reporter here and `--reporter <name>` accepts it. */
export const REPORTERS = {
  console: renderConsole,
  json: renderJson,
  junit: renderJunit,
  har: renderHar,
  html: renderRunHtml,
  github: (run) => renderGithubAnnotations(run, { relative: (f) => repoRelative(f) }),
} satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;

export type ReporterSpec = ReporterFlag<ReporterName>;

export interface ReportIo {
  stdout: (text: string) => void;
  /** Colour for stdout output; files never get ANSI codes. */
  color: boolean;
  exchanges?: ReporterOptions['exchanges'];
}

/** `console`, `junit:reports/scim.xml`, `json:-` (stdout). */
export function parseReporterFlag(spec: string): ReporterSpec {
  return parseReporterSpec(spec, Object.keys(REPORTERS) as ReporterName[]);
}

export { checkReporterSpecs };

/**
 * Render every report first (so a failure cannot leave half the outputs written),
 * then write files atomically and print the stdout one. `redactor` is a second
 * line of defence: results are already redacted when they are built.
 */
export async function writeReports(
  run: RunResult,
  specs: readonly ReporterSpec[],
  io: ReportIo,
  redactor?: Redactor,
): Promise<void> {
  checkReporterSpecs(specs);
  const outputs = specs.map((spec) => {
    const color = spec.file === undefined && io.color;
    const text = REPORTERS[spec.name](run, { color, exchanges: io.exchanges });
    return { spec, text: redactor ? redactor.text(text) : text };
  });
  for (const { spec, text } of outputs) {
    if (spec.file !== undefined) await writeReportFile({ name: spec.name, file: spec.file }, text);
  }
  for (const { spec, text } of outputs) if (spec.file === undefined) io.stdout(text);
}
