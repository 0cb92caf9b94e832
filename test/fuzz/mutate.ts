// Mutations of input files, for the fuzz tests. A case is a seed file plus a few mutations,
// all drawn by fast-check (so a failing case shrinks and replays from its seed). Two kinds:
// structure-aware (on the parsed tree: delete, duplicate, swap, retype, graft, wrap, share an
// object so YAML writes anchors and aliases, or a cycle) and textual (on the written text:
// truncate, insert hostile snippets, tabs, BOM, duplicate or swap lines, alias bombs).
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

export interface Seed {
  name: string;
  text: string;
  format: 'yaml' | 'json';
}

type Json = unknown;
type PathKey = string | number;

/** Strings that have broken parsers, templates, lookups and terminals before. */
const NASTY_STRINGS = [
  '',
  ' ',
  '${{',
  '${{ }}',
  '${{ nope }}',
  '${{ a.b[',
  '${{ random(',
  '}}',
  '${{ ${{ x }} }}',
  '$',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  'null',
  'true',
  '0',
  '-1',
  '1e400',
  'NaN',
  '[',
  '{',
  '*a',
  '&a',
  '!!binary',
  '%',
  '@',
  '`',
  '|',
  '>',
  '#',
  ': ',
  '- ',
  '? ',
  '\t',
  '\u0000',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\n',
  'line one\nline two',
  '\u2028\u2029',
  '\uFEFF',
  '\uD800',
  '\u202Eevil',
  '👩‍💻 ünïcödé 中文',
  'a'.repeat(20_000),
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'emails[type eq "work"].value',
  'emails[type eq',
  'name.givenName',
  'a..b',
  '..',
  '/',
  '//evil.example/x',
  'http://169.254.169.254/latest',
  'file:///etc/passwd',
  '../../../../etc/passwd',
  './',
  'missing.yaml',
  'user.login',
  'String.substringBefore(user.email, "@")',
  'user.',
  '(',
  'String.toUpperCase(',
  '"',
  "'",
  '\\',
  '\\u',
  '\\x00',
  'GET',
  'DELETE',
  'must',
  'okta',
  'rfc',
];

const NASTY_NUMBERS = [0, -0, 1, -1, 0.5, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 1, -(2 ** 53), 1e308, 1e-320, 99999999999];

export const arbString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A value of any JSON type, including deep nesting (past any sane limit) and long strings. */
export const arbValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: arbString },
  { weight: 2, arbitrary: fc.constantFrom<Json>(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.array(arbString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(arbString, arbString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 300 }).map((depth) => nest(depth, 'x')) },
);

function nest(depth: number, leaf: Json): Json {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? { k: value } : [value];
  return value;
}

/** Fragments that break the little languages inside strings (templates, paths, filters, expressions). */
const GARBLE = [
  '${{',
  '}}',
  '${{ }}',
  '[',
  ']',
  '"',
  "'",
  '(',
  ')',
  '.',
  '..',
  ' eq ',
  ' or ',
  ':',
  '\\',
  '\u0000',
  '\n',
  '?',
  ' ',
  '$',
];

export type TreeOp =
  | { op: 'delete'; pick: number }
  | { op: 'duplicate'; pick: number }
  | { op: 'swap'; pick: number; other: number }
  | { op: 'replace'; pick: number; value: Json }
  | { op: 'rename'; pick: number; name: string }
  | { op: 'graft'; pick: number; from: number; shared: boolean }
  | { op: 'wrap'; pick: number; inArray: boolean }
  | { op: 'unwrap'; pick: number }
  | { op: 'cycle'; pick: number }
  | { op: 'keepOne'; pick: number }
  | { op: 'garble'; pick: number; at: number; snippet: string };

export const arbTreeOp: fc.Arbitrary<TreeOp> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), pick: fc.nat(), other: fc.nat() }),
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: arbValue }) },
  fc.record({ op: fc.constant('rename' as const), pick: fc.nat(), name: arbString }),
  fc.record({ op: fc.constant('graft' as const), pick: fc.nat(), from: fc.nat(), shared: fc.boolean() }),
  fc.record({ op: fc.constant('wrap' as const), pick: fc.nat(), inArray: fc.boolean() }),
  fc.record({ op: fc.constant('unwrap' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('cycle' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('keepOne' as const), pick: fc.nat() }),
  {
    // a string that is nearly right: templates, body paths, filters and Okta expressions half-broken
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('garble' as const),
      pick: fc.nat(),
      at: fc.nat(),
      snippet: fc.constantFrom(...GARBLE),
    }),
  },
);

export type TextOp =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; snippet: string }
  | { op: 'remove'; at: number; length: number }
  | { op: 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; other: number }
  | { op: 'tabIndent'; at: number }
  | { op: 'bom' }
  | { op: 'prefix'; text: string }
  | { op: 'deepFlow'; at: number; depth: number };

