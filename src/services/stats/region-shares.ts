import type { ModelRecord } from "../hub/types.js";
import { cohortTest } from "../method/cohorts.js";
import { lineageIndexOf } from "../method/lineage.js";
import { type CountingMethod, DEFAULT_METHOD, methodKey } from "../method/method.js";
import { REGIONS, type Region, type RegionOrUnattributed } from "../regions/types.js";
import type { RegionLookup, SnapshotData } from "./inputs.js";
import { factsOf } from "./model-facts.js";
import { eachSliced, runToEnd, type Steps } from "./stepped.js";
import {
  type CountryShare,
  HISTORY_ORGS_PER_REGION,
  type HistoryOrgShare,
  type OrgStat,
  type RegionHistoryPoint,
  type RegionShare,
  type Universe,
} from "./types.js";

/** Regions then `unattributed`: the fixed order every per-region list uses. */
export const REGION_ORDER: readonly RegionOrUnattributed[] = [...REGIONS, "unattributed"];

export function emptyRegionRecord(): Record<RegionOrUnattributed, number> {
  return { china: 0, us: 0, europe: 0, asia: 0, other: 0, unattributed: 0 };
}

/**
 * One snapshot's figures under one counting method, as plain data: a pure function of the
 * snapshot's models and the lookup (see {@link snapshotAggregate}). Small enough to store beside
 * the snapshot, and all a history point needs, so history never has to load models again.
 */
export interface SnapshotAggregate {
  asOf: string;
  method: CountingMethod;
  universe: Universe;
  regions: RegionShare[];
  /** Every organisation credited under the method, largest first, shares of the universe's downloads. */
  orgs: OrgStat[];
  countries: CountryShare[];
  /**
   * A digest of the list's (id, 30-day downloads) pairs, the same under every method: two snapshots
   * with the same fingerprint have the same download counts (the Hub had not refreshed them).
   */
  countsFingerprint: string;
}

/** What every computation over one snapshot's universe starts from; see `universeAggregates`. */
export interface UniverseAggregates extends SnapshotAggregate {
  /** Every model of the snapshot (what computations shared by every method are keyed on). */
  snapshotModels: readonly ModelRecord[];
  /** The universe's models: the list's, in the cohort, without test traffic. */
  models: readonly ModelRecord[];
  shares: Record<RegionOrUnattributed, number>;
  /** The universe's models, most downloaded first. */
  byDownloads: readonly ModelRecord[];
  /** The namespace a model's downloads are credited to under the method. */
  creditOf(model: ModelRecord): string;
  /** The region of `creditOf(model)`, remembered per record (asked for every model, every query). */
  regionOfModel(model: ModelRecord): RegionOrUnattributed;
  /** The universe's models credited to `region` (all of them for null), in universe order. */
  scoped(region: Region | null): readonly ModelRecord[];
}

type ByMethod = Map<string, UniverseAggregates>;
const aggregatesCache = new WeakMap<readonly ModelRecord[], WeakMap<RegionLookup, ByMethod>>();

/**
 * The universe of a snapshot under `method`, with its region shares and organisations, computed
 * once per snapshot, lookup and method: `/trends` for each region, the comparison and the history
 * all reuse them. Snapshots are immutable once loaded, which is what makes keying on the array safe.
 */
export function universeAggregates(
  snapshot: SnapshotData,
  lookup: RegionLookup,
  method: CountingMethod = DEFAULT_METHOD,
): UniverseAggregates {
  return runToEnd(universeAggregatesSteps(snapshot, lookup, method));
}

/**
 * {@link universeAggregates} as steps (see stepped.ts): the bot runs them a few milliseconds at a
 * time (`runSliced`), so that a snapshot's first aggregation (~100 ms for 10,000 models: lineage
 * origins, regions, sums, the counts' fingerprint) never holds the event loop in one block.
 */
