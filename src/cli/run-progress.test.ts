import { describe, expect, it } from 'vitest';
import { createRunProgress } from './run-progress.js';
import { wantsProgress } from '../util/terminal.js';
import type { SuiteSpec, TestSpec } from '../suite/types.js';

function fakeStream(columns = 40, isTTY = true) {
  const writes: string[] = [];
  return { writes, stream: { columns, isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

const suite = { name: 'okta/provisioning', file: '', tests: [] } as SuiteSpec;
const test = (name: string) => ({ name, steps: [] }) as TestSpec;

describe('run progress', () => {
  it('shows which test runs and how far, cut to the terminal width, and erases itself', () => {
    const { writes, stream } = fakeStream(40);
    const p = createRunProgress(36, stream);
    p.testStarted(suite, test('User lifecycle as an OIN app sends it'));
    expect(writes[0]).toBe('\rrunning 1/36  okta/provisioning › User…\x1b[K');
    expect(writes[0].length - '\r\x1b[K'.length).toBeLessThanOrEqual(39);
    p.testStarted(suite, test('Imp'));
    expect(writes[1]).toBe('\rrunning 2/36  okta/provisioning › Imp\x1b[K');
    p.done();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('is only wanted on a terminal outside CI', () => {
    expect(wantsProgress(fakeStream(80, true).stream, {})).toBe(true);
    expect(wantsProgress(fakeStream(80, false).stream, {})).toBe(false);
    expect(wantsProgress(fakeStream(80, true).stream, { CI: 'true' })).toBe(false);
    expect(wantsProgress(fakeStream(80, true).stream, { TERM: 'dumb' })).toBe(false);
  });
});
