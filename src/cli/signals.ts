// SIGINT/SIGTERM abort the run; clean-up still happens, then the CLI exits 130/143.
// A second signal gives up on clean-up and exits at once.
import { processIo } from '../util/process-io.js';
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = (sig: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      processIo().stderr.write(`scim-check: second ${sig}: exiting without finishing clean-up\n`);
      process.exit(sig === 'SIGTERM' ? 143 : 130);
    }
    processIo().stderr.write(`scim-check: ${sig} received: cleaning up what this run created...\n`);
    controller.abort(sig);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
