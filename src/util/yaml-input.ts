// Reads a user's YAML or JSON file (suite, profile, baseline, config, mapping, schema) into a
// Document and plain data, or one UsageError naming file:line:col. It refuses what would crash
// or exhaust a later step instead of a clean error:
// - nesting deeper than MAX_YAML_DEPTH: yaml composes recursively; a few thousand levels
//   overflow the stack, and after that even a later, smaller file can abort the process
//   (V8 runs out of memory recompiling a regular expression). The depth is measured on
//   yaml's token tree, which its parser builds without recursion, before composing.
// - an alias that points at a node containing it (a cycle: every later walk would loop) or
//   that nests the data deeper than the limit, and an alias to no anchor;
// - alias bombs (yaml's maxAliasCount, 100 by default).
import type { CST, Document, DocumentOptions, LineCounter, Node, ParseOptions, SchemaOptions } from 'yaml';
import { UsageError } from '../errors.js';
import type { SourcePosition } from '../model/position.js';
import { loadYaml, yamlErrorReason } from './yaml.js';

/** Real files nest a dozen levels; 64 leaves room for any real extension (as MAX_JSON_DEPTH). */
export const MAX_YAML_DEPTH = 64;

export interface YamlInput {
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
}

export type YamlInputOptions = ParseOptions & DocumentOptions & SchemaOptions;

/** `file` is used as given in the error's position. */
export function parseYamlInput(text: string, file: string, options: YamlInputOptions = {}): YamlInput {
  const yaml = loadYaml();
  const lineCounter = new yaml.LineCounter();
  const at = (offset: number): SourcePosition => ({ file, ...lineCounter.linePos(offset) });
  const tokens = [...new yaml.Parser(lineCounter.addNewLine).parse(text)];
  const deep = tooDeepOffset(tokens);
  if (deep !== undefined) throw new UsageError(`invalid YAML: nested deeper than ${MAX_YAML_DEPTH} levels`, at(deep));
  const doc = composeOne(tokens, text, options);
  const error = doc.errors[0];
  if (error) throw new UsageError(`invalid YAML: ${yamlErrorReason(error)}`, at(error.pos[0]));
  const aliases: AliasCheck = text.includes('*') ? checkAliases(doc) : {}; // no alias without a '*'
  if (aliases.problem) throw new UsageError(`invalid YAML: ${aliases.problem.message}`, at(aliases.problem.offset));
  const collectionKey = collectionKeyOffset(doc);
  if (collectionKey !== undefined)
    throw new UsageError(
      'invalid YAML: a key must be a plain name, not a list, a mapping or a tagged value',
      at(collectionKey),
    );
  try {
    return { doc, lineCounter, data: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (e) {
    // yaml's own guard against alias bombs ("Excessive alias count ...")
    throw new UsageError(`invalid YAML: ${yamlErrorReason(e as Error)}`, at(aliases.first ?? 0));
  }
}

/**
 * A key that is not a plain value: a list or a mapping (`? [a, b]`, `[a, b]: c`, or an alias of
 * one), or a tagged value such as `!!binary` bytes. No file of ours has one, and yaml would turn
 * it into text with a process warning on stderr.
 */
function collectionKeyOffset(doc: Document): number | undefined {
  const yaml = loadYaml();
  let offset: number | undefined;
  yaml.visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      const node = yaml.isAlias(key) ? key.resolve(doc) : key;
      // a plain key, or none (`: x`); a tagged scalar can be an object too (`!!binary` bytes)
      if (node === null || (yaml.isScalar(node) && (node.value === null || typeof node.value !== 'object')))
        return undefined;
      offset = (yaml.isNode(key) ? key.range?.[0] : undefined) ?? 0;
      return yaml.visit.BREAK;
    },
  });
  return offset;
}

/** What yaml's parseDocument does, from tokens already parsed: one document, or an error. */
function composeOne(tokens: CST.Token[], text: string, options: YamlInputOptions): Document {
  const yaml = loadYaml();
  let doc: Document | undefined;
  for (const next of new yaml.Composer({ ...options, prettyErrors: false }).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      const range = [next.range[0], next.range[1]] as [number, number];
      doc.errors.push(new yaml.YAMLParseError(range, 'MULTIPLE_DOCS', 'a file holds one YAML document, not several'));
      break;
    }
  }
  return doc ?? new yaml.Document();
}

