// The layers hold: no import circle anywhere in src (type-only and dynamic imports included,
// which the eslint rule does not see), and src/model imports nothing of ours.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { sourceFiles } from './helpers/source-files.js';

const SRC = path.join(ROOT, 'src');
const IMPORT = /(?:(?:import|export)\s[^;]*?from\s+|import\()['"](\.[^'"]+)['"]/gs;

/** file -> the files of src it imports, by relative specifier (`./x.js` is `./x.ts`). */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) =>
      path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '.ts'),
    );
    graph.set(
      file,
      deps.filter((d) => d.startsWith(SRC)),
    );
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan). */
export function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(path.relative(SRC, w));
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('architecture', () => {
  const graph = importGraph(sourceFiles(SRC));

  it('has no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('finds a circle when there is one (the check can fail)', () => {
    const a = path.join(SRC, 'a.ts');
    const b = path.join(SRC, 'b.ts');
    expect(
      circles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts']]);
  });

  it('src/model imports nothing of ours', () => {
    const model = path.join(SRC, 'model') + path.sep;
    const upward = [...graph].flatMap(([file, deps]) =>
      file.startsWith(model)
        ? deps.filter((d) => !d.startsWith(model)).map((d) => `${path.relative(SRC, file)} -> ${path.relative(SRC, d)}`)
        : [],
    );
    expect(upward).toEqual([]);
  });
});
