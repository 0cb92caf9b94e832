// Suggestions for misspelt keys, enum values and suite names ("did you mean ...?").

/** Edit distance (insert, delete, substitute), case-insensitive. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // one row of the table at a time: previous[j] is the distance between s[0..i-1) and t[0..j)
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? j) + 1, (current[j - 1] ?? i) + 1, (previous[j - 1] ?? j) + cost));
    }
    previous = current;
  }
  return previous[t.length] ?? Math.max(s.length, t.length);
}

/** Candidates within maxDistance of input, closest first (ties keep candidate order). */
export function closeMatches(input: string, candidates: readonly string[], maxDistance = 2): string[] {
  return candidates
    .map((candidate, order) => ({ candidate, order, distance: levenshtein(input, candidate) }))
    .filter((c) => c.distance <= maxDistance && c.candidate !== input)
    .sort((x, y) => x.distance - y.distance || x.order - y.order)
    .map((c) => c.candidate);
}

/** The single best suggestion, if any candidate is within maxDistance. */
export function didYouMean(input: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  return closeMatches(input, candidates, maxDistance)[0];
}

/** `; did you mean "x"?` or '' — ready to append to a message. */
export function suggestionSuffix(input: string, candidates: readonly string[], maxDistance = 2): string {
  const best = didYouMean(input, candidates, maxDistance);
  return best === undefined ? '' : `; did you mean "${best}"?`;
}
