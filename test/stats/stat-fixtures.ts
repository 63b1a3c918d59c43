import { DEFAULT_METHOD } from "../../src/services/method/method.js";
import type {
  ModelStat,
  OrgMover,
  OrgStat,
  RegionShare,
  SizeBucketStat,
  Universe,
  WeekOverWeek,
} from "../../src/services/stats/types.js";

/**
 * Completes hand-written stats fixtures with the fields derived from what they state, so a fixture
 * stays a table of the figures it is about: an organisation's share of its region from the regions'
 * shares, a model credited to its uploader, sizes all measured, movers' downloads from their shares.
 */

export const FIXTURE_METHOD = { ...DEFAULT_METHOD };

/** A universe of a top-N list (or all of an import) with no test traffic. */
export function universeOf(modelCount: number, totalDownloads: number, kind: Universe["kind"]): Universe {
  return {
    modelCount,
    totalDownloads,
    kind,
    listSize: modelCount,
    excluded: { modelCount: 0, downloads: 0 },
  };
}

export function withRegionShares(
  orgs: readonly Omit<OrgStat, "regionShare">[],
  regions: readonly RegionShare[],
): OrgStat[] {
  return orgs.map((org) => {
    const regionShare = regions.find((r) => r.region === org.region)?.share ?? 0;
    return { ...org, regionShare: regionShare > 0 ? org.share / regionShare : 0 };
  });
}

export function creditedToUploader(
  models: readonly (Omit<ModelStat, "creditedTo" | "parametersEstimated"> & Partial<ModelStat>)[],
): ModelStat[] {
  return models.map((model) => ({ creditedTo: model.author, parametersEstimated: false, ...model }));
}

export function measuredSizes(
  buckets: readonly Omit<SizeBucketStat, "estimatedDownloads">[],
): SizeBucketStat[] {
  return buckets.map((bucket) => ({ ...bucket, estimatedDownloads: 0 }));
}

type PlainMover = Pick<OrgMover, "author" | "region" | "share" | "previousShare" | "changePp">;

/** Movers with downloads from their shares of `totalDownloads`, region shares from the regions'. */
export function moversOf(
  movers: readonly PlainMover[],
  totalDownloads: number,
  regions: readonly { region: string; share: number; previousShare: number }[],
): OrgMover[] {
  return movers.map((m) => {
    const region = regions.find((r) => r.region === m.region);
    const downloads = Math.round(m.share * totalDownloads);
    const previousDownloads = Math.round(m.previousShare * totalDownloads);
    const regionShare = region !== undefined && region.share > 0 ? m.share / region.share : 0;
    const previousRegionShare =
      region !== undefined && region.previousShare > 0 ? m.previousShare / region.previousShare : 0;
    return {
      ...m,
      downloads,
      previousDownloads,
      downloadsChange: previousDownloads > 0 ? downloads / previousDownloads - 1 : null,
      regionShare,
      previousRegionShare,
      regionChangePp: Math.round((regionShare - previousRegionShare) * 10_000) / 100,
    };
  });
}

/** The span fields of a comparison exactly `windowWeeks` apart, counts refreshed. */
export function exactWindow(
  previousAsOf: string,
  asOf: string,
  windowWeeks = 1,
): Pick<WeekOverWeek, "previousAsOf" | "windowWeeks" | "spanMs" | "exact" | "countsUnchanged"> {
  return {
    previousAsOf,
    windowWeeks,
    spanMs: Date.parse(asOf) - Date.parse(previousAsOf),
    exact: true,
    countsUnchanged: false,
  };
}
