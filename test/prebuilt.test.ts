// The build-time artefacts (dist/generated, written by `npm run build`) must be exactly what
// parsing and compiling at run time gives, must be ignored once their source changes, and
// must spare a run the modules it no longer needs. The dist side is imported from the build;
// the source side runs under vitest, where nothing prebuilt is ever used.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from './helpers/cli.js';
import { loadSuiteText } from '../src/suite/load.js';
import { loadProfile } from '../src/profile/load.js';
import { validateAgainst as validateAtRunTime } from '../src/schema/validator.js';
import { startServer, type RunningServer } from '../src/server/index.js';

type Artefacts = typeof import('../src/prebuilt/artefacts.js');
type Validator = typeof import('../src/schema/validator.js');
const dist = (p: string) => path.join(ROOT, 'dist', p);
let artefacts: Artefacts;
let built: Validator;

beforeAll(async () => {
  artefacts = (await import(dist('prebuilt/artefacts.js'))) as Artefacts;
  built = (await import(dist('schema/validator.js'))) as Validator;
});

function bundledSuiteFiles(dir = path.join(ROOT, 'suites')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? bundledSuiteFiles(path.join(dir, e.name))
      : /\.ya?ml$/.test(e.name)
        ? [path.join(dir, e.name)]
        : [],
  );
}

describe('bundled suites parsed at build time', () => {
  it('equal a parse of the YAML now, positions included (every bundled suite)', () => {
    const files = bundledSuiteFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const relative = path.relative(path.join(ROOT, 'suites'), file).replace(/\.ya?ml$/, '');
      const text = readFileSync(file, 'utf8');
      const display = path.relative(ROOT, file);
      const prebuilt = artefacts.prebuiltSuite(relative, text, file, display);
      expect(prebuilt, `${relative} was not prebuilt`).not.toBeNull();
      expect(JSON.parse(JSON.stringify(prebuilt))).toEqual(JSON.parse(JSON.stringify(loadSuiteText(text, display))));
    }
  });

  it('are ignored for a suite whose text changed since the build', () => {
    const file = bundledSuiteFiles()[0];
    const relative = path.relative(path.join(ROOT, 'suites'), file).replace(/\.ya?ml$/, '');
    const text = readFileSync(file, 'utf8');
    expect(artefacts.prebuiltSuite(relative, text, file, file)).not.toBeNull();
    expect(artefacts.prebuiltSuite(relative, `${text}\n# edited after the build\n`, file, file)).toBeNull();
  });

  it('give each caller its own copy', () => {
    const file = bundledSuiteFiles()[0];
    const relative = path.relative(path.join(ROOT, 'suites'), file).replace(/\.ya?ml$/, '');
    const text = readFileSync(file, 'utf8');
    const a = artefacts.prebuiltSuite(relative, text, file, file)!;
    a.tests.length = 0;
    expect(artefacts.prebuiltSuite(relative, text, file, file)!.tests.length).toBeGreaterThan(0);
  });
});

describe('bundled profiles prebuilt at build time', () => {
  it('equal loading the YAML now (every bundled profile, extends resolved)', () => {
    const names = readdirSync(path.join(ROOT, 'profiles'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(artefacts.prebuiltProfile(name), name).toEqual(loadProfile(name));
  });
});

describe('standalone SCIM validators compiled at build time', () => {
  const user = (extra: Record<string, unknown>) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id: 'u1',
    userName: 'alice',
    ...extra,
  });
  const cases: [string, unknown][] = [
    ['User', user({})],
    ['User', user({ meta: { resourceType: 'User', created: '2024-02-30T00:00:00Z', location: 'not a uri' } })],
    ['User', user({ userName: 42, active: 'yes', emails: [{ value: 1, primary: 'no' }], surprise: true })],
    ['User', { id: 'x' }],
    [
      'Group',
      {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
        id: 'g',
        displayName: 'G',
        members: [{ value: 'u1' }],
      },
    ],
    ['Group', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: '', members: 'nobody' }],
    ['Error', { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: 404 }],
    [
      'ListResponse',
      { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: '1', Resources: [] },
    ],
  ];
  it('give the same verdict and the same issues as ajv compiling at run time', () => {
    for (const [name, doc] of cases)
      expect(built.validateAgainst(name, doc), `${name} ${JSON.stringify(doc)}`).toEqual(validateAtRunTime(name, doc));
  });
  it('and the build did compile them (valid and invalid cases both present)', () => {
    const verdicts = cases.map(([name, doc]) => built.validateAgainst(name, doc).valid);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
    expect(artefacts.prebuiltScimValidators()?.User).toBeTypeOf('function');
    expect(artefacts.prebuiltScimQuickValidators()?.User).toBeTypeOf('function');
  });
});

