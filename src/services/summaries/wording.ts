import type { Locale } from "../format/locale.js";
import {
  ellipsize,
  formatCompact,
  formatInteger,
  formatPercentChange,
  formatPp,
  formatShare,
} from "../format/numbers.js";
import { methodWords } from "../method/wording.js";
import type { Region } from "../regions/types.js";
import type { TrendStats, WeekOverWeek } from "../stats/types.js";
import { fact, type Part, tpl } from "./parts.js";

/** Longest model or organisation name shown; Hub names are untrusted and may be absurdly long. */
export const NAME_MAX_LENGTH = 60;

/** Longest task (pipeline tag) shown; tags are short in practice but come from the Hub too. */
export const TASK_MAX_LENGTH = 40;

/**
 * A Hub name made safe to place in a line of plain text: control and format characters (line
 * breaks, bidi overrides, zero-width characters) would break the one-item-per-line layout or
 * reorder what the reader sees, so they go; then the name is cut to `max` characters.
 * Markdown is left alone: escaping it is the Discord layer's job.
 */
export function displayName(name: string, max = NAME_MAX_LENGTH): string {
  const flat = name
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/\p{Cf}+/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  return ellipsize(flat, max);
}

/** A share (0..1) at `path`, as a percentage. */
export function shareFact(path: string, value: number, locale: Locale): Part {
  return fact(path, value, formatShare(value, locale));
}

/** A change in percentage points at `path`: "+1.3 pp" / "+1.3 个百分点". */
export function ppFact(path: string, value: number, locale: Locale): Part {
  const rendered = formatPp(value, locale);
  // formatPp owns sign and rounding; only the unit is worded differently in Chinese.
  return fact(path, value, locale === "zh-CN" ? rendered.replace(/ pp$/, " 个百分点") : rendered);
}

/** A download count at `path`, compact: "2.6M" / "257.6万". */
export function downloadsFact(path: string, value: number, locale: Locale): Part {
  return fact(path, value, formatCompact(value, locale));
}

// Written as they read mid-sentence; `regionSubject` capitalises them where a sentence starts.
const SUBJECTS: Record<Locale, Record<Region, string>> = {
  "en-US": {
    china: "Chinese organisations",
    us: "US organisations",
    europe: "European organisations",
    asia: "Asia-Pacific organisations",
    other: "organisations elsewhere",
  },
  "zh-CN": {
    china: "中国机构",
    us: "美国机构",
    europe: "欧洲机构",
    asia: "亚太机构",
    other: "其他地区机构",
  },
};

/**
 * Whose figures a region's are ("Chinese organisations"): a share of a region is the share of
 * models by organisations based there, not of downloads made there, and the wording keeps it so.
 */
export function regionSubject(region: Region, locale: Locale, startOfSentence = true): string {
  const subject = SUBJECTS[locale][region];
  return startOfSentence ? subject.charAt(0).toUpperCase() + subject.slice(1) : subject;
}

/** What was counted, as summary parts: the list size is a traced fact (`universe.listSize`). */
export interface MethodParts {
  /** "the top 5,000 models" / "下载量前 5,000 的模型". */
  models: Part;
  /** "credited to the base model's developer" / "计入基础模型的开发者". */
  credit: string;
  /** "30-day downloads of the top 5,000 models, credited to the base model's developer". */
  sentence: Part;
}

export function methodParts(stats: Pick<TrendStats, "universe" | "method">, locale: Locale): MethodParts {
  const { listSize } = stats.universe;
  const count = fact("universe.listSize", listSize, formatInteger(listSize, locale));
  const words = methodWords(stats, locale, count.text);
  return {
    models: { text: words.models, facts: count.facts },
    credit: words.credit,
    sentence: { text: words.sentence, facts: count.facts },
  };
}

/**
 * What a comparison covered, as a phrase to put after a change: "week over week", "over 4 weeks",
 * or, when the older snapshot is not the one asked for, the real span: "since 7 May 2026 (15 days)".
 * Never a label that claims more than was compared.
 */
