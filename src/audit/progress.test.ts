import { describe, expect, it } from 'vitest';
import { createProgressBar, renderLine, wantsProgress } from './progress.js';
import { parseRate } from './rate-limiter.js';
import { parseRetryAfter } from './retry-after.js';

const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('progress bar', () => {
  it('only on a terminal, never in CI', () => {
    expect(wantsProgress(tty, {})).toBe(true);
    expect(wantsProgress(pipe, {})).toBe(false);
    expect(wantsProgress(tty, { CI: 'true' })).toBe(false);
    expect(wantsProgress(tty, { CI: '1' })).toBe(false);
    expect(wantsProgress(tty, { CI: 'false' })).toBe(true);
    expect(wantsProgress(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('shows resources read, rate and ETA', () => {
    expect(renderLine({ resourceType: 'User', read: 500, total: 1000 }, 2000)).toBe(
      'Users  [############------------] 500/1000 250/s ETA 2s',
    );
    expect(renderLine({ resourceType: 'Group', read: 10 }, 1000)).toBe('Groups 10 read, 10/s');
  });

  it('draws on one line and erases itself', () => {
    let out = '';
    let t = 0;
    const bar = createProgressBar(
      { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream,
      () => (t += 200),
    );
    bar.update({ resourceType: 'User', read: 100, total: 200 });
    bar.update({ resourceType: 'User', read: 200, total: 200 });
    bar.done();
    expect(out.startsWith('\r')).toBe(true);
    expect(out).not.toContain('\n');
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('flag and header parsing', () => {
  it('--rate accepts N/s and N, rejects the rest', () => {
    expect(parseRate('20/s')).toBe(20);
    expect(parseRate('0.5/s')).toBe(0.5);
    expect(parseRate('7')).toBe(7);
    expect(() => parseRate('0/s')).toThrow(/--rate/);
    expect(() => parseRate('fast')).toThrow(/--rate/);
  });

  it('Retry-After as seconds or HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
