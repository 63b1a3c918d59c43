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
  {
    version: 2,
    name: "digests",
    up(db) {
      db.exec(`
        -- Weekly digests admins set up, at most 5 per guild (enforced by the digest store, in the
        -- same transaction as the insert). Times are Date.toISOString() text, so text order is
        -- time order. Like snapshots.source, language, region and delivery status carry no CHECK:
        -- adding a value later should not need a table rebuild; the store validates them.
        -- day is 'mon'..'sun' and time 'HH:MM' (24-hour, local to timezone, an IANA name).
        -- A digest runs when enabled = 1 and paused_reason IS NULL: the scheduler pauses it when
        -- Discord says the channel is gone or closed to the bot; an admin re-enabling clears it.
        -- schedule_from: occurrences before it are never delivered (set on create and whenever
        -- day, time or timezone change), so a new or rescheduled digest does not post at once
        -- for a time that has already passed.
        CREATE TABLE digests (
          id            INTEGER PRIMARY KEY AUTOINCREMENT,
          guild_id      TEXT    NOT NULL,
          channel_id    TEXT    NOT NULL,
          day           TEXT    NOT NULL CHECK (day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
          time          TEXT    NOT NULL,
          timezone      TEXT    NOT NULL,
          region        TEXT,
          language      TEXT    NOT NULL,
          enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
          paused_reason TEXT,
          last_error    TEXT,
          last_error_at TEXT,
          schedule_from TEXT    NOT NULL,
          created_by    TEXT    NOT NULL,
          created_at    TEXT    NOT NULL,
          updated_at    TEXT    NOT NULL
        );
        CREATE INDEX digests_by_guild ON digests (guild_id, id);

        -- One row per digest per period (ISO week in the digest's zone, '2026-W48'): the UNIQUE
        -- pair is what makes a post happen at most once, whoever tries. A row is inserted
        -- ('claimed') before Discord is asked to post, with the nonce Discord will de-duplicate on.
        -- nonce and claimed_at are NULL only for a period skipped without ever being claimed.
        CREATE TABLE digest_deliveries (
          digest_id       INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
          period          TEXT    NOT NULL,
          status          TEXT    NOT NULL,
          nonce           TEXT,
          scheduled_for   TEXT    NOT NULL,
          claimed_at      TEXT,
          posted_at       TEXT,
          message_id      TEXT,
          attempts        INTEGER NOT NULL DEFAULT 0,
          next_attempt_at TEXT,
          error           TEXT,
          UNIQUE (digest_id, period)
        );
        CREATE INDEX digest_deliveries_open ON digest_deliveries (status)
          WHERE status IN ('claimed', 'failed');

        -- Who runs the digest scheduler: one row per lease name, held until expires_at.
        CREATE TABLE scheduler_leases (
          name       TEXT PRIMARY KEY,
          holder     TEXT NOT NULL,
          expires_at TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    name: "counting_method",
    up(db) {
      db.exec(`
        -- The base models a model's card declares (JSON array of repo ids), for lineage. Rows saved
        -- before cards were read get '[]': their base_model: tags still give lineage its bases.
        ALTER TABLE snapshot_models ADD COLUMN base_models TEXT NOT NULL DEFAULT '[]';

        -- How a digest counts (src/services/method/): who gets the credit and which models count.
        -- Existing digests take the default method; like region, no CHECK (the store validates).
        ALTER TABLE digests ADD COLUMN credit_by TEXT NOT NULL DEFAULT 'lineage';
        ALTER TABLE digests ADD COLUMN cohort    TEXT NOT NULL DEFAULT 'all';
      `);
    },
  },
];
