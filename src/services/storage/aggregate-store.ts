import type { Kysely } from "kysely";
import { type CountingMethod, methodKey } from "../method/method.js";
import type { SnapshotAggregate } from "../stats/region-shares.js";
import type { AggregateSet } from "../stats/stored-aggregates.js";
import type { RegionHistoryPoint } from "../stats/types.js";
import type { Database } from "./database.js";
import type { Tables } from "./tables.js";

/**
 * The per-snapshot aggregates of `snapshot_aggregates` (migration 4): written with a snapshot by
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
  if (set.aggregates.length === 0) return;
  await trx
    .insertInto("snapshot_aggregates")
    .values(
      set.aggregates.map(({ method, point, aggregate }) => ({
        snapshot_id: snapshotId,
        method: methodKey(method),
        version: set.version,
        point: JSON.stringify(point),
        aggregate: JSON.stringify(aggregate),
      })),
    )
    .execute();
}

export function createAggregateStore(database: Database): AggregateStore {
  const { db } = database;
  return {
    async put(snapshotId, set) {
      await database.write(async (trx) => {
        const exists = await trx
          .selectFrom("snapshots")
          .select("id")
          .where("id", "=", snapshotId)
          .executeTakeFirst();
        if (exists === undefined) return;
        await trx.deleteFrom("snapshot_aggregates").where("snapshot_id", "=", snapshotId).execute();
        await insertAggregates(trx, snapshotId, set);
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
