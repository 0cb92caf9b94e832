// One recording: check the flags' safety rules, start the proxy, write each exchange
// (capture line + live line), and end cleanly on Ctrl-C/SIGTERM with the capture complete.
import { rmSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { loadCa } from '../http/client.js';
import { isLoopback, parseBaseUrl } from '../http/url.js';
import { toolVersion } from '../util/version.js';
import { CAPTURE_FORMAT, CaptureWriter, type Exchange } from './capture.js';
import { createAgent } from './forward.js';
import { startRecordingProxy } from './proxy.js';
import { Sanitizer } from './sanitize.js';

export interface RecordFlags {
  target: string;
  listen: string;
  listenPublic?: boolean;
  out: string;
  redact?: string[];
  maskPii?: boolean;
  insecure?: boolean;
  ca?: string;
  timeout: number;
  allowInsecureHttp?: boolean;
}

export interface Output {
  line(text: string): void;
}

export function parseListen(value: string, listenPublic: boolean | undefined): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value.trim());
  if (!m) throw new UsageError(`--listen must be HOST:PORT (e.g. 127.0.0.1:8080), got ${JSON.stringify(value)}`);
  const [, bracketed, plain, portText] = m;
  const host = bracketed ?? plain ?? '';
  const port = Number(portText);
  if (port > 65535) throw new UsageError(`--listen: port ${port} is out of range`);
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  if (!loopback && !listenPublic) {
    throw new UsageError(
      `--listen ${value}: not a loopback address; the recorder would accept anyone's requests and forward them with their credentials (add --listen-public if a tunnel or ingress really needs it)`,
    );
  }
  return { host, port };
}

export function formatLiveLine(e: Exchange): string {
  const target = `${e.request.path}${e.request.query ? `?${e.request.query}` : ''}`;
  const outcome = e.response ? String(e.response.status) : `no answer: ${e.error ?? 'unknown'}`;
  return `#${e.seq} ${e.request.method} ${target} → ${outcome} (${e.durationMs} ms)`;
}

/** Runs until `stop` resolves (a signal); returns how many exchanges the capture holds. */
export async function recordSession(flags: RecordFlags, out: Output, stop: Promise<string>): Promise<number> {
  const { host, port } = parseListen(flags.listen, flags.listenPublic);
  const target = parseBaseUrl(flags.target, '--target');
  if (target.protocol === 'http:' && !isLoopback(target) && !flags.allowInsecureHttp) {
    throw new UsageError(
      `--target ${target.origin}: refusing to forward credentials over plain http to a non-loopback host (use https, or --allow-insecure-http)`,
    );
  }
  const agent = createAgent(target, { insecure: flags.insecure, ca: loadCa(flags.ca) });
  const sanitizer = new Sanitizer({ redact: flags.redact, maskPii: flags.maskPii });
  const writer = new CaptureWriter(flags.out);
  const startedAt = new Date().toISOString();
  writer.writeHeader({
    type: 'capture',
    format: CAPTURE_FORMAT,
    source: 'proxy',
    target: `${target.origin}${target.pathname.replace(/\/+$/, '')}`,
    startedAt,
    redacted: sanitizer.redactedList(),
    maskPii: Boolean(flags.maskPii),
  });
  let proxy;
  try {
    proxy = await startRecordingProxy({
      target: { url: target, agent, timeoutMs: flags.timeout },
      host,
      port,
      sanitizer,
      onExchange: (e) => {
        writer.writeExchange(e);
        out.line(formatLiveLine(e));
      },
    });
  } catch (err) {
    await writer.end();
    rmSync(flags.out, { force: true }); // nothing was recorded: do not leave a file that blocks the next try
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--listen ${flags.listen}: cannot listen (${code ?? (err as Error).message})`);
  }
  out.line(
    `scim-check ${toolVersion()} recording: ${proxy.url} → ${target.origin}${target.pathname.replace(/\/+$/, '')}`,
  );
  out.line(`writing ${flags.out}${flags.maskPii ? ' (personal data masked)' : ''}; Ctrl-C ends the recording`);
  const signal = await stop;
  out.line(`${signal}: finishing the exchanges in flight...`);
  await proxy.close();
  await writer.end();
  out.line(`recorded ${writer.exchanges} exchange${writer.exchanges === 1 ? '' : 's'} to ${flags.out}`);
  return writer.exchanges;
}
