import type { ModelRecord } from "../hub/types.js";
import { REGIONS, type Region, type RegionOrUnattributed } from "../regions/types.js";
import type { RegionLookup } from "./inputs.js";
import type { CountryShare, OrgStat, RegionShare, Universe } from "./types.js";

/** Regions then `unattributed`: the fixed order every per-region list uses. */
export const REGION_ORDER: readonly RegionOrUnattributed[] = [...REGIONS, "unattributed"];

export function emptyRegionRecord(): Record<RegionOrUnattributed, number> {
  return { china: 0, us: 0, europe: 0, asia: 0, other: 0, unattributed: 0 };
}

/** What every computation over one snapshot's universe starts from; see `universeAggregates`. */
export interface UniverseAggregates {
  models: readonly ModelRecord[];
  universe: Universe;
  regions: RegionShare[];
  shares: Record<RegionOrUnattributed, number>;
  /** Every organisation, largest first, shares of the universe's downloads. */
  orgs: OrgStat[];
  countries: CountryShare[];
  /** The universe's models, most downloaded first. */
  byDownloads: readonly ModelRecord[];
}

const aggregatesCache = new WeakMap<readonly ModelRecord[], WeakMap<RegionLookup, UniverseAggregates>>();

/**
 * The universe of a snapshot with its region shares and organisations, computed once per snapshot
 * and lookup: `/trends` for each region, the comparison and the history all reuse them.
 * Snapshots are immutable once loaded, which is what makes keying on the array safe.
 */
export function universeAggregates(
  snapshotModels: readonly ModelRecord[],
  lookup: RegionLookup,
): UniverseAggregates {
  let byLookup = aggregatesCache.get(snapshotModels);
  if (byLookup === undefined) {
    byLookup = new WeakMap();
    aggregatesCache.set(snapshotModels, byLookup);
  }
  const cached = byLookup.get(lookup);
  if (cached !== undefined) return cached;
  const { models, universe } = selectUniverse(snapshotModels);
  const regions = regionShares(models, lookup);
  const shares = emptyRegionRecord();
  for (const r of regions) shares[r.region] = r.share;
  const aggregates: UniverseAggregates = {
    models,
    universe,
    regions,
    shares,
    orgs: orgStats(models, lookup, universe.totalDownloads),
    countries: countryShares(models, lookup),
    byDownloads: [...models].sort(byDownloadsDesc),
  };
  byLookup.set(lookup, aggregates);
  return aggregates;
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

/** Most downloaded first; ties by id so the order is stable. */
export function byDownloadsDesc(a: ModelRecord, b: ModelRecord): number {
  return b.downloads - a.downloads || a.id.localeCompare(b.id);
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
