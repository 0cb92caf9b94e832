// Content hashes that key the build-time artefacts: an artefact is used only for the
// exact text it was built from.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** One hash over several files (by base name and content, in the order given); a missing file counts as empty. */
export function filesHash(files: string[]): string {
  const h = createHash('sha1');
  for (const file of files) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // a file that disappeared changes the hash just as well
    }
    h.update(`${path.basename(file)}\0${text}\0`);
  }
  return h.digest('hex');
}
