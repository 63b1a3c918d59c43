import {
  type ApplicationCommandOptionChoiceData,
  type ChatInputCommandInteraction,
  PermissionFlagsBits,
} from "discord.js";
import type { Digest, DigestStore } from "../services/digests/digest-store.js";
import { type DayName, parseDay, parseTime } from "../services/digests/schedule.js";
import { MAX_TIME_ZONE_INPUT, resolveTimeZone } from "../services/digests/timezones.js";
import { isLocale, type Locale } from "../services/format/locale.js";
import { boundInput } from "../services/text/bounded-input.js";
import { choiceName } from "./discord-text.js";
import { UserFacingError } from "./user-facing-error.js";

/**
 * Refuses anyone without Manage Server. Registration already hides `/digest` from them
 * (`default_member_permissions`), but server admins can change who sees a command, so the
 * interaction's own member permissions decide. Returns the guild id.
 */
export function requireManageServer(interaction: ChatInputCommandInteraction): string {
  const guildId = interaction.guildId;
  if (guildId === null) {
    throw new UserFacingError("guild-only", "Digests belong to a server: use /digest in a server channel.");
  }
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true) {
    throw new UserFacingError(
      "missing-manage-server",
      "Only members with the **Manage Server** permission can set up or change digests.",
    );
  }
  return guildId;
}

/**
 * The digest an `id` option names, or the guild's only digest when no id is given. Ids of other
 * guilds read as unknown (the store is scoped by guild).
 */
export function pickDigest(
  interaction: ChatInputCommandInteraction,
  store: DigestStore,
  guildId: string,
): Digest {
  const id = interaction.options.getInteger("id");
  if (id !== null) return digestOrThrow(store, guildId, id);
  const all = store.listByGuild(guildId);
  const [only] = all;
  if (only === undefined) {
    throw new UserFacingError("no-digests", "This server has no digests yet. Create one with `/digest set`.");
  }
  if (all.length > 1) {
    throw new UserFacingError(
      "which-digest",
      `This server has ${all.length} digests (${all.map((d) => `#${d.id}`).join(", ")}): say which one with \`id\`. \`/digest show\` lists them.`,
    );
  }
  return only;
}

export function digestOrThrow(store: DigestStore, guildId: string, id: number): Digest {
  const digest = store.get(guildId, id);
  if (digest === null) {
    throw new UserFacingError(
      "unknown-digest",
      `This server has no digest #${id}. \`/digest show\` lists the server's digests.`,
    );
  }
  return digest;
}

export function readDay(interaction: ChatInputCommandInteraction): DayName {
  const raw = interaction.options.getString("day", true);
  const day = parseDay(raw);
  if (day === null) {
    throw new UserFacingError(
      "bad-day",
      `"${raw.slice(0, 20)}" is not a day I know: pick one of mon, tue, wed, thu, fri, sat, sun.`,
    );
  }
  return day;
}

export function readTime(interaction: ChatInputCommandInteraction): string {
  const raw = interaction.options.getString("time", true);
  const time = parseTime(raw);
  if (time === null) {
    throw new UserFacingError(
      "bad-time",
      `"${raw.slice(0, 20)}" is not a time I can read: use 24-hour HH:MM, like 09:00 or 18:30.`,
    );
  }
  return time;
}

export function readTimeZone(interaction: ChatInputCommandInteraction): string {
  const raw = interaction.options.getString("timezone", true);
  const resolved = resolveTimeZone(raw);
  if (resolved.ok) return resolved.zone;
  const guesses = resolved.suggestions.map((zone) => `**${zone}**`);
  const hint =
    guesses.length === 0
      ? ""
      : ` Did you mean ${guesses.length === 1 ? guesses[0] : `${guesses.slice(0, -1).join(", ")} or ${guesses.at(-1)}`}?`;
  throw new UserFacingError(
    "bad-timezone",
    `"${raw.slice(0, 40)}" is not a time zone I know.${hint} Use an IANA name such as Europe/Paris, America/New_York or Asia/Shanghai: it follows daylight saving time for you.`,
  );
}

/** The language option, or null when not given. */
export function readLanguage(interaction: ChatInputCommandInteraction): Locale | null {
  const raw = interaction.options.getString("language");
  if (raw === null) return null;
  if (!isLocale(raw)) throw new UserFacingError("bad-language", "Pick English (en-US) or Chinese (zh-CN).");
  return raw;
}

/** Zones offered before anything is typed: where most of the bot's readers are. */
const COMMON_ZONES = [
  "UTC",
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Moscow",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Taipei",
  "Asia/Seoul",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
];

let zoneNames: string[] | undefined;

/** Every zone `/digest set` accepts, in the spelling it stores; built once (about 400 names). */
function allZones(): string[] {
  zoneNames ??= [
    ...new Set(
      Intl.supportedValuesOf("timeZone").map((zone) => {
        const resolved = resolveTimeZone(zone);
        return resolved.ok ? resolved.zone : zone;
      }),
    ),
  ];
  return zoneNames;
}

/** Autocomplete for the time zone: a match or suggestions first (`PST`, `Beijing`), then zones containing the text. */
export function timeZoneChoices(typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const text = boundInput(typed.trim(), MAX_TIME_ZONE_INPUT);
  if (text === "") return COMMON_ZONES.map((zone) => ({ name: zone, value: zone }));
  const resolved = resolveTimeZone(text);
  const first = resolved.ok ? [resolved.zone] : resolved.suggestions;
  const needle = text.toLowerCase().replace(/ /g, "_");
  const containing = allZones().filter((zone) => zone.toLowerCase().includes(needle));
  return [...new Set([...first, ...containing])]
    .slice(0, 25)
    .map((zone) => ({ name: choiceName(zone), value: zone.slice(0, 100) }));
}
