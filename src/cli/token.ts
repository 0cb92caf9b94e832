// Where the bearer token comes from. --token-env (default SCIM_TOKEN) and
// --token-file keep it out of shell history and process listings; --token is the
// least safe and documented as such.
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { processIo } from '../util/process-io.js';

export interface TokenFlags {
  token?: string;
  tokenEnv?: string;
  tokenFile?: string;
}

export function resolveToken(flags: TokenFlags, env: NodeJS.ProcessEnv = processIo().env): string | undefined {
  if (flags.token !== undefined) {
    if (flags.token.trim() === '') throw new UsageError('--token: empty value');
    return flags.token.trim();
  }
  if (flags.tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.tokenFile, 'utf8');
    } catch (err) {
      throw new UsageError(
        `--token-file ${flags.tokenFile}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    const token = text.trim();
    if (!token) throw new UsageError(`--token-file ${flags.tokenFile}: file is empty`);
    return token;
  }
  const name = flags.tokenEnv ?? 'SCIM_TOKEN';
  const value = env[name]?.trim();
  if (flags.tokenEnv !== undefined && !value)
    throw new UsageError(`--token-env ${name}: environment variable is not set`);
  return value || undefined;
}
