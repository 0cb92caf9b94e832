// The package as a user gets it: `npm pack`, then an offline install of the tarball with
// production dependencies only in an empty directory, then run, validate-mapping, audit and
// init from the installed bin. Offline works because the app's lockfile pins every dependency
// by integrity, which npm finds in its cache (filled by this repository's own `npm ci`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/cli.js';

const run = promisify(execFile);
let work: string;
let app: string;
let bin: string;

interface LockEntry {
  dev?: boolean;
  link?: boolean;
  [key: string]: unknown;
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  work = mkdtempSync(path.join(tmpdir(), 'scim-check-pack-'));
  // --ignore-scripts: dist is already built (pretest); `prepare` would rebuild it under running tests
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
  const tarball = (JSON.parse(packed.stdout) as { filename: string }[])[0].filename;
  app = path.join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, dependencies: { 'scim-check': `file:../${tarball}` } }),
  );
  writeFileSync(
    path.join(app, 'package-lock.json'),
    JSON.stringify(appLockfile(path.join(work, tarball), `file:../${tarball}`), null, 2),
  );
  await run('npm', ['ci', '--offline', '--omit=dev', '--no-audit', '--no-fund'], { cwd: app });
  bin = path.join(app, 'node_modules', '.bin', 'scim-check');
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The repository's production dependencies, as a lockfile of an app that depends on the tarball. */
function appLockfile(tarballPath: string, spec: string) {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const root = lock.packages[''] as LockEntry & { version: string };
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarballPath)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { 'scim-check': spec } },
    'node_modules/scim-check': {
      version: root.version,
      resolved: spec,
      integrity,
      license: root.license,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages))
    if (key !== '' && !entry.dev && !entry.link) packages[key] = entry;
  return { name: 'app', lockfileVersion: 3, requires: true, packages };
}

async function scimCheck(args: string[], cwd = app): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(bin, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', SCIM_TOKEN: '', SCIM_BASE_URL: '', GITHUB_ACTIONS: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the npm package', () => {
  it('installs from the tarball offline with production dependencies only', () => {
    const installed = readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
    const prod = Object.keys(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: object }).dependencies,
    );
    for (const dep of prod) expect(installed).toContain(dep);
    for (const dev of ['typescript', 'vitest', 'express', 'scimmy', '@types']) expect(installed).not.toContain(dev);
    const pkgDir = path.join(app, 'node_modules', 'scim-check');
    expect(existsSync(path.join(pkgDir, 'src'))).toBe(false); // sources and tests stay home
    expect(existsSync(path.join(pkgDir, 'test'))).toBe(false);
    for (const shipped of [
      'dist/cli/main.js',
      'dist/bundle/main.js', // what bin/scim-check.js loads
      'schemas/config.schema.json',
      'schemas/suite.schema.json',
      'templates/init/github-workflow.yaml',
      'suites/okta/test-credentials.yaml',
      'profiles/eptura.yaml',
      'LICENSE',
      'README.md',
    ]) {
      expect(existsSync(path.join(pkgDir, shipped)), shipped).toBe(true);
    }
  });

  it('package.json carries what a registry page needs', () => {
    const pkg = JSON.parse(readFileSync(path.join(app, 'node_modules', 'scim-check', 'package.json'), 'utf8'));
    expect(pkg.description).toMatch(/SCIM 2\.0/);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['scim', 'okta', 'conformance']));
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\//);
    expect(pkg.engines.node).toMatch(/^>=20/);
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist', 'templates']));
    expect(pkg.bin['scim-check']).toBe('bin/scim-check.js');
  });

  it('runs run, validate-mapping and audit from the installed bin', async () => {
    const r = await scimCheck(['run', 'okta/test-credentials']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 passed, 0 failed/);

    const fixtures = path.join(ROOT, 'fixtures', 'mapping', 'example-eptura');
    const vm = await scimCheck([
      'validate-mapping',
      '--mapping',
      path.join(fixtures, 'mapping.json'),
      '--app-schema',
      path.join(fixtures, 'app-schema.json'),
      '--profile',
      'eptura',
    ]);
    expect(vm.code).toBe(1);
    expect(vm.stdout).toContain('MAP_PREFERRED_LANGUAGE_NOT_ISO639_1');
    const fixed = await scimCheck([
      'validate-mapping',
      '--mapping',
      path.join(fixtures, 'mapping-fixed.json'),
      '--app-schema',
      path.join(fixtures, 'app-schema.json'),
      '--profile',
      'eptura',
    ]);
    expect(fixed.code).toBe(0);

    const audit = await scimCheck(['audit']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('PASS: no must-level finding');
  });

  it('init works from the installed package, and its example suite passes', async () => {
    const project = path.join(work, 'project');
    mkdirSync(project);
    const init = await scimCheck(['init'], project);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Next: npx scim-check run');
    const r = await scimCheck(['run', 'scim-suites/example.yaml', '--reporter', 'console'], project);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('my/example');
  });
});
