// Against the reference server (real HTTP on 127.0.0.1:0): the run reads the server's
// own /Schemas and reports where the server contradicts them; a clean server has no findings.
import { afterAll, describe, expect, it } from 'vitest';
import { runSuitesAt } from '../../../test/helpers/run-suite.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/index.js';
import { ALL_SCHEMA_DEFS } from '../../server/schema-defs.js';
import { readDeclaredSchemasFile } from './read-file.js';
import type { CheckResult, RunResult } from '../../model/run-result.js';

const PROBE = path.join(import.meta.dirname, 'testdata', 'declared-probe.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'scim-check-declared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(quirks: string[], declaredSchemasFile?: string): Promise<RunResult> {
  const server = await startServer({ port: 0, quirks });
  try {
    const declaredSchemas = declaredSchemasFile
      ? { file: declaredSchemasFile, model: readDeclaredSchemasFile(declaredSchemasFile) }
      : undefined;
    return await runSuitesAt(server, [PROBE], { declaredSchemas });
  } finally {
    await server.close();
  }
}

const declaredFailures = (r: RunResult): CheckResult[] =>
  r.suites
    .flatMap((s) => s.tests.flatMap((t) => t.steps.flatMap((st) => st.checks)))
    .filter((c) => !c.passed && /^(DECLARED_|RFC_CORE)/.test(c.code));
const byStep = (r: RunResult, code: string) =>
  r.suites[0].tests[0].steps.filter((st) => st.checks.some((c) => c.code === code && !c.passed)).map((st) => st.id);

describe('declared schemas against the reference server', () => {
  it('a clean server agrees with its own /Schemas: no findings, no notices', async () => {
    const r = await run([]);
    expect(declaredFailures(r)).toEqual([]);
    expect(r.notices).toEqual([]);
    expect(r.summary.mustFailures).toBe(0);
  });

  it('schema-declares-wrong-type: active declared string, returned boolean, on create, read and every listed user', async () => {
    const r = await run(['schema-declares-wrong-type']);
    expect(byStep(r, 'DECLARED_SCHEMA_TYPE')).toEqual(['create', 'read', 'list']);
    const list = declaredFailures(r).find(
      (c) => c.code === 'DECLARED_SCHEMA_TYPE' && String(c.actual).includes('/Resources/'),
    );
    expect(list?.actual).toContain('/Resources/0/active: declared string, got boolean true');
    expect(list?.severity).toBe('should');
    expect(list?.where?.file).toBe(PROBE);
  });

  it('echo-password: a returned:never attribute in responses is a must failure', async () => {
    const r = await run(['echo-password']);
    // must on every response that carries it: the read still runs, since the create captured the id
    expect(byStep(r, 'DECLARED_RETURNED_NEVER')).toEqual(['create', 'read', 'list']);
    expect(r.suites[0].tests[0].steps.map((st) => st.status)).toEqual(['failed', 'failed', 'failed']);
  });

  it('schema-omits-attribute: displayName returned but not declared', async () => {
    const r = await run(['schema-omits-attribute']);
    expect(declaredFailures(r).map((c) => c.code)).toEqual([
      'DECLARED_UNKNOWN_ATTRIBUTE',
      'DECLARED_UNKNOWN_ATTRIBUTE',
      'DECLARED_UNKNOWN_ATTRIBUTE',
    ]);
    expect(declaredFailures(r)[0].actual).toContain('/displayName: not declared in /Schemas');
  });

  it('--schemas FILE replaces what the server publishes (a file saying active is an integer)', async () => {
    const user = ALL_SCHEMA_DEFS[0];
    const edited = {
      ...user,
      attributes: user.attributes.map((a) => (a.name === 'active' ? { ...a, type: 'integer' } : a)),
    };
    const file = path.join(dir, 'schemas.yaml');
    writeFileSync(file, JSON.stringify({ Schemas: [edited, ...ALL_SCHEMA_DEFS.slice(1)] }));
    const r = await run([], file);
    expect(byStep(r, 'DECLARED_SCHEMA_TYPE')).toEqual(['create', 'read', 'list']);
    expect(declaredFailures(r)[0].actual).toContain('declared integer, got boolean true');
  });

  it('a server whose /Schemas lists no usable definition gets one notice and no findings', async () => {
    const r = await run(['discovery-missing-members']);
    expect(declaredFailures(r)).toEqual([]);
    expect(r.notices.map((n) => n.code)).toEqual(['DECLARED_SCHEMAS_UNUSABLE']);
  });
});
