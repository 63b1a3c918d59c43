import { translate } from "../../locales/index.js";
import type { Locale } from "./locale.js";

/**
 * Calendar days as people read them, in UTC like the snapshots: "4 May 2026" / "2026年5月4日".
 * The words are the catalogues' (`date.*`): English puts the day first (en-US's "May 4" misreads
 * in much of the world), and the text does not depend on the ICU build.
 */

function parts(ms: number) {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    time: `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`,
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** "4 May 2026", or with the time "4 May 2026, 04:10 UTC" / "2026年5月4日 04:10 UTC". */
export function formatDate(ms: number, locale: Locale, withTime = false): string {
  const date = parts(ms);
  return withTime ? translate(locale, "date.day-time", date) : translate(locale, "date.day", date);
}

/** "4 May" / "5月4日": a day in a chart's axis or title, where the year is in the footer. */
export function formatDayMonth(ms: number, locale: Locale, withTime = false): string {
  const date = parts(ms);
  return withTime
    ? translate(locale, "date.day-month-time", date)
    : translate(locale, "date.day-month", date);
}

/** `2026-05-04T04:10:37Z` → "2026-05-04 04:10 UTC": unambiguous in every locale, to the minute. */
export function formatUtcMinute(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
