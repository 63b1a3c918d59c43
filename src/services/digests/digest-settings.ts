import { isLocale, type Locale } from "../format/locale.js";
import {
  type Cohort,
  type CreditMethod,
  DEFAULT_METHOD,
  isCohort,
  isCreditMethod,
} from "../method/method.js";
import { REGIONS, type Region } from "../regions/types.js";
import type { SqliteDatabase } from "../storage/migrations.js";
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
  /** Discord user id of the admin. */
  createdBy: string;
}

/** Settings an admin may change; absent keys stay as they are. */
export type DigestSettingsPatch = Partial<
  Pick<Digest, "channelId" | "day" | "time" | "timezone" | "region" | "language" | "by" | "cohort">
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
  create(input: NewDigest): Digest;
  /** Null when the guild has no such digest. */
  update(guildId: string, id: number, patch: DigestSettingsPatch): Digest | null;
  /** The guild's digests, oldest first. */
  listByGuild(guildId: string): Digest[];
  get(guildId: string, id: number): Digest | null;
  /** Enabling also clears a pause: the admin says the problem is fixed. Null when not found. */
  setEnabled(guildId: string, id: number, enabled: boolean): Digest | null;
  /** Deletes one digest and its deliveries; false when the guild has no such digest. */
  remove(guildId: string, id: number): boolean;
  /** Deletes all of a guild's digests (the bot left it); returns how many. */
  deleteByGuild(guildId: string): number;
  /** Stops the digest until an admin enables it again. */
  pause(id: number, reason: string): void;
  recordError(id: number, message: string): void;
  /** Digests the scheduler should run: enabled and not paused, by id. */
  listEnabled(): Digest[];
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
  enabled: number;
  pausedReason: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  scheduleFrom: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const DIGEST_COLUMNS = `id, guild_id AS guildId, channel_id AS channelId, day, time, timezone, region,
  language, credit_by AS "by", cohort, enabled, paused_reason AS pausedReason, last_error AS lastError,
  last_error_at AS lastErrorAt, schedule_from AS scheduleFrom, created_by AS createdBy,
  created_at AS createdAt, updated_at AS updatedAt`;

/**
 * Creates the settings store over a database from `openDatabase` (migration 2 applied, foreign
 * keys on so that deleting a digest deletes its deliveries).
 */