const SNIPPETS = [
  '\t',
  '\uFEFF',
  '\u0000',
  '\u001b[2J',
  '\r',
  '\n',
  '${{',
  '${{ x',
  '}}',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '\\',
  '&a ',
  '*a',
  '*nope ',
  '!!binary ',
  '!!js/function ',
  '!custom ',
  '!!set ',
  ': ',
  ':',
  '- ',
  '? ',
  '|',
  '>-',
  '#',
  '---\n',
  '...\n',
  '<<: ',
  '\u2028',
  '\uD83D',
  '💥',
  'null',
  '~',
  '.nan',
  '0x1F',
  '1e999',
];

/** An alias bomb: ten aliases per level, five levels deep (10^5 nodes if expanded). */
export const ALIAS_BOMB = [
  'bomb0: &b0 [x, x, x, x, x, x, x, x, x, x]',
  'bomb1: &b1 [*b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0, *b0]',
  'bomb2: &b2 [*b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1, *b1]',
  'bomb3: &b3 [*b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2, *b2]',
  'bomb4: &b4 [*b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3, *b3]',
  'bomb5: [*b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4, *b4]',
  '',
].join('\n');

const PREFIXES = [
  ALIAS_BOMB,
  '%YAML 1.1\n---\n',
  '%YAML 1.2\n---\n',
  '%TAG !e! tag:example.com,2000:\n---\n',
  '---\n',
  'cyc: &cyc [*cyc]\n',
  'self: &s {me: *s}\n',
  'x: *undefined\n',
  '# comment\n',
  '\n\n\n',
];

export const arbTextOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), snippet: fc.constantFrom(...SNIPPETS) }),
  },
  fc.record({ op: fc.constant('remove' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('tabIndent' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('prefix' as const), text: fc.constantFrom(...PREFIXES) }),
  fc.record({
    op: fc.constant('deepFlow' as const),
    at: fc.nat(),
    depth: fc.constantFrom(50, 70, 300, 1_000),
  }),
);

export interface Mutation {
  seed: number;
  tree: TreeOp[];
  text: TextOp[];
}

export function arbMutation(seedCount: number): fc.Arbitrary<Mutation> {
  return fc.record({
    seed: fc.nat({ max: seedCount - 1 }),
    tree: fc.array(arbTreeOp, { maxLength: 4 }),
    text: fc.array(arbTextOp, { maxLength: 2 }),
  });
}

/** The mutated text of a case. Tree operations rewrite the file (YAML or JSON); then text operations apply. */
export function mutate(seed: Seed, m: Mutation): string {
  let text = seed.text;
  if (m.tree.length > 0) {
    let data = clone(parsedSeed(seed));
    for (const op of m.tree) data = applyTreeOp(data, op);
    text = write(data, seed.format);
  }
  for (const op of m.text) text = applyTextOp(text, op);
  return text;
}

const parsedSeeds = new WeakMap<Seed, Json>();

function parsedSeed(seed: Seed): Json {
  if (!parsedSeeds.has(seed)) parsedSeeds.set(seed, parseYaml(seed.text) as Json);
  return parsedSeeds.get(seed);
}

/**
 * A suite cut into one suite per test (the suite's own keys, one of its tests): small seeds,
 * so thousands of cases fit in seconds, and every test's shape is still mutated.
 */
export function splitSuite(seed: Seed): Seed[] {
  const data = parseYaml(seed.text) as { tests?: unknown[] } | null;
  if (!data || !Array.isArray(data.tests)) return [seed];
  return data.tests.map((test, i) => ({
    name: `${seed.name}#tests[${i}]`,
    text: stringifyYaml({ ...data, tests: [test] }, { lineWidth: 0 }),
    format: 'yaml' as const,
  }));
}

function write(data: Json, format: Seed['format']): string {
  if (format === 'json') {
    try {
      return JSON.stringify(data, null, 2) ?? 'null';
    } catch {
      // a cycle: JSON cannot say it, YAML can (anchors and aliases); yaml reads both
    }
  }
  return stringifyYaml(data, { lineWidth: 0 });
}

interface Located {
  path: PathKey[];
  parent: Record<string, Json> | Json[] | undefined;
  key: PathKey | undefined;
  value: Json;
}

/** Every node of the tree, root first, without recursion (the tree may be deep or cyclic). */
function nodes(root: Json): Located[] {
  const out: Located[] = [];
  const seen = new Set<object>();
  const stack: Located[] = [{ path: [], parent: undefined, key: undefined, value: root }];
  while (stack.length > 0 && out.length < 5_000) {
    const node = stack.pop()!;
    out.push(node);
    const v = node.value;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    const entries: [PathKey, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, child] of entries.reverse())
      stack.push({ path: [...node.path, k], parent: v as Located['parent'], key: k, value: child });
  }
  return out;
}

