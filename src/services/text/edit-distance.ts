/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), over code points so
 * a Chinese character is one edit, not two.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
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
