import { type ArgsOf, type PhraseKey, phrase, translate } from "../../locales/index.js";
import { formatDate } from "../format/dates.js";
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
import { fact, type Part } from "./parts.js";

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

/** The summaries' phrases in one locale: `say(key, parts)` → a part with the facts it was given. */
export function phrases(locale: Locale): <K extends PhraseKey>(key: K, ...args: ArgsOf<K>) => Part {
  return (key, ...args) => phrase(locale, key, ...args);
}

/** A share (0..1) at `path`, as a percentage. */
export function shareFact(path: string, value: number, locale: Locale): Part {
  return fact(path, value, formatShare(value, locale));
}

/** A change in percentage points at `path`: "+1.3 pp" / "+1.3 个百分点". */
export function ppFact(path: string, value: number, locale: Locale): Part {
  return fact(path, value, formatPp(value, locale));
}

/** A download count at `path`, compact: "2.6M" / "257.6万". */
export function downloadsFact(path: string, value: number, locale: Locale): Part {
  return fact(path, value, formatCompact(value, locale));
}

/**
 * Whose figures a region's are ("Chinese organisations"): a share of a region is the share of
 * models by organisations based there, not of downloads made there, and the wording keeps it so.
 */
export function regionSubject(region: Region, locale: Locale, startOfSentence = true): string {
  return translate(locale, "summary.subject", { region, start: startOfSentence });
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
  if (wow.exact && wow.windowWeeks === 1) return phrase(locale, "summary.period.week");
  if (wow.exact) {
    const weeks = fact("weekOverWeek.windowWeeks", wow.windowWeeks, formatInteger(wow.windowWeeks, locale));
    return phrase(locale, "summary.period.weeks", { weeks });
  }
  const since = sinceFact(wow, locale);
  const span = fact("weekOverWeek.spanMs", wow.spanMs, humanSpan(wow.spanMs, locale));
  return phrase(locale, "summary.period.since", { since, span });
}

/** The day of the older snapshot, as a fact: "7 May 2026" / "2026年5月7日". */
export function sinceFact(wow: WeekOverWeek, locale: Locale): Part {
  const ms = Date.parse(wow.previousAsOf);
  return fact("weekOverWeek.previousAsOf", ms, formatDate(ms, locale));
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
  if (ms < DAY) {
    const count = formatInteger(Math.max(1, Math.round(ms / HOUR)), locale);
    return translate(locale, "summary.span.hours", { count });
  }
  const days = Math.round(ms / DAY);
  return translate(locale, "summary.span.days", { count: formatInteger(days, locale), days });
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

function humanAge(ms: number, locale: Locale): string {
  if (ms < MINUTE) return translate(locale, "summary.age.moments");
  if (ms < HOUR) {
    return translate(locale, "summary.age.minutes", {
      count: formatInteger(Math.floor(ms / MINUTE), locale),
    });
  }
  if (ms < DAY) {
    return translate(locale, "summary.age.hours", { count: formatInteger(Math.floor(ms / HOUR), locale) });
  }
  const days = Math.floor(ms / DAY);
  return translate(locale, "summary.age.days", { count: formatInteger(days, locale), days });
}
