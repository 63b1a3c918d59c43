/**
 * One number in a summary, and where it came from. Every number a reader sees in a summary's text
 * is the `rendered` of one of its facts, so any figure can be traced back to the stats.
 */
export interface SummaryFact {
  /**
   * Where the value lives: a path into the `TrendStats` (`regions[0].share`,
   * `weekOverWeek.regions[2].changePp`), or several such paths joined by ` + ` when the value is
   * their sum (`sizeBuckets[0].share + sizeBuckets[1].share`). Inputs given alongside the stats are
   * under `options.` (`options.hubUnreachableSince`). A timestamp (an ISO string in the stats, a
   * Date in the options) has its epoch milliseconds as `value`.
   */
  path: string;
  /** The raw value at `path`, before formatting. */
  value: number;
  /** Exactly how it appears in the text ("41.2%", "+1.3 pp", "1,000", "3 h ago"). */
  rendered: string;
}

/** A plain-text summary (no Discord markdown; the Discord layer escapes) and the facts behind it. */
export interface Summary {
  text: string;
  /** In the order they appear in `text`; a value rendered twice is listed twice. */
  facts: SummaryFact[];
}
