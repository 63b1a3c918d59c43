import type { TrendStats } from "../stats/types.js";
import type { Database } from "./database.js";
import { writeForSnapshot } from "./snapshot-rows.js";

/** What a stored answer is filed under: its snapshot, its query, and what it was computed from. */
export interface AnswerKey {
  snapshotId: number;
  /** The query (region, window, counting method, list lengths), as the trends service keys it. */
  query: string;
  /** The snapshot set's change mark when it was computed: another set may compare otherwise. */
  mark: string;
  /** What computed it (see `answerVersion`): another version's answer is not trusted. */
  version: string;
}

/**
 * The computed `/trends` answers of `stats_answers` (migration 7): only the newest snapshot's are
 * kept, since no other is answered from.
 */
export interface AnswerStore {
  /** The answer stored under exactly this key, or null. */
  get(key: AnswerKey): Promise<TrendStats | null>;
  /**
   * Stores (or replaces) the answer and deletes every other snapshot's; nothing when the snapshot
   * is gone.
   */
  put(key: AnswerKey, answer: TrendStats): Promise<void>;
}

export function createAnswerStore(database: Database): AnswerStore {
  const { db } = database;
  return {
    async get({ snapshotId, query, mark, version }) {
      const row = await db
        .selectFrom("stats_answers")
        .select("answer")
        .where("snapshot_id", "=", snapshotId)
        .where("query_key", "=", query)
        .where("mark", "=", mark)
        .where("version", "=", version)
        .executeTakeFirst();
      return row === undefined ? null : (JSON.parse(row.answer) as TrendStats);
    },
    async put({ snapshotId, query, mark, version }, answer) {
      const row = {
        snapshot_id: snapshotId,
        query_key: query,
        mark,
        version,
        answer: JSON.stringify(answer),
      };
      await writeForSnapshot(database, snapshotId, async (trx) => {
        await trx.deleteFrom("stats_answers").where("snapshot_id", "<>", snapshotId).execute();
        await trx
          .insertInto("stats_answers")
          .values(row)
          .onConflict((conflict) =>
            conflict.columns(["snapshot_id", "query_key"]).doUpdateSet({ mark, version, answer: row.answer }),
          )
          .execute();
      });
    },
  };
}
