// Report outputs: stdout (with back-pressure) or a file written to a temporary name in its
// own directory and renamed into place when the command ends, so a reader never sees half a report.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Redactor } from '../util/redact.js';
import { reportTempName } from './report-file.js';
import type { ReportOutput } from './reporter.js';
import { processIo } from '../util/process-io.js';

export interface ClosableOutput extends ReportOutput {
  /** Finish: rename the file into place. */
  close(): Promise<void>;
  /** The command failed: drop the temporary file. */
  abort(): Promise<void>;
}

export function stdoutOutput(
  label: string,
  redactor: Redactor,
  write: (text: string) => void | Promise<void> = writeStdout,
): ClosableOutput {
  return {
    label,
    isStdout: true,
    write: async (text) => write(redactor.text(text)),
    redact: (text) => redactor.text(text),
    close: async () => undefined,
    abort: async () => undefined,
  };
}

/** Opens the temporary file now, so an unwritable path fails before the command sends anything. */
export async function openFileOutput(label: string, file: string, redactor: Redactor): Promise<ClosableOutput> {
  const target = path.resolve(file);
  const tmp = reportTempName(target);
  const fail = (err: unknown): never => {
    throw new UsageError(
      `--reporter ${label}: cannot write report: ${err instanceof Error ? err.message : String(err)}`,
    );
  };
  let stream: WriteStream | undefined;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    stream = createWriteStream(tmp, { encoding: 'utf8' });
    await once(stream, 'open');
  } catch (err) {
    stream?.destroy();
    await discard(tmp);
    fail(err);
  }
  const out = stream!;
  let failure: Error | undefined;
  out.on('error', (err) => (failure = err));
  return {
    label,
    isStdout: false,
    redact: (text) => redactor.text(text),
    async write(text) {
      if (failure) fail(failure);
      // respect back-pressure: a tenant with millions of findings must not pile up in memory
      if (!out.write(redactor.text(text))) await once(out, 'drain');
    },
    async close() {
      await new Promise<void>((resolve) => out.end(() => resolve()));
      if (failure) {
        await discard(tmp);
        fail(failure);
      }
      await rename(tmp, target).catch(async (err: unknown) => {
        await discard(tmp);
        fail(err);
      });
    },
    async abort() {
      await new Promise<void>((resolve) => out.end(() => resolve()));
      await discard(tmp);
    },
  };
}

/** Best effort: the directory may not even exist (that is often why we are here). */
async function discard(tmp: string): Promise<void> {
  await rm(tmp, { force: true }).catch(() => undefined);
}

async function writeStdout(text: string): Promise<void> {
  const { stdout } = processIo();
  if (!stdout.write(text)) await drained(stdout);
}

/**
 * Back-pressure on stdout. A reader that went away (`| head`) is not a failure of the
 * command: EPIPE ends the wait quietly (src/cli/main.ts then drops further writes), so the
 * command still ends with its own exit code.
 */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (err?: NodeJS.ErrnoException) => {
      stream.off('drain', onDrain);
      stream.off('close', onDrain);
      stream.off('error', settle);
      if (err && err.code !== 'EPIPE') reject(err);
      else resolve();
    };
    const onDrain = () => settle();
    stream.once('drain', onDrain);
    stream.once('close', onDrain);
    stream.once('error', settle);
  });
}
