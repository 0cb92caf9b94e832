// Maps a path in the parsed data back to a line:col in the YAML source.
import type { Document, LineCounter, Node } from 'yaml';
import { loadYaml } from '../util/yaml.js';
import type { SourcePosition } from '../model/position.js';
import type { DataPath, Diagnostic } from './diagnostic.js';

export class SourceLocator {
  constructor(
    private readonly doc: Document,
    private readonly lineCounter: LineCounter,
    private readonly source: string,
    private readonly file: string,
  ) {}

  position(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, col };
  }

  /** Source offset a diagnostic points at. */
  offsetOf(diagnostic: Pick<Diagnostic, 'path' | 'key' | 'fragment'>): number {
    if (diagnostic.key !== undefined) {
      const keyOffset = this.keyOffset(diagnostic.path, diagnostic.key);
      if (keyOffset !== undefined) return keyOffset;
    }
    const start = this.valueOffset(diagnostic.path);
    const node = this.node(diagnostic.path);
    if (diagnostic.fragment && node?.range) {
      const inside = this.source.slice(node.range[0], node.range[1]).indexOf(diagnostic.fragment);
      if (inside >= 0) return node.range[0] + inside;
    }
    return start;
  }

  positionOf(diagnostic: Pick<Diagnostic, 'path' | 'key' | 'fragment'>): SourcePosition {
    return this.position(this.offsetOf(diagnostic));
  }

  private node(path: DataPath): Node | undefined {
    const node = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    return node && typeof node === 'object' && 'range' in node ? (node as Node) : undefined;
  }

  /** Start of the value at path; falls back to its key, then to the nearest located parent. */
  private valueOffset(path: DataPath): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      const node = this.node(prefix);
      if (node?.range && !(loadYaml().isScalar(node) && node.value === null && depth > 0)) return node.range[0];
      if (depth > 0) {
        const keyOffset = this.keyOffset(prefix.slice(0, -1), String(prefix[depth - 1]));
        if (keyOffset !== undefined) return keyOffset;
      }
    }
    return 0;
  }

  private keyOffset(mapPath: DataPath, key: string): number | undefined {
    const map = this.node(mapPath);
    if (!loadYaml().isMap(map)) return undefined;
    const pair = map.items.find((p) => loadYaml().isScalar(p.key) && String(p.key.value) === key);
    return pair && loadYaml().isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  }
}
