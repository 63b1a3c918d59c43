import type { Locale } from "../../src/locales/index.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A UTC day as the answers write it out: "7 Aug 2026" / "2026年8月7日". */
export function dayInWords(at: Date, locale: Locale = "en-US"): string {
  const [year, month, day] = [at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()];
  return locale === "zh-CN" ? `${year}年${month + 1}月${day}日` : `${day} ${MONTHS[month]} ${year}`;
}
