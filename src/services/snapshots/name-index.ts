import type { ModelRecord } from "../hub/types.js";
import type { Snapshot } from "../storage/snapshot-store.js";
import { boundInput } from "../text/bounded-input.js";
import { editDistance } from "../text/edit-distance.js";

/**
 * The most of a typed name that is matched: past the longest repo id the Hub allows (a 96-character
 * name under its namespace), so a cut query matches nothing the whole one would not.
 */
export const MAX_NAME_INPUT = 200;

/**
 * The names of one snapshot, ready for autocomplete and "did you mean": model ids and authors
 * most downloaded first, and the tasks (pipeline tags) its models carry. Everything is in memory:
 * a search scans lower-cased strings (10,000 ids take well under a millisecond), never SQLite.
 */
export interface NameIndex {
  snapshotId: number;
  /** Models, most downloaded first (ties by id). */
  models: readonly ModelRecord[];
  /** Model ids, most downloaded first. */
  modelIds: readonly string[];
  /** Authors by their models' total downloads, highest first. */
  authors: readonly string[];
  /** Pipeline tags by their models' total downloads, highest first. */
  tasks: readonly string[];
  /** The model with this id, ignoring case (the Hub ignores it too). */
  model(id: string): ModelRecord | undefined;
  /** The author as the snapshot spells it, ignoring case; undefined when it has no model here. */
  author(name: string): string | undefined;
  /** Every model of an author (spelled as the snapshot does), most downloaded first. */
  modelsOf(author: string): readonly ModelRecord[];
  /** The pipeline tag as spelled in the snapshot, ignoring case; undefined when no model has it. */
  task(tag: string): string | undefined;
}

// Keyed by the snapshot object: a loaded snapshot never changes, and a newer snapshot is another
// object, so the index follows the newest snapshot without being told, and goes when it does.
const built = new WeakMap<Snapshot, NameIndex>();

/** The index of a snapshot, built on first use and kept while the snapshot is. */
export function nameIndexOf(snapshot: Snapshot): NameIndex {
  const found = built.get(snapshot);
  if (found !== undefined) return found;
  const index = buildNameIndex(snapshot);
  built.set(snapshot, index);
  return index;
}

function buildNameIndex(snapshot: Snapshot): NameIndex {
  const byDownloads = [...snapshot.models].sort(
    (a, b) => b.downloads - a.downloads || a.id.localeCompare(b.id),
  );
  const byId = new Map<string, ModelRecord>();
  const byAuthor = new Map<string, { name: string; downloads: number; models: ModelRecord[] }>();
  const byTask = new Map<string, { name: string; downloads: number }>();
  for (const model of byDownloads) {
    byId.set(model.id.toLowerCase(), model);
    const authorKey = model.author.toLowerCase();
    const author = byAuthor.get(authorKey) ?? { name: model.author, downloads: 0, models: [] };
    author.downloads += model.downloads;
    author.models.push(model);
    byAuthor.set(authorKey, author);
    if (model.pipelineTag !== null) {
      const taskKey = model.pipelineTag.toLowerCase();
      const task = byTask.get(taskKey) ?? { name: model.pipelineTag, downloads: 0 };
      task.downloads += model.downloads;
      byTask.set(taskKey, task);
    }
  }
  const ranked = <T extends { name: string; downloads: number }>(entries: Iterable<T>) =>
    [...entries].sort((a, b) => b.downloads - a.downloads || a.name.localeCompare(b.name)).map((e) => e.name);
  return {
    snapshotId: snapshot.id,
    models: byDownloads,
    modelIds: byDownloads.map((model) => model.id),
    authors: ranked(byAuthor.values()),
    tasks: ranked(byTask.values()),
    model: (id) => byId.get(id.trim().toLowerCase()),
    author: (name) => byAuthor.get(name.trim().toLowerCase())?.name,
    modelsOf: (author) => byAuthor.get(author.toLowerCase())?.models ?? [],
    task: (tag) => byTask.get(tag.trim().toLowerCase())?.name,
  };
}

/**
 * Names containing `query` (ignoring case), best first: the exact name, then names starting with
 * it, then names with a part (after `/`, `-`, `_`, `.` or a space) starting with it, then any
 * other match; within a tier, in the order given (most downloaded first). At most `limit`.
 */
export function searchNames(names: readonly string[], query: string, limit: number): string[] {
  const wanted = boundInput(query.trim(), MAX_NAME_INPUT).toLowerCase();
  if (wanted === "") return names.slice(0, limit);
  const tiers: string[][] = [[], [], [], []];
  for (const name of names) {
    const lower = name.toLowerCase();
    const at = lower.indexOf(wanted);
    if (at < 0) continue;
    const tier = lower === wanted ? 0 : at === 0 ? 1 : /[/\-_. ]/.test(lower.charAt(at - 1)) ? 2 : 3;
    tiers[tier]?.push(name);
    // Enough exact and prefix matches: nothing later can rank above them.
    if ((tiers[0]?.length ?? 0) + (tiers[1]?.length ?? 0) >= limit) break;
  }
  return tiers.flat().slice(0, limit);
}

/**
 * "Did you mean": names close to `query` ignoring case, closest first (ties keep the given order).
 * Close means a few edits from the whole name or from its part after `/` (people type `qwen3-8b`
 * for `Qwen/Qwen3-8B`), or containing the query when it is at least three characters long.
 */
export function closeMatches(names: readonly string[], query: string, limit: number): string[] {
  const wanted = boundInput(query.trim(), MAX_NAME_INPUT).toLowerCase();
  if (wanted === "") return [];
  const allowed = Math.max(1, Math.min(3, Math.floor(wanted.length / 4)));
  const scored: { name: string; score: number }[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const slash = lower.indexOf("/");
    const short = slash < 0 ? lower : lower.slice(slash + 1);
    let score = Number.POSITIVE_INFINITY;
    if (wanted.length >= 3 && lower.includes(wanted)) score = 0.5;
    // Edit distance only where the lengths allow a match: most names are skipped at this test.
    for (const candidate of slash < 0 ? [lower] : [lower, short]) {
      if (Math.abs(candidate.length - wanted.length) > allowed) continue;
      score = Math.min(score, editDistance(wanted, candidate));
    }
    if (score <= allowed) scored.push({ name, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((entry) => entry.name);
}
