import type { ModelRecord } from "../hub/types.js";
import { type CountingMethod, DEFAULT_METHOD } from "../method/method.js";
import type { Region } from "../regions/types.js";
import type { RegionLookup, SnapshotData } from "./inputs.js";
import { factsOf, memoizedLookup } from "./model-facts.js";
import { newModelsPerWeek, newModelTest } from "./new-models.js";
import { parameterCountOf } from "./parameters.js";
import {
  byDownloadsDesc,
  historyPointOf,
  type SnapshotAggregate,
  shareOf,
  snapshotAggregateOf,
  sumDownloads,
  type UniverseAggregates,
  universeAggregates,
  universeAggregatesSteps,
} from "./region-shares.js";
import { sizeBucketOf } from "./size-bucket.js";
import { eachSliced, runToEnd, type Steps } from "./stepped.js";
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
import {
  type AllTimeCounts,
  allTimeCountsSteps,
  compareUniverses,
  downloadsBetweenSteps,
} from "./week-over-week.js";

export interface TrendStatsInput {
  current: SnapshotData;
  /**
   * The snapshot to compare with (the one nearest to exactly `windowWeeks` earlier, see
   * `pickComparison`), or null when there is none.
   */
  previous: SnapshotData | null;
  /**
   * `previous`'s aggregate under `method` as stored beside it (see stored-aggregates.ts), so that
   * the comparison does not aggregate the older snapshot again; computed from it when absent.
   */
  previousAggregate?: SnapshotAggregate | null;
  /**
   * The older snapshot as stored figures instead of `previous` (which is then null): its stored
   * aggregate and its all-time counters, all a comparison reads of it (what the CLI loads instead
   * of 10,000 models). Ignored when `previous` is given.
   */
  comparedWith?: { aggregate: SnapshotAggregate; allTimeCounts: AllTimeCounts } | null;
  /** The window the comparison is for, in weeks; 1 by default. The real span is measured. */
  windowWeeks?: number;
  /** How downloads are counted; the default method when absent. */
  method?: CountingMethod;
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
  return runToEnd(trendStatsSteps(input));
}

/**
 * {@link computeTrendStats} as steps (see stepped.ts): the bot runs them a few milliseconds at a
 * time, so that the first answer from a snapshot (its universe, new models, the comparison's
 * downloads between) shares the event loop with everyone else's.
 */
export function* trendStatsSteps(input: TrendStatsInput): Steps<TrendStats> {
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const { region } = input;
  const method = input.method ?? DEFAULT_METHOD;
  const lookup = memoizedLookup(input.lookup);
  const asOf = new Date(input.current.takenAt);
  const current = yield* universeAggregatesSteps(input.current, lookup, method);
  const { universe, creditOf } = current;
  const inScope = (m: ModelRecord) => region === null || current.regionOfModel(m) === region;
  const scoped = current.scoped(region);
  const scopedTotal = sumDownloads(scoped);
  const regions = current.regions;
  const unattributed = regions.find((r) => r.region === "unattributed")?.downloads ?? 0;
  yield;
  const newest = yield* newModelsOf(input.current, current, lookup);
  const newInScope = newest.models.filter(inScope);
  const stat = (m: ModelRecord) => toModelStat(m, lookup, creditOf);
  yield;
  const buckets = yield* sizeBuckets(scoped, scopedTotal);
  const taskStats = (yield* tasks(scoped, newInScope, scopedTotal)).slice(0, limits.tasks);
  const familyStats = yield* families(scoped, newInScope, scopedTotal);
  yield;
  let compared = input.comparedWith ?? null;
  if (input.previous !== null) {
    compared = {
      aggregate:
        input.previousAggregate ??
        snapshotAggregateOf(yield* universeAggregatesSteps(input.previous, lookup, method)),
      allTimeCounts: yield* allTimeCountsSteps(input.previous.models),
    };
  }
  let weekOverWeek: TrendStats["weekOverWeek"] = null;
  if (compared !== null) {
    yield* downloadsBetweenSteps(current, compared.allTimeCounts);
    weekOverWeek = compareUniverses({
      current,
      previous: compared.aggregate,
      previousCounts: compared.allTimeCounts,
      lookup,
      regionFilter: region,
      moverCount: limits.movers,
      windowWeeks: input.windowWeeks ?? 1,
    });
  }

  return {
    asOf: asOf.toISOString(),
    region,
    universe,
    method: current.method,
    coverage: universe.totalDownloads > 0 ? 1 - unattributed / universe.totalDownloads : 0,
    regions,
    countries: current.countries,
    topOrgs: current.orgs.filter((o) => region === null || o.region === region).slice(0, limits.topOrgs),
    topModels: firstN(current.byDownloads, inScope, limits.topModels).map(stat),
    newModels: [...newInScope].sort(byDownloadsDesc).slice(0, limits.newModels).map(stat),
    newModelsPerWeek: newest.perWeek,
    sizeBuckets: buckets,
    tasks: taskStats,
    families: familyStats,
    weekOverWeek,
    history: history(input, current),
  };
}

const newModelLists = new WeakMap<readonly ModelRecord[], Map<string, readonly ModelRecord[]>>();
const newModelsPerWeekByAggregates = new WeakMap<UniverseAggregates, TrendStats["newModelsPerWeek"]>();

