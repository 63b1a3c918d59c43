import type { Transaction } from "kysely";
import type { Database } from "./database.js";
import type { Tables } from "./tables.js";

/**
 * Writes rows that hang off snapshot `snapshotId` (its aggregates, its computed answers) in one
 * write transaction, only if the snapshot is still there when it begins: a prune or a delete in
 * another process may have removed it since it was read, and its rows would then be refused by the
 * foreign key (or, without one, kept for nothing).
 */
export function writeForSnapshot(
  database: Database,
  snapshotId: number,
  work: (trx: Transaction<Tables>) => Promise<void>,
): Promise<void> {
  return database.write(async (trx) => {
    const exists = await trx
      .selectFrom("snapshots")
      .select("id")
      .where("id", "=", snapshotId)
      .executeTakeFirst();
    if (exists !== undefined) await work(trx);
  });
}
