import type { RegionOrUnattributed } from "../regions/types.js";

/** Locales the bot writes in. Discord's own locale names, so an interaction's locale maps directly. */
export const LOCALES = ["en-US", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

const REGION_LABELS: Record<Locale, Record<RegionOrUnattributed, string>> = {
  "en-US": {
    china: "China",
    us: "United States",
    europe: "Europe",
    asia: "Asia-Pacific",
    other: "Other",
    unattributed: "Unattributed",
  },
  "zh-CN": {
    china: "中国",
    us: "美国",
    europe: "欧洲",
    asia: "亚太",
    other: "其他",
    unattributed: "未归属",
  },
};

/** Human name of a region in a locale (`china` → "China" / "中国"). */
export function regionLabel(region: RegionOrUnattributed, locale: Locale): string {
  return REGION_LABELS[locale][region];
}
