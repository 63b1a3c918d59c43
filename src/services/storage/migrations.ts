/** The two databases hubtrends stores in: an SQLite file (the default), or PostgreSQL. */
export type DialectName = "sqlite" | "postgres";

/**
 * One step of the schema's history. Applied once per database, inside its own transaction, and
 * recorded in `schema_migrations`, on SQLite and on PostgreSQL alike.
 *
 * Rules for whoever appends one:
 * - `version` is the next integer (the list must read 1, 2, 3, …); never renumber or edit a
 *   migration that has shipped: databases in the field already recorded it. `openDatabase` refuses
 *   a database whose recorded name for a version differs from the code's, which catches two
 *   branches that both appended "version 2".
 * - Give the same schema on both databases, one statement per string, and say in a comment why
 *   wherever the two texts differ. The conventions below keep every query and every value the same
 *   on both, so that the stores hold one set of queries:
 *   - times are `Date.toISOString()` text (fixed width, UTC), so text order is time order;
 *   - on PostgreSQL every text column is `COLLATE "C"`, so it compares and sorts byte by byte as
 *     SQLite's BINARY does (a locale's collation would order ids, names and ties differently);
 *   - flags are `0/1` integers with a CHECK (SQLite has no boolean type);
 *   - lists are JSON text: no query looks inside them, and both drivers then hand back a string;
 *   - counts that may pass 2^31 (downloads, parameters) are `bigint` on PostgreSQL, which the
 *     connection reads back as numbers (see postgres.ts); SQLite's INTEGER is 64-bit already;
 *   - ids that are never reused: `INTEGER PRIMARY KEY AUTOINCREMENT` on SQLite, an identity
 *     column on PostgreSQL (a sequence never hands out a number twice).
 * - Statements run inside a transaction: on SQLite `PRAGMA foreign_keys` cannot change there, so a
 *   table rebuild that needs foreign keys off would need support in `migrate` first.
 */
export interface Migration {
  readonly version: number;
  /** Short snake_case description, recorded next to the version. */
  readonly name: string;
  readonly sqlite: readonly string[];
  readonly postgres: readonly string[];
}

