// The process entry point (bin/scim-check.js loads it): runs the command line and sets
// the exit code. Everything else lives in program.ts.
import { runCommandLine } from './program.js';

// `scim-check run | head`: a reader that goes away is not an error of ours. Stop
// writing quietly and end with the run's own exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    stream.write = (() => true) as typeof stream.write;
  });
}

process.exitCode = await runCommandLine(process.argv);
