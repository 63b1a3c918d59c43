import type { Needs } from "../../bot/guards.js";
import { choiceOption, integerOption } from "../../bot/options.js";
import { UserFacingError } from "../../bot/user-facing-error.js";
import { LOCALES, type Translator, translate } from "../../locales/index.js";
import { formatInteger } from "../../services/format/numbers.js";
import type { Watch, WatchStore } from "../../services/watches/watch-store.js";

/**
 * What every `/watch` subcommand needs: a server, and a member with Manage Server (checked by the
 * router at run time; registration only hides the command from others by default).
 */
export const WATCH_NEEDS = {
  guildOnly: { refusal: "watch.guild-only" },
  memberPermissions: { permissions: ["ManageGuild"], refusal: "watch.manage-server-only" },
} as const satisfies Needs;

/** `id`: which watch of the server. */
export const WATCH_ID = { id: integerOption({ description: "watch.id", required: true, minValue: 1 }) };

/** The language of the alerts: each locale under its own name. */
export const watchLanguageOption = choiceOption({
  description: "watch.add.language",
  choices: LOCALES.map((locale) => ({ name: translate(locale, "language.self"), value: locale })),
});

export async function watchOrThrow(store: WatchStore, guildId: string, id: number): Promise<Watch> {
  const watch = await store.get(guildId, id);
  if (watch === null) throw new UserFacingError("watch.unknown", { id });
  return watch;
}

/** "from 5,000 downloads, mentioning @Releases", or "every new model, no mention". */
export function describeFilters(watch: Pick<Watch, "minDownloads" | "roleId">, t: Translator): string {
  const parts = [
    ...(watch.minDownloads > 0
      ? [t("watch.filters.min", { count: formatInteger(watch.minDownloads, t.locale) })]
      : []),
    ...(watch.roleId === null ? [] : [t("watch.filters.role", { role: `<@&${watch.roleId}>` })]),
  ];
  return parts.length === 0 ? t("watch.filters.none") : parts.join(", ");
}
