/**
 * Sets `key` in `map` as its most recent entry and deletes the least recent ones beyond `most`: a
 * Map iterates in insertion order, so re-inserting on each use makes it a small LRU. For the few
 * large values held in memory (loaded snapshots, their aggregates), where a library cache's
 * per-entry bookkeeping buys nothing.
 */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, most: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= most) break;
    map.delete(oldest);
  }
}
