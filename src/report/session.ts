// Fans one command's lifecycle out to every reporter it was asked for, each with its own
// output. Outputs are opened before the command sends anything and closed (renamed into
// place) only when every reporter has finished, so a failure leaves no half-written report.
import type { Finding } from '../model/finding.js';
import type { SuiteResult, TestResult } from '../model/run-result.js';
import type { Redactor } from '../util/redact.js';
import { openFileOutput, stdoutOutput, type ClosableOutput } from './output.js';
import type { RenderOptions, Report, Reporter, ReporterFactory, RunStart } from './reporter.js';

export interface SessionSpec {
  name: string;
  factory: ReporterFactory;
  /** Absent: stdout. */
  file?: string;
}

export interface SessionOptions extends RenderOptions {
  redactor: Redactor;
  /** Colour for the stdout reporter (files never get ANSI codes). */
  color: boolean;
  /** Defaults to process.stdout with back-pressure. */
  stdout?: (text: string) => void | Promise<void>;
  /** stdout is not a terminal: the console streams a line per test as it ends. */
  streamTests?: boolean;
}

export class ReportSession {
  private constructor(private readonly members: { reporter: Reporter; out: ClosableOutput }[]) {}

  static async open(specs: readonly SessionSpec[], opts: SessionOptions): Promise<ReportSession> {
    const members: { reporter: Reporter; out: ClosableOutput }[] = [];
    try {
      for (const spec of specs) {
        const label = spec.file === undefined ? spec.name : `${spec.name}:${spec.file}`;
        const out =
          spec.file === undefined
            ? stdoutOutput(label, opts.redactor, opts.stdout)
            : await openFileOutput(label, spec.file, opts.redactor);
        members.push({
          reporter: spec.factory({
            out,
            color: out.isStdout && opts.color,
            exchanges: opts.exchanges,
            quiet: opts.quiet,
            streamTests: out.isStdout && opts.streamTests,
          }),
          out,
        });
      }
    } catch (err) {
      await Promise.all(members.map((m) => m.out.abort()));
      throw err;
    }
    return new ReportSession(members);
  }

  async runStart(start: RunStart): Promise<void> {
    for (const { reporter } of this.members) await reporter.onRunStart?.(start);
  }

  async testEnd(suite: Pick<SuiteResult, 'name' | 'file'>, test: TestResult): Promise<void> {
    for (const { reporter } of this.members) await reporter.onTestEnd?.(suite, test);
  }

  async finding(finding: Finding): Promise<void> {
    for (const { reporter } of this.members) await reporter.onFinding?.(finding);
  }

  /** Every reporter renders its end, then every file is renamed into place. */
  async finish(report: Report): Promise<void> {
    try {
      for (const { reporter } of this.members) await reporter.onRunEnd(report);
    } catch (err) {
      await this.abort();
      throw err;
    }
    for (const { out } of this.members) await out.close();
  }

  /** The command failed or was interrupted: remove the temporary files. */
  async abort(): Promise<void> {
    await Promise.all(this.members.map((m) => m.out.abort()));
  }
}
