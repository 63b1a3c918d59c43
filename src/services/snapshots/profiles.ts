import type { ModelRecord } from "../hub/types.js";
import { type CountingMethod, DEFAULT_METHOD } from "../method/method.js";
import type { Organisation, Region, RegionOrUnattributed } from "../regions/types.js";
import type { RegionLookup } from "../stats/inputs.js";
import { memoizedLookup } from "../stats/model-facts.js";
import { universeAggregates } from "../stats/region-shares.js";
import type { OrgStat, Universe } from "../stats/types.js";
import { changeInPp } from "../stats/week-over-week.js";
import type { Snapshot } from "../storage/snapshot-store.js";
import { nameIndexOf } from "./name-index.js";

/**
 * What `/top`, `/model` and `/org` show, from snapshots alone: pure functions over loaded
 * snapshots. The per-snapshot aggregates are the ones `/trends` computes (shared, not recomputed).
 */

/** How `/top` orders models: the Hub's trending score, 30-day downloads or likes. */
export type ModelSort = "trending" | "downloads" | "likes";

/** The curated lookup plus full entries, as `RegionAttributor` provides. */
export interface OrganisationLookup extends RegionLookup {
  organisation(author: string): Organisation | null;
}

/** What a footer says about a snapshot: when, over which models, counted how, how much is attributed. */
export interface SnapshotSource {
  asOf: string;
  coverage: number;
  universe: Universe;
  method: CountingMethod;
}

export function snapshotSource(
  snapshot: Snapshot,
  lookup: RegionLookup,
  method: CountingMethod = DEFAULT_METHOD,
): SnapshotSource {
  const { universe, shares } = universeAggregates(snapshot, memoizedLookup(lookup), method);
  return {
    asOf: new Date(snapshot.takenAt).toISOString(),
    coverage: universe.totalDownloads > 0 ? 1 - shares.unattributed : 0,
    universe,
    method: { ...method },
  };
}

const SORT_VALUE: Record<ModelSort, (model: ModelRecord) => number | null> = {
  trending: (model) => model.trendingScore,
  downloads: (model) => model.downloads,
  likes: (model) => model.likes,
};

/** The value a model is ranked by; models without one (no trending score) are left out of the ranking. */
export function sortValue(model: ModelRecord, sort: ModelSort): number | null {
  return SORT_VALUE[sort](model);
}

/**
 * The snapshot's models, optionally of one task and one region, best first by `sort` (ties by
 * downloads, then id), at most `limit`. Every model of the snapshot counts, trending and new ones
 * included, not only the top-by-downloads universe.
 */
export function rankModels(
  snapshot: Snapshot,
  query: { sort: ModelSort; task: string | null; region: Region | null; limit: number },
  lookup: RegionLookup,
  method: CountingMethod = DEFAULT_METHOD,
): RankedModel[] {
  // A model's region is the one its downloads are credited to under the method, as in every share
  // the footer describes: a GGUF of Qwen by a US repackager ranks among China's under lineage.
  const { regionOfModel } = universeAggregates(snapshot, memoizedLookup(lookup), method);
  const task = query.task?.toLowerCase() ?? null;
  // The index lists models most downloaded first, and sorting is stable: ties stay in that order.
  return nameIndexOf(snapshot)
    .models.filter(
      (model) =>
        sortValue(model, query.sort) !== null &&
        (task === null || model.pipelineTag?.toLowerCase() === task) &&
        (query.region === null || regionOfModel(model) === query.region),
    )
    .sort((a, b) => (sortValue(b, query.sort) ?? 0) - (sortValue(a, query.sort) ?? 0))
    .slice(0, query.limit)
    .map((model) => ({ ...model, region: regionOfModel(model) }));
}

/** A model of a ranking, with the region its downloads are credited to. */
export type RankedModel = ModelRecord & { region: RegionOrUnattributed };

/** One model as `/model` shows it, with the same model a week earlier when there is one. */
export interface ModelProfile {
  model: ModelRecord;
  region: RegionOrUnattributed;
  organisation: Organisation | null;
  /** The same model in the snapshot compared with, or null when there is no such snapshot or model. */
  previous: { asOf: string; downloads: number } | null;
  /** Whether an older snapshot existed at all (to tell "new this week" from "no history yet"). */
  hasPrevious: boolean;
}

export function modelProfile(
  current: Snapshot,
  previous: Snapshot | null,
  id: string,
  lookup: OrganisationLookup,
): ModelProfile | null {
  const model = nameIndexOf(current).model(id);
  if (model === undefined) return null;
  const before = previous === null ? undefined : nameIndexOf(previous).model(model.id);
  return {
    model,
    region: lookup.regionOf(model.author),
    organisation: lookup.organisation(model.author),
    previous:
      previous === null || before === undefined
        ? null
        : { asOf: new Date(previous.takenAt).toISOString(), downloads: before.downloads },
    hasPrevious: previous !== null,
  };
}

/** One organisation as `/org` shows it. */
export interface OrgProfile {
  /** As the snapshot spells it. */
  author: string;
  region: RegionOrUnattributed;
  organisation: Organisation | null;
  /** Its models in the snapshot (the ones it uploaded), most downloaded first. */
  models: readonly ModelRecord[];
  /**
   * Its figures over the universe under `method` (under lineage, the downloads of every model that
   * derives from its own, whoever uploaded them), with `regionShare` its share of its own region's
   * downloads; null when nothing in the universe is credited to it.
   */
  stat: OrgStat | null;
  /** How it was counted. */
  method: CountingMethod;
  /**
   * Since the compared snapshot, in its region's own terms too: the change of its share of all
   * downloads and of its region's (percentage points), and of its downloads (0.12 = +12%, null from
   * none); null without a compared snapshot.
   */
  change: {
    previousAsOf: string;
    previousShare: number;
    changePp: number;
    previousRegionShare: number;
    regionChangePp: number;
    previousDownloads: number;
    downloadsChange: number | null;
  } | null;
}

export function orgProfile(
  current: Snapshot,
  previous: Snapshot | null,
  name: string,
  lookup: OrganisationLookup,
  method: CountingMethod = DEFAULT_METHOD,
): OrgProfile | null {
  const author = nameIndexOf(current).author(name);
  if (author === undefined) return null;
  const shared = memoizedLookup(lookup);
  const statOf = (snapshot: Snapshot) =>
    universeAggregates(snapshot, shared, method).orgs.find(
      (org) => org.author.toLowerCase() === author.toLowerCase(),
    ) ?? null;
  const stat = statOf(current);
  const before = previous === null ? null : statOf(previous);
  const downloads = stat?.downloads ?? 0;
  const previousDownloads = before?.downloads ?? 0;
  return {
    author,
    region: lookup.regionOf(author),
    organisation: lookup.organisation(author),
    models: nameIndexOf(current).modelsOf(author),
    stat,
    method: { ...method },
    change:
      previous === null
        ? null
        : {
            previousAsOf: new Date(previous.takenAt).toISOString(),
            previousShare: before?.share ?? 0,
            changePp: changeInPp(stat?.share ?? 0, before?.share ?? 0),
            previousRegionShare: before?.regionShare ?? 0,
            regionChangePp: changeInPp(stat?.regionShare ?? 0, before?.regionShare ?? 0),
            previousDownloads,
            downloadsChange: previousDownloads > 0 ? downloads / previousDownloads - 1 : null,
          },
  };
}
