// The layer rules are enforced by tooling, not vigilance: the lint configuration fails on an
// import circle, on src/model importing anything of ours, and on src writing to the process's
// streams or reading its environment around src/util/process-io.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { LINT_PROBE_PREFIX } from './helpers/source-files.js';

/** A throw-away tree under the repository (so the real eslint.config.js and tsconfig apply). */
function tree(files: Record<string, string>, under = 'src'): string {
  const dir = mkdtempSync(path.join(ROOT, under, LINT_PROBE_PREFIX));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function ruleIds(dir: string, file: string): Promise<string[]> {
  // only the two layer rules: the type-checked rules would need the probe in the TS project
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: {
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/await-thenable': 'off',
        '@typescript-eslint/switch-exhaustiveness-check': 'off',
      },
      languageOptions: { parserOptions: { project: null } },
    },
  });
  const [result] = await eslint.lintFiles([path.join(dir, file)]);
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint: the layer rules', () => {
  // import-x skips type-only imports; test/architecture.test.ts catches those circles too
  it('fails on an import circle', async () => {
    const dir = tree({
      'a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
      'b.ts': "import { a } from './a.js';\nexport const b = () => a();\n",
    });
    try {
      expect(await ruleIds(dir, 'a.ts')).toContain('import-x/no-cycle');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails when src/model imports from a layer above it', async () => {
    const dir = tree(
      { 'x.ts': "import type { Report } from '../../report/reporter.js';\nexport type X = Report;\n" },
      'src/model',
    );
    try {
      expect(await ruleIds(dir, 'x.ts')).toContain('import-x/no-restricted-paths');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails when a layer imports from one above it (an engine from cli/, the HTTP client from report/)', async () => {
    const engine = tree(
      { 'x.ts': "import { parseReporters } from '../../report/index.js';\nexport const x = parseReporters;\n" },
      'src/record',
    );
    const client = tree(
      { 'y.ts': "import { resolveTarget } from '../../cli/target.js';\nexport const y = resolveTarget;\n" },
      'src/http',
    );
    const fine = tree(
      { 'z.ts': "import { joinUrl } from '../../http/url.js';\nexport const z = joinUrl;\n" },
      'src/record',
    );
    try {
      expect(await ruleIds(engine, 'x.ts')).toContain('import-x/no-restricted-paths');
      expect(await ruleIds(client, 'y.ts')).toContain('import-x/no-restricted-paths');
      expect(await ruleIds(fine, 'z.ts')).toEqual([]);
    } finally {
      for (const dir of [engine, client, fine]) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails on a command writing to process.stdout instead of its own streams', async () => {
    const dir = tree({ 'w.ts': 'export const w = (t: string) => process.stdout.write(t);\n' });
    const fine = tree({
      'w.ts':
        "import { processIo } from '../util/process-io.js';\nexport const w = (t: string) => processIo().stdout.write(t);\n",
    });
    try {
      expect(await ruleIds(dir, 'w.ts')).toContain('no-restricted-properties');
      expect(await ruleIds(fine, 'w.ts')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(fine, { recursive: true, force: true });
    }
  });

  it('passes the same files without the circle', async () => {
    const dir = tree({
      'a.ts': "import type { B } from './b.js';\nexport type A = B | 1;\n",
      'b.ts': 'export type B = 2;\n',
    });
    try {
      expect(await ruleIds(dir, 'a.ts')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
