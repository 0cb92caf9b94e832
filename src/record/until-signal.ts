// Ctrl-C (or SIGTERM) is how a recording normally ends: the first signal asks the proxy
// to finish what is in flight and close the capture; a second one exits at once (every
// line already written is complete).
import { processIo } from '../util/process-io.js';
export function untilSignal(): { signalled: Promise<string>; dispose: () => void } {
  let first = true;
  let resolveSignal: (sig: string) => void = () => undefined;
  const signalled = new Promise<string>((resolve) => (resolveSignal = resolve));
  const handler = (sig: NodeJS.Signals) => {
    if (!first) {
      processIo().stderr.write(`scim-check: second ${sig}: exiting before the exchanges in flight are recorded\n`);
      process.exit(sig === 'SIGTERM' ? 143 : 130);
    }
    first = false;
    resolveSignal(sig);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signalled,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
