import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type BetterSqlite3 from "better-sqlite3";
import { type Kysely, type Selectable, sql } from "kysely";
import type { ModelRecord } from "../hub/types.js";
import type { Database } from "./database.js";
import type { SnapshotModelsTable, Tables } from "./tables.js";

/**
 * The two statements that move a snapshot's thousands of model rows, the one place where the
 * store leaves the query builder: every other query is the same on both databases. Measured on
 * 10,000 models (`npm run bench storage`, 2-core machine, medians):
 *
 * - SQLite, save: the query builder's multi-row INSERTs of 1,000 rows took 78 ms, one prepared
 *   INSERT run per model 47 ms (Kysely builds and compiles 16,000-value statements, and its driver
 *   prepares each one anew). Load: its object rows took 80 ms, better-sqlite3's arrays (`raw()`)
 *   28 ms. better-sqlite3 is synchronous, so each figure is a stall of the event loop.
 * - PostgreSQL, save: multi-row INSERTs took 249 ms, one INSERT … SELECT FROM unnest of 16 arrays
 *   108 ms (16 parameters instead of 160,000, one round trip). Load: the query builder's SELECT
 *   (43 ms) is kept.
 *
 * Both run inside the caller's transaction (`Database.write` or `read`): on SQLite the statements
 * go to the connection under the query builder, which that transaction holds, so they are part of
 * it and cannot interleave with another's.
 */
export interface ModelRows {
  insert(trx: Kysely<Tables>, snapshotId: number, models: readonly ModelRecord[]): Promise<void>;
  /** The snapshot's models in saved order; `parse` turns a JSON list column into its strings. */
  select(trx: Kysely<Tables>, snapshotId: number, parse: ParseList): Promise<ModelRecord[]>;
}

export type ParseList = (text: string, modelId: string, what: "tags" | "base models") => string[];

/** Rows per statement when SQLite inserts a snapshot: ~5 ms each here, so the event loop stays free. */
const SQLITE_PAGE = 1000;
/** Rows per statement when SQLite loads a snapshot: ~4 ms each here (keyset pages, no sort). */
const SQLITE_LOAD_PAGE = 500;

/** A stored model as the SQLite SELECT returns it, column for column. */
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

/** A stored model with its position (the last column). */
type PositionedTuple = [...ModelTuple, position: number];
const POSITION = 14;

const COLUMNS = `model_id, author, downloads, downloads_all_time, likes, trending_score, created_at,
  pipeline_tag, library_name, tags, parameters, downloads_rank, trending_rank, base_models`;

/** The model rows statements for `database`'s dialect. */
export function modelRowsFor(database: Database): ModelRows {
  return database.dialect === "sqlite" ? sqliteModelRows(database.connection) : postgresModelRows();
}

