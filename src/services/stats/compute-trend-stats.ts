import type { ModelRecord } from "../hub/types.js";
import type { Region } from "../regions/types.js";
import type { RegionLookup, SnapshotData } from "./inputs.js";
import { factsOf, memoizedLookup } from "./model-facts.js";
import { newModelsPerWeek, newModelTest } from "./new-models.js";
import { byDownloadsDesc, shareOf, sumDownloads, universeAggregates } from "./region-shares.js";
import { sizeBucketOf } from "./size-bucket.js";
import { taskFamily } from "./task-family.js";
import {
  type FamilyStat,
  type ModelStat,
  type RegionHistoryPoint,
  SIZE_BUCKETS,
  type SizeBucketStat,
  TASK_FAMILIES,
  type TaskStat,
  type TrendStats,
} from "./types.js";
import { compareUniverses } from "./week-over-week.js";

export interface TrendStatsInput {
  current: SnapshotData;
  /** The snapshot to compare with (about a window ago), or null when there is none. */
  previous: SnapshotData | null;
  /**
   * Points of the history line (see `historyPoint`), in any order; the current snapshot's point
   * is added when missing. Points, not snapshots, so a caller can keep them without the models.
   */
  history: readonly RegionHistoryPoint[];
  region: Region | null;
  lookup: RegionLookup;
  limits?: Partial<StatsLimits>;
}

export interface StatsLimits {
  topOrgs: number;
  topModels: number;
  newModels: number;
  movers: number;
  tasks: number;
}

const DEFAULT_LIMITS: StatsLimits = { topOrgs: 10, topModels: 10, newModels: 5, movers: 5, tasks: 12 };

/** The figures behind `/trends`, the digest and `hubtrends stats`, from snapshots alone. */
export function computeTrendStats(input: TrendStatsInput): TrendStats {
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const { region } = input;
  const lookup = memoizedLookup(input.lookup);
  const asOf = new Date(input.current.takenAt);
  const current = universeAggregates(input.current.models, lookup);
  const { models: universeModels, universe } = current;
  const inScope = (m: ModelRecord) => region === null || lookup.regionOf(m.author) === region;
  const scoped = universeModels.filter(inScope);
  const scopedTotal = sumDownloads(scoped);
  const regions = current.regions;
  const unattributed = regions.find((r) => r.region === "unattributed")?.downloads ?? 0;
  const newInSnapshot = input.current.models.filter(newModelTest(asOf));
  const newInScope = newInSnapshot.filter(inScope);

  return {
    asOf: asOf.toISOString(),
    region,
    universe,
    coverage: universe.totalDownloads > 0 ? 1 - unattributed / universe.totalDownloads : 0,
    regions,
    countries: current.countries,
    topOrgs: current.orgs.filter((o) => region === null || o.region === region).slice(0, limits.topOrgs),
    topModels: firstN(current.byDownloads, inScope, limits.topModels).map((m) => toModelStat(m, lookup)),
    newModels: [...newInScope]
      .sort(byDownloadsDesc)
      .slice(0, limits.newModels)
      .map((m) => toModelStat(m, lookup)),
    newModelsPerWeek: newModelsPerWeek(newInSnapshot, lookup, asOf),
    sizeBuckets: sizeBuckets(scoped, scopedTotal),
    tasks: tasks(scoped, newInScope, scopedTotal).slice(0, limits.tasks),
    families: families(scoped, newInScope, scopedTotal),
    weekOverWeek:
      input.previous === null
        ? null
        : compareUniverses({
            current,
            previous: universeAggregates(input.previous.models, lookup),
            previousAsOf: new Date(input.previous.takenAt).toISOString(),
            lookup,
            regionFilter: region,
            moverCount: limits.movers,
          }),
    history: history(input),
  };
}

function firstN<T>(items: readonly T[], keep: (item: T) => boolean, count: number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length >= count) break;
    if (keep(item)) kept.push(item);
  }
  return kept;
}

export function toModelStat(m: ModelRecord, lookup: RegionLookup): ModelStat {
  return {
    id: m.id,
    author: m.author,
    region: lookup.regionOf(m.author),
    downloads: m.downloads,
    likes: m.likes,
    trendingScore: m.trendingScore,
    createdAt: m.createdAt,
    pipelineTag: m.pipelineTag,
    parameters: m.parameters,
    downloadsRank: m.downloadsRank,
  };
}

function sizeBuckets(models: readonly ModelRecord[], total: number): SizeBucketStat[] {
  const buckets = new Map(SIZE_BUCKETS.map((bucket) => [bucket, { downloads: 0, modelCount: 0 }]));
  for (const m of models) {
    const entry = buckets.get(sizeBucketOf(m.parameters));
    if (entry === undefined) continue;
    entry.downloads += m.downloads;
    entry.modelCount += 1;
  }
  return SIZE_BUCKETS.map((bucket) => {
    const entry = buckets.get(bucket) ?? { downloads: 0, modelCount: 0 };
    return { bucket, ...entry, share: shareOf(entry.downloads, total) };
  });
}

function tasks(models: readonly ModelRecord[], newModels: readonly ModelRecord[], total: number): TaskStat[] {
  const byTask = new Map<string, { downloads: number; newModels: number }>();
  const entry = (task: string) => {
    const found = byTask.get(task) ?? { downloads: 0, newModels: 0 };
    byTask.set(task, found);
    return found;
  };
  for (const m of models) entry(m.pipelineTag ?? "unknown").downloads += m.downloads;
  for (const m of newModels) entry(m.pipelineTag ?? "unknown").newModels += 1;
  return [...byTask.entries()]
    .map(([task, { downloads, newModels: created }]) => ({
      task,
      family: taskFamily(task === "unknown" ? null : task),
      downloads,
      share: shareOf(downloads, total),
      newModels: created,
    }))
    .sort((a, b) => b.downloads - a.downloads || b.newModels - a.newModels || a.task.localeCompare(b.task));
}

function families(
  models: readonly ModelRecord[],
  newModels: readonly ModelRecord[],
  total: number,
): FamilyStat[] {
  const stats = new Map(
    TASK_FAMILIES.map((family) => [family, { family, downloads: 0, share: 0, modelCount: 0, newModels: 0 }]),
  );
  for (const m of models) {
    const entry = stats.get(factsOf(m).family);
    if (entry === undefined) continue;
    entry.downloads += m.downloads;
    entry.modelCount += 1;
  }
  for (const m of newModels) {
    const entry = stats.get(factsOf(m).family);
    if (entry !== undefined) entry.newModels += 1;
  }
  return [...stats.values()].map((s) => ({ ...s, share: shareOf(s.downloads, total) }));
}

/** One snapshot's region shares, as a point of the history line. */
export function historyPoint(snapshot: SnapshotData, lookup: RegionLookup): RegionHistoryPoint {
  return {
    asOf: new Date(snapshot.takenAt).toISOString(),
    shares: { ...universeAggregates(snapshot.models, memoizedLookup(lookup)).shares },
  };
}

function history(input: TrendStatsInput): TrendStats["history"] {
  const current = historyPoint(input.current, input.lookup);
  const points = input.history.filter((p) => p.asOf !== current.asOf);
  return [...points, current].sort((a, b) => Date.parse(a.asOf) - Date.parse(b.asOf));
}
