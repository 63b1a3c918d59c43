import type { Translator } from "../locales/index.js";
import { formatInteger } from "../services/format/numbers.js";
import type { WindowChoice } from "../services/snapshots/comparison-window.js";
import { countsFingerprintOf } from "../services/stats/region-shares.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * The older snapshot `/model` and `/org` compare the newest one with: what
 * `TrendsService.knownComparisonOf(current, 1)` chose, the one of exactly a week earlier (±12 h) or else
 * the nearest there is, with what it takes to say which, so that a label never claims more than
 * was compared.
 */
export interface Comparison {
  snapshot: Snapshot;
  /** Exactly a week older: "Week over week" says it. */
  exact: boolean;
  /** The older snapshot's UTC day in words, "7 Aug 2026" / "2026年8月7日". */
  day: string;
  /** The same day as `2026-08-07`, as a week-over-week value has always written it. */
  isoDay: string;
  spanMs: number;
  /** Both have the same download counts (the Hub had not refreshed them): nothing was measured. */
  countsUnchanged: boolean;
}

export function comparisonWith(
  current: Snapshot,
  choice: WindowChoice<Snapshot> | null,
  t: Translator,
): Comparison | null {
  if (choice === null) return null;
  const previous = choice.snapshot;
  const takenAt = new Date(previous.takenAt);
  return {
    snapshot: previous,
    exact: choice.exact,
    day: t("change.day", {
      year: takenAt.getUTCFullYear(),
      month: takenAt.getUTCMonth() + 1,
      day: takenAt.getUTCDate(),
    }),
    isoDay: takenAt.toISOString().slice(0, 10),
    spanMs: Date.parse(current.takenAt) - takenAt.getTime(),
    // The fingerprint the stats flag an unrefreshed week with (cached per snapshot).
    countsUnchanged: countsFingerprintOf(current.models) === countsFingerprintOf(previous.models),
  };
}

/**
 * The name of the field that shows a change: `weekly` ("Week over week") when the comparison is
 * exactly a week's or there is none (the value then says so), else the real span: "Since
 * 7 Aug 2026 (15 days)".
 */
export function changeHeading(comparison: Comparison | null, weekly: string, t: Translator): string {
  if (comparison === null || comparison.exact) return weekly;
  return t("change.since", { day: comparison.day, span: spanText(comparison.spanMs, t) });
}

/** "15 days" / "18 h": whole days from a day up, as the summaries say a span. */
function spanText(ms: number, t: Translator): string {
  if (ms < DAY_MS)
    return t("change.span-hours", { hours: formatInteger(Math.max(1, Math.round(ms / HOUR_MS)), t.locale) });
  const count = Math.round(ms / DAY_MS);
  return t("change.span-days", { count, days: formatInteger(count, t.locale) });
}
