// The source files of src that the structure tests read (tests excluded). Skips the throw-away
// trees test/lint-rules.test.ts writes under src/ (they must sit there for eslint's config to
// apply): a test file running beside it would otherwise see, or half-see, its planted circle.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const LINT_PROBE_PREFIX = 'lint-probe-';

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith(LINT_PROBE_PREFIX) ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}
