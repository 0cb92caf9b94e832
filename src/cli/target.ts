// Resolves the target: an explicit --base-url / SCIM_BASE_URL, or the embedded
// reference server started for this run on 127.0.0.1 with a random token.
import { UsageError } from '../errors.js';
import { isLoopback, parseBaseUrl } from '../http/url.js';
import { resolveToken, type TokenFlags } from './token.js';
import type { RunningServer } from '../server/index.js';
import { processIo } from '../util/process-io.js';

export interface TargetFlags extends TokenFlags {
  baseUrl?: string;
  allowInsecureHttp?: boolean;
  quirk?: string[];
}

export interface Target {
  baseUrl: string;
  token: string;
  embedded: boolean;
  server?: RunningServer;
}

export async function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv = processIo().env): Promise<Target> {
  const raw = flags.baseUrl ?? env.SCIM_BASE_URL;
  if (!raw) {
    const { startServer } = await import('../server/index.js'); // only without --base-url
    const server = await startServer({ quirks: flags.quirk ?? [] });
    return { baseUrl: server.baseUrl, token: server.token, embedded: true, server };
  }
  if (flags.quirk && flags.quirk.length > 0)
    throw new UsageError('--quirk only applies to the embedded server (omit --base-url)');
  const url = parseBaseUrl(raw, flags.baseUrl ? '--base-url' : 'SCIM_BASE_URL');
  const token = resolveToken(flags, env);
  if (!token)
    throw new UsageError('no token: set SCIM_TOKEN, or use --token-env NAME, --token-file PATH or --token VALUE');
  if (url.protocol === 'http:' && !isLoopback(url) && !flags.allowInsecureHttp) {
    throw new UsageError(
      `--base-url ${url.origin}: refusing to send a token over plain http to a non-loopback host (use https, or --allow-insecure-http)`,
    );
  }
  return { baseUrl: url.toString().replace(/\/+$/, ''), token, embedded: false };
}
