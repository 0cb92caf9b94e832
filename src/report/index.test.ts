import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { Redactor } from '../util/redact.js';
import { parseReporters, REPORTERS, renderReport, writeReports, type ReporterName } from './index.js';
import { checkReporterSpecs } from './reporter-flag.js';
import { sampleRun } from '../../test/helpers/sample-run.js';

const parseReporterFlag = (flag: string) => parseReporters([flag], {})[0];

describe('parseReporters', () => {
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
      '--reporter xml:out.xml: unknown reporter "xml"; valid reporters: console, json, jsonl, junit, html, markdown, har, github',
    );
    expect(() => parseReporterFlag('')).toThrow(/--reporter : unknown reporter \(empty\)/);
    expect(() => parseReporterFlag('junit:')).toThrow(/missing file after "junit:"/);
    expect(() => parseReporterFlag('toString')).toThrow(UsageError); // not fooled by Object.prototype
  });

  it('refuses two reports on stdout or two on one file', () => {
    expect(() => checkReporterSpecs([{ name: 'console' }, { name: 'json' }])).toThrow(
      /only one reporter can write to stdout/,
    );
    expect(() =>
      checkReporterSpecs([
        { name: 'json', file: 'a/r.txt' },
        { name: 'junit', file: './a/../a/r.txt' },
      ]),
    ).toThrow(/already writes this file/);
    expect(() => checkReporterSpecs([{ name: 'console' }, { name: 'junit', file: 'r.xml' }])).not.toThrow();
  });

  it('defaults to console, and adds github inside GitHub Actions', () => {
    expect(parseReporters(['console'], { GITHUB_ACTIONS: 'true' })).toEqual([{ name: 'console' }, { name: 'github' }]);
    expect(parseReporters(['github:-'], { GITHUB_ACTIONS: 'true' })).toEqual([{ name: 'github' }]);
    expect(parseReporters(undefined, {})).toEqual([{ name: 'console' }]);
    expect(parseReporters([], {})).toEqual([{ name: 'console' }]);
  });
});

describe('the registry', () => {
  it('offers the same six reporters to every command', () => {
    expect(Object.keys(REPORTERS)).toEqual(['console', 'json', 'jsonl', 'junit', 'html', 'markdown', 'har', 'github']);
  });
});

const render = (name: ReporterName, run: ReturnType<typeof sampleRun>, color = false) =>
  renderReport(name, { command: 'run', result: run }, { color });

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
      { command: 'run', result: run },
      [{ name: 'console' }, { name: 'junit', file: junitFile }, { name: 'json', file: jsonFile }],
      { stdout: (s) => void printed.push(s), color: true, redactor: new Redactor() },
    );
    expect(await readFile(junitFile, 'utf8')).toBe(await render('junit', run));
    expect(await readFile(jsonFile, 'utf8')).toBe(await render('json', run));
    expect(printed).toEqual([await render('console', run, true)]);
    expect(await readdir(path.join(dir, 'reports', 'ci'))).toEqual(['scim.xml']); // no temp file left behind
  });

  it('never puts colour into a file, and replaces an existing file', async () => {
    const file = path.join(dir, 'console.txt');
    await writeFile(file, 'old contents');
    await writeReports({ command: 'run', result: sampleRun() }, [{ name: 'console', file }], {
      stdout: () => undefined,
      color: true,
      redactor: new Redactor(),
    });
    const text = await readFile(file, 'utf8');
    expect(text).toBe(await render('console', sampleRun()));
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
    await writeReports({ command: 'run', result: run }, [{ name: 'json' }, { name: 'junit', file }], {
      stdout: (s) => void printed.push(s),
      color: false,
      redactor,
    });
    const all = printed.join('') + (await readFile(file, 'utf8'));
    expect(all).not.toContain(secret);
    expect(all.split('server echoed [REDACTED]').length - 1).toBe(2); // json notice + junit system-out
  });

  it('turns an unwritable path into one UsageError line naming the flag', async () => {
    const blocker = path.join(dir, 'not-a-dir');
    await writeFile(blocker, 'x');
    const file = path.join(blocker, 'scim.xml');
    await expect(
      writeReports({ command: 'run', result: sampleRun() }, [{ name: 'junit', file }], {
        stdout: () => undefined,
        color: false,
        redactor: new Redactor(),
      }),
    ).rejects.toThrow(
      new RegExp(`^--reporter junit:${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot write report: `),
    );
  });
});
