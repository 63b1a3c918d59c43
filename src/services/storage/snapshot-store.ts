import type { ModelRecord } from "../hub/types.js";
import type { SqliteDatabase } from "./migrations.js";

/** Where a snapshot came from: a live collection run, or a file imported by the CLI. */
export type SnapshotSource = "collect" | "import";

const SOURCES: readonly SnapshotSource[] = ["collect", "import"];

/** A snapshot without its models: what lists and time lookups return. */
export interface SnapshotMeta {
  /** Never reused, even after retention deleted the snapshot. */
  id: number;
  /** When the Hub's numbers were read (ISO, UTC). */
  takenAt: string;
  source: SnapshotSource;
  modelCount: number;
  /** Records the collection skipped as malformed. */
  skipped: number;
  note: string | null;
  /** When this row was written (ISO, UTC, from the store's clock); differs from takenAt for imports. */
  savedAt: string;
}

/** A snapshot with its models, in the order they were saved. */
export interface Snapshot extends SnapshotMeta {
  models: ModelRecord[];
}

/** What {@link SnapshotStore.save} takes. */
export interface SaveSnapshotInput {
  takenAt: Date;
  source: SnapshotSource;
  /** Unique by id; a duplicate id is rejected. */
  models: readonly ModelRecord[];
  skipped: number;
  note?: string;
}

/**
 * Snapshots of the Hub's numbers over time.
 *
 * Snapshots are kept as an append-only history: two snapshots may share a `takenAt` (importing
 * the same file twice keeps both, with different ids) and nothing is replaced behind the caller's
 * back. A caller that wants imports to be idempotent can look first with `between(t, t)`.
 * Wherever one snapshot must be chosen, ties on `takenAt` go to the one saved last (higher id).
 */
export interface SnapshotStore {
  /** Saves the snapshot and all its models in one transaction. */
  save(input: SaveSnapshotInput): SnapshotMeta;
  /**
   * Saves the snapshot in place of every snapshot taken at exactly the same time, in one
   * transaction (`hubtrends import --replace`). Returns the new meta and how many were replaced.
   */
  replace(input: SaveSnapshotInput): { snapshot: SnapshotMeta; replaced: number };
  /** Deletes one snapshot and its models; false when there is none with that id. */
  delete(id: number): boolean;
  /** All snapshots, newest first. */
  list(): SnapshotMeta[];
  /** The newest snapshot's meta, without its models (one indexed row): for frequent checks. */
  newestMeta(): SnapshotMeta | null;
  /**
   * The newest snapshot's model count, skipped records and total 30-day downloads, without loading
   * its models (one aggregate over its rows): what a new collection is judged against.
   */
  newestTotals(): SnapshotTotals | null;
  /** The newest snapshot by `takenAt`, with its models; null when there is none. */
  latest(): Snapshot | null;
  load(id: number): Snapshot | null;
  /** The newest snapshot taken at or before `date`: "the numbers as they were then". */
  nearestAtOrBefore(date: Date): SnapshotMeta | null;
  /** Snapshots with `from <= takenAt <= to`, oldest first. */
  between(from: Date, to: Date): SnapshotMeta[];
  /**
   * Deletes snapshots taken more than `keepDays` days before `now` (default: the store's clock),
   * but never the newest one, so the bot always has something to show. Returns how many went.
   */
  prune(options: { keepDays: number; now?: Date }): number;
  /** Model ids of the newest snapshot, most downloaded first (for autocomplete). */
  latestModelIds(): string[];
  /** Distinct authors of the newest snapshot, by their total downloads, highest first. */
  latestAuthors(): string[];
}

/** Totals of one snapshot, from {@link SnapshotStore.newestTotals}. */
export interface SnapshotTotals {
  snapshotId: number;
  models: number;
  skipped: number;
  /** Sum of the models' 30-day downloads. */
  downloads: number;
}

/** Dependencies of {@link createSnapshotStore}. */
export interface SnapshotStoreDeps {
  clock: () => Date;
}

interface SnapshotRow {
  id: number;
  takenAt: string;
  source: string;
  modelCount: number;
  skipped: number;
  note: string | null;
  savedAt: string;
}

/** A stored model row as `selectModels` returns it, column for column. */
type ModelTuple = [
  id: string,
  author: string,
  downloads: number,
  downloadsAllTime: number | null,
  likes: number,
  trendingScore: number | null,
  createdAt: string | null,
  pipelineTag: string | null,
  libraryName: string | null,
  tags: string,
  parameters: number | null,
  downloadsRank: number | null,
  trendingRank: number | null,
  baseModels: string,
];

const META_COLUMNS = `id, taken_at AS takenAt, source, model_count AS modelCount, skipped, note,
  saved_at AS savedAt`;
