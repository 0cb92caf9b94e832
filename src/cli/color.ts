// Color only for a person at a terminal: NO_COLOR wins, FORCE_COLOR forces.
import { processIo } from '../util/process-io.js';
export function useColor(
  stream: NodeJS.WriteStream = processIo().stdout,
  env: NodeJS.ProcessEnv = processIo().env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
