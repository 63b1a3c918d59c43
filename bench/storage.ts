import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { pino } from "pino";
import type { ModelRecord } from "../src/services/hub/types.js";
import { type Database, openDatabase } from "../src/services/storage/database.js";
import { createLeadership, type Leadership } from "../src/services/storage/leadership.js";
import { modelFromRow } from "../src/services/storage/model-rows.js";
import { createSnapshotStore } from "../src/services/storage/snapshot-store.js";
import { isSqlite } from "../src/services/storage/sqlite.js";
import { manyModels } from "../test/storage/fixtures.js";
import { startNode } from "../test/support/run-node.js";
import { withScratchPostgres } from "../test/support/scratch-postgres.js";
import { median, percentile, timeAsyncCalls } from "./stats.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const MODELS = 10_000;
const logger = pino({ level: "silent" });

type ModelTuple = [
  string,
  string,
  number,
  number | null,
  number,
  number | null,
  string | null,
  string | null,
  string | null,
  string,
  number | null,
  number | null,
  number | null,
  string,
];

/**
 * What the store did on main before this change (04b7a10): one prepared INSERT run per model in a
 * better-sqlite3 transaction, and models read back as arrays (`raw()`). Kept here only to be
 * measured against.
 */
function rawBetterSqlite3(connection: BetterSqlite3.Database) {
  const insertSnapshot = connection.prepare(
    `INSERT INTO snapshots (taken_at, source, model_count, skipped, note, saved_at) VALUES (?, ?, ?, ?, NULL, ?)`,
  );
  const insertModel = connection.prepare(
    `INSERT INTO snapshot_models (snapshot_id, position, model_id, author, downloads,
       downloads_all_time, likes, trending_score, created_at, pipeline_tag, library_name, tags,
       parameters, downloads_rank, trending_rank, base_models)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = `SELECT model_id, author, downloads, downloads_all_time, likes, trending_score, created_at,
      pipeline_tag, library_name, tags, parameters, downloads_rank, trending_rank, base_models
    FROM snapshot_models WHERE snapshot_id = ? ORDER BY position`;
  const selectArrays = connection.prepare<[number], ModelTuple>(select).raw();
  const save = connection.transaction((takenAt: string, models: readonly ModelRecord[]) => {
    const id = Number(insertSnapshot.run(takenAt, "collect", models.length, 0, takenAt).lastInsertRowid);
    models.forEach((m, position) => {
      insertModel.run(
        id,
        position,
        m.id,
        m.author,
        m.downloads,
        m.downloadsAllTime,
        m.likes,
        m.trendingScore,
        m.createdAt,
        m.pipelineTag,
        m.libraryName,
        JSON.stringify(m.tags),
        m.parameters,
        m.downloadsRank,
        m.trendingRank,
        JSON.stringify(m.baseModels ?? []),
      );
    });
    return id;
  });
  return {
    save: (takenAt: string, models: readonly ModelRecord[]) => save.immediate(takenAt, models),
    load: (id: number): ModelRecord[] =>
      selectArrays
        .all(id)
        .map(
          ([
            id,
            author,
            downloads,
            allTime,
            likes,
            score,
            createdAt,
            task,
            library,
            tags,
            parameters,
            rank,
            trendingRank,
            bases,
          ]) => ({
            id,
            author,
            downloads,
            downloadsAllTime: allTime,
            likes,
            trendingScore: score,
            createdAt,
            pipelineTag: task,
            libraryName: library,
            tags: JSON.parse(tags) as string[],
            parameters,
            baseModels: JSON.parse(bases) as string[],
            downloadsRank: rank,
            trendingRank,
          }),
        ),
  };
}

/** Model rows per INSERT in the portable variant: 16,000 parameters, within both databases' limits. */
const ROWS_PER_INSERT = 1_000;

/**
 * The one portable way through the query builder, the same text on both databases: multi-row
 * INSERTs of ROWS_PER_INSERT models, and a SELECT of object rows. Measured against the statements
 * the store uses instead (src/services/storage/model-rows.ts).
 */
function portableQueries(database: Database) {
  return {
    save: (takenAt: string, models: readonly ModelRecord[]) =>
      database.write(async (trx) => {
        const { id } = await trx
          .insertInto("snapshots")
          .values({
            taken_at: takenAt,
            source: "collect",
            model_count: models.length,
            skipped: 0,
            saved_at: takenAt,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        for (let start = 0; start < models.length; start += ROWS_PER_INSERT) {
          const rows = models.slice(start, start + ROWS_PER_INSERT).map((m, i) => ({
            snapshot_id: id,
            position: start + i,
            model_id: m.id,
            author: m.author,
            downloads: m.downloads,
            downloads_all_time: m.downloadsAllTime,
            likes: m.likes,
            trending_score: m.trendingScore,
            created_at: m.createdAt,
            pipeline_tag: m.pipelineTag,
            library_name: m.libraryName,
            tags: JSON.stringify(m.tags),
            parameters: m.parameters,
            downloads_rank: m.downloadsRank,
            trending_rank: m.trendingRank,
            base_models: JSON.stringify(m.baseModels ?? []),
          }));
          await trx.insertInto("snapshot_models").values(rows).execute();
        }
        return id;
      }),
    load: (id: number) =>
      database.read(async (trx) =>
        (
          await trx
            .selectFrom("snapshot_models")
            .selectAll()
            .where("snapshot_id", "=", id)
            .orderBy("position")
            .execute()
        ).map((row) => modelFromRow(row, (text) => JSON.parse(text) as string[])),
      ),
  };
}

/** Saves and loads through the store on `database`; `extra` adds alternatives on the same one. */
async function measureStore(
  database: Database,
  extra: (database: Database, takenAt: () => string) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const models = manyModels(MODELS);
  const store = createSnapshotStore(database, { clock: () => new Date() });
  let day = 0;
  const takenAt = () => new Date(Date.UTC(2026, 0, 1, 0, 0, day++)).toISOString();
  const save = () => store.save({ takenAt: new Date(takenAt()), source: "collect", models, skipped: 0 });
  const portable = portableQueries(database);
  const figures: Record<string, unknown> = {
    "save (store)": await timeAsyncCalls(save),
    [`save (portable query builder: INSERTs of ${ROWS_PER_INSERT} rows)`]: await timeAsyncCalls(() =>
      portable.save(takenAt(), models),
    ),
  };
  const { id } = await save();
  figures["load (store)"] = await timeAsyncCalls(() => store.load(id));
  figures["load (portable query builder: object rows)"] = await timeAsyncCalls(() => portable.load(id));
  Object.assign(figures, await extra(database, takenAt));
  figures["newestMeta (one indexed row: the poll every process makes)"] = await timeAsyncCalls(
    () => store.newestMeta(),
    200,
  );
  return figures;
}

/** Asks every `everyMs` until `leadership` leads; milliseconds from `since`. */
async function leadsAfter(leadership: Leadership, since: number, everyMs = 10): Promise<number> {
  while (!(await leadership.acquire())) await new Promise((resolve) => setTimeout(resolve, everyMs));
  return performance.now() - since;
}

/**
 * How long scheduled work goes without a leader on PostgreSQL when the leader's session is ended by
 * the server, or when the leading process is killed: a follower asks every 10 ms (the bot asks on
 * each tick, every 30 s, which adds up to that much).
 */
async function measureHandover(url: string): Promise<Record<string, unknown>> {
  const options = { name: "bench-scheduler", ttlMs: 90_000, clock: () => new Date(), logger };
  const watcher = await openDatabase({ kind: "postgres", url }, { logger });
  const terminated: number[] = [];
  const killed: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const leaderDb = await openDatabase({ kind: "postgres", url }, { logger });
      const followerDb = await openDatabase({ kind: "postgres", url }, { logger });
      const leader = createLeadership(leaderDb, { ...options, holder: `bench-leader-${i}` });
      const follower = createLeadership(followerDb, { ...options, holder: `bench-follower-${i}` });
      await leader.acquire();
      const since = performance.now();
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = ${`hubtrends scheduler bench-leader-${i}`}`.execute(watcher.db);
      terminated.push(await leadsAfter(follower, since));
      await follower.release();
      await Promise.all([leaderDb.close(), followerDb.close()]);
    }
    for (let i = 0; i < 3; i++) {
      const child = startNode(
        ["--import", "tsx", join(projectRoot, "test", "storage", "leader-child.ts"), url, `bench-child-${i}`],
        { cwd: projectRoot },
      );
      while (!child.stdout().includes("leading")) await new Promise((resolve) => setTimeout(resolve, 20));
      const followerDb = await openDatabase({ kind: "postgres", url }, { logger });
      const follower = createLeadership(followerDb, { ...options, holder: `bench-after-kill-${i}` });
      const since = performance.now();
      child.child.kill("SIGKILL");
      killed.push(await leadsAfter(follower, since));
      await child.exited;
      await follower.release();
      await followerDb.close();
    }
  } finally {
    await watcher.close();
  }
  const figures = (times: number[]) => ({
    medianMs: Math.round(median(times) * 10) / 10,
    maxMs: Math.round(percentile(times, 100) * 10) / 10,
    runs: times.length,
  });
  return {
    "leader's session ended by the server (pg_terminate_backend) -> follower leads": figures(terminated),
    "leading process killed (SIGKILL) -> follower leads": figures(killed),
  };
}

