import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { Redactor } from '../util/redact.js';
import { checkReporterSpecs, parseReporterFlag, REPORTERS, writeReports } from './index.js';
import { sampleRun } from '../../test/helpers/sample-run.js';

describe('parseReporterFlag', () => {
  it('parses a name, name:file and name:- (stdout)', () => {
    expect(parseReporterFlag('console')).toEqual({ name: 'console' });
    expect(parseReporterFlag('junit:reports/scim.xml')).toEqual({ name: 'junit', file: 'reports/scim.xml' });
    expect(parseReporterFlag('json:-')).toEqual({ name: 'json' });
    expect(parseReporterFlag('junit:C:\\out\\scim.xml')).toEqual({ name: 'junit', file: 'C:\\out\\scim.xml' });
  });

  it('rejects an unknown name with the flag and the valid names', () => {
    const error = (() => {
      try {
        parseReporterFlag('xml:out.xml');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).oneLine()).toBe(
      '--reporter xml:out.xml: unknown reporter "xml"; valid reporters: console, json, junit, har, html, github',
    );
    expect(() => parseReporterFlag('')).toThrow(/--reporter : unknown reporter \(empty\)/);
    expect(() => parseReporterFlag('junit:')).toThrow(/missing file after "junit:"/);
    expect(() => parseReporterFlag('toString')).toThrow(UsageError); // not fooled by Object.prototype
  });

  it('refuses two reports on stdout or two on one file', () => {
    expect(() => checkReporterSpecs([{ name: 'console' }, { name: 'json' }])).toThrow(/only one reporter can write to stdout/);
    expect(() => checkReporterSpecs([{ name: 'json', file: 'a/r.txt' }, { name: 'junit', file: './a/../a/r.txt' }])).toThrow(
      /already writes this file/,
    );
    expect(() => checkReporterSpecs([{ name: 'console' }, { name: 'junit', file: 'r.xml' }])).not.toThrow();
  });
});

describe('writeReports', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'scim-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes files into nested directories and the rest to stdout', async () => {
    const run = sampleRun();
    const printed: string[] = [];
    const junitFile = path.join(dir, 'reports', 'ci', 'scim.xml');
    const jsonFile = path.join(dir, 'out', 'run.json');
    await writeReports(
      run,
      [{ name: 'console' }, { name: 'junit', file: junitFile }, { name: 'json', file: jsonFile }],
      { stdout: (s) => printed.push(s), color: true },
    );
    expect(await readFile(junitFile, 'utf8')).toBe(REPORTERS.junit(run, { color: false }));
    expect(await readFile(jsonFile, 'utf8')).toBe(REPORTERS.json(run, { color: false }));
    expect(printed).toEqual([REPORTERS.console(run, { color: true })]);
    expect(await readdir(path.join(dir, 'reports', 'ci'))).toEqual(['scim.xml']); // no temp file left behind
  });

  it('never puts colour into a file, and replaces an existing file', async () => {
    const file = path.join(dir, 'console.txt');
    await writeFile(file, 'old contents');
    await writeReports(sampleRun(), [{ name: 'console', file }], { stdout: () => undefined, color: true });
    const text = await readFile(file, 'utf8');
    expect(text).toBe(REPORTERS.console(sampleRun(), { color: false }));
    expect(text).not.toContain('\u001b[');
  });

  it('applies the redactor to every output', async () => {
    const secret = 'tok-1234567890-secret';
    const run = sampleRun();
    run.notices.push({ level: 'warning', code: 'LEAK', message: `server echoed ${secret}` });
    const redactor = new Redactor();
    redactor.add(secret);
    const printed: string[] = [];
    const file = path.join(dir, 'r.xml');
    await writeReports(run, [{ name: 'json' }, { name: 'junit', file }], { stdout: (s) => printed.push(s), color: false }, redactor);
    const all = printed.join('') + (await readFile(file, 'utf8'));
    expect(all).not.toContain(secret);
    expect(all.split('server echoed [REDACTED]').length - 1).toBe(2); // json notice + junit system-out
  });

  it('turns an unwritable path into one UsageError line naming the flag', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await writeFile(blocker, 'x');
    const file = path.join(blocker, 'scim.xml');
    await expect(writeReports(sampleRun(), [{ name: 'junit', file }], { stdout: () => undefined, color: false })).rejects.toThrow(
      new RegExp(`^--reporter junit:${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot write report: `),
    );
  });
});