/** Offset of the first collection nested deeper than the limit, walking the token tree with a stack. */
function tooDeepOffset(tokens: CST.Token[]): number | undefined {
  const stack: { token: unknown; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token === null || typeof token !== 'object') continue;
    const t = token as { type?: string; offset?: number; items?: unknown[]; value?: unknown };
    const collection = t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
    const inner = depth + (collection ? 1 : 0);
    if (inner > MAX_YAML_DEPTH) return t.offset ?? 0;
    if (t.type === 'document' || t.type === 'flow-collection' || collection) {
      if (t.value !== undefined) stack.push({ token: t.value, depth: inner });
      for (const item of t.items ?? []) {
        const { key, value } = item as { key?: unknown; value?: unknown };
        if (key) stack.push({ token: key, depth: inner });
        if (value) stack.push({ token: value, depth: inner });
      }
    }
  }
  return undefined;
}

interface AliasCheck {
  problem?: { message: string; offset: number };
  /** Where the first alias is, to place yaml's alias-count error. */
  first?: number;
}

/**
 * Follows aliases through the document without recursion: an alias to no anchor, an alias
 * inside the node it points at (a cycle), and data nested too deep once aliases are expanded.
 */
function checkAliases(doc: Document): AliasCheck {
  const yaml = loadYaml();
  const result: AliasCheck = {};
  const depthOf = new Map<Node, number>(); // alias-expanded depth of finished nodes
  const onPath = new Set<Node>();
  type Frame = { node?: Node; children: Node[]; next: number; viaAlias?: number };
  const childrenOf = (node: Node): Node[] => {
    if (yaml.isMap(node)) return node.items.flatMap((p) => [p.key, p.value].filter((n): n is Node => yaml.isNode(n)));
    if (yaml.isSeq(node)) return node.items.filter((n): n is Node => yaml.isNode(n));
    return [];
  };
  const root = doc.contents;
  if (!yaml.isNode(root)) return result;
  const stack: Frame[] = [{ children: [root], next: 0 }]; // the root itself may be an alias
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      let child = frame.children[frame.next++]!;
      let aliasOffset: number | undefined;
      if (yaml.isAlias(child)) {
        aliasOffset = child.range?.[0] ?? 0;
        result.first ??= aliasOffset;
        const source = child.resolve(doc);
        if (!source)
          return {
            ...result,
            problem: { message: `alias *${child.source} has no anchor before it`, offset: aliasOffset },
          };
        child = source;
      }
      if (onPath.has(child)) {
        const offset = aliasOffset ?? child.range?.[0] ?? 0;
        return { ...result, problem: { message: 'an alias points at a node that contains it (a cycle)', offset } };
      }
      if (depthOf.has(child)) continue;
      onPath.add(child);
      stack.push({ node: child, children: childrenOf(child), next: 0, viaAlias: aliasOffset });
      continue;
    }
    stack.pop();
    if (!frame.node) break;
    onPath.delete(frame.node);
    const collection = yaml.isMap(frame.node) || yaml.isSeq(frame.node);
    let deepest = 0;
    for (const c of frame.children) deepest = Math.max(deepest, depthOf.get(aliasTarget(doc, c)) ?? 0);
    const depth = (collection ? 1 : 0) + deepest;
    depthOf.set(frame.node, depth);
    if (depth > MAX_YAML_DEPTH) {
      const alias = stack.find((f) => f.viaAlias !== undefined)?.viaAlias ?? frame.viaAlias;
      const offset = alias ?? frame.node.range?.[0] ?? 0;
      return {
        ...result,
        problem: { message: `nested deeper than ${MAX_YAML_DEPTH} levels once aliases are expanded`, offset },
      };
    }
  }
  return result;
}

function aliasTarget(doc: Document, node: Node): Node {
  const yaml = loadYaml();
  return yaml.isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? node) : node;
}
