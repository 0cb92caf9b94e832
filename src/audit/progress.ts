// A one-line progress bar on stderr (resources read, rate, ETA), only for a person at a
// terminal: nothing when stderr is piped, in CI, or with TERM=dumb.
import type { AuditProgress } from './audit.js';
import { wantsProgress } from '../util/terminal.js';
import { processIo } from '../util/process-io.js';

const WIDTH = 24;
const REDRAW_MS = 100;

export interface ProgressBar {
  update(p: AuditProgress): void;
  /** Erase the bar before the report is printed. */
  done(): void;
}

export { wantsProgress };

export function createProgressBar(
  stream: NodeJS.WriteStream = processIo().stderr,
  now: () => number = Date.now,
): ProgressBar {
  let started: number | undefined;
  let kind = '';
  let lastDraw = 0;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (kind !== p.resourceType) {
        kind = p.resourceType;
        started = t;
      }
      const finished = p.total !== undefined && p.read >= p.total;
      if (!finished && t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      stream.write(`\r${renderLine(p, t - (started ?? t))}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

export function renderLine(p: AuditProgress, elapsedMs: number): string {
  const label = p.resourceType === 'User' ? 'Users ' : 'Groups';
  const rate = elapsedMs > 0 ? (p.read / elapsedMs) * 1000 : 0;
  if (p.total === undefined || p.total === 0) return `${label} ${p.read} read, ${rate.toFixed(0)}/s`;
  const ratio = Math.min(1, p.read / p.total);
  const filled = Math.round(ratio * WIDTH);
  const eta = rate > 0 ? Math.max(0, (p.total - p.read) / rate) : undefined;
  const etaText =
    eta === undefined
      ? ''
      : ` ETA ${eta < 60 ? `${eta.toFixed(0)}s` : `${Math.floor(eta / 60)}m${String(Math.round(eta % 60)).padStart(2, '0')}s`}`;
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${p.read}/${p.total} ${rate.toFixed(0)}/s${etaText}`;
}
