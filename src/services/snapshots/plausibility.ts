/**
 * Whether a collection run's result looks like the Hub, before it replaces the newest snapshot.
 *
 * A Hub that answers `200 []` to every list, or renames a field so that every record fails
 * validation, does not fail the run: it yields a snapshot of nothing, which would become the
 * newest and make every answer "0 models". Such a result is refused instead, and the last good
 * snapshot keeps serving. The checks are deliberately coarse: each threshold is far from what a
 * healthy run produces, so that only a broken answer trips one.
 */

/** The thresholds, named so that logs and tests can quote them. */
export const PLAUSIBILITY = {
  /**
   * The top-by-downloads list alone yields `topN` distinct models on the real Hub (it holds
   * millions), and every other list only adds to the union. Half of that means lists came back
   * cut short or empty.
   */
  minShareOfTopN: 0.5,
  /**
   * A few malformed records per run are normal (and skipped); a fifth of them means the wire
   * format changed under us.
   */
  maxSkippedShare: 0.2,
  /**
   * Downloads are 30-day counts, which move by a few percent between runs, and are concentrated
   * in the top models (in the May 2026 reference snapshot the top 100 of 1,000 hold 92%), so even
   * a smaller SNAPSHOT_TOP_N keeps most of the total. Falling below half of the previous
   * snapshot's total is the Hub's numbers collapsing, not the world changing.
   */
  minDownloadsShareOfPrevious: 0.5,
} as const;

/** What a run was asked for. */
export interface CollectionAsked {
  topN: number;
}

/** Totals of one collection run, or of a stored snapshot. */
export interface CollectionTotals {
  /** Distinct models kept. */
  models: number;
  /** Records skipped as malformed. */
  skipped: number;
  /** Sum of the models' 30-day downloads. */
  downloads: number;
}

export type PlausibilityVerdict = { plausible: true } | { plausible: false; reasons: string[] };

/**
 * Judges a run against what was asked and the newest stored snapshot's totals (null when none is
 * stored: then only the run's own numbers are judged). Pure; every failed check gives a reason.
 */
export function judgeCollection(
  asked: CollectionAsked,
  collected: CollectionTotals,
  previous: CollectionTotals | null,
): PlausibilityVerdict {
  const reasons: string[] = [];
  const minModels = Math.ceil(asked.topN * PLAUSIBILITY.minShareOfTopN);
  if (collected.models < minModels) {
    reasons.push(
      `${collected.models} models, far fewer than the ${asked.topN} asked for (at least ${minModels} expected)`,
    );
  }
  const seen = collected.models + collected.skipped;
  if (seen > 0 && collected.skipped / seen > PLAUSIBILITY.maxSkippedShare) {
    reasons.push(
      `${collected.skipped} of ${seen} records failed validation (${percent(collected.skipped / seen)}; at most ${percent(PLAUSIBILITY.maxSkippedShare)} expected)`,
    );
  }
  if (previous !== null && previous.downloads > 0) {
    const share = collected.downloads / previous.downloads;
    if (share < PLAUSIBILITY.minDownloadsShareOfPrevious) {
      reasons.push(`total downloads fell to ${percent(share)} of the previous snapshot's`);
    }
  }
  return reasons.length === 0 ? { plausible: true } : { plausible: false, reasons };
}

/** A collection run refused as implausible: nothing was saved, and it is retried like a failure. */
export class ImplausibleCollectionError extends Error {
  override readonly name = "ImplausibleCollectionError";

  constructor(readonly reasons: readonly string[]) {
    super(`the Hub's answer looks wrong, so it was not saved: ${reasons.join("; ")}`);
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
