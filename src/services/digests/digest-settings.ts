import type { Kysely } from "kysely";
import { isLocale, type Locale } from "../format/locale.js";
import {
  type Cohort,
  type CreditMethod,
  DEFAULT_METHOD,
  isCohort,
  isCreditMethod,
} from "../method/method.js";
import { REGIONS, type Region } from "../regions/types.js";
import type { Database } from "../storage/database.js";
import { guildRows } from "../storage/guild-rows.js";
import type { Tables } from "../storage/tables.js";
import { toIsoText } from "./iso-text.js";
import { type DayName, isDayName, parseTime } from "./schedule.js";
import { resolveTimeZone } from "./timezones.js";

/** How many digests one guild may have. */
export const MAX_DIGESTS_PER_GUILD = 5;

/** A weekly digest as an admin set it up, with what the scheduler recorded about it. */
export interface Digest {
  id: number;
  guildId: string;
  channelId: string;
  day: DayName;
  /** `HH:MM`, 24-hour, in `timezone`. */
  time: string;
  /** IANA zone name. */
  timezone: string;
  /** The region the digest is about; null for all regions. */
  region: Region | null;
  language: Locale;
  /** Who the digest's figures credit a download to (see src/services/method/). */
  by: CreditMethod;
  /** Which models the digest's figures count. */
  cohort: Cohort;
  /** The only role a post mentions; null: posts mention nobody. */
  roleId: string | null;
  /** Switched by admins. A digest runs when enabled and not paused. */
  enabled: boolean;
  /** Why the scheduler stopped posting (channel gone, access lost); cleared when re-enabled. */
  pausedReason: string | null;
  /** The latest delivery error and when it happened (ISO); kept after later successes. */
  lastError: string | null;
  lastErrorAt: string | null;
  /**
   * Occurrences before this instant (ISO) are never delivered: set on creation and whenever the
   * day, time or time zone change, so saving a time that has already passed this week does not
   * post at once. `/digest send-now` is there for that.
   */
  scheduleFrom: string;
  createdBy: string;
  createdAt: string;
  /** Last change an admin made (settings, enabled). */
  updatedAt: string;
}

/** What {@link DigestSettings.create} takes. */
export interface NewDigest {
  guildId: string;
  channelId: string;
  day: DayName;
  /** `HH:MM` as `parseTime` returns it. */
  time: string;
  /** As `resolveTimeZone` returns it. */
  timezone: string;
  region: Region | null;
  language: Locale;
  /** The default method's when absent. */
  by?: CreditMethod;
  cohort?: Cohort;
  /** Null (or absent): posts mention nobody. */
  roleId?: string | null;
  /** Discord user id of the admin. */
  createdBy: string;
}

/** Settings an admin may change; absent keys stay as they are. */
export type DigestSettingsPatch = Partial<
  Pick<Digest, "channelId" | "day" | "time" | "timezone" | "region" | "language" | "by" | "cohort" | "roleId">
>;

/** `create` refused: the guild already has {@link MAX_DIGESTS_PER_GUILD} digests. */
export class DigestLimitError extends Error {
  override readonly name = "DigestLimitError";
  constructor(
    readonly guildId: string,
    readonly limit: number,
  ) {
    super(`This server already has ${limit} digests, the most allowed. Remove one to add another.`);
  }
}

/**
 * The digests admins set up, and the pause and last error the scheduler records on them.
 *
 * Everything an admin can reach is scoped by guild id: a digest id from another guild reads as
 * "not found", so a command can pass the ids it got from Discord straight through. The methods
 * without a guild id are for the scheduler.
 */
export interface DigestSettings {
  /** @throws {DigestLimitError} when the guild already has the maximum. */
  create(input: NewDigest): Promise<Digest>;
  /** Null when the guild has no such digest. */
  update(guildId: string, id: number, patch: DigestSettingsPatch): Promise<Digest | null>;
  /** The guild's digests, oldest first. */
  listByGuild(guildId: string): Promise<Digest[]>;
  get(guildId: string, id: number): Promise<Digest | null>;
  /** Enabling also clears a pause: the admin says the problem is fixed. Null when not found. */
  setEnabled(guildId: string, id: number, enabled: boolean): Promise<Digest | null>;
  /** Deletes one digest and its deliveries; false when the guild has no such digest. */
  remove(guildId: string, id: number): Promise<boolean>;
  /** Deletes all of a guild's digests (the bot left it); returns how many. */
  deleteByGuild(guildId: string): Promise<number>;
  /** Stops the digest until an admin enables it again. */
  pause(id: number, reason: string): Promise<void>;
  recordError(id: number, message: string): Promise<void>;
  /** Digests the scheduler should run: enabled and not paused, by id. */
  listEnabled(): Promise<Digest[]>;
}