export function* universeAggregatesSteps(
  snapshot: SnapshotData,
  lookup: RegionLookup,
  method: CountingMethod = DEFAULT_METHOD,
): Steps<UniverseAggregates> {
  const byMethod = methodCacheOf(snapshot, lookup);
  const asOf = new Date(snapshot.takenAt).toISOString();
  const key = `${methodKey(method)}@${asOf}`;
  const cached = byMethod.get(key);
  if (cached !== undefined) return cached;

  const { models, universe, byDownloads } = yield* selectUniverseSteps(snapshot, method);
  const creditOf = creditFunction(snapshot.models, method);
  const regionOfModel = rememberedRegions(lookup, creditOf);
  // Each model's credited namespace, region and country, a slice at a time (lineage origins and
  // lookups are memoised), so that the sums below are quick passes over remembered answers.
  yield* eachSliced(models, (m) => {
    regionOfModel(m);
    lookup.countryOf(creditOf(m));
  });
  const regions = yield* regionSharesSteps(models, lookup, creditOf);
  const shares = emptyRegionRecord();
  for (const r of regions) shares[r.region] = r.share;
  const orgs = yield* orgStatsSteps(models, lookup, creditOf, regions);
  yield;
  const countries = yield* countrySharesSteps(models, lookup, creditOf);
  yield;
  const countsFingerprint = yield* countsFingerprintSteps(snapshot.models);
  // Another caller may have finished the same aggregation while these steps were paused.
  const finished = byMethod.get(key);
  if (finished !== undefined) return finished;
  const aggregates: UniverseAggregates = {
    asOf,
    method: { by: method.by, cohort: method.cohort },
    universe,
    regions,
    shares,
    orgs,
    countries,
    countsFingerprint,
    snapshotModels: snapshot.models,
    models,
    byDownloads,
    creditOf,
    regionOfModel,
    scoped: scopedModels(models, regionOfModel),
  };
  byMethod.set(key, aggregates);
  return aggregates;
}

/** {@link universeAggregates} if it has been computed already, else undefined: never computes. */
export function knownUniverseAggregates(
  snapshot: SnapshotData,
  lookup: RegionLookup,
  method: CountingMethod = DEFAULT_METHOD,
): UniverseAggregates | undefined {
  const asOf = new Date(snapshot.takenAt).toISOString();
  return methodCacheOf(snapshot, lookup).get(`${methodKey(method)}@${asOf}`);
}

function methodCacheOf(snapshot: SnapshotData, lookup: RegionLookup): ByMethod {
  let byLookup = aggregatesCache.get(snapshot.models);
  if (byLookup === undefined) {
    byLookup = new WeakMap();
    aggregatesCache.set(snapshot.models, byLookup);
  }
  let byMethod = byLookup.get(lookup);
  if (byMethod === undefined) {
    byMethod = new Map();
    byLookup.set(lookup, byMethod);
  }
  return byMethod;
}

function rememberedRegions(
  lookup: RegionLookup,
  creditOf: (model: ModelRecord) => string,
): (model: ModelRecord) => RegionOrUnattributed {
  const regions = new Map<ModelRecord, RegionOrUnattributed>();
  return (model) => {
    let region = regions.get(model);
    if (region === undefined) {
      region = lookup.regionOf(creditOf(model));
      regions.set(model, region);
    }
    return region;
  };
}

function scopedModels(
  models: readonly ModelRecord[],
  regionOfModel: (model: ModelRecord) => RegionOrUnattributed,
): (region: Region | null) => readonly ModelRecord[] {
  const byRegion = new Map<Region, readonly ModelRecord[]>();
  return (region) => {
    if (region === null) return models;
    let found = byRegion.get(region);
    if (found === undefined) {
      found = models.filter((m) => regionOfModel(m) === region);
      byRegion.set(region, found);
    }
    return found;
  };
}

/** The storable part of {@link universeAggregates}: plain data, no models. */
export function snapshotAggregate(
  snapshot: SnapshotData,
  lookup: RegionLookup,
  method: CountingMethod = DEFAULT_METHOD,
): SnapshotAggregate {
  return snapshotAggregateOf(universeAggregates(snapshot, lookup, method));
}

/** The storable part of aggregates already computed. */
export function snapshotAggregateOf(aggregates: UniverseAggregates): SnapshotAggregate {
  const { asOf, method, universe, regions, orgs, countries, countsFingerprint } = aggregates;
  return { asOf, method: { ...method }, universe, regions, orgs, countries, countsFingerprint };
}

/**
 * A history point from an aggregate alone: its region shares, and each region's largest
 * organisations with their share of the region (the aggregate's `orgs` are largest first).
 */
