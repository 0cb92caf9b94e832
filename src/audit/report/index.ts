// Audit reporters: the --reporter flag, the streamed json output, and the final reports.
// Everything written passes the redactor (the token never appears) and, with --mask-pii,
// the masker. Files are written next to their target and renamed into place.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { checkReporterSpecs, parseReporterSpec, type ReporterFlag } from '../../report/reporter-flag.js';
import { reportTempName, writeReportFile } from '../../report/report-file.js';
import type { Redactor } from '../../util/redact.js';
import type { FindingSink } from '../findings.js';
import type { AuditFinding, AuditResult } from '../types.js';
import { renderAuditConsole } from './console.js';
import { renderAuditHtml } from './html.js';
import { findingLine, summaryLine } from './json-lines.js';
import { renderAuditJunit } from './junit.js';
import { renderAuditMarkdown } from './markdown.js';
import { maskFinding } from './mask.js';

export const AUDIT_REPORTERS = ['console', 'markdown', 'html', 'json', 'junit'] as const;
export type AuditReporterName = (typeof AUDIT_REPORTERS)[number];

export type AuditReporterSpec = ReporterFlag<AuditReporterName>;

const FLAG = '--reporter';

/** `console`, `json`, `html:audit.html`, `junit:-` (stdout). */
export function parseAuditReporters(flags: readonly string[]): AuditReporterSpec[] {
  const specs = (flags.length ? flags : ['console']).map((f) => parseReporterSpec(f, AUDIT_REPORTERS));
  checkReporterSpecs(specs);
  return specs;
}

export interface AuditReportOptions {
  maskPii: boolean;
  redactor: Redactor;
  /** Colour for console output on stdout. */
  color: boolean;
  stdout: (text: string) => void | Promise<void>;
}

/** Opens the streamed json output at the start, writes every report at the end. */
export class AuditReportWriter {
  private stream?: { out: WriteStream; tmp: string; target: string } | undefined;

  constructor(
    private readonly specs: readonly AuditReporterSpec[],
    private readonly opts: AuditReportOptions,
  ) {}

  /** Call before the audit: creates the json stream, so a bad path fails before any request. */
  async open(): Promise<FindingSink[]> {
    const json = this.specs.find((s) => s.name === 'json');
    if (!json) return [];
    if (json.file === undefined) return [(f) => this.opts.stdout(this.line(f))];
    const target = path.resolve(json.file);
    const tmp = reportTempName(target);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      const out = createWriteStream(tmp, { encoding: 'utf8' });
      await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
      this.stream = { out, tmp, target };
    } catch (err) {
      throw new UsageError(`${FLAG} json:${json.file}: cannot write report: ${(err as Error).message}`);
    }
    const out = this.stream.out;
    // respect back-pressure: a tenant with millions of findings must not pile up in memory
    return [(f) => (out.write(this.line(f)) ? undefined : new Promise<void>((resolve) => out.once('drain', resolve)))];
  }

  async finish(result: AuditResult): Promise<void> {
    const shown = this.opts.maskPii ? { ...result, rules: result.rules.map((r) => ({ ...r, examples: r.examples.map(maskFinding) })) } : result;
    for (const spec of this.specs) {
      if (spec.name === 'json') {
        await this.finishJson(spec, shown);
        continue;
      }
      const text = this.opts.redactor.text(render(spec, shown, spec.file === undefined && this.opts.color));
      if (spec.file === undefined) await this.opts.stdout(text);
      else await writeReportFile({ name: spec.name, file: spec.file }, text);
    }
  }

  /** On failure: drop the half-written json file. */
  async abort(): Promise<void> {
    if (!this.stream) return;
    const { out, tmp } = this.stream;
    await new Promise<void>((resolve) => out.end(() => resolve()));
    await rm(tmp, { force: true });
    this.stream = undefined;
  }

  private line(finding: AuditFinding): string {
    return this.opts.redactor.text(findingLine(this.opts.maskPii ? maskFinding(finding) : finding));
  }

  private async finishJson(spec: AuditReporterSpec, result: AuditResult): Promise<void> {
    const summary = this.opts.redactor.text(summaryLine(result));
    if (!this.stream) {
      await this.opts.stdout(summary);
      return;
    }
    const { out, tmp, target } = this.stream;
    out.write(summary);
    await new Promise<void>((resolve, reject) => out.end(() => resolve()).once('error', reject));
    await rename(tmp, target).catch((err: Error) => {
      throw new UsageError(`${FLAG} json:${spec.file}: cannot write report: ${err.message}`);
    });
    this.stream = undefined;
  }
}

function render(spec: AuditReporterSpec, result: AuditResult, color: boolean): string {
  switch (spec.name) {
    case 'console':
      return renderAuditConsole(result, { color });
    case 'markdown':
      return renderAuditMarkdown(result);
    case 'html':
      return renderAuditHtml(result);
    case 'junit':
      return renderAuditJunit(result);
    case 'json':
      return summaryLine(result);
  }
}
