import type { Locale } from "../format/locale.js";
import { ellipsize, formatCompact, formatInteger, formatPp, formatShare } from "../format/numbers.js";
import type { Region } from "../regions/types.js";
import type { Universe } from "../stats/types.js";
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

/** The models the shares are over: "the top 1,000 models by downloads" / "下载量前 1,000 的模型". */
export function universePhrase(universe: Universe, locale: Locale): Part {
  const count = fact("universe.modelCount", universe.modelCount, formatInteger(universe.modelCount, locale));
  if (locale === "zh-CN") {
    return universe.kind === "all" ? tpl`本快照的 ${count} 个模型` : tpl`下载量前 ${count} 的模型`;
  }
  return universe.kind === "all"
    ? tpl`the ${count} models in this snapshot`
    : tpl`the top ${count} models by downloads`;
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
