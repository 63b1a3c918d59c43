import { isLocale, LOCALES, type Locale, translate } from "../../locales/index.js";
import type { RegionOrUnattributed } from "../regions/types.js";

/** Locales the bot writes in: one message catalogue each (src/locales/). */
export { isLocale, LOCALES, type Locale };

/** Human name of a region in a locale (`china` → "China" / "中国"). */
export function regionLabel(region: RegionOrUnattributed, locale: Locale): string {
  return translate(locale, `region.${region}`);
}
