import type { CountingMethod } from "../method/method.js";
import type { Region, RegionOrUnattributed } from "../regions/types.js";

/**
 * The statistics behind `/trends`, the digest and `hubtrends stats`: plain data, computed by pure
 * functions from snapshots. Shares are fractions in 0..1; changes of a share are in percentage
 * points (`changePp: 1.3` means +1.3 pp).
 */
export interface TrendStats {
  /** ISO time of the snapshot the figures come from. */
  asOf: string;
  /** The region asked about, or null for the overview of all regions. */
  region: Region | null;
  /** Which models the shares are computed over. */
  universe: Universe;
  /** How downloads were counted: who gets the credit, which models count (see src/services/method/). */
  method: CountingMethod;
  /** Share of the universe's 30-day downloads whose organisation is attributed to a region (0..1). */
  coverage: number;
  /** Every region plus `unattributed`, in the fixed order of REGIONS then `unattributed`; shares sum to 1. */
  regions: RegionShare[];
  /** Attributed downloads by country, largest first. */
  countries: CountryShare[];
  /**
   * Largest organisations by 30-day downloads credited to them under `method` (only the asked
   * region's, when one is asked).
   */
  topOrgs: OrgStat[];
  /** Most downloaded models (only the asked region's, when one is asked). */
  topModels: ModelStat[];
  /** Notable new models (created within the last 8 weeks of `asOf`), most downloaded first. */
  newModels: ModelStat[];
  /**
   * The universe's models (the top N in the cohort) created per week, by region, oldest week first
   * (last 8 weeks; the first and last weeks are partial, see `weekCoverageMs`).
   */
  newModelsPerWeek: NewModelsWeek[];
  /** Downloads by parameter-count bucket, in the fixed order of SIZE_BUCKETS. */
  sizeBuckets: SizeBucketStat[];
  /** Downloads and new models by task (pipeline tag), largest first. */
  tasks: TaskStat[];
  /**
   * Downloads and new models by broad family, in the fixed order of TASK_FAMILIES. A model's family
   * comes from its pipeline tag and, for robotics and science (which have few pipeline tags of their
   * own), from its tags and library too.
   */
  families: FamilyStat[];
  /**
   * Comparison with an older snapshot: the one nearest to exactly the window earlier, else the
   * oldest there is (see `span` and `exact`); null only when no older snapshot exists.
   */
  weekOverWeek: WeekOverWeek | null;
  /** Region shares over the snapshots in the window, oldest first (at least the current one). */
  history: RegionHistoryPoint[];
}

export interface Universe {
  /** Number of models the shares are computed over (the cohort's, test traffic left out). */
  modelCount: number;
  /** Sum of their 30-day downloads. */
  totalDownloads: number;
  /** Which list they are from: the top N by downloads, or every model in an imported snapshot. */
  kind: "top-downloads" | "all";
  /** Models in that list (the N of "top N"), before the cohort and test traffic are taken out. */
  listSize: number;
  /** Test traffic of the list left out of every cohort (see src/services/method/test-traffic.json). */
  excluded: { modelCount: number; downloads: number };
}

export interface RegionShare {
  region: RegionOrUnattributed;
  downloads: number;
  share: number;
  modelCount: number;
}

export interface CountryShare {
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  region: Region;
  downloads: number;
  share: number;
}

export interface OrgStat {
  /** The namespace credited (the uploader, or under lineage the origin of its models' bases). */
  author: string;
  region: RegionOrUnattributed;
  downloads: number;
  /** Share of the whole universe's downloads (not of the region's). */
  share: number;
  /** Share of its own region's downloads (of the unattributed downloads when unattributed). */
  regionShare: number;
  /** Models credited to it. */
  modelCount: number;
}

export interface ModelStat {
  id: string;
  /** The namespace that uploaded it. */
  author: string;
  /** The namespace its downloads count for under the method (the uploader, or its origin). */
  creditedTo: string;
  /** The region of `creditedTo`. */
  region: RegionOrUnattributed;
  downloads: number;
  likes: number;
  trendingScore: number | null;
  createdAt: string | null;
  pipelineTag: string | null;
  /** Parameter count: the Hub's safetensors total, else what the name says (see `parametersEstimated`). */
  parameters: number | null;
  /** True when `parameters` is read from the repo name (`-7B`), not the weights. */
  parametersEstimated: boolean;
  downloadsRank: number | null;
}

