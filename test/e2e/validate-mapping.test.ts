// validate-mapping through the CLI: exit codes, reporters, payloads, and
// a one-line positioned error for broken input.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { EXAMPLE_MAPPING_DIR, validateExampleMapping } from '../helpers/example-mapping.js';

const EX = EXAMPLE_MAPPING_DIR;
const args = (mapping: string) => validateExampleMapping(mapping);

describe('scim-check validate-mapping', () => {
  it('exits 1 on the admin-guide mapping and names the preferredLanguage problem with its position', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-vm-'));
    const res = await runCli([
      ...args('mapping.json'),
      '--reporter',
      'console',
      '--reporter',
      `junit:${dir}/m.xml`,
      '--reporter',
      `json:${dir}/m.json`,
    ]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('MAP_PREFERRED_LANGUAGE_NOT_ISO639_1');
    expect(res.stdout).toMatch(/mapping\.json:\d+:\d+/);
    expect(readFileSync(path.join(dir, 'm.xml'), 'utf8')).toContain('type="MAP_PREFERRED_LANGUAGE_NOT_ISO639_1"');
    const json = JSON.parse(readFileSync(path.join(dir, 'm.json'), 'utf8'));
    expect(json).toMatchObject({ format: 'scim-check-mapping/1', verdict: 'fail', attributes: 16 });
    expect(json.summary.must).toBeGreaterThan(0);
    // a mapping has attributes and samples: no runs, steps or timings
    expect(res.stdout).toMatch(/^Attributes \(16 attributes mapped\)$/m);
    expect(res.stdout).toMatch(/^Samples \(3 users from /m);
    expect(res.stdout).not.toMatch(/→|\(step |\d+ms\)|run validate-mapping/);
    expect(json.target).toBeUndefined();
  });

  it('exits 0 on the fixed mapping and prints the payload Okta would POST', async () => {
    const res = await runCli([...args('mapping-fixed.json'), '--show-payload']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('# POST /Users for sample alice.martin@example.com');
    expect(res.stdout).toContain('"preferredLanguage": "en"');
    expect(res.stdout).not.toContain('MAP_PREFERRED_LANGUAGE');
  });

  it('--show-payload with a JSON report on stdout: stdout is the JSON alone, the payloads go to stderr', async () => {
    const res = await runCli([...args('mapping-fixed.json'), '--show-payload', '--reporter', 'json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).format).toBe('scim-check-mapping/1');
    expect(res.stderr).toContain('# POST /Users for sample alice.martin@example.com');
  });

  it('exits 2 with file:line:col for a mapping that is not valid JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-vm-'));
    const bad = path.join(dir, 'broken.json');
    writeFileSync(bad, '{\n  "properties": {\n    "title": { "expression": "user.title", }\n');
    const res = await runCli(['validate-mapping', '--mapping', bad, '--app-schema', `${EX}/app-schema.json`]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(new RegExp(`^scim-check: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 when the required --mapping flag is missing', async () => {
    const res = await runCli(['validate-mapping']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("required option '--mapping <file>' not specified");
  });
});
