// `scim-check list --checks` is the registry (src/checks/registry.ts) in words: every named check,
// its one-line description and its `with:` arguments; `--json` gives the arguments as JSON Schema.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { NAMED_CHECKS } from '../../src/checks/registry.js';

describe('scim-check list --checks', () => {
  it('lists every named check with its description and arguments', async () => {
    const res = await runCli(['list', '--checks']);
    expect(res.code, res.stderr).toBe(0);
    const names = Object.keys(NAMED_CHECKS).sort();
    const headings = res.stdout.split('\n').filter((l) => /^[a-z]/.test(l) && !l.includes('named checks'));
    expect(headings.map((l) => l.split('  ')[0])).toEqual(names);
    for (const [name, entry] of Object.entries(NAMED_CHECKS))
      expect(res.stdout).toContain(`${name}  ${entry.description}`);
    expect(res.stdout).toContain('    with.count  required integer >= 0 — the count the request asked for\n');
    expect(res.stdout).toContain(`${names.length} named checks`);
  });

  it('--json: each check with its arguments as JSON Schema', async () => {
    const res = await runCli(['list', '--checks', '--json']);
    expect(res.code, res.stderr).toBe(0);
    const data = JSON.parse(res.stdout) as { name: string; description: string; arguments: Record<string, unknown> }[];
    expect(data.map((c) => c.name)).toEqual(Object.keys(NAMED_CHECKS).sort());
    expect(data.find((c) => c.name === 'list-within-count')?.arguments).toMatchObject({
      type: 'object',
      required: ['count'],
      additionalProperties: false,
      properties: { count: { type: 'integer', minimum: 0 } },
    });
  });
});
