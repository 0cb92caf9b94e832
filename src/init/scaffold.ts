// `scim-check init`: the files a project needs to use scim-check every day and in CI.
// Nothing that exists is ever overwritten; the caller is told what was written and what was kept.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../util/paths.js';
import { toolVersion } from '../util/version.js';

export interface ScaffoldFile {
  /** Path relative to the project directory. */
  path: string;
  template: string;
  what: string;
}

export const SCAFFOLD: readonly ScaffoldFile[] = [
  {
    path: 'scim-check.config.yaml',
    template: 'scim-check.config.yaml',
    what: 'project config: defaults and a commented staging target',
  },
  {
    path: 'scim-suites/example.yaml',
    template: 'example-suite.yaml',
    what: 'an example custom suite (passes against the embedded server)',
  },
  {
    path: 'scim-check.baseline.yaml',
    template: 'scim-check.baseline.yaml',
    what: 'an empty baseline of accepted deviations',
  },
  {
    path: '.github/workflows/scim-check.yml',
    template: 'github-workflow.yaml',
    what: 'GitHub Actions: the gate against staging after each deploy',
  },
];

export interface ScaffoldOutcome {
  file: ScaffoldFile;
  written: boolean;
}

export function scaffold(dir: string): ScaffoldOutcome[] {
  return SCAFFOLD.map((file) => {
    const target = path.join(dir, file.path);
    if (existsSync(target)) return { file, written: false };
    const text = readFileSync(path.join(TEMPLATES_DIR, 'init', file.template), 'utf8').replaceAll(
      '{{VERSION}}',
      toolVersion(),
    );
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text, { flag: 'wx' }); // wx: never replace a file that appeared meanwhile
    return { file, written: true };
  });
}

export function describeOutcome(outcomes: readonly ScaffoldOutcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.file.path.length));
  const lines: string[] = [];
  const written = outcomes.filter((o) => o.written);
  const kept = outcomes.filter((o) => !o.written);
  if (written.length) {
    lines.push('Wrote:');
    for (const o of written) lines.push(`  ${o.file.path.padEnd(width)}  ${o.file.what}`);
  }
  if (kept.length) {
    lines.push('Kept (already there, not changed):');
    for (const o of kept) lines.push(`  ${o.file.path}`);
  }
  lines.push('');
  lines.push('Next: npx scim-check run');
  lines.push('  runs the default suites and scim-suites/ against the embedded reference server.');
  lines.push('Then: uncomment the staging target in scim-check.config.yaml, export STAGING_SCIM_TOKEN, and run');
  lines.push('  npx scim-check run --target staging');
  lines.push(
    'In CI: add STAGING_SCIM_TOKEN to the repository secrets; .github/workflows/scim-check.yml does the rest.',
  );
  return `${lines.join('\n')}\n`;
}
