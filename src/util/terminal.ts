// Live progress is only for a person at a terminal: nothing when the stream is
// piped, in CI, or with TERM=dumb.
import { processIo } from './process-io.js';
export function wantsProgress(
  stream: NodeJS.WriteStream = processIo().stderr,
  env: NodeJS.ProcessEnv = processIo().env,
): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return Boolean(stream.isTTY) && !ci && env.TERM !== 'dumb';
}
