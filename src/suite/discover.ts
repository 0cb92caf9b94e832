// Turns CLI arguments into loaded, validated suites: files, directories, bundled suite
// names and `tag:` selectors. Everything is loaded before anything runs, so an invalid
// suite stops the run with a UsageError before a single request is sent.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { SUITES_DIR } from '../util/paths.js';
import { closeMatches } from '../util/did-you-mean.js';
import { loadSuiteFile, loadSuiteText } from './load.js';
import { prebuiltSuite } from '../prebuilt/artefacts.js';
import type { SuiteSpec } from './types.js';

export interface ResolveOptions {
  /** Keep tests whose name or id matches this regular expression (case-insensitive). */
  grep?: string;
  /** Keep tests that carry (or whose suite carries) one of these tags. */
  tags?: string[];
  /** Where bundled suites live (tests point this at a temporary directory). */
  suitesDir?: string;
}

interface BundledSuite {
  /** Path below the suites directory, `/`-separated, without extension: `okta/test-credentials`. */
  relative: string;
  suite: SuiteSpec;
}

const SUITE_FILE = /\.ya?ml$/i;
const DEFAULT_TAG = 'default';

/** Path relative to the working directory when inside it (readable diagnostics), else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

/** Every *.yaml / *.yml below dir, sorted by path. */
function listSuiteFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listSuiteFiles(full));
    else if (entry.isFile() && SUITE_FILE.test(entry.name)) found.push(full);
  }
  return found.sort();
}

function loadBundled(suitesDir: string): BundledSuite[] {
  let files: string[];
  try {
    files = listSuiteFiles(suitesDir);
  } catch {
    return [];
  }
  const ownSuites = path.resolve(suitesDir) === SUITES_DIR;
  return files.map((file) => {
    const relative = path.relative(suitesDir, file).split(path.sep).join('/').replace(SUITE_FILE, '');
    return { relative, suite: ownSuites ? loadOwnSuite(relative, file) : loadSuiteFile(displayPath(file)) };
  });
}

/** A suite shipped with scim-check: parsed at build time unless edited since (src/prebuilt). */
function loadOwnSuite(relative: string, file: string): SuiteSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return loadSuiteFile(displayPath(file)); // reports the read error as usual
  }
  return prebuiltSuite(relative, text, path.resolve(file), displayPath(file)) ?? loadSuiteText(text, displayPath(file));
}

export function resolveSuites(args: string[], opts: ResolveOptions = {}): SuiteSpec[] {
  const suitesDir = opts.suitesDir ?? SUITES_DIR;
  let bundledCache: BundledSuite[] | undefined;
  const bundled = (): BundledSuite[] => (bundledCache ??= loadBundled(suitesDir));
  const selected = new Map<string, SuiteSpec>(); // by absolute file, first selection wins the order
  const add = (suites: SuiteSpec[]) => suites.forEach((s) => selected.has(s.file) || selected.set(s.file, s));

  if (args.length === 0)
    add(
      bundled()
        .filter((b) => b.suite.tags?.includes(DEFAULT_TAG))
        .map((b) => b.suite),
    );
  for (const arg of args) add(resolveArgument(arg, bundled, suitesDir));
  return filterTests([...selected.values()], opts);
}

function resolveArgument(arg: string, bundled: () => BundledSuite[], suitesDir: string): SuiteSpec[] {
  if (arg.startsWith('tag:')) return byTag(arg.slice(4), bundled());
  const stats = statSync(arg, { throwIfNoEntry: false });
  if (stats?.isDirectory()) {
    const files = listSuiteFiles(arg);
    if (files.length === 0) throw new UsageError(`no suite files (*.yaml, *.yml) in directory ${arg}`);
    return files.map((f) => loadSuiteFile(f));
  }
  if (stats || SUITE_FILE.test(arg)) return [loadSuiteFile(arg)];
  return [byPath(arg, suitesDir) ?? byName(arg, bundled())];
}

/**
 * `okta/test-credentials` names its file below the suites directory: that one file is loaded,
 * not all of them, when the suite in it carries that very name (as every bundled suite does).
 */
function byPath(name: string, suitesDir: string): SuiteSpec | undefined {
  if (!/^[a-z0-9][a-z0-9/_-]*$/i.test(name)) return undefined; // no dots: never a path out of suitesDir
  const file = path.join(suitesDir, `${name}.yaml`);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  const suite = path.resolve(suitesDir) === SUITES_DIR ? loadOwnSuite(name, file) : loadSuiteFile(displayPath(file));
  return suite.name === name ? suite : undefined;
}

function byTag(tag: string, bundled: BundledSuite[]): SuiteSpec[] {
  if (tag === 'all') return bundled.map((b) => b.suite); // every bundled suite
  const hits = bundled.filter((b) => b.suite.tags?.includes(tag) || b.suite.tests.some((t) => t.tags?.includes(tag)));
  if (hits.length > 0) return hits.map((b) => b.suite);
  const known = [...new Set(bundled.flatMap((b) => b.suite.tags ?? []))].sort();
  const hint = closeMatches(tag, known);
  throw new UsageError(
    `no bundled suite has tag "${tag}"${hint.length > 0 ? `; did you mean "tag:${hint[0]}"?` : ''} (tags: ${known.join(', ') || 'none'})`,
  );
}

function byName(name: string, bundled: BundledSuite[]): SuiteSpec {
  const exact = bundled.find((b) => b.suite.name === name || b.relative === name);
  if (exact) return exact.suite;
  const short = bundled.filter((b) => b.relative.split('/').pop() === name || b.suite.name.split('/').pop() === name);
  const [only, ...others] = short;
  if (only && others.length === 0) return only.suite;
  if (short.length > 1) {
    throw new UsageError(`suite name "${name}" is ambiguous: ${short.map((b) => b.relative).join(', ')}`);
  }
  const names = [...new Set(bundled.flatMap((b) => [b.relative, b.suite.name]))].sort();
  const close = names.filter((n) => closeMatches(name, [n, n.split('/').pop() ?? n], 3).length > 0 || n.includes(name));
  const listing =
    close.length > 0
      ? `; did you mean ${close.map((n) => `"${n}"`).join(' or ')}?`
      : ` (bundled suites: ${names.join(', ') || 'none'})`;
  throw new UsageError(`unknown suite "${name}": not a file, directory or bundled suite${listing}`);
}

function filterTests(suites: SuiteSpec[], opts: ResolveOptions): SuiteSpec[] {
  if (opts.grep === undefined && (opts.tags ?? []).length === 0) return suites;
  let pattern: RegExp | undefined;
  if (opts.grep !== undefined) {
    try {
      pattern = new RegExp(opts.grep, 'i');
    } catch (error) {
      throw new UsageError(`--grep: invalid regular expression: ${(error as Error).message}`);
    }
  }
  const wanted = opts.tags ?? [];
  const kept = suites
    .map((suite) => ({
      ...suite,
      tests: suite.tests.filter((test) => {
        const nameMatches = !pattern || pattern.test(test.name) || (test.id !== undefined && pattern.test(test.id));
        const tags = [...(suite.tags ?? []), ...(test.tags ?? [])];
        return nameMatches && (wanted.length === 0 || wanted.some((t) => tags.includes(t)));
      }),
    }))
    .filter((suite) => suite.tests.length > 0);
  if (kept.length === 0) {
    const filters = [
      opts.grep !== undefined ? `--grep "${opts.grep}"` : '',
      wanted.length > 0 ? `--tag ${wanted.join(',')}` : '',
    ];
    throw new UsageError(`no tests match ${filters.filter(Boolean).join(' and ')}`);
  }
  return kept;
}
