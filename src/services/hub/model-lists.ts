import type { Logger } from "pino";
import type { ModelRecord } from "./types.js";
import type { MapResult } from "./wire.js";

/** A record and its 1-based position in the Hub's list. */
export interface ListedEntry<T> {
  record: T;
  position: number;
}

/** One list as walked: the valid records, and keys of the skipped ones. */
export interface WalkedList<T> {
  entries: ListedEntry<T>[];
  /** The Hub's internal id of each skipped record when readable, else `label#position`. */
  skipped: string[];
}

export const EMPTY_LIST: WalkedList<never> = { entries: [], skipped: [] };

function skipKey(item: unknown, fallback: string): string {
  return typeof item === "object" && item !== null && "id" in item && typeof item.id === "string"
    ? item.id
    : fallback;
}

/**
 * Walks one list from the library, mapping as it goes and skipping (counting) malformed items.
 * `stop` ends the walk at the first valid record it accepts, before keeping that record.
 */
export async function walkList<T>(
  items: AsyncIterable<unknown>,
  map: (item: unknown) => MapResult<T>,
  options: { label: string; logger: Logger; stop?: (record: T) => boolean },
): Promise<WalkedList<T>> {
  const { label, logger, stop } = options;
  const entries: ListedEntry<T>[] = [];
  const skipped: string[] = [];
  let position = 0;
  for await (const item of items) {
    position++;
    const mapped = map(item);
    if (!mapped.ok) {
      skipped.push(skipKey(item, `${label}#${position}`));
      logger.debug({ list: label, position, reason: mapped.reason }, "Skipped a malformed Hub record");
      continue;
    }
    if (stop?.(mapped.record)) break;
    entries.push({ record: mapped.record, position });
  }
  if (skipped.length > 0)
    logger.warn({ list: label, skipped: skipped.length }, "Skipped malformed Hub records");
  return { entries, skipped };
}

/**
 * Merges the three lists of a collection run into one, deduplicated by repo id: the top by
 * downloads in order, then trending models not among them, then new ones (with a known creation
 * date) in neither. A model
 * keeps the record first seen and its best (first) position in each ranked list.
 */
export function mergeModelLists(
  top: WalkedList<ModelRecord>,
  trending: WalkedList<ModelRecord>,
  newest: WalkedList<ModelRecord>,
): { models: ModelRecord[]; skipped: number } {
  const byId = new Map<string, ModelRecord>();
  for (const { record, position } of top.entries) {
    if (!byId.has(record.id)) byId.set(record.id, { ...record, downloadsRank: position, trendingRank: null });
  }
  for (const { record, position } of trending.entries) {
    const known = byId.get(record.id);
    if (!known) byId.set(record.id, { ...record, downloadsRank: null, trendingRank: position });
    else if (known.trendingRank === null) known.trendingRank = position;
  }
  for (const { record } of newest.entries) {
    // Without a creation date a model cannot be shown to be new.
    if (record.createdAt !== null && !byId.has(record.id))
      byId.set(record.id, { ...record, downloadsRank: null, trendingRank: null });
  }
  return {
    models: [...byId.values()],
    // A malformed record met in two lists is one record.
    skipped: new Set([...top.skipped, ...trending.skipped, ...newest.skipped]).size,
  };
}
