import type { Generated } from "kysely";

/**
 * The tables as the query builder sees them, column for column, on both databases (see
 * migrations.ts for how each is declared on SQLite and on PostgreSQL). Values are the same on
 * both: times are `Date.toISOString()` text, flags are 0/1 integers, lists are JSON text.
 */
export interface Tables {
  schema_migrations: SchemaMigrationsTable;
  snapshots: SnapshotsTable;
  snapshot_models: SnapshotModelsTable;
  snapshot_aggregates: SnapshotAggregatesTable;
  stats_answers: StatsAnswersTable;
  digests: DigestsTable;
  digest_deliveries: DigestDeliveriesTable;
  scheduler_leases: SchedulerLeasesTable;
  watches: WatchesTable;
  watch_alerts: WatchAlertsTable;
  collection_outcomes: CollectionOutcomesTable;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Generated<string>;
}

export interface SnapshotsTable {
  id: Generated<number>;
  taken_at: string;
  source: string;
  model_count: number;
  skipped: number;
  note: string | null;
  saved_at: string;
}

export interface SnapshotModelsTable {
  snapshot_id: number;
  position: number;
  model_id: string;
  author: string;
  downloads: number;
  downloads_all_time: number | null;
  likes: number;
  trending_score: number | null;
  created_at: string | null;
  pipeline_tag: string | null;
  library_name: string | null;
  /** JSON array of strings. */
  tags: string;
  parameters: number | null;
  downloads_rank: number | null;
  trending_rank: number | null;
  /** JSON array of repo ids. */
  base_models: Generated<string>;
}

/** One computed `/trends` answer of a snapshot (see stored-answers.ts). */
export interface StatsAnswersTable {
  snapshot_id: number;
  /** The query: region, window, counting method and list lengths. */
  query_key: string;
  /** The snapshot set's change mark when it was computed (comparisons depend on it). */
  mark: string;
  /** What computed it (the code and the attribution data). */
  version: string;
  /** JSON of the `TrendStats`. */
  answer: string;
}

/** One snapshot's aggregates under one counting method (see stored-aggregates.ts). */
export interface SnapshotAggregatesTable {
  snapshot_id: number;
  /** `methodKey` of the counting method. */
  method: string;
  /** What computed the row; another version's rows are recomputed. */
  version: string;
  /** JSON of the `RegionHistoryPoint`. */
  point: string;
  /** JSON of the `SnapshotAggregate`. */
  aggregate: string;
}

export interface DigestsTable {
  id: Generated<number>;
  guild_id: string;
  channel_id: string;
  day: string;
  time: string;
  timezone: string;
  region: string | null;
  language: string;
  credit_by: Generated<string>;
  cohort: Generated<string>;
  /** The only role a post may mention; null: nobody. */
  role_id: string | null;
  /** 0 or 1. */
  enabled: Generated<number>;
  paused_reason: string | null;
  last_error: string | null;
  last_error_at: string | null;
  schedule_from: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface DigestDeliveriesTable {
  digest_id: number;
  period: string;
  status: string;
  nonce: string | null;
  scheduled_for: string;
  claimed_at: string | null;
  posted_at: string | null;
  message_id: string | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  error: string | null;
}

/** What the scheduler's last run of one kind of work did (migration 5). */
export interface CollectionOutcomesTable {
  work: string;
  last_attempt_at: string;
  last_success_at: string | null;
  last_error: string | null;
  failure_kind: string | null;
  retry_at: string | null;
}

export interface SchedulerLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface WatchesTable {
  id: Generated<number>;
  guild_id: string;
  channel_id: string;
  /** null (a text or announcement channel), 'thread' or 'forum'. */
  channel_kind: string | null;
  org: string;
  min_downloads: Generated<number>;
  role_id: string | null;
  language: string;
  created_by: string;
  created_at: string;
  /** 0 or 1. */
  baseline_done: Generated<number>;
  last_alert_at: string | null;
  paused_reason: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export interface WatchAlertsTable {
  watch_id: number;
  model_id: string;
  /** 'new' or 'milestone'. */
  kind: string;
  status: string;
  nonce: string | null;
  seen_at: string;
  claimed_at: string | null;
  posted_at: string | null;
  message_id: string | null;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  error: string | null;
  /** JSON of the model record as the poll saw it; null for baseline rows. */
  model: string | null;
}
