// --baseline and --update-baseline. The baseline is read before anything is sent,
// so a broken baseline file costs no request (exit 2).
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '../model/run-result.js';
import { applyBaseline, baselineFromRun, loadBaseline, type BaselineEntry } from '../runner/baseline.js';

export interface BaselineFlags {
  baseline?: string;
  updateBaseline?: string;
}

export function preloadBaseline(flags: BaselineFlags): { entries?: BaselineEntry[]; previous: BaselineEntry[] } {
  return {
    entries: flags.baseline ? loadBaseline(flags.baseline) : undefined,
    previous: flags.updateBaseline && existsSync(flags.updateBaseline) ? loadBaseline(flags.updateBaseline) : [],
  };
}

export async function applyBaselineFlags(
  run: RunResult,
  flags: BaselineFlags,
  loaded: ReturnType<typeof preloadBaseline>,
): Promise<void> {
  if (flags.updateBaseline) {
    const text = baselineFromRun(run, loaded.previous);
    await mkdir(path.dirname(path.resolve(flags.updateBaseline)), { recursive: true });
    const tmp = `${flags.updateBaseline}.tmp-${process.pid}`;
    await writeFile(tmp, text);
    await rename(tmp, flags.updateBaseline);
    run.notices.push({ level: 'info', code: 'BASELINE_WRITTEN', message: `wrote ${flags.updateBaseline}` });
  }
  if (loaded.entries) applyBaseline(run, loaded.entries);
}
