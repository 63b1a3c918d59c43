import type { CommandContext } from "../../bot/command.js";
import { choiceName, safeText } from "../../bot/discord-text.js";
import type { Needs } from "../../bot/guards.js";
import { type Choice, choiceOption, stringOption } from "../../bot/options.js";
import { UserFacingError } from "../../bot/user-facing-error.js";
import { LOCALES, translate } from "../../locales/index.js";
import type { Digest, DigestStore } from "../../services/digests/digest-store.js";
import { DAY_NAMES, parseTime } from "../../services/digests/schedule.js";
import { MAX_TIME_ZONE_INPUT, resolveTimeZone } from "../../services/digests/timezones.js";
import { boundInput } from "../../services/text/bounded-input.js";
import { idOption } from "../shared-options.js";

/**
 * What every `/digest` subcommand needs: a server, and a member with Manage Server. Registration
 * already hides `/digest` from others (`default_member_permissions`), but server admins can change
 * who sees a command, so the router checks the interaction's own member permissions.
 */
export const DIGEST_NEEDS = {
  guildOnly: { refusal: "digest.guild-only" },
  memberPermissions: { permissions: ["ManageGuild"], refusal: "digest.manage-server-only" },
} as const satisfies Needs;

/** The options of the subcommands that act on one digest: `id`, optional when there is only one. */
export const ONE_DIGEST = { id: idOption("option.id.digest") };

/** The check of those subcommands: the digest they act on (see {@link pickDigest}). */
export function theDigest({
  options,
  services,
  guildId,
}: CommandContext<typeof ONE_DIGEST, typeof DIGEST_NEEDS>) {
  return pickDigest(options.id, services.digests.store, guildId);
}

/**
 * The digest an `id` option names, or the guild's only digest when no id is given. Ids of other
 * guilds read as unknown (the store is scoped by guild).
 */
export async function pickDigest(
  id: number | undefined,
  store: DigestStore,
  guildId: string,
): Promise<Digest> {
  if (id !== undefined) return digestOrThrow(store, guildId, id);
  const all = await store.listByGuild(guildId);
  const [only] = all;
  if (only === undefined) throw new UserFacingError("digest.none");
  if (all.length > 1) {
    throw new UserFacingError("digest.which", { count: all.length, ids: all.map((d) => `#${d.id}`) });
  }
  return only;
}

export async function digestOrThrow(store: DigestStore, guildId: string, id: number): Promise<Digest> {
  const digest = await store.get(guildId, id);
  if (digest === null) throw new UserFacingError("digest.unknown", { id });
  return digest;
}

export const dayOption = choiceOption({
  description: "digest.set.day",
  required: true,
  choices: DAY_NAMES.map((day) => ({ nameKey: `day.${day}` as const, value: day })),
});

export const timeOption = stringOption({
  description: "digest.set.time",
  required: true,
  maxLength: 5,
  parse: (raw) => {
    const time = parseTime(raw);
    if (time === null) throw new UserFacingError("digest.bad-time", { typed: safeText(raw, 20) });
    return time;
  },
});

export const timeZoneOption = stringOption({
  description: "digest.set.timezone",
  required: true,
  maxLength: 64,
  autocomplete: (typed) => timeZoneChoices(typed),
  parse: (raw) => {
    const resolved = resolveTimeZone(raw);
    if (resolved.ok) return resolved.zone;
    throw new UserFacingError("digest.bad-timezone", {
      typed: safeText(raw, 40),
      guesses: resolved.suggestions,
    });
  },
});

/** The language of the digest: each locale under its own name ("English", "简体中文"). */
export const languageOption = choiceOption({
  description: "digest.set.language",
  choices: LOCALES.map((locale) => ({ name: translate(locale, "language.self"), value: locale })),
});

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
export function timeZoneChoices(typed: string): Choice[] {
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
