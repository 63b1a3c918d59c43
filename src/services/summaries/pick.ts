/** An item with its index in the stats array it came from, so its facts can name their path. */
export interface Indexed<T> {
  readonly item: T;
  readonly index: number;
}

/** Items with their original indices, keeping those that pass `keep`. */
export function indexed<T>(items: readonly T[], keep: (item: T) => boolean = () => true): Indexed<T>[] {
  return items.map((item, index) => ({ item, index })).filter(({ item }) => keep(item));
}

/**
 * The `count` items with the largest `score`, largest first. Ties keep the stats' order (the sort
 * is stable), so the same stats always give the same text.
 */
export function largest<T>(
  items: readonly Indexed<T>[],
  score: (item: T) => number,
  count: number,
): Indexed<T>[] {
  return [...items].sort((a, b) => score(b.item) - score(a.item)).slice(0, count);
}
