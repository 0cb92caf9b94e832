// The --reporter flag, shared by every command's reporter registry: `NAME`,
// `NAME:FILE` or `NAME:-` (stdout), split at the first colon only (C:\ paths work).
import path from 'node:path';
import { UsageError } from '../errors.js';

const FLAG = '--reporter';
const STDOUT_FILE = '-';

export interface ReporterFlag<N extends string> {
  name: N;
  /** Output file; absent means stdout. */
  file?: string;
}

export function parseReporterSpec<N extends string>(spec: string, valid: readonly N[]): ReporterFlag<N> {
  const colon = spec.indexOf(':');
  const name = (colon === -1 ? spec : spec.slice(0, colon)).trim();
  const file = colon === -1 ? undefined : spec.slice(colon + 1).trim();
  if (!(valid as readonly string[]).includes(name)) {
    const shown = name === '' ? '(empty)' : `"${name}"`;
    throw new UsageError(`${FLAG} ${spec}: unknown reporter ${shown}; valid reporters: ${valid.join(', ')}`);
  }
  if (file === '') throw new UsageError(`${FLAG} ${spec}: missing file after "${name}:" (use "${name}:-" for stdout)`);
  return file === undefined || file === STDOUT_FILE ? { name: name as N } : { name: name as N, file };
}

/**
 * Reject combinations that would garble output: two reports to stdout, or two to
 * the same file. Called before any request, so a bad flag costs nothing.
 */
export function checkReporterSpecs(specs: readonly { name: string; file?: string }[]): void {
  // GitHub workflow commands are lines among the others on stdout: they garble nothing
  const toStdout = specs.filter((s) => s.file === undefined && s.name !== 'github');
  if (toStdout.length > 1) {
    throw new UsageError(
      `${FLAG}: only one reporter can write to stdout (got ${toStdout.map((s) => s.name).join(', ')}); give the others a file`,
    );
  }
  const seen = new Set<string>();
  for (const s of specs) {
    if (s.file === undefined) continue;
    const resolved = path.resolve(s.file);
    if (seen.has(resolved))
      throw new UsageError(`${FLAG} ${s.name}:${s.file}: another reporter already writes this file`);
    seen.add(resolved);
  }
}