const NEWEST = "ORDER BY taken_at DESC, id DESC";
const NEWEST_ID = `(SELECT id FROM snapshots ${NEWEST} LIMIT 1)`;
const DAY_MS = 86_400_000;

/**
 * Creates the snapshot store over a database from `openDatabase` (it relies on foreign keys being
 * on, so that deleting a snapshot deletes its models, and checks it).
 */
export function createSnapshotStore(db: SqliteDatabase, { clock }: SnapshotStoreDeps): SnapshotStore {
  if (db.pragma("foreign_keys", { simple: true }) !== 1) {
    throw new Error("createSnapshotStore needs foreign keys on: open the database with openDatabase()");
  }

  const insertSnapshot = db.prepare<[string, string, number, number, string | null, string]>(
    `INSERT INTO snapshots (taken_at, source, model_count, skipped, note, saved_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // One prepared statement, positional parameters, reused for every model: the cheapest way
  // through better-sqlite3 (10,000 models in a few tens of milliseconds).
  const insertModel = db.prepare<ModelInsertParams>(
    `INSERT INTO snapshot_models (snapshot_id, position, model_id, author, downloads,
       downloads_all_time, likes, trending_score, created_at, pipeline_tag, library_name, tags,
       parameters, downloads_rank, trending_rank, base_models)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectMeta = db.prepare<[number], SnapshotRow>(`SELECT ${META_COLUMNS} FROM snapshots WHERE id = ?`);
  // Rows as arrays (raw) rather than objects: better-sqlite3 builds them about twice as fast,
  // and building rows is most of the time a 10,000-model load takes.
  const selectModels = db
    .prepare<[number], ModelTuple>(
      `SELECT model_id, author, downloads, downloads_all_time, likes, trending_score, created_at,
         pipeline_tag, library_name, tags, parameters, downloads_rank, trending_rank, base_models
       FROM snapshot_models WHERE snapshot_id = ? ORDER BY position`,
    )
    .raw();
  const selectAll = db.prepare<[], SnapshotRow>(`SELECT ${META_COLUMNS} FROM snapshots ${NEWEST}`);
  const selectNewest = db.prepare<[], SnapshotRow>(`SELECT ${META_COLUMNS} FROM snapshots ${NEWEST} LIMIT 1`);
  const selectNewestTotals = db.prepare<[], SnapshotTotals>(
    `SELECT id AS snapshotId, model_count AS models, skipped,
       (SELECT COALESCE(SUM(downloads), 0) FROM snapshot_models WHERE snapshot_id = snapshots.id) AS downloads
     FROM snapshots ${NEWEST} LIMIT 1`,
  );
  const selectAtOrBefore = db.prepare<[string], SnapshotRow>(
    `SELECT ${META_COLUMNS} FROM snapshots WHERE taken_at <= ? ${NEWEST} LIMIT 1`,
  );
  const selectBetween = db.prepare<[string, string], SnapshotRow>(
    `SELECT ${META_COLUMNS} FROM snapshots WHERE taken_at >= ? AND taken_at <= ?
     ORDER BY taken_at ASC, id ASC`,
  );
  const deleteById = db.prepare<[number]>("DELETE FROM snapshots WHERE id = ?");
  const deleteAtTime = db.prepare<[string]>("DELETE FROM snapshots WHERE taken_at = ?");
  const deleteOlderThan = db.prepare<[string]>(
    `DELETE FROM snapshots WHERE taken_at < ? AND id <> ${NEWEST_ID}`,
  );
  const selectLatestModelIds = db
    .prepare<[], string>(
      `SELECT model_id FROM snapshot_models WHERE snapshot_id = ${NEWEST_ID}
       ORDER BY downloads DESC, model_id`,
    )
    .pluck();
  const selectLatestAuthors = db
    .prepare<[], string>(
      `SELECT author FROM snapshot_models WHERE snapshot_id = ${NEWEST_ID}
       GROUP BY author ORDER BY SUM(downloads) DESC, author`,
    )
    .pluck();

  const saveInTransaction = db.transaction((input: SaveSnapshotInput, takenAt: string): SnapshotMeta => {
    const savedAt = toIso(clock(), "clock()");
    const { lastInsertRowid } = insertSnapshot.run(
      takenAt,
      input.source,
      input.models.length,
      input.skipped,
      input.note ?? null,
      savedAt,
    );
    const id = Number(lastInsertRowid);
    input.models.forEach((model, position) => {
      insertModel.run(
        id,
        position,
        model.id,
        model.author,
        model.downloads,
        model.downloadsAllTime ?? null,
        model.likes,
        model.trendingScore ?? null,
        model.createdAt ?? null,
        model.pipelineTag ?? null,
        model.libraryName ?? null,
        JSON.stringify(model.tags),
        model.parameters ?? null,
        model.downloadsRank ?? null,
        model.trendingRank ?? null,
        JSON.stringify(model.baseModels ?? []),
      );
    });
    return {
      id,
      takenAt,
      source: input.source,
      modelCount: input.models.length,
      skipped: input.skipped,
      note: input.note ?? null,
      savedAt,
    };
  });

  const replaceInTransaction = db.transaction((input: SaveSnapshotInput, takenAt: string) => {
    const replaced = deleteAtTime.run(takenAt).changes;
    return { snapshot: saveInTransaction(input, takenAt), replaced };
  });

  function loadSnapshot(meta: SnapshotMeta): Snapshot {
    const models = selectModels.all(meta.id).map(
      ([
        id,
        author,
        downloads,
        downloadsAllTime,
        likes,
        trendingScore,
        createdAt,
        pipelineTag,
        libraryName,
        tags,
        parameters,
        downloadsRank,
        trendingRank,
        baseModels,
      ]): ModelRecord => ({
        id,
        author,
        downloads,
        downloadsAllTime,
        likes,
        trendingScore,
        createdAt,
        pipelineTag,
        libraryName,
        tags: parseStringList(tags, meta.id, id, "tags"),
        parameters,
        baseModels: parseStringList(baseModels, meta.id, id, "base models"),
        downloadsRank,
        trendingRank,
      }),
    );
    return { ...meta, models };
  }

  // Reads of meta + models go through one deferred transaction so that a prune in another
  // process cannot delete the models between the two statements.
  const loadById = db.transaction((id: number): Snapshot | null => {
    const row = selectMeta.get(id);
    return row === undefined ? null : loadSnapshot(toMeta(row));
  });
  const loadNewest = db.transaction((): Snapshot | null => {
    const row = selectNewest.get();
    return row === undefined ? null : loadSnapshot(toMeta(row));
  });

  return {
    newestMeta() {
      const row = selectNewest.get();
      return row === undefined ? null : toMeta(row);
    },
    newestTotals: () => selectNewestTotals.get() ?? null,
    save: (input) => saveInTransaction(input, checkSaveInput(input)),
    replace: (input) => replaceInTransaction(input, checkSaveInput(input)),
    delete: (id) => deleteById.run(id).changes > 0,
    list: () => selectAll.all().map(toMeta),
    latest: () => loadNewest(),
    load: (id) => loadById(id),
    nearestAtOrBefore(date) {
      const row = selectAtOrBefore.get(toIso(date, "date"));
      return row === undefined ? null : toMeta(row);
    },
    between: (from, to) => selectBetween.all(toIso(from, "from"), toIso(to, "to")).map(toMeta),
    prune({ keepDays, now = clock() }) {
      if (!Number.isFinite(keepDays) || keepDays < 0) {
        throw new Error(`keepDays must be a non-negative number, got ${keepDays}`);
      }
      const cutoff = new Date(now.getTime() - keepDays * DAY_MS);
      return deleteOlderThan.run(toIso(cutoff, "prune cutoff")).changes;
    },
    latestModelIds: () => selectLatestModelIds.all(),
    latestAuthors: () => selectLatestAuthors.all(),
  };
}

/** Checks what `save` and `replace` take; returns the canonical `takenAt`. */
function checkSaveInput(input: SaveSnapshotInput): string {
  const takenAt = toIso(input.takenAt, "takenAt");
  if (!SOURCES.includes(input.source)) throw new Error(`Unknown snapshot source "${input.source}"`);
  if (!Number.isInteger(input.skipped) || input.skipped < 0) {
    throw new Error(`skipped must be a non-negative integer, got ${input.skipped}`);
  }
  const seen = new Set<string>();
  for (const model of input.models) {
    if (seen.has(model.id)) throw new Error(`Duplicate model id "${model.id}" in snapshot to save`);
    seen.add(model.id);
  }
  return takenAt;
}

/** What `insertModel` binds: where the row goes, then the model column for column. */
type ModelInsertParams = [snapshotId: number, position: number, ...model: ModelTuple];

/**
 * Times are stored as `toISOString()` text and compared as text, which is only time order while
 * every value has the same fixed-width form: reject invalid dates and years outside 0000–9999.
 */
function toIso(date: Date, what: string): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new Error(`${what} is not a valid date`);
  const iso = date.toISOString();
  if (iso.length !== 24) throw new Error(`${what} is out of range: ${iso}`);
  return iso;
}

function toMeta(row: SnapshotRow): SnapshotMeta {
  const source = SOURCES.find((known) => known === row.source);
  if (source === undefined) throw new Error(`Snapshot ${row.id} has unknown source "${row.source}"`);
  return { ...row, source };
}

function parseStringList(text: string, snapshotId: number, modelId: string, what: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) return parsed;
  throw new Error(`Snapshot ${snapshotId}, model ${modelId}: stored ${what} are not a JSON array of strings`);
}
