// Report files are written next to their target and renamed into place, so a
// reader (or a CI upload) never sees a half-written report. Shared by every command.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** A hidden temporary name in the target's own directory (rename stays atomic). */
export function reportTempName(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

export async function writeReportFile(spec: { name: string; file: string }, text: string): Promise<void> {
  const target = path.resolve(spec.file);
  const tmp = reportTempName(target);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new UsageError(`--reporter ${spec.name}:${spec.file}: cannot write report: ${reason}`);
  }
}
