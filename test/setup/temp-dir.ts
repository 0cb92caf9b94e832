// Every temporary file of a test run goes under one directory, removed when the run ends:
// tests and the CLIs they start create their scratch directories with os.tmpdir(), which
// follows TMPDIR, and a run used to leave about 1,300 of them behind in /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-tests-'));
  // set before any worker starts: the workers and every process they spawn inherit it
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
  };
}
