import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptOnSignals } from './signals.js';
import { withProcessIo } from '../util/process-io.js';
import { Captured } from '../../test/helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('interruptOnSignals', () => {
  it('the first signal aborts with its name, says what the command asked, and sets the exit code', async () => {
    const said = new Captured();
    const stderr = said as unknown as NodeJS.WriteStream;
    const listeners = process.listenerCount('SIGTERM');
    await withProcessIo({ stdout: process.stdout, stderr, env: {} }, async () => {
      const interrupt = interruptOnSignals({ first: (sig) => `${sig} received`, givesUp: 'clean-up' });
      expect(interrupt.exitCode()).toBeUndefined();
      process.emit('SIGTERM', 'SIGTERM'); // the listeners only: no signal is sent to this process
      expect(interrupt.signal.aborted).toBe(true);
      expect(interrupt.signal.reason).toBe('SIGTERM');
      expect(interrupt.exitCode()).toBe(143);
      await expect(interrupt.interrupted).resolves.toBe('SIGTERM');
      interrupt.dispose();
    });
    expect(said.text).toBe('scim-check: SIGTERM received\n');
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });

  it('SIGINT means 130', () => {
    const interrupt = interruptOnSignals({ givesUp: 'clean-up' });
    try {
      process.emit('SIGINT', 'SIGINT');
      expect(interrupt.exitCode()).toBe(130);
    } finally {
      interrupt.dispose();
    }
  });

  // a real process and real signals: the second one must end it at once, whatever is pending
  // (dist/ is built by npm test before vitest starts)
  it('a second signal exits at once with 130 and says what it gives up', () => {
    const script = `
        const { interruptOnSignals } = await import('./dist/cli/signals.js');
        const interrupt = interruptOnSignals({ givesUp: 'finishing clean-up' });
        interrupt.signal.addEventListener('abort', () => process.kill(process.pid, 'SIGINT'));
        process.kill(process.pid, 'SIGINT');
        setTimeout(() => process.stdout.write('still running'), 10_000);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(r.status).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('scim-check: second SIGINT: exiting without finishing clean-up\n');
  });
});