/**
 * `npm run bench storage`: saving and loading a 10,000-model snapshot through the store (Kysely)
 * on SQLite and on PostgreSQL, side by side with what the store did before (raw better-sqlite3)
 * and PostgreSQL's unnest; PostgreSQL only when TEST_DATABASE_URL names a server to make a scratch
 * database on.
 */
export async function benchStorage(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "hubtrends-bench-storage-"));
  const models = manyModels(MODELS);
  try {
    const sqlite = await openDatabase({ kind: "sqlite", path: join(dir, "bench.db") }, { logger });
    const onSqlite = await measureStore(sqlite, async (database, takenAt) => {
      if (!isSqlite(database)) return {};
      const raw = rawBetterSqlite3(database.connection);
      const id = raw.save(takenAt(), models);
      return {
        "save (raw better-sqlite3, one prepared INSERT per model: main's store)": await timeAsyncCalls(() =>
          raw.save(takenAt(), models),
        ),
        "load (raw better-sqlite3, rows as arrays: main's store)": await timeAsyncCalls(() => raw.load(id)),
      };
    });
    await sqlite.close();
    const url = process.env.TEST_DATABASE_URL;
    const onPostgres =
      url === undefined
        ? "skipped: TEST_DATABASE_URL not set"
        : await withScratchPostgres(url, "bench", async (scratchUrl) => {
            const postgres = await openDatabase({ kind: "postgres", url: scratchUrl }, { logger });
            try {
              return {
                ...(await measureStore(postgres, async () => ({}))),
                "leadership handover (follower asking every 10 ms)": await measureHandover(scratchUrl),
              };
            } finally {
              await postgres.close();
            }
          });
    return { [`SQLite (${MODELS} models)`]: onSqlite, [`PostgreSQL (${MODELS} models)`]: onPostgres };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