function set(n: Located, value: Json, root: Json): Json {
  if (n.parent === undefined) return value;
  (n.parent as Record<PathKey, Json>)[n.key as PathKey] = value;
  return root;
}

function clone(value: Json): Json {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

function applyTreeOp(root: Json, op: TreeOp): Json {
  const all = nodes(root);
  const n = all[op.pick % all.length]!;
  switch (op.op) {
    case 'delete':
      if (n.parent === undefined) return null;
      if (Array.isArray(n.parent)) n.parent.splice(n.key as number, 1);
      else delete n.parent[n.key as string];
      return root;
    case 'duplicate':
      if (Array.isArray(n.parent)) n.parent.splice(n.key as number, 0, clone(n.value));
      else if (n.parent) n.parent[`${String(n.key)}_copy`] = clone(n.value);
      return root;
    case 'swap': {
      const m = all[op.other % all.length]!;
      if (n.parent === undefined || m.parent === undefined || n === m) return root;
      const a = n.value;
      set(n, m.value, root);
      set(m, a, root);
      return root;
    }
    case 'replace':
      return set(n, clone(op.value), root);
    case 'rename': {
      if (!n.parent || Array.isArray(n.parent)) return root;
      const entries = Object.entries(n.parent);
      for (const k of Object.keys(n.parent)) delete n.parent[k];
      for (const [k, v] of entries) {
        if (k === n.key)
          Object.defineProperty(n.parent, op.name, { value: v, enumerable: true, writable: true, configurable: true });
        else n.parent[k] = v;
      }
      return root;
    }
    case 'graft': {
      const from = all[op.from % all.length]!;
      return set(n, op.shared ? from.value : clone(from.value), root);
    }
    case 'wrap':
      return set(n, op.inArray ? [n.value] : { wrapped: n.value }, root);
    case 'unwrap': {
      const v = n.value;
      if (v === null || typeof v !== 'object') return root;
      const inner = Array.isArray(v) ? v[0] : Object.values(v)[0];
      return set(n, inner ?? null, root);
    }
    case 'cycle': {
      // a node that contains itself: YAML writes it as an anchor and an alias to it
      const v = n.value;
      if (v === null || typeof v !== 'object') return root;
      if (Array.isArray(v)) v.push(v);
      else (v as Record<string, Json>).self = v;
      return root;
    }
    case 'garble': {
      // prefer a string: the leaf picked, or the first string below it
      const str = all.slice(op.pick % all.length).find((x) => typeof x.value === 'string');
      if (!str) return root;
      const v = str.value as string;
      const i = op.at % (v.length + 1);
      return set(str, v.slice(0, i) + op.snippet + v.slice(i), root);
    }
    case 'keepOne': {
      // a list cut down to one of its items: smaller cases, so more of them fit the budget
      const v = n.value;
      if (!Array.isArray(v) || v.length < 2) return root;
      return set(n, [v[op.pick % v.length]], root);
    }
  }
}

function applyTextOp(text: string, op: TextOp): string {
  const at = (i: number) => (text.length === 0 ? 0 : i % (text.length + 1));
  const lines = () => text.split('\n');
  switch (op.op) {
    case 'truncate':
      return text.slice(0, at(op.at));
    case 'insert':
      return text.slice(0, at(op.at)) + op.snippet + text.slice(at(op.at));
    case 'remove':
      return text.slice(0, at(op.at)) + text.slice(at(op.at) + op.length);
    case 'duplicateLine': {
      const ls = lines();
      const i = op.at % ls.length;
      ls.splice(i, 0, ls[i]!);
      return ls.join('\n');
    }
    case 'swapLines': {
      const ls = lines();
      const i = op.at % ls.length;
      const j = op.other % ls.length;
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      return ls.join('\n');
    }
    case 'tabIndent': {
      const ls = lines();
      const i = op.at % ls.length;
      ls[i] = ls[i]!.replace(/^ +/, '\t');
      return ls.join('\n');
    }
    case 'bom':
      return `\uFEFF${text}`;
    case 'prefix':
      return op.text + text;
    case 'deepFlow': {
      // a value nested `depth` levels deep, in place of the value of one line (or in front of it)
      const ls = lines();
      const i = op.at % ls.length;
      const line = ls[i]!;
      const colon = line.indexOf(': ');
      const deep = '['.repeat(op.depth) + ']'.repeat(op.depth);
      ls[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${deep}` : `${line.match(/^\s*(- )?/)![0]}${deep}`;
      return ls.join('\n');
    }
  }
}