export function historyPointOf(
  aggregate: Pick<SnapshotAggregate, "asOf" | "regions" | "orgs">,
): RegionHistoryPoint {
  const shares = emptyRegionRecord();
  for (const r of aggregate.regions) shares[r.region] = r.share;
  const kept = new Map<Region, number>();
  const orgs: HistoryOrgShare[] = [];
  for (const org of aggregate.orgs) {
    const { region } = org;
    if (region === "unattributed") continue;
    const count = kept.get(region) ?? 0;
    if (count >= HISTORY_ORGS_PER_REGION) continue;
    kept.set(region, count + 1);
    orgs.push({ author: org.author, region, share: org.share, regionShare: org.regionShare });
  }
  return { asOf: aggregate.asOf, shares, orgs };
}

/**
 * The list the universe is taken from: the collection's top-by-downloads list when the snapshot
 * has one (trending and newest models also sit in a snapshot but would skew shares), else all.
 */
export function listOf(models: readonly ModelRecord[]): { list: readonly ModelRecord[]; ranked: boolean } {
  const ranked = models.filter((m) => m.downloadsRank !== null);
  return ranked.length > 0 ? { list: ranked, ranked: true } : { list: models, ranked: false };
}

/**
 * The models the shares are computed over under `method`: the list's models in the cohort, with
 * test traffic (test-traffic.json) left out and counted.
 */
export function selectUniverse(
  snapshot: SnapshotData,
  method: CountingMethod = DEFAULT_METHOD,
): SelectedUniverse {
  return runToEnd(selectUniverseSteps(snapshot, method));
}

interface SelectedUniverse {
  models: readonly ModelRecord[];
  universe: Universe;
  byDownloads: readonly ModelRecord[];
}

function* selectUniverseSteps(snapshot: SnapshotData, method: CountingMethod): Steps<SelectedUniverse> {
  const { list, ranked } = listOf(snapshot.models);
  const inCohort = cohortTest(method.cohort, new Date(snapshot.takenAt), (m) => factsOf(m).generative);
  const counts = (model: ModelRecord) => !factsOf(model).testTraffic && inCohort(model);
  const chosen: ModelRecord[] = [];
  const excluded = { modelCount: 0, downloads: 0 };
  let totalDownloads = 0;
  yield* eachSliced(list, (model) => {
    if (factsOf(model).testTraffic) {
      excluded.modelCount += 1;
      excluded.downloads += model.downloads;
    } else if (inCohort(model)) {
      chosen.push(model);
      totalDownloads += model.downloads;
    }
  });
  // Every method's universe is a subset of one list: sort the list once, then keep its members.
  const sorted = sortedList(snapshot.models, list);
  yield;
  const byDownloads: ModelRecord[] = [];
  yield* eachSliced(sorted, (model) => {
    if (counts(model)) byDownloads.push(model);
  });
  return {
    models: chosen,
    universe: {
      modelCount: chosen.length,
      totalDownloads,
      kind: ranked ? "top-downloads" : "all",
      listSize: list.length,
      excluded,
    },
    byDownloads,
  };
}

const sortedLists = new WeakMap<readonly ModelRecord[], readonly ModelRecord[]>();

/** The snapshot's list, most downloaded first, sorted once per snapshot. */
function sortedList(
  snapshotModels: readonly ModelRecord[],
  list: readonly ModelRecord[],
): readonly ModelRecord[] {
  let sorted = sortedLists.get(snapshotModels);
  if (sorted === undefined) {
    sorted = [...list].sort(byDownloadsDesc);
    sortedLists.set(snapshotModels, sorted);
  }
  return sorted;
}

/**
 * Who a model's downloads count for: its uploader, or under lineage the origin its bases lead to,
 * followed through the whole snapshot (bases need not be in the universe).
 */
