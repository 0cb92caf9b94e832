// One status line on stderr while a run goes on (which test, how far), so a run
// against a slow server is not silent. Terminal only; erased before the report.
import type { SuiteSpec, TestSpec } from '../suite/types.js';
import { processIo } from '../util/process-io.js';

export interface RunProgress {
  testStarted(suite: SuiteSpec, test: TestSpec): void;
  done(): void;
}

export function createRunProgress(total: number, stream: NodeJS.WriteStream = processIo().stderr): RunProgress {
  let n = 0;
  let drawn = false;
  return {
    testStarted(suite, test) {
      n++;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const line = `running ${n}/${total}  ${suite.name} › ${test.name}`;
      stream.write(`\r${line.length > width ? `${line.slice(0, width - 1)}…` : line}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
