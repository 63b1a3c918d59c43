/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), over code points so
 * a Chinese character is one edit, not two.
 *
 * With `limit`, a caller that only cares whether the distance is at most `limit` gets `limit + 1`
 * at once when the lengths alone rule that out, which is most candidates of a fuzzy search.
 */
export function editDistance(a: string, b: string, limit?: number): number {
  const s = [...a];
  const t = [...b];
  if (limit !== undefined && Math.abs(s.length - t.length) > limit) return limit + 1;
  // Three rolling rows: the one before last is needed for transpositions.
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? Number.POSITIVE_INFINITY) + 1,
        (current[j - 1] ?? Number.POSITIVE_INFINITY) + 1,
        (previous[j - 1] ?? Number.POSITIVE_INFINITY) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, (before[j - 2] ?? Number.POSITIVE_INFINITY) + 1);
      }
      current.push(value);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length] ?? Math.max(s.length, t.length);
}
