import type { Kysely, SelectQueryBuilder } from "kysely";
import type { ModelRecord } from "../hub/types.js";
import type { AggregateSet } from "../stats/stored-aggregates.js";
import { insertAggregates } from "./aggregate-store.js";
import type { Database } from "./database.js";
import { modelRowsFor } from "./model-rows.js";
import type { Tables } from "./tables.js";

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
  /**
   * The snapshot's aggregates (see `storedAggregatesOf`), saved in the same transaction so that a
   * snapshot never exists without them; absent, they are computed when first needed.
   */
  aggregates?: AggregateSet;
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
  save(input: SaveSnapshotInput): Promise<SnapshotMeta>;
  /**
   * Saves the snapshot in place of every snapshot taken at exactly the same time, in one
   * transaction (`hubtrends import --replace`). Returns the new meta and how many were replaced.
   */
  replace(input: SaveSnapshotInput): Promise<{ snapshot: SnapshotMeta; replaced: number }>;
  /** Deletes one snapshot and its models; false when there is none with that id. */
  delete(id: number): Promise<boolean>;
  /** All snapshots, newest first. */
  list(): Promise<SnapshotMeta[]>;
  /** The newest snapshot's meta, without its models (one indexed row): for frequent checks. */
  newestMeta(): Promise<SnapshotMeta | null>;
  /**
   * A mark that changes whenever the set of snapshots does (a save, an import of an older date, a
   * delete, a prune): the highest id ever saved and how many there are. Cheap: for frequent checks.
   */
  changeMark(): Promise<string>;
  /**
   * The newest snapshot's model count, skipped records and total 30-day downloads, without loading
   * its models (one aggregate over its rows): what a new collection is judged against.
   */
  newestTotals(): Promise<SnapshotTotals | null>;
  /** The newest snapshot by `takenAt`, with its models; null when there is none. */
  latest(): Promise<Snapshot | null>;
  load(id: number): Promise<Snapshot | null>;
  /**
   * A snapshot's all-time download counters by model id (models without one left out; empty for
   * an unknown id): what comparing with it needs of its rows when its aggregates are stored.
   */
  allTimeCounts(id: number): Promise<Map<string, number>>;
  /** The newest snapshot taken at or before `date`: "the numbers as they were then". */
  nearestAtOrBefore(date: Date): Promise<SnapshotMeta | null>;
  /** Snapshots with `from <= takenAt <= to`, oldest first. */
  between(from: Date, to: Date): Promise<SnapshotMeta[]>;
  /**
   * Deletes snapshots taken more than `keepDays` days before `now` (default: the store's clock),
   * but never the newest one, so the bot always has something to show. Returns how many went.
   */
  prune(options: { keepDays: number; now?: Date }): Promise<number>;
  /** Model ids of the newest snapshot, most downloaded first (for autocomplete). */
  latestModelIds(): Promise<string[]>;
  /** Distinct authors of the newest snapshot, by their total downloads, highest first. */
  latestAuthors(): Promise<string[]>;
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

/** A snapshot row as the meta queries select it. */
interface SnapshotRow {
  id: number;
  takenAt: string;
  source: string;
  modelCount: number;
  skipped: number;
  note: string | null;
  savedAt: string;
}

const META_COLUMNS = [
  "id",
  "taken_at as takenAt",
  "source",
  "model_count as modelCount",
  "skipped",
  "note",
  "saved_at as savedAt",
] as const;

const DAY_MS = 86_400_000;

/**
 * Creates the snapshot store over a database from `openDatabase` (foreign keys on, so that deleting
 * a snapshot deletes its models: `openDatabase` turns them on for SQLite; PostgreSQL always has them).
 */
