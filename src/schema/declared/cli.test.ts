// The built CLI: `scim-check run --schemas FILE`, and declared-schema findings in its output.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../test/helpers/cli.js';

const PROBE = path.join(import.meta.dirname, 'testdata', 'declared-probe.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-schemas-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scim-check run and declared schemas (built CLI, embedded server)', () => {
  it('reports where the server contradicts its own /Schemas (should-level: exit 0)', async () => {
    const res = await runCli(['run', PROBE, '--quirk', 'schema-declares-wrong-type']);
    expect(res.stdout).toContain('DECLARED_SCHEMA_TYPE');
    expect(res.code).toBe(0);
  });

  it('a returned:never attribute fails the run (exit 1)', async () => {
    const res = await runCli(['run', PROBE, '--quirk', 'echo-password']);
    expect(res.stdout).toContain('DECLARED_RETURNED_NEVER');
    expect(res.code).toBe(1);
  });

  it('--schemas with a malformed file: exit 2, one line file:line:col, nothing run', async () => {
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(file, 'Schemas:\n  - id: urn:x\n    attributes:\n      - name: a\n        type: text\n');
    const res = await runCli(['run', PROBE, '--schemas', file]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe(
      `scim-check: ${file}:5:15: attribute a: unknown type "text" (valid: string, boolean, decimal, integer, dateTime, binary, reference, complex)`,
    );
    expect(res.stdout).toBe('');
  });
});
