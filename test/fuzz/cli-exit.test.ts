// End to end, for a few of the hostile files the fuzz tests generate: the CLI exits 2 with
// one stderr line naming file:line:col and no stack trace (the fuzz tests check the same thing in
// process, for thousands of cases, through the same failure classification: src/cli/failure.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ALIAS_BOMB } from './mutate.js';

const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-fuzz-cli-'));
const write = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('hostile input files end the CLI with exit 2 and one line (never 70, never a stack trace)', () => {
  it('a suite, a config file, a profile, a baseline and a mapping export', async () => {
    const suite = write('bomb.yaml', `${ALIAS_BOMB}name: s\ntests: []\n`);
    const config = write('hostile.config.yaml', `"\\u001b[2J\\r\\n": 1\n`);
    const profile = write('deep-profile.yaml', `name: p\nmandatory: ${deep(5_000)}\n`);
    const baseline = write('cycle.baseline.yaml', 'entries: &e\n  - code: X\n    reason: *e\n');
    const mapping = write('broken.json', '{ "properties": { "userName": { "expression": "user.login", }\n');
    const cases = [
      { args: ['run', suite, '--no-config'], at: `${suite}:2:13: invalid YAML: Excessive alias count` },
      { args: ['run', '--config', config], at: `hostile.config.yaml:1:1: unknown key "\\u001b[2J\\r\\n"` },
      { args: ['run', '--no-config', '--profile', profile], at: `${profile}:2:` },
      { args: ['run', '--no-config', '--baseline', baseline], at: `${baseline}:3:13: invalid YAML: an alias points` },
      {
        args: ['validate-mapping', '--no-config', '--mapping', mapping, '--app-schema', mapping],
        at: `${mapping}:2:1: invalid YAML`,
      },
    ];
    const results = await Promise.all(cases.map((c) => runCli(c.args, { cwd: dir, timeoutMs: 30_000 })));
    results.forEach((r, i) => {
      const { args, at } = cases[i]!;
      expect({ args, code: r.code, lines: r.stderr.split('\n').length }).toEqual({ args, code: 2, lines: 2 });
      expect(r.stderr).toContain(`scim-check: ${at}`);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|\u001b/);
    });
  }, 60_000);
});
