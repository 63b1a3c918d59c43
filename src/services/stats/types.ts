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
  /** Share of the universe's 30-day downloads whose organisation is attributed to a region (0..1). */
  coverage: number;
  /** Every region plus `unattributed`, in the fixed order of REGIONS then `unattributed`; shares sum to 1. */
  regions: RegionShare[];
  /** Attributed downloads by country, largest first. */
  countries: CountryShare[];
  /** Largest organisations by 30-day downloads (only the asked region's, when one is asked). */
  topOrgs: OrgStat[];
  /** Most downloaded models (only the asked region's, when one is asked). */
  topModels: ModelStat[];
  /** Notable new models (created within the last 8 weeks of `asOf`), most downloaded first. */
  newModels: ModelStat[];
  /** Models created per week by region, oldest week first (last 8 weeks). */
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
  /** Comparison with an older snapshot, or null when there is none old enough. */
  weekOverWeek: WeekOverWeek | null;
  /** Region shares over the snapshots in the window, oldest first (at least the current one). */
  history: RegionHistoryPoint[];
}

export interface Universe {
  /** Number of models the shares are computed over. */
  modelCount: number;
  /** Sum of their 30-day downloads. */
  totalDownloads: number;
  /** Which list they are: the top N by downloads, or every model in an imported snapshot. */
  kind: "top-downloads" | "all";
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
  author: string;
  region: RegionOrUnattributed;
  downloads: number;
  /** Share of the whole universe's downloads (not of the region's). */
  share: number;
  modelCount: number;
}

export interface ModelStat {
  id: string;
  author: string;
  region: RegionOrUnattributed;
  downloads: number;
  likes: number;
  trendingScore: number | null;
  createdAt: string | null;
  pipelineTag: string | null;
  parameters: number | null;
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
  /** Every region plus `unattributed`, in the same order as `TrendStats.regions`. */
  regions: RegionShareChange[];
  /** Organisations whose share moved most, largest absolute change first. */
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
  share: number;
  previousShare: number;
  changePp: number;
}

export interface RegionHistoryPoint {
  asOf: string;
  shares: Record<RegionOrUnattributed, number>;
}
