// Reporter registry, the --reporter flag, and writing reports to files or stdout.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { RunResult } from '../runner/results.js';
import type { Redactor } from '../util/redact.js';
import { renderConsole } from './console.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import type { Reporter } from './reporter.js';

export type { Reporter, ReporterOptions } from './reporter.js';

/** Add a reporter here and `--reporter <name>` accepts it. */
export const REPORTERS = {
  console: renderConsole,
  json: renderJson,
  junit: renderJunit,
} satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;

export interface ReporterSpec {
  name: ReporterName;
  /** Output file; absent means stdout. */
  file?: string;
}

export interface ReportIo {
  stdout: (text: string) => void;
  /** Colour for stdout output; files never get ANSI codes. */
  color: boolean;
}

const FLAG = '--reporter';
const STDOUT_FILE = '-';

function isReporterName(name: string): name is ReporterName {
  return Object.prototype.hasOwnProperty.call(REPORTERS, name);
}

/** `console`, `junit:reports/scim.xml`, `json:-` (stdout). Split at the first colon only. */
export function parseReporterFlag(spec: string): ReporterSpec {
  const colon = spec.indexOf(':');
  const name = (colon === -1 ? spec : spec.slice(0, colon)).trim();
  const file = colon === -1 ? undefined : spec.slice(colon + 1).trim();
  if (!isReporterName(name)) {
    const valid = Object.keys(REPORTERS).join(', ');
    const shown = name === '' ? '(empty)' : `"${name}"`;
    throw new UsageError(`${FLAG} ${spec}: unknown reporter ${shown}; valid reporters: ${valid}`);
  }
  if (file === '') throw new UsageError(`${FLAG} ${spec}: missing file after "${name}:" (use "${name}:-" for stdout)`);
  return file === undefined || file === STDOUT_FILE ? { name } : { name, file };
}

/**
 * Reject combinations that would garble output: two reports to stdout, or two
 * to the same file. Call it before the run so a bad flag costs nothing.
 */
export function checkReporterSpecs(specs: readonly ReporterSpec[]): void {
  const toStdout = specs.filter((s) => s.file === undefined);
  if (toStdout.length > 1) {
    const names = toStdout.map((s) => s.name).join(', ');
    throw new UsageError(`${FLAG}: only one reporter can write to stdout (got ${names}); give the others a file`);
  }
  const seen = new Set<string>();
  for (const s of specs) {
    if (s.file === undefined) continue;
    const resolved = path.resolve(s.file);
    if (seen.has(resolved)) throw new UsageError(`${FLAG} ${s.name}:${s.file}: another reporter already writes this file`);
    seen.add(resolved);
  }
}

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
    const text = REPORTERS[spec.name](run, { color });
    return { spec, text: redactor ? redactor.text(text) : text };
  });
  for (const { spec, text } of outputs) {
    if (spec.file !== undefined) await writeFileAtomic(spec, spec.file, text);
  }
  for (const { spec, text } of outputs) if (spec.file === undefined) io.stdout(text);
}

/** Write next to the target and rename, so a reader never sees a half-written report. */
async function writeFileAtomic(spec: ReporterSpec, file: string, text: string): Promise<void> {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new UsageError(`${FLAG} ${spec.name}:${file}: cannot write report: ${reason}`);
  }
}