export function comparisonPeriod(wow: WeekOverWeek, locale: Locale): Part {
  const zh = locale === "zh-CN";
  if (wow.exact && wow.windowWeeks === 1) return tpl`${zh ? "周环比" : "week over week"}`;
  if (wow.exact) {
    const weeks = fact("weekOverWeek.windowWeeks", wow.windowWeeks, formatInteger(wow.windowWeeks, locale));
    return zh ? tpl`${weeks} 周变化` : tpl`over ${weeks} weeks`;
  }
  const since = sinceFact(wow, locale);
  const span = fact("weekOverWeek.spanMs", wow.spanMs, humanSpan(wow.spanMs, locale));
  return zh ? tpl`自 ${since}（${span}）以来变化` : tpl`since ${since} (${span})`;
}

/** The day of the older snapshot, as a fact: "7 May 2026" / "2026年5月7日". */
export function sinceFact(wow: WeekOverWeek, locale: Locale): Part {
  const ms = Date.parse(wow.previousAsOf);
  return fact("weekOverWeek.previousAsOf", ms, formatDay(ms, locale));
}

/** True when a change in percentage points would read as ±0.0 pp: there is nothing to say. */
export function roundsToZero(changePp: number): boolean {
  return Math.round(Math.abs(changePp) * 10) === 0;
}

/** A relative change at `path`: "+12%" / "−3%" (of downloads). */
export function percentChangeFact(path: string, value: number, locale: Locale): Part {
  return fact(path, value, formatPercentChange(value, locale));
}

/** "15 days" / "18 h": how long a comparison spans (whole days from a day up). */
function humanSpan(ms: number, locale: Locale): string {
  const zh = locale === "zh-CN";
  if (ms < DAY) {
    const n = formatInteger(Math.max(1, Math.round(ms / HOUR)), locale);
    return zh ? `${n} 小时` : `${n} h`;
  }
  const days = Math.round(ms / DAY);
  const n = formatInteger(days, locale);
  if (zh) return `${n} 天`;
  return days === 1 ? "1 day" : `${n} days`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How old the snapshot is, as a fact on `asOf`: "3 h ago" / "3 小时前". Null when `asOf` is not a
 * date, so the caller says the age is unknown instead of printing "NaN".
 */
export function ageFact(asOf: string, now: Date, locale: Locale): Part | null {
  const asOfMs = Date.parse(asOf);
  if (Number.isNaN(asOfMs)) return null;
  // A snapshot stamped slightly in the future is clock skew between collector and bot: call it fresh.
  const age = Math.max(0, now.getTime() - asOfMs);
  return fact("asOf", asOfMs, humanAge(age, locale));
}

/**
 * Chinese sets Latin digits off from Han characters with a space ("采集于 3 小时前") but not a
 * Han word ("采集于刚刚"): prefix the space only when the part starts with a digit or sign.
 */
export function spaced(part: Part): Part {
  return /^[\d+−±]/.test(part.text) ? { text: ` ${part.text}`, facts: part.facts } : part;
}

function humanAge(ms: number, locale: Locale): string {
  const zh = locale === "zh-CN";
  if (ms < MINUTE) return zh ? "刚刚" : "moments ago";
  if (ms < HOUR) {
    const n = formatInteger(Math.floor(ms / MINUTE), locale);
    return zh ? `${n} 分钟前` : `${n} min ago`;
  }
  if (ms < DAY) {
    const n = formatInteger(Math.floor(ms / HOUR), locale);
    return zh ? `${n} 小时前` : `${n} h ago`;
  }
  const days = Math.floor(ms / DAY);
  const n = formatInteger(days, locale);
  if (zh) return `${n} 天前`;
  return days === 1 ? "1 day ago" : `${n} days ago`;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A UTC calendar day, optionally with the time: "4 May 2026, 04:10 UTC" / "2026年5月4日 04:10 UTC".
 * English puts the day first (en-US's "May 4" misreads in much of the world); written by hand so
 * the text does not depend on the ICU build.
 */
export function formatDay(ms: number, locale: Locale, withTime = false): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const time = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())} UTC`;
  if (locale === "zh-CN") {
    const ymd = `${year}年${month + 1}月${day}日`;
    return withTime ? `${ymd} ${time}` : ymd;
  }
  const dmy = `${day} ${MONTHS_EN[month] ?? ""} ${year}`;
  return withTime ? `${dmy}, ${time}` : dmy;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