describe('a run loads only what it needs', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
    dir = mkdtempSync(path.join(tmpdir(), 'scim-check-modules-'));
  });
  afterAll(async () => {
    await server.close();
  });

  it('a default run against a server never loads yaml, the ajv compiler or all of undici', async () => {
    const out = path.join(dir, 'modules.json');
    const probe = path.join(dir, 'probe.cjs');
    // CommonJS modules (yaml, ajv, undici) are listed in require.cache
    writeFileSync(
      probe,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const r = await spawnCli(['run', '--base-url', server.baseUrl, 'okta/test-credentials'], {
      env: { SCIM_TOKEN: server.token, NODE_OPTIONS: `--require ${probe}` },
    });
    expect(r.code, r.stderr).toBe(0);
    const loaded = (JSON.parse(readFileSync(out, 'utf8')) as string[]).map((f) => f.split(path.sep).join('/'));
    expect(loaded.some((f) => f.includes('/node_modules/undici/lib/dispatcher/agent.js'))).toBe(true); // the probe works
    expect(loaded.filter((f) => f.includes('/node_modules/yaml/'))).toEqual([]);
    expect(loaded.filter((f) => f.includes('/node_modules/ajv/dist/') && !f.includes('/ajv/dist/runtime/'))).toEqual(
      [],
    );
    expect(loaded.filter((f) => f.endsWith('/node_modules/undici/index.js'))).toEqual([]);
    expect(server.requestLog.length).toBeGreaterThan(0);
  });

  it('a run reporting to the console loads no other reporter', async () => {
    const out = path.join(dir, 'esm-modules.txt');
    const hooks = path.join(dir, 'hooks.mjs');
    const register = path.join(dir, 'register.mjs');
    // ES modules are not in require.cache: a load hook (on Node's hooks thread) lists each one
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(out)}, url + '\\n');\n  return next(url, context);\n}\n`,
    );
    writeFileSync(
      register,
      `import { register } from 'node:module';\nimport { pathToFileURL } from 'node:url';\nregister(pathToFileURL(${JSON.stringify(hooks)}));\n`,
    );
    const r = await spawnCli(['run', '--base-url', server.baseUrl, 'okta/test-credentials'], {
      env: { SCIM_TOKEN: server.token, NODE_OPTIONS: `--import ${pathToFileURL(register).href}` },
    });
    expect(r.code, r.stderr).toBe(0);
    // the launcher loads the bundle (scripts/bundle-cli.mjs): each lazily imported module is a
    // chunk named after its file, e.g. dist/bundle/console-BBFCPPUW.js for report/console.ts
    const reporters = readFileSync(out, 'utf8')
      .split('\n')
      .map((u) => /\/dist\/bundle\/([a-z-]+)-[A-Z0-9]{8}\.js$/.exec(u)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(reporters).toContain('console'); // the hook works
    for (const other of ['json', 'jsonl', 'junit', 'html', 'markdown', 'har', 'github'])
      expect(reporters).not.toContain(other);
  });

  it('--version answers without loading the CLI', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const out = path.join(dir, 'version-modules.json');
    const probe = path.join(dir, 'probe-version.cjs');
    writeFileSync(
      probe,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const r = await spawnCli(['--version'], { env: { NODE_OPTIONS: `--require ${probe}` } });
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect((JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((f) => f.includes('node_modules'))).toEqual([]);
  });
});

describe('the launcher (bin/scim-check.js)', () => {
  // A copy of the launcher in a tree of its own, where each possible entry only says which it is.
  function tree(bundleAgeMs: number | undefined): string {
    const root = mkdtempSync(path.join(tmpdir(), 'scim-check-launcher-'));
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    };
    write('bin/scim-check.js', readFileSync(path.join(ROOT, 'bin', 'scim-check.js'), 'utf8'));
    write('package.json', '{"type":"module","version":"0.0.0"}');
    write('dist/cli/main.js', "process.stdout.write('modules');\n");
    if (bundleAgeMs !== undefined) {
      write('dist/bundle/main.js', "process.stdout.write('bundle');\n");
      const modules = statSync(path.join(root, 'dist/cli/main.js')).mtime;
      const when = new Date(modules.getTime() - bundleAgeMs);
      utimesSync(path.join(root, 'dist/bundle/main.js'), when, when);
    }
    return root;
  }
  const entryLoaded = (root: string) =>
    execFileSync(process.execPath, [path.join(root, 'bin', 'scim-check.js'), 'list'], { encoding: 'utf8' });

  it('loads the bundle when it is as new as the compiled modules', () => {
    expect(entryLoaded(tree(-1000))).toBe('bundle');
  });

  it('loads the compiled modules when the bundle is older (a bare tsc after a build), or missing', () => {
    expect(entryLoaded(tree(60_000))).toBe('modules');
    expect(entryLoaded(tree(undefined))).toBe('modules');
  });
});
