import type BetterSqlite3 from "better-sqlite3";

/** An open better-sqlite3 connection, as the storage services pass it around. */
export type SqliteDatabase = BetterSqlite3.Database;

/**
 * One step of the schema's history. Applied once per database, inside its own transaction, and
 * recorded in `schema_migrations`.
 *
 * Rules for whoever appends one:
 * - `version` is the next integer (the list must read 1, 2, 3, …); never renumber or edit a
 *   migration that has shipped: databases in the field already recorded it. `openDatabase` refuses
 *   a database whose recorded name for a version differs from the code's, which catches two
 *   branches that both appended "version 2".
 * - `up` runs inside a transaction, where `PRAGMA foreign_keys` cannot be changed: a table rebuild
 *   that needs foreign keys off would need support in `migrate` first.
 */
export interface Migration {
  readonly version: number;
  /** Short snake_case description, recorded next to the version. */
  readonly name: string;
  up(db: SqliteDatabase): void;
}

/** The schema's history, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "snapshots",
    up(db) {
      db.exec(`
        -- AUTOINCREMENT so that an id is never reused after retention deletes the highest one:
        -- caches and logs may key on snapshot ids.
        -- No CHECK on source: adding a source later should not need a table rebuild; the store
        -- validates it on the way in and out.
        -- taken_at and saved_at are Date.toISOString() text (fixed width, UTC), so text order is
        -- time order.
        CREATE TABLE snapshots (
          id          INTEGER PRIMARY KEY AUTOINCREMENT,
          taken_at    TEXT    NOT NULL,
          source      TEXT    NOT NULL,
          model_count INTEGER NOT NULL,
          skipped     INTEGER NOT NULL,
          note        TEXT,
          saved_at    TEXT    NOT NULL
        );
        CREATE INDEX snapshots_by_taken_at ON snapshots (taken_at, id);

        -- One row per model per snapshot. position keeps the order the models were saved in.
        -- tags is a JSON array of strings.
        CREATE TABLE snapshot_models (
          snapshot_id        INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
          position           INTEGER NOT NULL,
          model_id           TEXT    NOT NULL,
          author             TEXT    NOT NULL,
          downloads          INTEGER NOT NULL,
          downloads_all_time INTEGER,
          likes              INTEGER NOT NULL,
          trending_score     REAL,
          created_at         TEXT,
          pipeline_tag       TEXT,
          library_name       TEXT,
          tags               TEXT    NOT NULL,
          parameters         INTEGER,
          downloads_rank     INTEGER,
          trending_rank      INTEGER,
          PRIMARY KEY (snapshot_id, model_id)
        );
      `);
    },
  },
];
