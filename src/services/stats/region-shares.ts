import type { ModelRecord } from "../hub/types.js";
import { REGIONS, type Region, type RegionOrUnattributed } from "../regions/types.js";
import type { RegionLookup } from "./inputs.js";
import type { CountryShare, OrgStat, RegionShare, Universe } from "./types.js";

/** Regions then `unattributed`: the fixed order every per-region list uses. */
export const REGION_ORDER: readonly RegionOrUnattributed[] = [...REGIONS, "unattributed"];

export function emptyRegionRecord(): Record<RegionOrUnattributed, number> {
  return { china: 0, us: 0, europe: 0, asia: 0, other: 0, unattributed: 0 };
}

/**
 * The models the shares are computed over: the collection's top-by-downloads list when the snapshot
 * has one (trending and newest models also sit in a snapshot but would skew shares), else all.
 */
export function selectUniverse(models: readonly ModelRecord[]): {
  models: readonly ModelRecord[];
  universe: Universe;
} {
  const ranked = models.filter((m) => m.downloadsRank !== null);
  const chosen = ranked.length > 0 ? ranked : models;
  return {
    models: chosen,
    universe: {
      modelCount: chosen.length,
      totalDownloads: sumDownloads(chosen),
      kind: ranked.length > 0 ? "top-downloads" : "all",
    },
  };
}

export function sumDownloads(models: readonly { downloads: number }[]): number {
  let total = 0;
  for (const m of models) total += m.downloads;
  return total;
}

/** A share that is 0, not NaN, when nothing was downloaded. */
export function shareOf(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}

export function regionShares(models: readonly ModelRecord[], lookup: RegionLookup): RegionShare[] {
  const downloads = emptyRegionRecord();
  const counts = emptyRegionRecord();
  for (const m of models) {
    const region = lookup.regionOf(m.author);
    downloads[region] += m.downloads;
    counts[region] += 1;
  }
  const total = sumDownloads(models);
  return REGION_ORDER.map((region) => ({
    region,
    downloads: downloads[region],
    share: shareOf(downloads[region], total),
    modelCount: counts[region],
  }));
}

/** Share of each region in one record, for history points and comparisons. */
export function regionShareRecord(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
): Record<RegionOrUnattributed, number> {
  const record = emptyRegionRecord();
  for (const share of regionShares(models, lookup)) record[share.region] = share.share;
  return record;
}

export function countryShares(models: readonly ModelRecord[], lookup: RegionLookup): CountryShare[] {
  const byCountry = new Map<string, { region: Region; downloads: number }>();
  for (const m of models) {
    const country = lookup.countryOf(m.author);
    const region = lookup.regionOf(m.author);
    if (country === null || region === "unattributed") continue;
    const entry = byCountry.get(country) ?? { region, downloads: 0 };
    entry.downloads += m.downloads;
    byCountry.set(country, entry);
  }
  const total = sumDownloads(models);
  return [...byCountry.entries()]
    .map(([country, { region, downloads }]) => ({
      country,
      region,
      downloads,
      share: shareOf(downloads, total),
    }))
    .sort((a, b) => b.downloads - a.downloads || a.country.localeCompare(b.country));
}

/** Every organisation in the models, largest first; shares are of `totalDownloads`. */
export function orgStats(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  totalDownloads: number,
): OrgStat[] {
  const byAuthor = new Map<string, { downloads: number; modelCount: number }>();
  for (const m of models) {
    const entry = byAuthor.get(m.author) ?? { downloads: 0, modelCount: 0 };
    entry.downloads += m.downloads;
    entry.modelCount += 1;
    byAuthor.set(m.author, entry);
  }
  return [...byAuthor.entries()]
    .map(([author, { downloads, modelCount }]) => ({
      author,
      region: lookup.regionOf(author),
      downloads,
      share: shareOf(downloads, totalDownloads),
      modelCount,
    }))
    .sort((a, b) => b.downloads - a.downloads || a.author.localeCompare(b.author));
}
