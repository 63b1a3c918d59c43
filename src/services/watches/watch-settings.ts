import type { Kysely } from "kysely";
import { toIsoText } from "../digests/iso-text.js";
import { isLocale, type Locale } from "../format/locale.js";
import type { Database } from "../storage/database.js";
import { guildRows } from "../storage/guild-rows.js";
import type { Tables } from "../storage/tables.js";

/** How many watches one guild may have. */
export const MAX_WATCHES_PER_GUILD = 25;

/**
 * Where a watch posts: a text or announcement channel (null), a thread, or a forum channel, where
 * every alert opens a post of its own.
 */
export type WatchChannelKind = "thread" | "forum" | null;

/** A watch as an admin set it up, with what the poller recorded about it. */
export interface Watch {
  id: number;
  guildId: string;
  channelId: string;
  channelKind: WatchChannelKind;
  /** The Hub namespace (organisation or user) as the Hub spells it: `Qwen`, `deepseek-ai`. */
  org: string;
  /** An alert waits until the model has this many downloads (30-day count); 0 for none. */
  minDownloads: number;
  /** The only mention an alert may make; null: alerts mention nobody. */
  roleId: string | null;
  language: Locale;
  createdBy: string;
  createdAt: string;
  /** The first poll recorded the org's models as they were: those never alert. */
  baselineDone: boolean;
  lastAlertAt: string | null;
  /** Why posting stopped (channel gone, access lost); the watch is skipped until re-added. */
  pausedReason: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** What {@link WatchSettings.create} takes. */
export type NewWatch = Pick<
  Watch,
  "guildId" | "channelId" | "channelKind" | "org" | "minDownloads" | "roleId" | "language" | "createdBy"
>;

/** `create` refused: the guild already has {@link MAX_WATCHES_PER_GUILD} watches. */
export class WatchLimitError extends Error {
  override readonly name = "WatchLimitError";
  constructor(
    readonly guildId: string,
    readonly limit: number,
  ) {
    super(`This server already has ${limit} watches, the most allowed. Remove one to add another.`);
  }
}

/**
 * The watches admins set up. What an admin reaches is scoped by guild id (a watch id of another
 * guild reads as "not found"); the methods without one are for the poller.
 */
export interface WatchSettings {
  /** @throws {WatchLimitError} when the guild already has the maximum. */
  create(input: NewWatch): Promise<Watch>;
  listByGuild(guildId: string): Promise<Watch[]>;
  get(guildId: string, id: number): Promise<Watch | null>;
  /** Deletes one watch and its alerts; false when the guild has no such watch. */
  remove(guildId: string, id: number): Promise<boolean>;
  /** Deletes all of a guild's watches (the bot left it); returns how many. */
  deleteByGuild(guildId: string): Promise<number>;
  /** Watches the poller serves: not paused, by id. */
  listActive(): Promise<Watch[]>;
  /** One watch by id, whatever its guild (the poller, between a claim and a post). */
  byId(id: number): Promise<Watch | null>;
  markBaselineDone(id: number): Promise<void>;
  recordAlert(id: number, at: Date): Promise<void>;
  pause(id: number, reason: string): Promise<void>;
  recordError(id: number, message: string): Promise<void>;
}

const WATCH_COLUMNS = [
  "id",
  "guild_id as guildId",
  "channel_id as channelId",
  "channel_kind as channelKind",
  "org",
  "min_downloads as minDownloads",
  "role_id as roleId",
  "language",
  "created_by as createdBy",
  "created_at as createdAt",
  "baseline_done as baselineDone",
  "last_alert_at as lastAlertAt",
  "paused_reason as pausedReason",
  "last_error as lastError",
  "last_error_at as lastErrorAt",
] as const;

type WatchRow = Omit<Watch, "channelKind" | "language" | "baselineDone"> & {
  channelKind: string | null;
  language: string;
  baselineDone: number;
};

/** Creates the settings half of the watch store (migration "watches" applied, foreign keys on). */
export function createWatchSettings(database: Database, { clock }: { clock: () => Date }): WatchSettings {
  const { db } = database;
  const now = () => toIsoText(clock(), "clock()");
  const select = (k: Kysely<Tables>) => k.selectFrom("watches").select(WATCH_COLUMNS);
  const first = async (query: Promise<WatchRow | undefined>) => {
    const row = await query;
    return row === undefined ? null : toWatch(row);
  };

  return {
    async create(input) {
      checkWatch(input);
      // Count and insert under the guild's lock, so two admins adding a 26th watch at the same
      // moment cannot both pass the check.
      return database.write(
        async (trx) => {
          const { count } = await trx
            .selectFrom("watches")
            .select((eb) => eb.fn.countAll<number>().as("count"))
            .where("guild_id", "=", input.guildId)
            .executeTakeFirstOrThrow();
          if (count >= MAX_WATCHES_PER_GUILD) throw new WatchLimitError(input.guildId, MAX_WATCHES_PER_GUILD);
          const { id } = await trx
            .insertInto("watches")
            .values({
              guild_id: input.guildId,
              channel_id: input.channelId,
              channel_kind: input.channelKind,
              org: input.org,
              min_downloads: input.minDownloads,
              role_id: input.roleId,
              language: input.language,
              created_by: input.createdBy,
              created_at: now(),
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          const created = await first(select(trx).where("id", "=", id).executeTakeFirst());
          if (created === null) throw new Error(`Watch ${id} vanished inside its own transaction`);
          return created;
        },
        { lock: `watches-of-guild:${input.guildId}` },
      );
    },
    listByGuild: async (guildId) =>
      (await select(db).where("guild_id", "=", guildId).orderBy("id").execute()).map(toWatch),
    get: (guildId, id) =>
      first(select(db).where("id", "=", id).where("guild_id", "=", guildId).executeTakeFirst()),
    byId: (id) => first(select(db).where("id", "=", id).executeTakeFirst()),
    ...guildRows(db, "watches"),
    listActive: async () =>
      (await select(db).where("paused_reason", "is", null).orderBy("id").execute()).map(toWatch),
    async markBaselineDone(id) {
      await db.updateTable("watches").set({ baseline_done: 1 }).where("id", "=", id).execute();
    },
    async recordAlert(id, at) {
      await db
        .updateTable("watches")
        .set({ last_alert_at: toIsoText(at, "at") })
        .where("id", "=", id)
        .execute();
    },
    async pause(id, reason) {
      await db.updateTable("watches").set({ paused_reason: reason }).where("id", "=", id).execute();
    },
    async recordError(id, message) {
      await db
        .updateTable("watches")
        .set({ last_error: message, last_error_at: now() })
        .where("id", "=", id)
        .execute();
    },
  };
}

/** A Hub namespace: what the Hub accepts before the slash of a repo id. */
export const ORG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

/** The commands parse and explain mistakes; anything else reaching here is a programming error. */
function checkWatch(input: NewWatch): void {
  for (const [what, value] of [
    ["guildId", input.guildId],
    ["channelId", input.channelId],
    ["createdBy", input.createdBy],
  ] as const) {
    if (!/^\d{1,20}$/.test(value))
      throw new RangeError(`${what} must be a Discord snowflake, got "${value}"`);
  }
  if (input.roleId !== null && !/^\d{1,20}$/.test(input.roleId)) {
    throw new RangeError(`roleId must be a Discord snowflake, got "${input.roleId}"`);
  }
  if (!ORG_PATTERN.test(input.org)) throw new RangeError(`"${input.org}" cannot name a Hub namespace`);
  if (!Number.isSafeInteger(input.minDownloads) || input.minDownloads < 0) {
    throw new RangeError(`minDownloads must be a non-negative integer, got ${input.minDownloads}`);
  }
  if (!isLocale(input.language)) throw new RangeError(`Unsupported language "${input.language}"`);
}

function toWatch(row: WatchRow): Watch {
  const { channelKind, language, baselineDone, ...rest } = row;
  if (channelKind !== null && channelKind !== "thread" && channelKind !== "forum") {
    throw new Error(`Watch ${row.id} has unknown channel kind "${channelKind}"`);
  }
  if (!isLocale(language)) throw new Error(`Watch ${row.id} has unknown language "${language}"`);
  return { ...rest, channelKind, language, baselineDone: baselineDone === 1 };
}