/** The schema's history, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  // AUTOINCREMENT (an identity on PostgreSQL) so that an id is never reused after retention deletes
  // the highest one: caches and logs may key on snapshot ids. No CHECK on source: adding a source
  // later should not need a table rebuild; the store validates it on the way in and out.
  // snapshot_models holds one row per model per snapshot; position keeps the order the models were
  // saved in; tags is a JSON array of strings.
  {
    version: 1,
    name: "snapshots",
    sqlite: [
      `CREATE TABLE snapshots (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        taken_at    TEXT    NOT NULL,
        source      TEXT    NOT NULL,
        model_count INTEGER NOT NULL,
        skipped     INTEGER NOT NULL,
        note        TEXT,
        saved_at    TEXT    NOT NULL
      )`,
      "CREATE INDEX snapshots_by_taken_at ON snapshots (taken_at, id)",
      `CREATE TABLE snapshot_models (
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
      )`,
    ],
    postgres: [
      `CREATE TABLE snapshots (
        id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        taken_at    text COLLATE "C" NOT NULL,
        source      text COLLATE "C" NOT NULL,
        model_count integer NOT NULL,
        skipped     integer NOT NULL,
        note        text COLLATE "C",
        saved_at    text COLLATE "C" NOT NULL
      )`,
      "CREATE INDEX snapshots_by_taken_at ON snapshots (taken_at, id)",
      // downloads, likes and parameters are bigint: all-time downloads and parameter counts pass
      // 2^31; trending_score is a double, as SQLite's REAL is.
      `CREATE TABLE snapshot_models (
        snapshot_id        integer NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        position           integer NOT NULL,
        model_id           text COLLATE "C" NOT NULL,
        author             text COLLATE "C" NOT NULL,
        downloads          bigint NOT NULL,
        downloads_all_time bigint,
        likes              bigint NOT NULL,
        trending_score     double precision,
        created_at         text COLLATE "C",
        pipeline_tag       text COLLATE "C",
        library_name       text COLLATE "C",
        tags               text COLLATE "C" NOT NULL,
        parameters         bigint,
        downloads_rank     integer,
        trending_rank      integer,
        PRIMARY KEY (snapshot_id, model_id)
      )`,
    ],
  },
  // Weekly digests admins set up, at most 5 per guild (enforced by the digest store, in the same
  // transaction as the insert). Like snapshots.source, language, region and delivery status carry
  // no CHECK: adding a value later should not need a table rebuild; the store validates them.
  // day is 'mon'..'sun' and time 'HH:MM' (24-hour, local to timezone, an IANA name). A digest runs
  // when enabled = 1 and paused_reason IS NULL: the scheduler pauses it when Discord says the
  // channel is gone or closed to the bot; an admin re-enabling clears it. schedule_from:
  // occurrences before it are never delivered (set on create and whenever day, time or timezone
  // change), so a new or rescheduled digest does not post at once for a time that has passed.
  //
  // digest_deliveries: one row per digest per period (ISO week in the digest's zone, '2026-W48'):
  // the UNIQUE pair is what makes a post happen at most once, whoever tries. A row is inserted
  // ('claimed') before Discord is asked to post, with the nonce Discord will de-duplicate on.
  // nonce and claimed_at are NULL only for a period skipped without ever being claimed. The open
  // deliveries have a partial index, which both databases support with the same text.
  //
  // scheduler_leases: who runs scheduled work on SQLite, one row per lease name, held until
  // expires_at (PostgreSQL uses an advisory lock instead; see leadership.ts).
  {
    version: 2,
    name: "digests",
    sqlite: [
      `CREATE TABLE digests (
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
      )`,
      "CREATE INDEX digests_by_guild ON digests (guild_id, id)",
      `CREATE TABLE digest_deliveries (
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
      )`,
      `CREATE INDEX digest_deliveries_open ON digest_deliveries (status)
        WHERE status IN ('claimed', 'failed')`,
      `CREATE TABLE scheduler_leases (
        name       TEXT PRIMARY KEY,
        holder     TEXT NOT NULL,
        expires_at TEXT NOT NULL
      )`,
    ],
    postgres: [
      // enabled stays a 0/1 smallint rather than a boolean so that the queries and the values
      // they bind are the same as on SQLite.
      `CREATE TABLE digests (
        id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        guild_id      text COLLATE "C" NOT NULL,
        channel_id    text COLLATE "C" NOT NULL,
        day           text COLLATE "C" NOT NULL CHECK (day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
        time          text COLLATE "C" NOT NULL,
        timezone      text COLLATE "C" NOT NULL,
        region        text COLLATE "C",
        language      text COLLATE "C" NOT NULL,
        enabled       smallint NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        paused_reason text COLLATE "C",
        last_error    text COLLATE "C",
        last_error_at text COLLATE "C",
        schedule_from text COLLATE "C" NOT NULL,
        created_by    text COLLATE "C" NOT NULL,
        created_at    text COLLATE "C" NOT NULL,
        updated_at    text COLLATE "C" NOT NULL
      )`,
      "CREATE INDEX digests_by_guild ON digests (guild_id, id)",
      `CREATE TABLE digest_deliveries (
        digest_id       integer NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
        period          text COLLATE "C" NOT NULL,
        status          text COLLATE "C" NOT NULL,
        nonce           text COLLATE "C",
        scheduled_for   text COLLATE "C" NOT NULL,
        claimed_at      text COLLATE "C",
        posted_at       text COLLATE "C",
        message_id      text COLLATE "C",
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at text COLLATE "C",
        error           text COLLATE "C",
        UNIQUE (digest_id, period)
      )`,
      `CREATE INDEX digest_deliveries_open ON digest_deliveries (status)
        WHERE status IN ('claimed', 'failed')`,
      `CREATE TABLE scheduler_leases (
        name       text COLLATE "C" PRIMARY KEY,
        holder     text COLLATE "C" NOT NULL,
        expires_at text COLLATE "C" NOT NULL
      )`,
    ],
  },
  // The base models a model's card declares (JSON array of repo ids), for lineage. Rows saved
  // before cards were read get '[]': their base_model: tags still give lineage its bases. How a
  // digest counts (src/services/method/): who gets the credit and which models count; existing
  // digests take the default method; like region, no CHECK (the store validates).
  {
    version: 3,
    name: "counting_method",
    sqlite: [
      "ALTER TABLE snapshot_models ADD COLUMN base_models TEXT NOT NULL DEFAULT '[]'",
      "ALTER TABLE digests ADD COLUMN credit_by TEXT NOT NULL DEFAULT 'lineage'",
      "ALTER TABLE digests ADD COLUMN cohort    TEXT NOT NULL DEFAULT 'all'",
    ],
    postgres: [
      `ALTER TABLE snapshot_models ADD COLUMN base_models text COLLATE "C" NOT NULL DEFAULT '[]'`,
      `ALTER TABLE digests ADD COLUMN credit_by text COLLATE "C" NOT NULL DEFAULT 'lineage'`,
      `ALTER TABLE digests ADD COLUMN cohort    text COLLATE "C" NOT NULL DEFAULT 'all'`,
    ],
  },
  // Release alerts per Hub organisation (issue 11). A watch posts to a channel (channel_kind null),
  // a thread ('thread') or a forum ('forum': a post of its own per alert). org is the Hub namespace
  // as the Hub spells it; min_downloads holds an alert back until the model reaches it; role_id,
  // when set, is the only mention an alert may make. baseline_done: the first poll recorded what
  // already existed (those never alert). At most 25 per guild (the store counts under a lock).
  //
  // watch_alerts: one row per (watch, model, kind), kind 'new' or 'milestone'. Like
  // digest_deliveries, the UNIQUE triple is what makes an alert post at most once, whoever tries:
  // a row is inserted ('claimed', with the nonce Discord de-duplicates on) before Discord is asked.
  // 'baseline' rows are models that existed when the watch started; 'held' rows wait for
  // min_downloads and carry no nonce until they are claimed. model is the model as the poll saw it
  // (JSON), so a retry or a recovery after a restart composes the same alert. Open alerts have a
  // partial index. digests.role_id: the role a digest mentions (the only mention it may make), as
  // /digest set takes it like /watch add does; NULL mentions nobody.
  {
    version: 4,
    name: "watches",
    sqlite: [
      `CREATE TABLE watches (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id      TEXT    NOT NULL,
        channel_id    TEXT    NOT NULL,
        channel_kind  TEXT    CHECK (channel_kind IN ('thread', 'forum')),
        org           TEXT    NOT NULL,
        min_downloads INTEGER NOT NULL DEFAULT 0,
        role_id       TEXT,
        language      TEXT    NOT NULL,
        created_by    TEXT    NOT NULL,
        created_at    TEXT    NOT NULL,
        baseline_done INTEGER NOT NULL DEFAULT 0 CHECK (baseline_done IN (0, 1)),
        last_alert_at TEXT,
        paused_reason TEXT,
        last_error    TEXT,
        last_error_at TEXT
      )`,
      "CREATE INDEX watches_by_guild ON watches (guild_id, id)",
      "CREATE INDEX watches_by_org ON watches (org, id)",
      `CREATE TABLE watch_alerts (
        watch_id        INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
        model_id        TEXT    NOT NULL,
        kind            TEXT    NOT NULL CHECK (kind IN ('new', 'milestone')),
        status          TEXT    NOT NULL,
        nonce           TEXT,
        seen_at         TEXT    NOT NULL,
        claimed_at      TEXT,
        posted_at       TEXT,
        message_id      TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        error           TEXT,
        model           TEXT,
        UNIQUE (watch_id, model_id, kind)
      )`,
      `CREATE INDEX watch_alerts_open ON watch_alerts (status)
        WHERE status IN ('claimed', 'failed', 'held')`,
      "ALTER TABLE digests ADD COLUMN role_id TEXT",
    ],
    postgres: [
      `CREATE TABLE watches (
        id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        guild_id      text COLLATE "C" NOT NULL,
        channel_id    text COLLATE "C" NOT NULL,
        channel_kind  text COLLATE "C" CHECK (channel_kind IN ('thread', 'forum')),
        org           text COLLATE "C" NOT NULL,
        min_downloads bigint NOT NULL DEFAULT 0,
        role_id       text COLLATE "C",
        language      text COLLATE "C" NOT NULL,
        created_by    text COLLATE "C" NOT NULL,
        created_at    text COLLATE "C" NOT NULL,
        baseline_done smallint NOT NULL DEFAULT 0 CHECK (baseline_done IN (0, 1)),
        last_alert_at text COLLATE "C",
        paused_reason text COLLATE "C",
        last_error    text COLLATE "C",
        last_error_at text COLLATE "C"
      )`,
      "CREATE INDEX watches_by_guild ON watches (guild_id, id)",
      "CREATE INDEX watches_by_org ON watches (org, id)",
      `CREATE TABLE watch_alerts (
        watch_id        integer NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
        model_id        text COLLATE "C" NOT NULL,
        kind            text COLLATE "C" NOT NULL CHECK (kind IN ('new', 'milestone')),
        status          text COLLATE "C" NOT NULL,
        nonce           text COLLATE "C",
        seen_at         text COLLATE "C" NOT NULL,
        claimed_at      text COLLATE "C",
        posted_at       text COLLATE "C",
        message_id      text COLLATE "C",
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at text COLLATE "C",
        error           text COLLATE "C",
        model           text COLLATE "C",
        UNIQUE (watch_id, model_id, kind)
      )`,
      `CREATE INDEX watch_alerts_open ON watch_alerts (status)
        WHERE status IN ('claimed', 'failed', 'held')`,
      `ALTER TABLE digests ADD COLUMN role_id text COLLATE "C"`,
    ],
  },
  // What the scheduler's last collection did, so that every replica (which never collects itself)
  // tells users the same stale/failing note as the leader. One row per kind of scheduled work
  // ('collection' for now); failure_kind is the schedule's CollectionFailureKind, validated by the
  // store; times are ISO text as everywhere.
  {
    version: 5,
    name: "collection_outcomes",
    sqlite: [
      `CREATE TABLE collection_outcomes (
        work            TEXT    PRIMARY KEY,
        last_attempt_at TEXT    NOT NULL,
        last_success_at TEXT,
        last_error      TEXT,
        failure_kind    TEXT,
        retry_at        TEXT
      )`,
    ],
    postgres: [
      `CREATE TABLE collection_outcomes (
        work            text COLLATE "C" PRIMARY KEY,
        last_attempt_at text COLLATE "C" NOT NULL,
        last_success_at text COLLATE "C",
        last_error      text COLLATE "C",
        failure_kind    text COLLATE "C",
        retry_at        text COLLATE "C"
      )`,
    ],
  },
  // Per-snapshot aggregates (see src/services/stats/stored-aggregates.ts): one row per snapshot and
  // counting method, written with the snapshot (or later, when one is missing), so that history
  // lines and comparisons read a few JSON rows instead of reloading every snapshot's models.
  // `version` names what computed them (the code and the attribution data): a row of another
  // version is recomputed, not trusted. No new rows for existing snapshots here: a migration has no
  // attribution data; the trends service fills in what is missing the first time it is needed.
  {
    version: 6,
    name: "snapshot_aggregates",
    sqlite: [
      `CREATE TABLE snapshot_aggregates (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        method      TEXT    NOT NULL,
        version     TEXT    NOT NULL,
        point       TEXT    NOT NULL,
        aggregate   TEXT    NOT NULL,
        PRIMARY KEY (snapshot_id, method)
      )`,
    ],
    postgres: [
      `CREATE TABLE snapshot_aggregates (
        snapshot_id integer NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        method      text COLLATE "C" NOT NULL,
        version     text COLLATE "C" NOT NULL,
        point       text COLLATE "C" NOT NULL,
        aggregate   text COLLATE "C" NOT NULL,
        PRIMARY KEY (snapshot_id, method)
      )`,
    ],
  },
  // Computed `/trends` answers of the newest snapshot (see src/services/snapshots/stored-answers.ts),
  // so that a process that has just started (the CLI, a restarted replica) reads one row instead of
  // loading and aggregating 10,000 models. `mark` is the snapshot set's change mark and `version`
  // what computed the answer: a row with another of either is recomputed, never trusted. Only the
  // newest snapshot's answers are kept: writing one for a snapshot deletes those of the others.
  {
    version: 7,
    name: "stats_answers",
    sqlite: [
      `CREATE TABLE stats_answers (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        query_key   TEXT    NOT NULL,
        mark        TEXT    NOT NULL,
        version     TEXT    NOT NULL,
        answer      TEXT    NOT NULL,
        PRIMARY KEY (snapshot_id, query_key)
      )`,
    ],
    postgres: [
      `CREATE TABLE stats_answers (
        snapshot_id integer NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        query_key   text COLLATE "C" NOT NULL,
        mark        text COLLATE "C" NOT NULL,
        version     text COLLATE "C" NOT NULL,
        answer      text COLLATE "C" NOT NULL,
        PRIMARY KEY (snapshot_id, query_key)
      )`,
    ],
  },
];