export interface NewModelsWeek {
  /** ISO date (UTC Monday) the week starts on. */
  weekStart: string;
  total: number;
  byRegion: Record<RegionOrUnattributed, number>;
}

export const SIZE_BUCKETS = ["<1B", "1-10B", "10-100B", ">100B", "unknown"] as const;
export type SizeBucket = (typeof SIZE_BUCKETS)[number];

export interface SizeBucketStat {
  bucket: SizeBucket;
  downloads: number;
  /** Share of the scope's downloads (the asked region's, or the universe's). */
  share: number;
  modelCount: number;
  /** The part of `downloads` whose size is estimated from model names, not safetensors metadata. */
  estimatedDownloads: number;
}

/** Broad families of tasks; robotics and science are called out on their own. */
export const TASK_FAMILIES = [
  "language",
  "vision",
  "audio",
  "multimodal",
  "robotics",
  "science",
  "other",
] as const;
export type TaskFamily = (typeof TASK_FAMILIES)[number];

export interface FamilyStat {
  family: TaskFamily;
  downloads: number;
  /** Share of the scope's downloads (the asked region's, or the universe's). */
  share: number;
  modelCount: number;
  /** Models of this family created within the last 8 weeks of `asOf`. */
  newModels: number;
}

export interface TaskStat {
  /** The Hub's pipeline tag, or `unknown`. */
  task: string;
  family: TaskFamily;
  downloads: number;
  /** Share of the scope's downloads (the asked region's, or the universe's). */
  share: number;
  /** Models with this task created within the last 8 weeks of `asOf`. */
  newModels: number;
}

export interface WeekOverWeek {
  /** ISO time of the older snapshot compared against. */
  previousAsOf: string;
  /** The window asked for, in weeks (1 for "week over week"). */
  windowWeeks: number;
  /** Time between the two snapshots, in milliseconds: what was really compared. */
  spanMs: number;
  /**
   * True when the older snapshot is within ±12 h of exactly `windowWeeks` earlier; false when it is
   * the nearest there was (less history, or a gap), and the span must be said.
   */
  exact: boolean;
  /**
   * True when both snapshots have the same download counts (the Hub had not refreshed them): the
   * changes are then zero because nothing was measured, not because nothing moved.
   */
  countsUnchanged: boolean;
  /** Every region plus `unattributed`, in the same order as `TrendStats.regions`. */
  regions: RegionShareChange[];
  /**
   * Organisations whose share moved most, largest absolute change first: of all downloads in the
   * overview, of the region's own downloads when a region is asked (`regionChangePp`). Changes that
   * round to ±0.0 pp are not movers.
   */
  movers: OrgMover[];
  /**
   * Downloads between the two snapshots, from `downloadsAllTime` deltas of models present in both;
   * null when the Hub gave no all-time counts.
   */
  downloadsBetween: { total: number; byRegion: Record<RegionOrUnattributed, number> } | null;
}

export interface RegionShareChange {
  region: RegionOrUnattributed;
  share: number;
  previousShare: number;
  changePp: number;
}

export interface OrgMover {
  author: string;
  region: RegionOrUnattributed;
  /** Share of all downloads now and then, and the change in percentage points. */
  share: number;
  previousShare: number;
  changePp: number;
  /** 30-day downloads credited now and then, and the relative change (0.12 = +12%; null from 0). */
  downloads: number;
  previousDownloads: number;
  downloadsChange: number | null;
  /** Share of its own region's downloads now and then, and the change in percentage points. */
  regionShare: number;
  previousRegionShare: number;
  regionChangePp: number;
}

/** One snapshot on the history line: every region's share, and each region's largest organisations. */
export interface RegionHistoryPoint {
  asOf: string;
  shares: Record<RegionOrUnattributed, number>;
  /**
   * Each region's largest organisations in that snapshot (at most `HISTORY_ORGS_PER_REGION` of
   * each region, largest first; none of the unattributed), so a region's history can show its
   * organisations' shares of the region without loading the snapshot again.
   */
  orgs: HistoryOrgShare[];
}

/** An organisation on the history line. */
export interface HistoryOrgShare {
  author: string;
  region: Region;
  /** Share of all downloads. */
  share: number;
  /** Share of its region's downloads. */
  regionShare: number;
}

/** How many organisations of each region a history point keeps: a chart draws the top three. */
export const HISTORY_ORGS_PER_REGION = 5;
