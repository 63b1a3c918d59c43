import type { Locale } from "../services/format/locale.js";

/** The bot's locale for a Discord locale: Chinese for any `zh-*` client, English otherwise. */
export function localeFor(discordLocale: string | null | undefined): Locale {
  return discordLocale?.startsWith("zh") ? "zh-CN" : "en-US";
}
