// `scim-check record`: a recording reverse proxy in front of a SCIM server, plus what to
// do with a capture afterwards (import a HAR, turn it into a suite, compare it with the
// bundled Okta packs). The work lives in src/record/; this file only wires flags.
import { Command, Option } from 'commander';
import { EXIT, ExitError, UsageError } from '../../errors.js';
import { collect, MAX_TIMER_MS, positiveInt } from '../options.js';
import { processIo } from '../../util/process-io.js';
import { interruptOnSignals } from '../signals.js';

interface RecordCommandFlags {
  target?: string;
  listen: string;
  listenPublic?: boolean;
  out?: string;
  redact?: string[];
  maskPii?: boolean;
  insecure?: boolean;
  ca?: string;
  timeout: number;
  allowInsecureHttp?: boolean;
  fromHar?: string;
  toSuite?: string;
  compare?: string;
  name?: string;
}

export function registerRecord(program: Command): void {
  program
    .command('record')
    .description(
      'record what a SCIM client (a real Okta org) sends, through a reverse proxy; turn a capture into a suite, or compare it with the Okta packs',
    )
    .option(
      '--target <url>',
      'record: the SCIM base URL every request is forwarded to, e.g. https://staging.example.com/scim/v2',
    )
    .option(
      '--listen <host:port>',
      'record: where the proxy listens (loopback unless --listen-public)',
      '127.0.0.1:8080',
    )
    .option('--listen-public', 'record: allow a non-loopback --listen address')
    .option('--out <file>', 'the capture (record, --from-har) or the suite (--to-suite) to write')
    .option(
      '--redact <name|value>',
      'also redact this header (by name) or this value wherever it appears (repeatable); Authorization, cookies and passwords always are',
      collect,
    )
    .option('--mask-pii', 'mask names, emails and phone numbers (the same value always gets the same mask)')
    .option('--insecure', 'record: do not verify the target TLS certificate')
    .option('--ca <file>', 'record: PEM file of extra certificate authorities to trust for the target')
    .option('--allow-insecure-http', 'record: allow forwarding over plain http to a non-loopback target')
    .addOption(
      new Option('--timeout <ms>', 'record: per-request timeout towards the target')
        .default(60000)
        .argParser(positiveInt('--timeout', MAX_TIMER_MS)),
    )
    .option(
      '--from-har <file>',
      'import a HAR file (browser or proxy export) as a capture, redacted and masked the same way',
    )
    .option('--to-suite <capture>', 'write a suite (--out) that replays this capture against any target')
    .option('--name <name>', '--to-suite: the suite name (default recorded/<capture file name>)')
    .option('--compare <capture>', 'list where the recorded requests differ from what the bundled Okta packs send')
    .action(async (flags: RecordCommandFlags) => {
      const code = await runRecordCommand(flags);
      if (code !== EXIT.OK) throw new ExitError(code);
    });
}

async function runRecordCommand(flags: RecordCommandFlags): Promise<number> {
  const modes = (['target', 'fromHar', 'toSuite', 'compare'] as const).filter((m) => flags[m] !== undefined);
  const names = { target: '--target', fromHar: '--from-har', toSuite: '--to-suite', compare: '--compare' };
  const [mode, ...others] = modes;
  if (mode === undefined)
    throw new UsageError(
      'record needs one of --target URL (record), --from-har FILE, --to-suite CAPTURE or --compare CAPTURE',
    );
  if (others.length > 0)
    throw new UsageError(`record: ${modes.map((m) => names[m]).join(' and ')} cannot be combined; use one at a time`);
  if (mode !== 'compare' && !flags.out) throw new UsageError(`record ${names[mode]}: --out FILE is required`);
  const print = (text: string) => processIo().stdout.write(`${text}\n`);
  if (mode === 'target') {
    const { recordSession } = await import('../../record/session.js');
    // a signal is how a recording normally ends: the proxy finishes what is in flight, closes the capture
    const stop = interruptOnSignals({ givesUp: 'recording the exchanges in flight' });
    try {
      await recordSession({ ...flags, target: flags.target!, out: flags.out! }, { line: print }, stop.interrupted);
    } finally {
      stop.dispose();
    }
    return EXIT.OK;
  }
  if (mode === 'fromHar') {
    const { importHar } = await import('../../record/har-import.js');
    const n = await importHar(flags.fromHar!, flags.out!, { redact: flags.redact, maskPii: flags.maskPii });
    print(`imported ${n} exchange${n === 1 ? '' : 's'} from ${flags.fromHar} to ${flags.out}`);
    return EXIT.OK;
  }
  if (mode === 'toSuite') {
    const { writeSuiteFromCapture } = await import('../../record/to-suite/write-suite.js');
    const summary = writeSuiteFromCapture(flags.toSuite!, flags.out!, { name: flags.name });
    print(summary);
    return EXIT.OK;
  }
  const { compareCaptureWithPacks } = await import('../../record/compare/compare.js');
  const { renderComparison } = await import('../../record/compare/render.js');
  const result = compareCaptureWithPacks(flags.compare!);
  print(renderComparison(result));
  return result.differences.length > 0 ? EXIT.CHECK_FAILED : EXIT.OK;
}
