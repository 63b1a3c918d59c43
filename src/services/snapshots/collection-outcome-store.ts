import type { Database } from "../storage/database.js";
import type { CollectionFailureKind } from "./collection-schedule.js";

/** What the last collection attempt did, as every process reads it from the database. */
export interface CollectionOutcome {
  lastAttemptAt: Date;
  lastSuccessAt: Date | null;
  lastError: string | null;
  failureKind: CollectionFailureKind | null;
  /** When the scheduler retries after a failure; null after a success. */
  retryAt: Date | null;
}

/**
 * The collection's outcome in `collection_outcomes` (migration 5): written by the scheduler after
 * each attempt, read by every process, so that a replica that never collects tells users the
 * same "stale data, the Hub is failing" note as the process that saw the failure.
 */
export interface CollectionOutcomeStore {
  save(outcome: CollectionOutcome): Promise<void>;
  load(): Promise<CollectionOutcome | null>;
}

const WORK = "collection";
const FAILURE_KINDS: readonly CollectionFailureKind[] = ["hub-unreachable", "hub-implausible", "storage"];

export function createCollectionOutcomeStore(database: Database): CollectionOutcomeStore {
  const { db } = database;
  const iso = (date: Date | null) => (date === null ? null : date.toISOString());
  const date = (text: string | null) => (text === null ? null : new Date(text));
  return {
    async save(outcome) {
      const row = {
        last_attempt_at: outcome.lastAttemptAt.toISOString(),
        last_success_at: iso(outcome.lastSuccessAt),
        last_error: outcome.lastError,
        failure_kind: outcome.failureKind,
        retry_at: iso(outcome.retryAt),
      };
      await db
        .insertInto("collection_outcomes")
        .values({ work: WORK, ...row })
        .onConflict((conflict) => conflict.column("work").doUpdateSet(row))
        .execute();
    },
    async load() {
      const row = await db
        .selectFrom("collection_outcomes")
        .selectAll()
        .where("work", "=", WORK)
        .executeTakeFirst();
      if (row === undefined) return null;
      const kind = FAILURE_KINDS.find((k) => k === row.failure_kind) ?? null;
      return {
        lastAttemptAt: new Date(row.last_attempt_at),
        lastSuccessAt: date(row.last_success_at),
        lastError: row.last_error,
        // An unknown kind (a newer version wrote it) reads as the general one, not as no failure.
        failureKind: row.last_error !== null && kind === null ? "hub-unreachable" : kind,
        retryAt: date(row.retry_at),
      };
    },
  };
}