/** Dependencies of {@link createDigestSettings}. */
export interface DigestSettingsDeps {
  clock: () => Date;
}

interface DigestRow {
  id: number;
  guildId: string;
  channelId: string;
  day: string;
  time: string;
  timezone: string;
  region: string | null;
  language: string;
  by: string;
  cohort: string;
  roleId: string | null;
  enabled: number;
  pausedReason: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  scheduleFrom: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const DIGEST_COLUMNS = [
  "id",
  "guild_id as guildId",
  "channel_id as channelId",
  "day",
  "time",
  "timezone",
  "region",
  "language",
  "credit_by as by",
  "cohort",
  "role_id as roleId",
  "enabled",
  "paused_reason as pausedReason",
  "last_error as lastError",
  "last_error_at as lastErrorAt",
  "schedule_from as scheduleFrom",
  "created_by as createdBy",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

/**
 * Creates the settings store over a database from `openDatabase` (migration 2 applied, foreign
 * keys on so that deleting a digest deletes its deliveries).
 */
export function createDigestSettings(database: Database, { clock }: DigestSettingsDeps): DigestSettings {
  const { db } = database;
  const now = () => toIsoText(clock(), "clock()");
  const select = (k: Kysely<Tables>) => k.selectFrom("digests").select(DIGEST_COLUMNS);

  async function readDigest(k: Kysely<Tables>, id: number): Promise<Digest> {
    const row = await select(k).where("id", "=", id).executeTakeFirst();
    if (row === undefined) throw new Error(`Digest ${id} vanished inside its own transaction`);
    return toDigest(row);
  }

  async function getInGuild(k: Kysely<Tables>, guildId: string, id: number): Promise<Digest | null> {
    const row = await select(k).where("id", "=", id).where("guild_id", "=", guildId).executeTakeFirst();
    return row === undefined ? null : toDigest(row);
  }

  return {
    async create(input) {
      checkId(input.guildId, "guildId");
      checkId(input.createdBy, "createdBy");
      const digest = {
        ...input,
        by: input.by ?? DEFAULT_METHOD.by,
        cohort: input.cohort ?? DEFAULT_METHOD.cohort,
        roleId: input.roleId ?? null,
      };
      checkSettings(digest);
      // Count and insert under the guild's lock, so two admins (or two shards, or two machines)
      // adding a sixth digest at the same moment cannot both pass the check.
      return database.write(
        async (trx) => {
          const { count } = await trx
            .selectFrom("digests")
            .select((eb) => eb.fn.countAll<number>().as("count"))
            .where("guild_id", "=", digest.guildId)
            .executeTakeFirstOrThrow();
          if (count >= MAX_DIGESTS_PER_GUILD)
            throw new DigestLimitError(digest.guildId, MAX_DIGESTS_PER_GUILD);
          const at = now();
          const { id } = await trx
            .insertInto("digests")
            .values({
              guild_id: digest.guildId,
              channel_id: digest.channelId,
              day: digest.day,
              time: digest.time,
              timezone: digest.timezone,
              region: digest.region,
              language: digest.language,
              credit_by: digest.by,
              cohort: digest.cohort,
              role_id: digest.roleId,
              enabled: 1,
              schedule_from: at,
              created_by: digest.createdBy,
              created_at: at,
              updated_at: at,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          return readDigest(trx, id);
        },
        { lock: `digests-of-guild:${digest.guildId}` },
      );
    },
    update: (guildId, id, patch) =>
      database.write(async (trx) => {
        const current = await getInGuild(trx, guildId, id);
        if (current === null) return null;
        const next = { ...current, ...definedOnly(patch) };
        checkSettings(next);
        const at = now();
        const rescheduled =
          next.day !== current.day || next.time !== current.time || next.timezone !== current.timezone;
        await trx
          .updateTable("digests")
          .set({
            channel_id: next.channelId,
            day: next.day,
            time: next.time,
            timezone: next.timezone,
            region: next.region,
            language: next.language,
            credit_by: next.by,
            cohort: next.cohort,
            role_id: next.roleId,
            schedule_from: rescheduled ? at : current.scheduleFrom,
            updated_at: at,
          })
          .where("id", "=", id)
          .where("guild_id", "=", guildId)
          .execute();
        return readDigest(trx, id);
      }),
    listByGuild: async (guildId) =>
      (await select(db).where("guild_id", "=", guildId).orderBy("id").execute()).map(toDigest),
    get: (guildId, id) => getInGuild(db, guildId, id),
    setEnabled: (guildId, id, enabled) =>
      database.write(async (trx) => {
        const { numUpdatedRows } = await trx
          .updateTable("digests")
          .set((eb) => ({
            enabled: enabled ? 1 : 0,
            // Enabling clears a pause: the admin says the problem is fixed.
            paused_reason: enabled ? null : eb.ref("paused_reason"),
            updated_at: now(),
          }))
          .where("id", "=", id)
          .where("guild_id", "=", guildId)
          .executeTakeFirstOrThrow();
        return numUpdatedRows === 0n ? null : readDigest(trx, id);
      }),
    ...guildRows(db, "digests"),
    async pause(id, reason) {
      await db.updateTable("digests").set({ paused_reason: reason }).where("id", "=", id).execute();
    },
    async recordError(id, message) {
      await db
        .updateTable("digests")
        .set({ last_error: message, last_error_at: now() })
        .where("id", "=", id)
        .execute();
    },
    listEnabled: async () =>
      (
        await select(db).where("enabled", "=", 1).where("paused_reason", "is", null).orderBy("id").execute()
      ).map(toDigest),
  };
}

/** `{ region: undefined }` means "leave region alone", not "set it to undefined". */
function definedOnly(patch: DigestSettingsPatch): DigestSettingsPatch {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

function checkId(value: string, what: string): void {
  if (!/^\d{1,20}$/.test(value)) throw new RangeError(`${what} must be a Discord snowflake, got "${value}"`);
}

/**
 * The store holds only settings in the form the parsers produce; the commands parse and explain
 * mistakes to the admin, so anything else reaching here is a programming error.
 */
function checkSettings(
  settings: Omit<NewDigest, "guildId" | "createdBy"> & Pick<Digest, "by" | "cohort" | "roleId">,
): void {
  checkId(settings.channelId, "channelId");
  if (settings.roleId !== null) checkId(settings.roleId, "roleId");
  if (!isDayName(settings.day)) throw new RangeError(`Unknown digest day "${settings.day}"`);
  if (parseTime(settings.time) !== settings.time) {
    throw new RangeError(`Digest time must be HH:MM (24-hour), got "${settings.time}"`);
  }
  const zone = resolveTimeZone(settings.timezone);
  if (!zone.ok || zone.zone !== settings.timezone) {
    throw new RangeError(
      `Time zone must be an IANA name as resolveTimeZone returns it, got "${settings.timezone}"`,
    );
  }
  if (settings.region !== null && !(REGIONS as readonly string[]).includes(settings.region)) {
    throw new RangeError(`Unknown region "${settings.region}"`);
  }
  if (!isLocale(settings.language)) throw new RangeError(`Unsupported language "${settings.language}"`);
  if (!isCreditMethod(settings.by)) throw new RangeError(`Unknown credit method "${settings.by}"`);
  if (!isCohort(settings.cohort)) throw new RangeError(`Unknown cohort "${settings.cohort}"`);
}

function toDigest(row: DigestRow): Digest {
  const { day, region, language, by, cohort, enabled, ...rest } = row;
  if (!isDayName(day)) throw new Error(`Digest ${row.id} has unknown day "${day}"`);
  const knownRegion = region === null ? null : REGIONS.find((r) => r === region);
  if (knownRegion === undefined) throw new Error(`Digest ${row.id} has unknown region "${region}"`);
  if (!isLocale(language)) throw new Error(`Digest ${row.id} has unknown language "${language}"`);
  if (!isCreditMethod(by)) throw new Error(`Digest ${row.id} has unknown credit method "${by}"`);
  if (!isCohort(cohort)) throw new Error(`Digest ${row.id} has unknown cohort "${cohort}"`);
  return { ...rest, day, region: knownRegion, language, by, cohort, enabled: enabled === 1 };
}
