// One reporter model for every command (after Vitest's Reporter): a reporter gets lifecycle
// hooks and decides whether it streams (jsonl) or renders once at the end (console, json,
// junit, html, markdown). Commands feed it results of the shared model (src/model).
import type { AuditResult } from '../model/audit-result.js';
import type { Finding } from '../model/finding.js';
import type { ValidateMappingResult } from '../model/mapping-result.js';
import type { RunResult, SuiteResult, TestResult } from '../model/run-result.js';
import type { ProvisionResult } from '../provision/types.js';

/** What a command hands its reporters when it ends. */
export type Report =
  | { command: 'run'; result: RunResult }
  | { command: 'audit'; result: AuditResult }
  | { command: 'validate-mapping'; result: MappingReport }
  | { command: 'provision'; result: ProvisionResult };

export type CommandName = Report['command'];

/** validate-mapping's result with when it ran (the rest of the model has its own times). */
export interface MappingReport extends ValidateMappingResult {
  tool: { name: string; version: string };
  startedAt: string;
  durationMs: number;
}

export interface RunStart {
  command: CommandName;
  startedAt: string;
  /** `run`: how many tests are selected, for `[3/40]` in streamed progress lines. */
  tests?: number;
}

export interface Reporter {
  /** Before any work: a streaming reporter opens its output here, so a bad path costs no request. */
  onRunStart?(start: RunStart): void | Promise<void>;
  /** `run`: a test has ended (statuses before any --baseline is applied). */
  onTestEnd?(suite: Pick<SuiteResult, 'name' | 'file'>, test: TestResult): void | Promise<void>;
  /** `audit`, `validate-mapping`: one finding, as it is found. */
  onFinding?(finding: Finding): void | Promise<void>;
  /** The command's result: end-of-run reporters render it now. */
  onRunEnd(report: Report): void | Promise<void>;
}

/** Where a reporter's text goes (stdout or a file written atomically); every write is redacted. */
export interface ReportOutput {
  /** `console`, `junit:reports/scim.xml`: names the output in error messages. */
  readonly label: string;
  /** True for stdout: only then may text carry ANSI colour. */
  readonly isStdout: boolean;
  write(text: string): Promise<void>;
  /** The redaction every write gets, for text that must leave by another way (a CI summary file). */
  redact(text: string): string;
}

export interface ReporterContext {
  out: ReportOutput;
  /** ANSI colour: only on a terminal's stdout. */
  color: boolean;
  /** --verbose: the exchange behind each failed check; --trace: every exchange. Console only. */
  exchanges?: 'failures' | 'all';
  /** --quiet: only failures and errors (console). */
  quiet?: boolean;
  /** Console on a stdout that is not a terminal (CI logs): a line per test as it ends, before the report. */
  streamTests?: boolean;
}

/** Builds a reporter for one output. Adding a reporter: one file exporting one of these, one registry line. */
export type ReporterFactory = (ctx: ReporterContext) => Reporter;

export interface RenderOptions {
  color: boolean;
  /** --verbose: the exchange behind each failed check; --trace: every exchange. Console only. */
  exchanges?: 'failures' | 'all';
  /** --quiet: the console prints only failures and errors (the caller prints the verdict line). */
  quiet?: boolean;
}

/** The common case: render the whole report at the end. */
export function endOfRunReporter(render: (report: Report, opts: RenderOptions) => string): ReporterFactory {
  return ({ out, color, exchanges, quiet }) => ({
    onRunEnd: (report) => out.write(render(report, { color, exchanges, quiet })),
  });
}