function sqliteModelRows(connection: BetterSqlite3.Database): ModelRows {
  const insert = connection.prepare<[number, number, ...ModelTuple]>(
    `INSERT INTO snapshot_models (snapshot_id, position, ${COLUMNS})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Pages in the primary key's order (snapshot_id, model_id): each page is a range of its index,
  // whatever the snapshot's size. Pages by position re-sorted the snapshot's rows for every page
  // (there is no index on position), ~15–40 ms of one block each under load.
  const firstPage = connection
    .prepare<[number, number], PositionedTuple>(
      `SELECT ${COLUMNS}, position FROM snapshot_models
       WHERE snapshot_id = ? ORDER BY model_id LIMIT ?`,
    )
    .raw();
  const nextPage = connection
    .prepare<[number, string, number], PositionedTuple>(
      `SELECT ${COLUMNS}, position FROM snapshot_models
       WHERE snapshot_id = ? AND model_id > ? ORDER BY model_id LIMIT ?`,
    )
    .raw();
  return {
    async insert(_trx, snapshotId, models) {
      // A slice at a time with the event loop free in between (10,000 at once held it ~55 ms);
      // the caller's write transaction holds the connection meanwhile.
      for (let position = 0; position < models.length; position += 1) {
        if (position > 0 && position % SQLITE_PAGE === 0) await yieldToEventLoop();
        const model = models[position];
        if (model !== undefined) insert.run(snapshotId, position, ...modelTuple(model));
      }
    },
    async select(_trx, snapshotId, parse) {
      // better-sqlite3 is synchronous: 10,000 rows in one statement held the event loop ~80 ms
      // (`npm run bench scale`). Pages of SQLITE_LOAD_PAGE rows with the loop free between them; the
      // caller's read transaction holds the connection, so the pages see one state of the database.
      // Each record goes to its saved position, so the models come back in saved order.
      const byPosition: ModelRecord[] = [];
      let count = 0;
      let page = firstPage.all(snapshotId, SQLITE_LOAD_PAGE);
      for (;;) {
        for (const row of page) byPosition[row[POSITION]] = recordOf(row, parse);
        count += page.length;
        const last = page.at(-1);
        if (page.length < SQLITE_LOAD_PAGE || last === undefined) break;
        await yieldToEventLoop();
        page = nextPage.all(snapshotId, last[0], SQLITE_LOAD_PAGE);
      }
      // Positions are dense from 0 as saved; a gap (a row deleted by hand) is closed, not kept.
      return byPosition.length === count ? byPosition : byPosition.filter(() => true);
    },
  };
}

/** A model from its SQLite row. */
function recordOf(row: ModelTuple | PositionedTuple, parse: ParseList): ModelRecord {
  const [
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
  ] = row;
  return {
    id,
    author,
    downloads,
    downloadsAllTime,
    likes,
    trendingScore,
    createdAt,
    pipelineTag,
    libraryName,
    tags: parse(tags, id, "tags"),
    parameters,
    baseModels: parse(baseModels, id, "base models"),
    downloadsRank,
    trendingRank,
  };
}

function postgresModelRows(): ModelRows {
  return {
    async insert(trx, snapshotId, models) {
      if (models.length === 0) return;
      const column = <T>(pick: (model: ModelRecord, position: number) => T) => models.map(pick);
      // Arrays of every column, each cast to its column's type, then unnested into rows in order.
      await sql`INSERT INTO snapshot_models (snapshot_id, position, ${sql.raw(COLUMNS)})
        SELECT ${snapshotId}::integer, * FROM unnest(
          ${column((_, position) => position)}::integer[],
          ${column((m) => m.id)}::text[],
          ${column((m) => m.author)}::text[],
          ${column((m) => m.downloads)}::bigint[],
          ${column((m) => m.downloadsAllTime ?? null)}::bigint[],
          ${column((m) => m.likes)}::bigint[],
          ${column((m) => m.trendingScore ?? null)}::double precision[],
          ${column((m) => m.createdAt ?? null)}::text[],
          ${column((m) => m.pipelineTag ?? null)}::text[],
          ${column((m) => m.libraryName ?? null)}::text[],
          ${column((m) => JSON.stringify(m.tags))}::text[],
          ${column((m) => m.parameters ?? null)}::bigint[],
          ${column((m) => m.downloadsRank ?? null)}::integer[],
          ${column((m) => m.trendingRank ?? null)}::integer[],
          ${column((m) => JSON.stringify(m.baseModels ?? []))}::text[])`.execute(trx);
    },
    async select(trx, snapshotId, parse) {
      const rows = await trx
        .selectFrom("snapshot_models")
        .select([
          "model_id",
          "author",
          "downloads",
          "downloads_all_time",
          "likes",
          "trending_score",
          "created_at",
          "pipeline_tag",
          "library_name",
          "tags",
          "parameters",
          "downloads_rank",
          "trending_rank",
          "base_models",
        ])
        .where("snapshot_id", "=", snapshotId)
        .orderBy("position")
        .execute();
      return rows.map((row) => modelFromRow(row, parse));
    },
  };
}

/** A stored model's own columns, as the query builder returns them. */
type ModelColumns = Omit<Selectable<SnapshotModelsTable>, "snapshot_id" | "position">;

/** A stored model as the query builder returns its row. */
export function modelFromRow(row: ModelColumns, parse: ParseList): ModelRecord {
  return {
    id: row.model_id,
    author: row.author,
    downloads: row.downloads,
    downloadsAllTime: row.downloads_all_time,
    likes: row.likes,
    trendingScore: row.trending_score,
    createdAt: row.created_at,
    pipelineTag: row.pipeline_tag,
    libraryName: row.library_name,
    tags: parse(row.tags, row.model_id, "tags"),
    parameters: row.parameters,
    baseModels: parse(row.base_models, row.model_id, "base models"),
    downloadsRank: row.downloads_rank,
    trendingRank: row.trending_rank,
  };
}

/** A model's columns in `COLUMNS` order. */
function modelTuple(model: ModelRecord): ModelTuple {
  return [
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
  ];
}