export function creditFunction(
  snapshotModels: readonly ModelRecord[],
  method: CountingMethod,
): (model: ModelRecord) => string {
  if (method.by === "uploader") return (model) => model.author;
  const lineage = lineageIndexOf(snapshotModels);
  return (model) => lineage.originOf(model);
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

const uploader = (model: ModelRecord): string => model.author;

export function regionShares(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  creditOf: (model: ModelRecord) => string = uploader,
): RegionShare[] {
  return runToEnd(regionSharesSteps(models, lookup, creditOf));
}

function* regionSharesSteps(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  creditOf: (model: ModelRecord) => string,
): Steps<RegionShare[]> {
  const downloads = emptyRegionRecord();
  const counts = emptyRegionRecord();
  yield* eachSliced(models, (m) => {
    const region = lookup.regionOf(creditOf(m));
    downloads[region] += m.downloads;
    counts[region] += 1;
  });
  const total = sumDownloads(models);
  return REGION_ORDER.map((region) => ({
    region,
    downloads: downloads[region],
    share: shareOf(downloads[region], total),
    modelCount: counts[region],
  }));
}

export function countryShares(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  creditOf: (model: ModelRecord) => string = uploader,
): CountryShare[] {
  return runToEnd(countrySharesSteps(models, lookup, creditOf));
}

function* countrySharesSteps(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  creditOf: (model: ModelRecord) => string,
): Steps<CountryShare[]> {
  const byCountry = new Map<string, { region: Region; downloads: number }>();
  yield* eachSliced(models, (m) => {
    const credited = creditOf(m);
    const country = lookup.countryOf(credited);
    const region = lookup.regionOf(credited);
    if (country === null || region === "unattributed") return;
    const entry = byCountry.get(country) ?? { region, downloads: 0 };
    entry.downloads += m.downloads;
    byCountry.set(country, entry);
  });
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

/**
 * Every organisation credited in the models, largest first; `share` is of the models' downloads
 * and `regionShare` of its region's (from `regions`, the same models' region shares).
 */
export function orgStats(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  creditOf: (model: ModelRecord) => string,
  regions: readonly RegionShare[],
): OrgStat[] {
  return runToEnd(orgStatsSteps(models, lookup, creditOf, regions));
}

function* orgStatsSteps(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  creditOf: (model: ModelRecord) => string,
  regions: readonly RegionShare[],
): Steps<OrgStat[]> {
  const byAuthor = new Map<string, { downloads: number; modelCount: number }>();
  yield* eachSliced(models, (m) => {
    const author = creditOf(m);
    const entry = byAuthor.get(author) ?? { downloads: 0, modelCount: 0 };
    entry.downloads += m.downloads;
    entry.modelCount += 1;
    byAuthor.set(author, entry);
  });
  yield;
  const totalDownloads = sumDownloads(models);
  const regionTotal = emptyRegionRecord();
  for (const r of regions) regionTotal[r.region] = r.downloads;
  return [...byAuthor.entries()]
    .map(([author, { downloads, modelCount }]) => {
      const region = lookup.regionOf(author);
      return {
        author,
        region,
        downloads,
        share: shareOf(downloads, totalDownloads),
        regionShare: shareOf(downloads, regionTotal[region]),
        modelCount,
      };
    })
    .sort((a, b) => b.downloads - a.downloads || a.author.localeCompare(b.author));
}

const fingerprints = new WeakMap<readonly ModelRecord[], string>();

/**
 * An order-independent digest of the list's (id, downloads) pairs: each pair is hashed (FNV-1a of
 * the id, then the count mixed in) with two seeds, and the hashes are summed, so a reordering of
 * ties between two reads of the same counts changes nothing.
 */
export function countsFingerprintOf(snapshotModels: readonly ModelRecord[]): string {
  return runToEnd(countsFingerprintSteps(snapshotModels));
}

function* countsFingerprintSteps(snapshotModels: readonly ModelRecord[]): Steps<string> {
  let found = fingerprints.get(snapshotModels);
  if (found === undefined) {
    let low = 0;
    let high = 0;
    const { list } = listOf(snapshotModels);
    yield* eachSliced(list, (model) => {
      low = (low + pairHash(model.id, model.downloads, 0x811c9dc5)) % 0x1_0000_0000;
      high = (high + pairHash(model.id, model.downloads, 0x01000193)) % 0x1_0000_0000;
    });
    found = `${list.length}:${low.toString(16)}:${high.toString(16)}`;
    fingerprints.set(snapshotModels, found);
  }
  return found;
}

function pairHash(id: string, downloads: number, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Counts reach billions: mix in both 32-bit halves.
  hash = Math.imul(hash ^ (downloads % 0x1_0000_0000), 0x01000193) >>> 0;
  return Math.imul(hash ^ Math.floor(downloads / 0x1_0000_0000), 0x01000193) >>> 0;
}