export function createSnapshotStore(database: Database, { clock }: SnapshotStoreDeps): SnapshotStore {
  const { db } = database;
  const modelRows = modelRowsFor(database);

  const newestId = (k: Kysely<Tables>) => newestFirst(k.selectFrom("snapshots").select("id")).limit(1);

  async function insertSnapshot(
    trx: Kysely<Tables>,
    input: SaveSnapshotInput,
    takenAt: string,
  ): Promise<SnapshotMeta> {
    const savedAt = toIso(clock(), "clock()");
    const { id } = await trx
      .insertInto("snapshots")
      .values({
        taken_at: takenAt,
        source: input.source,
        model_count: input.models.length,
        skipped: input.skipped,
        note: input.note ?? null,
        saved_at: savedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await modelRows.insert(trx, id, input.models);
    if (input.aggregates !== undefined) await insertAggregates(trx, id, input.aggregates);
    return {
      id,
      takenAt,
      source: input.source,
      modelCount: input.models.length,
      skipped: input.skipped,
      note: input.note ?? null,
      savedAt,
    };
  }

  async function loadModels(trx: Kysely<Tables>, meta: SnapshotMeta): Promise<Snapshot> {
    const models = await modelRows.select(trx, meta.id, (text, modelId, what) =>
      parseStringList(text, meta.id, modelId, what),
    );
    return { ...meta, models };
  }

  // Meta and models are read in one read transaction, so that a prune in another process cannot
  // delete the models between the two statements.
  const loadWhere = (pick: (k: Kysely<Tables>) => Promise<SnapshotRow | undefined>) =>
    database.read(async (trx) => {
      const row = await pick(trx);
      return row === undefined ? null : loadModels(trx, toMeta(row));
    });

  const selectMeta = (k: Kysely<Tables>) => k.selectFrom("snapshots").select(META_COLUMNS);

  return {
    async newestMeta() {
      const row = await newestFirst(selectMeta(db)).limit(1).executeTakeFirst();
      return row === undefined ? null : toMeta(row);
    },
    async changeMark() {
      const row = await db
        .selectFrom("snapshots")
        .select((eb) => [eb.fn.max("id").as("highest"), eb.fn.countAll().as("count")])
        .executeTakeFirst();
      return `${row?.highest ?? 0}:${row?.count ?? 0}`;
    },
    async newestTotals() {
      const row = await newestFirst(
        db.selectFrom("snapshots").select((eb) => [
          "id as snapshotId",
          "model_count as models",
          "skipped",
          // PostgreSQL sums bigints as numeric, which pg hands back as text: cast back to bigint.
          eb
            .selectFrom("snapshot_models")
            .select((inner) =>
              inner
                .cast<number>(inner.fn.coalesce(inner.fn.sum<number>("downloads"), inner.lit(0)), "bigint")
                .as("sum"),
            )
            .whereRef("snapshot_models.snapshot_id", "=", "snapshots.id")
            .as("downloads"),
        ]),
      )
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : { ...row, downloads: row.downloads ?? 0 };
    },
    async save(input) {
      const takenAt = checkSaveInput(input);
      return database.write((trx) => insertSnapshot(trx, input, takenAt));
    },
    async replace(input) {
      const takenAt = checkSaveInput(input);
      return database.write(async (trx) => {
        const { numDeletedRows } = await trx
          .deleteFrom("snapshots")
          .where("taken_at", "=", takenAt)
          .executeTakeFirstOrThrow();
        return { snapshot: await insertSnapshot(trx, input, takenAt), replaced: Number(numDeletedRows) };
      });
    },
    async delete(id) {
      const { numDeletedRows } = await db
        .deleteFrom("snapshots")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return numDeletedRows > 0n;
    },
    list: async () => (await newestFirst(selectMeta(db)).execute()).map(toMeta),
    latest: () => loadWhere((trx) => newestFirst(selectMeta(trx)).limit(1).executeTakeFirst()),
    load: (id) => loadWhere((trx) => selectMeta(trx).where("id", "=", id).executeTakeFirst()),
    async allTimeCounts(id) {
      const rows = await db
        .selectFrom("snapshot_models")
        .select(["model_id", "downloads_all_time"])
        .where("snapshot_id", "=", id)
        .where("downloads_all_time", "is not", null)
        .execute();
      const counts = new Map<string, number>();
      for (const row of rows)
        if (row.downloads_all_time !== null) counts.set(row.model_id, Number(row.downloads_all_time));
      return counts;
    },
    async nearestAtOrBefore(date) {
      const row = await newestFirst(selectMeta(db).where("taken_at", "<=", toIso(date, "date")))
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : toMeta(row);
    },
    async between(from, to) {
      const rows = await selectMeta(db)
        .where("taken_at", ">=", toIso(from, "from"))
        .where("taken_at", "<=", toIso(to, "to"))
        .orderBy("taken_at", "asc")
        .orderBy("id", "asc")
        .execute();
      return rows.map(toMeta);
    },
    async prune({ keepDays, now = clock() }) {
      if (!Number.isFinite(keepDays) || keepDays < 0) {
        throw new Error(`keepDays must be a non-negative number, got ${keepDays}`);
      }
      const cutoff = toIso(new Date(now.getTime() - keepDays * DAY_MS), "prune cutoff");
      const { numDeletedRows } = await db
        .deleteFrom("snapshots")
        .where("taken_at", "<", cutoff)
        .where("id", "<>", newestId(db))
        .executeTakeFirstOrThrow();
      return Number(numDeletedRows);
    },
    async latestModelIds() {
      const rows = await db
        .selectFrom("snapshot_models")
        .select("model_id")
        .where("snapshot_id", "=", newestId(db))
        .orderBy("downloads", "desc")
        .orderBy("model_id")
        .execute();
      return rows.map((row) => row.model_id);
    },
    async latestAuthors() {
      const rows = await db
        .selectFrom("snapshot_models")
        .select("author")
        .where("snapshot_id", "=", newestId(db))
        .groupBy("author")
        .orderBy((eb) => eb.fn.sum("downloads"), "desc")
        .orderBy("author")
        .execute();
      return rows.map((row) => row.author);
    },
  };
}

/** Newest first; ties on `takenAt` go to the one saved last (higher id). */
function newestFirst<O>(query: SelectQueryBuilder<Tables, "snapshots", O>) {
  return query.orderBy("taken_at", "desc").orderBy("id", "desc");
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
