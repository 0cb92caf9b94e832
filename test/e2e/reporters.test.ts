// One reporter registry for three commands: run, audit and validate-mapping each write all
// six reports in one invocation through the real CLI, each well-formed, none with the token.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { runCli } from '../helpers/cli.js';
import { validateExampleMapping } from '../helpers/example-mapping.js';
import { parseStrictXml } from '../helpers/strict-xml.js';

const FILE_REPORTERS = ['json', 'jsonl', 'junit', 'html', 'markdown', 'har'] as const;

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ seed: { users: 30, groups: 2 } });
});
afterAll(() => server.close());

const COMMANDS: Record<
  string,
  { args: string[]; code: number; streamed: string; consoleSays: RegExp; annotation?: RegExp }
> = {
  run: {
    args: ['run', 'okta/test-credentials', '--base-url', '$URL', '--token-env', 'T'],
    code: 0,
    streamed: 'test',
    consoleSays: /^PASS/m,
  },
  audit: {
    args: ['audit', '--base-url', '$URL', '--token-env', 'T'],
    code: 0,
    streamed: 'finding',
    consoleSays: /^PASS: no must-level finding/m,
  },
  'validate-mapping': {
    args: validateExampleMapping(),
    code: 1,
    streamed: 'finding',
    consoleSays: /^Attributes \(16 attributes mapped\)/m,
    annotation:
      /^::error file=fixtures\/mapping\/example-eptura\/mapping\.json,line=67,col=22,title=MAP_PREFERRED_LANGUAGE_NOT_ISO639_1 \[MUST\]::/m,
  },
};

describe.each(Object.entries(COMMANDS))('%s writes every reporter of the registry', (command, spec) => {
  it('console and github on stdout, json/jsonl/junit/html/markdown/har to files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `scim-reporters-${command}-`));
    const reports = FILE_REPORTERS.flatMap((r) => ['--reporter', `${r}:${dir}/report.${r}`]);
    const args = spec.args.map((a) => (a === '$URL' ? server.baseUrl : a));
    const res = await runCli([...args, '--reporter', 'console', '--reporter', 'github', ...reports], {
      env: { T: server.token, CI: 'true' },
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(spec.code);
    expect(res.stdout).toMatch(spec.consoleSays);
    if (spec.annotation) expect(res.stdout).toMatch(spec.annotation);

    expect((await readdir(dir)).sort()).toEqual(FILE_REPORTERS.map((r) => `report.${r}`).sort()); // no temporary file left
    const text = Object.fromEntries(
      await Promise.all(
        FILE_REPORTERS.map(async (r) => [r, await readFile(path.join(dir, `report.${r}`), 'utf8')] as const),
      ),
    );
    for (const [name, body] of Object.entries(text)) expect(body, name).not.toContain(server.token);

    expect(JSON.parse(text.json).format).toMatch(/^scim-check-(run|audit|mapping)\/1$/);
    const lines = text.jsonl
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1).type).toBe('summary');
    expect(lines.slice(0, -1).every((l) => l.type === spec.streamed)).toBe(true);
    if (command !== 'audit') expect(lines.length).toBeGreaterThan(1); // the clean tenant has no finding to stream
    expect(parseStrictXml(text.junit).name).toBe('testsuites');
    expect(text.html).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
    expect(text.html).not.toMatch(/<script|<link|src=/);
    expect(JSON.parse(text.har).log.version).toBe('1.2');
    expect(text.markdown).toMatch(/^# /);
  });
});
