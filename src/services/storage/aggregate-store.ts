import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Insertable, Kysely } from "kysely";
import { type CountingMethod, methodKey } from "../method/method.js";
import type { SnapshotAggregate } from "../stats/region-shares.js";
import type { AggregateSet, StoredAggregate } from "../stats/stored-aggregates.js";
import type { RegionHistoryPoint } from "../stats/types.js";
import type { Database } from "./database.js";
import { writeForSnapshot } from "./snapshot-rows.js";
import type { SnapshotAggregatesTable, Tables } from "./tables.js";

/**
 * The per-snapshot aggregates of `snapshot_aggregates` (migration 6): written with a snapshot by
 * `SnapshotStore.save` (see {@link insertAggregates}), or later by {@link AggregateStore.put} for a
 * snapshot saved before they existed. Reads take a version and ignore rows of any other.
 */
export interface AggregateStore {
  /** Stores (or replaces) a snapshot's aggregates; nothing when the snapshot is gone. */
  put(snapshotId: number, set: AggregateSet): Promise<void>;
  /** History points of these snapshots under `method`, by snapshot id; missing ones are absent. */
  points(
    ids: readonly number[],
    method: CountingMethod,
    version: string,
  ): Promise<Map<number, RegionHistoryPoint>>;
  /** One snapshot's aggregate under `method`; null when none of this version is stored. */
  aggregate(id: number, method: CountingMethod, version: string): Promise<SnapshotAggregate | null>;
  /**
   * Ids of the snapshots without a complete set of this version, oldest first; only among `ids`
   * when given (a batch: over 180 snapshots the whole question held the event loop ~70 ms).
   */
  missing(version: string, methods: number, ids?: readonly number[]): Promise<number[]>;
}

/** Writes a snapshot's aggregates inside the caller's transaction (the snapshot's own, on save). */
export async function insertAggregates(
  trx: Kysely<Tables>,
  snapshotId: number,
  set: AggregateSet,
): Promise<void> {
  await insertRows(
    trx,
    set.aggregates.map((one) => aggregateRow(snapshotId, set.version, one)),
  );
}

type AggregateRow = Insertable<SnapshotAggregatesTable>;

function aggregateRow(snapshotId: number, version: string, one: StoredAggregate): AggregateRow {
  return {
    snapshot_id: snapshotId,
    method: methodKey(one.method),
    version,
    point: JSON.stringify(one.point),
    aggregate: JSON.stringify(one.aggregate),
  };
}

async function insertRows(trx: Kysely<Tables>, rows: readonly AggregateRow[]): Promise<void> {
  if (rows.length > 0)
    await trx
      .insertInto("snapshot_aggregates")
      .values([...rows])
      .execute();
}

export function createAggregateStore(database: Database): AggregateStore {
  const { db } = database;
  return {
    async put(snapshotId, set) {
      // Serialised before the transaction, one aggregate per turn of the event loop (~5–10 ms each
      // for 10,000 models), so that neither the loop nor the write lock is held for all of them.
      const rows: AggregateRow[] = [];
      for (const one of set.aggregates) {
        rows.push(aggregateRow(snapshotId, set.version, one));
        await yieldToEventLoop();
      }
      await writeForSnapshot(database, snapshotId, async (trx) => {
        await trx.deleteFrom("snapshot_aggregates").where("snapshot_id", "=", snapshotId).execute();
        await insertRows(trx, rows);
      });
    },
    async points(ids, method, version) {
      const found = new Map<number, RegionHistoryPoint>();
      if (ids.length === 0) return found;
      const rows = await db
        .selectFrom("snapshot_aggregates")
        .select(["snapshot_id", "point"])
        .where("snapshot_id", "in", [...ids])
        .where("method", "=", methodKey(method))
        .where("version", "=", version)
        .execute();
      for (const row of rows) found.set(row.snapshot_id, JSON.parse(row.point) as RegionHistoryPoint);
      return found;
    },
    async aggregate(id, method, version) {
      const row = await db
        .selectFrom("snapshot_aggregates")
        .select("aggregate")
        .where("snapshot_id", "=", id)
        .where("method", "=", methodKey(method))
        .where("version", "=", version)
        .executeTakeFirst();
      return row === undefined ? null : (JSON.parse(row.aggregate) as SnapshotAggregate);
    },
    async missing(version, methods, ids) {
      if (ids !== undefined && ids.length === 0) return [];
      let query = db.selectFrom("snapshots").select("id");
      if (ids !== undefined) query = query.where("id", "in", ids);
      const rows = await query
        .where((eb) =>
          eb(
            eb
              .selectFrom("snapshot_aggregates")
              .select((inner) => inner.fn.countAll<number>().as("n"))
              .whereRef("snapshot_aggregates.snapshot_id", "=", "snapshots.id")
              .where("snapshot_aggregates.version", "=", version),
            "<",
            methods,
          ),
        )
        .orderBy("taken_at", "asc")
        .orderBy("id", "asc")
        .execute();
      return rows.map((row) => row.id);
    },
  };
}
