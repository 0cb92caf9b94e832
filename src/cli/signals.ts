// SIGINT and SIGTERM, the same way for every command: the first one aborts `signal` and the
// command winds down in its own way (run and provision clean up, audit and provision write no
// report, record closes its capture), then exits 130/143; a second one exits at once, after
// saying what it gives up.
import { EXIT } from '../errors.js';
import { processIo } from '../util/process-io.js';

export interface Interruption {
  /** Aborted by the first signal, with its name (`SIGINT`, `SIGTERM`) as the reason. */
  signal: AbortSignal;
  /** Settles with the first signal's name: for commands that run until one comes (record, serve). */
  interrupted: Promise<NodeJS.Signals>;
  /** 130 after SIGINT, 143 after SIGTERM; undefined while no signal came. */
  exitCode(): number | undefined;
  dispose(): void;
}

export interface InterruptionWords {
  /** Printed when the first signal comes, if anything (`SIGINT received: cleaning up...`). */
  first?: (sig: NodeJS.Signals) => string;
  /** What a second signal gives up (`finishing clean-up`). */
  givesUp: string;
}

function exitCodeOfSignal(sig: unknown): number {
  return sig === 'SIGTERM' ? EXIT.SIGTERM : EXIT.SIGINT;
}

export function interruptOnSignals(words: InterruptionWords): Interruption {
  const controller = new AbortController();
  let settle: (sig: NodeJS.Signals) => void = () => undefined;
  const interrupted = new Promise<NodeJS.Signals>((resolve) => (settle = resolve));
  const handler = (sig: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      processIo().stderr.write(`scim-check: second ${sig}: exiting without ${words.givesUp}\n`);
      process.exit(exitCodeOfSignal(sig));
    }
    const said = words.first?.(sig);
    if (said) processIo().stderr.write(`scim-check: ${said}\n`);
    controller.abort(sig);
    settle(sig);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    interrupted,
    exitCode: () => (controller.signal.aborted ? exitCodeOfSignal(controller.signal.reason) : undefined),
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