export function createDigestSettings(db: SqliteDatabase, { clock }: DigestSettingsDeps): DigestSettings {
  if (db.pragma("foreign_keys", { simple: true }) !== 1) {
    throw new Error("createDigestSettings needs foreign keys on: open the database with openDatabase()");
  }
  const now = () => toIsoText(clock(), "clock()");

  const countByGuild = db
    .prepare<[string], number>("SELECT COUNT(*) FROM digests WHERE guild_id = ?")
    .pluck();
  const insertDigest = db.prepare<
    [
      string,
      string,
      string,
      string,
      string,
      string | null,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ]
  >(
    `INSERT INTO digests (guild_id, channel_id, day, time, timezone, region, language, credit_by, cohort,
       enabled, schedule_from, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const selectById = db.prepare<[number], DigestRow>(`SELECT ${DIGEST_COLUMNS} FROM digests WHERE id = ?`);
  const selectInGuild = db.prepare<[number, string], DigestRow>(
    `SELECT ${DIGEST_COLUMNS} FROM digests WHERE id = ? AND guild_id = ?`,
  );
  const selectByGuild = db.prepare<[string], DigestRow>(
    `SELECT ${DIGEST_COLUMNS} FROM digests WHERE guild_id = ? ORDER BY id`,
  );
  const selectEnabled = db.prepare<[], DigestRow>(
    `SELECT ${DIGEST_COLUMNS} FROM digests WHERE enabled = 1 AND paused_reason IS NULL ORDER BY id`,
  );
  const updateSettings = db.prepare<
    [string, string, string, string, string | null, string, string, string, string, string, number, string]
  >(
    `UPDATE digests SET channel_id = ?, day = ?, time = ?, timezone = ?, region = ?, language = ?,
       credit_by = ?, cohort = ?, schedule_from = ?, updated_at = ?
     WHERE id = ? AND guild_id = ?`,
  );
  const updateEnabled = db.prepare<[number, number, string, number, string]>(
    `UPDATE digests SET enabled = ?, paused_reason = CASE WHEN ? = 1 THEN NULL ELSE paused_reason END,
       updated_at = ?
     WHERE id = ? AND guild_id = ?`,
  );
  const deleteOne = db.prepare<[number, string]>("DELETE FROM digests WHERE id = ? AND guild_id = ?");
  const deleteGuild = db.prepare<[string]>("DELETE FROM digests WHERE guild_id = ?");
  const updatePause = db.prepare<[string, number]>("UPDATE digests SET paused_reason = ? WHERE id = ?");
  const updateError = db.prepare<[string, string, number]>(
    "UPDATE digests SET last_error = ?, last_error_at = ? WHERE id = ?",
  );

  // Count and insert under one write lock, so two admins (or two shards) adding a sixth digest at
  // the same moment cannot both pass the check.
  const createInTransaction = db.transaction((input: NewDigest & Pick<Digest, "by" | "cohort">): Digest => {
    const count = countByGuild.get(input.guildId) ?? 0;
    if (count >= MAX_DIGESTS_PER_GUILD) throw new DigestLimitError(input.guildId, MAX_DIGESTS_PER_GUILD);
    const at = now();
    const { lastInsertRowid } = insertDigest.run(
      input.guildId,
      input.channelId,
      input.day,
      input.time,
      input.timezone,
      input.region,
      input.language,
      input.by,
      input.cohort,
      at,
      input.createdBy,
      at,
      at,
    );
    return readDigest(Number(lastInsertRowid));
  });

  const updateInTransaction = db.transaction(
    (guildId: string, id: number, patch: DigestSettingsPatch): Digest | null => {
      const row = selectInGuild.get(id, guildId);
      if (row === undefined) return null;
      const current = toDigest(row);
      const next = { ...current, ...definedOnly(patch) };
      checkSettings(next);
      const at = now();
      const rescheduled =
        next.day !== current.day || next.time !== current.time || next.timezone !== current.timezone;
      updateSettings.run(
        next.channelId,
        next.day,
        next.time,
        next.timezone,
        next.region,
        next.language,
        next.by,
        next.cohort,
        rescheduled ? at : current.scheduleFrom,
        at,
        id,
        guildId,
      );
      return readDigest(id);
    },
  );

  function readDigest(id: number): Digest {
    const row = selectById.get(id);
    if (row === undefined) throw new Error(`Digest ${id} vanished inside its own transaction`);
    return toDigest(row);
  }

  return {
    create(input) {
      checkId(input.guildId, "guildId");
      checkId(input.createdBy, "createdBy");
      const withMethod = {
        ...input,
        by: input.by ?? DEFAULT_METHOD.by,
        cohort: input.cohort ?? DEFAULT_METHOD.cohort,
      };
      checkSettings(withMethod);
      return createInTransaction.immediate(withMethod);
    },
    update: (guildId, id, patch) => updateInTransaction.immediate(guildId, id, patch),
    listByGuild: (guildId) => selectByGuild.all(guildId).map(toDigest),
    get(guildId, id) {
      const row = selectInGuild.get(id, guildId);
      return row === undefined ? null : toDigest(row);
    },
    setEnabled(guildId, id, enabled) {
      const flag = enabled ? 1 : 0;
      const { changes } = updateEnabled.run(flag, flag, now(), id, guildId);
      return changes === 0 ? null : readDigest(id);
    },
    remove: (guildId, id) => deleteOne.run(id, guildId).changes > 0,
    deleteByGuild: (guildId) => deleteGuild.run(guildId).changes,
    pause(id, reason) {
      updatePause.run(reason, id);
    },
    recordError(id, message) {
      updateError.run(message, now(), id);
    },
    listEnabled: () => selectEnabled.all().map(toDigest),
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
  settings: Omit<NewDigest, "guildId" | "createdBy"> & Pick<Digest, "by" | "cohort">,
): void {
  checkId(settings.channelId, "channelId");
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
