// Provision reporters behind the shared --reporter flag: console, json (one document),
// junit, html. Every report is rendered from the same (masked, with --mask-pii) result
// and passes the redactor, so neither the token nor the placeholder password appears.
// Kept small and separate so it can move under the shared reporter model (issue 11).
import { checkReporterSpecs, parseReporterSpec, type ReporterFlag } from '../../report/reporter-flag.js';
import { writeReportFile } from '../../report/report-file.js';
import type { Redactor } from '../../util/redact.js';
import type { ProvisionResult } from '../types.js';
import { renderProvisionConsole } from './console.js';
import { renderProvisionHtml } from './html.js';
import { renderProvisionJunit } from './junit.js';

export const PROVISION_REPORTERS = ['console', 'json', 'junit', 'html'] as const;
export type ProvisionReporterSpec = ReporterFlag<(typeof PROVISION_REPORTERS)[number]>;

export function parseProvisionReporters(flags: readonly string[]): ProvisionReporterSpec[] {
  const specs = (flags.length ? flags : ['console']).map((f) => parseReporterSpec(f, PROVISION_REPORTERS));
  checkReporterSpecs(specs);
  return specs;
}

export function renderProvision(spec: ProvisionReporterSpec, result: ProvisionResult, color: boolean): string {
  switch (spec.name) {
    case 'console':
      return renderProvisionConsole(result, { color });
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'junit':
      return renderProvisionJunit(result);
    case 'html':
      return renderProvisionHtml(result);
  }
}

/** Renders every report first, then writes the files (atomically) and the stdout one. */
export async function writeProvisionReports(result: ProvisionResult, specs: readonly ProvisionReporterSpec[], io: { redactor: Redactor; color: boolean; stdout: (t: string) => void }): Promise<void> {
  const outputs = specs.map((spec) => ({ spec, text: io.redactor.text(renderProvision(spec, result, spec.file === undefined && io.color)) }));
  for (const { spec, text } of outputs) if (spec.file !== undefined) await writeReportFile({ name: spec.name, file: spec.file }, text);
  for (const { spec, text } of outputs) if (spec.file === undefined) io.stdout(text);
}
