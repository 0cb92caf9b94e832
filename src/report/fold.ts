// Findings with one cause are folded: one entry with a count and a few examples, instead of
// the same line repeated for every resource (92 identical warnings become one line).

export interface Fold<T> {
  /** The first item of the group, which speaks for all of them. */
  first: T;
  count: number;
  /** The first `maxExamples` items, in input order. */
  examples: T[];
}

/** Groups items by `key`, in order of first appearance. */
export function foldBy<T>(items: readonly T[], key: (item: T) => string, maxExamples = 3): Fold<T>[] {
  const groups = new Map<string, Fold<T>>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (!group) groups.set(k, { first: item, count: 1, examples: [item] });
    else {
      group.count += 1;
      if (group.examples.length < maxExamples) group.examples.push(item);
    }
  }
  return [...groups.values()];
}

/** `a, b, c` or `a, b, c and 89 more`. */
export function examplesText(names: readonly string[], total: number): string {
  const more = total - names.length;
  return names.join(', ') + (more > 0 ? ` and ${more} more` : '');
}