/**
 * The snapshot's new models (8 weeks), once per snapshot: they come from the whole snapshot (the
 * newest list too), test traffic aside, so that a notable new model is found wherever it is listed.
 * Their count per week and region is of the universe's new models only (the top N in the cohort),
 * once per method: the snapshot's list of the newest models holds a few hours of the Hub's uploads,
 * which would make the last week a spike of whatever was uploaded that morning.
 */
function* newModelsOf(
  snapshot: SnapshotData,
  aggregates: UniverseAggregates,
  lookup: RegionLookup,
): Steps<{ models: readonly ModelRecord[]; perWeek: TrendStats["newModelsPerWeek"] }> {
  const asOf = new Date(snapshot.takenAt);
  let byAsOf = newModelLists.get(snapshot.models);
  if (byAsOf === undefined) {
    byAsOf = new Map();
    newModelLists.set(snapshot.models, byAsOf);
  }
  let models = byAsOf.get(aggregates.asOf);
  if (models === undefined) {
    const isNew = newModelTest(asOf);
    const found: ModelRecord[] = [];
    yield* eachSliced(snapshot.models, (m) => {
      if (isNew(m) && !factsOf(m).testTraffic) found.push(m);
    });
    models = found;
    byAsOf.set(aggregates.asOf, models);
  }
  let perWeek = newModelsPerWeekByAggregates.get(aggregates);
  if (perWeek === undefined) {
    yield;
    perWeek = newModelsPerWeek(aggregates.models, lookup, asOf, aggregates.creditOf);
    newModelsPerWeekByAggregates.set(aggregates, perWeek);
  }
  return { models, perWeek: perWeek.map((week) => ({ ...week, byRegion: { ...week.byRegion } })) };
}

function firstN<T>(items: readonly T[], keep: (item: T) => boolean, count: number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length >= count) break;
    if (keep(item)) kept.push(item);
  }
  return kept;
}

/** One model as the stats list it; `creditOf` says whose it is under the method (default: its uploader). */
export function toModelStat(
  m: ModelRecord,
  lookup: RegionLookup,
  creditOf: (model: ModelRecord) => string = (model) => model.author,
): ModelStat {
  const creditedTo = creditOf(m);
  const size = parameterCountOf(m);
  return {
    id: m.id,
    author: m.author,
    creditedTo,
    region: lookup.regionOf(creditedTo),
    downloads: m.downloads,
    likes: m.likes,
    trendingScore: m.trendingScore,
    createdAt: m.createdAt,
    pipelineTag: m.pipelineTag,
    parameters: size?.value ?? null,
    parametersEstimated: size?.estimated ?? false,
    downloadsRank: m.downloadsRank,
  };
}

function* sizeBuckets(models: readonly ModelRecord[], total: number): Steps<SizeBucketStat[]> {
  const empty = () => ({ downloads: 0, modelCount: 0, estimatedDownloads: 0 });
  const buckets = new Map(SIZE_BUCKETS.map((bucket) => [bucket, empty()]));
  yield* eachSliced(models, (m) => {
    const size = parameterCountOf(m);
    const entry = buckets.get(sizeBucketOf(size?.value ?? null));
    if (entry === undefined) return;
    entry.downloads += m.downloads;
    entry.modelCount += 1;
    if (size?.estimated === true) entry.estimatedDownloads += m.downloads;
  });
  return SIZE_BUCKETS.map((bucket) => {
    const entry = buckets.get(bucket) ?? empty();
    return { bucket, ...entry, share: shareOf(entry.downloads, total) };
  });
}

function* tasks(
  models: readonly ModelRecord[],
  newModels: readonly ModelRecord[],
  total: number,
): Steps<TaskStat[]> {
  const byTask = new Map<string, { downloads: number; newModels: number }>();
  const entry = (task: string) => {
    const found = byTask.get(task) ?? { downloads: 0, newModels: 0 };
    byTask.set(task, found);
    return found;
  };
  yield* eachSliced(models, (m) => {
    entry(m.pipelineTag ?? "unknown").downloads += m.downloads;
  });
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

function* families(
  models: readonly ModelRecord[],
  newModels: readonly ModelRecord[],
  total: number,
): Steps<FamilyStat[]> {
  const stats = new Map(
    TASK_FAMILIES.map((family) => [family, { family, downloads: 0, share: 0, modelCount: 0, newModels: 0 }]),
  );
  yield* eachSliced(models, (m) => {
    const entry = stats.get(factsOf(m).family);
    if (entry === undefined) return;
    entry.downloads += m.downloads;
    entry.modelCount += 1;
  });
  for (const m of newModels) {
    const entry = stats.get(factsOf(m).family);
    if (entry !== undefined) entry.newModels += 1;
  }
  return [...stats.values()].map((s) => ({ ...s, share: shareOf(s.downloads, total) }));
}

/** One snapshot's region shares under `method`, as a point of the history line. */
export function historyPoint(
  snapshot: SnapshotData,
  lookup: RegionLookup,
  method: CountingMethod = DEFAULT_METHOD,
): RegionHistoryPoint {
  return historyPointOf(universeAggregates(snapshot, memoizedLookup(lookup), method));
}

/** The given points (counted the same way) with the current snapshot's, oldest first. */
function history(input: TrendStatsInput, current: UniverseAggregates): TrendStats["history"] {
  const now = historyPointOf(current);
  const points = input.history.filter((p) => p.asOf !== now.asOf);
  return [...points, now].sort((a, b) => Date.parse(a.asOf) - Date.parse(b.asOf));
}
