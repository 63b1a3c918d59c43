/**
 * Hand-built `TrendStats` for the summary tests: realistic figures for the top 1,000 models by
 * downloads around the 2026-05-04 snapshot in ../shared/data (names and new models taken from it),
 * with shares that add up the way the stats engine's do. Each fixture is a fresh object.
 */
import type { Region, RegionOrUnattributed } from "../../src/services/regions/types.js";
import type {
  ModelStat,
  OrgMover,
  OrgStat,
  RegionShare,
  TrendStats,
  WeekOverWeek,
} from "../../src/services/stats/types.js";
import {
  exactWindow,
  FIXTURE_METHOD,
  measuredSizes,
  moversOf,
  universeOf,
  withRegionShares,
} from "../stats/stat-fixtures.js";

/** The clock for every test: 3 h 15 min after the snapshot. */
export const NOW = new Date("2026-05-04T07:25:00.000Z");
export const AS_OF = "2026-05-04T04:10:00.000Z";
const PREVIOUS_AS_OF = "2026-04-27T04:05:00.000Z";
const TOTAL = 2_840_000_000;

function byRegion(values: Record<RegionOrUnattributed, number>): Record<RegionOrUnattributed, number> {
  return { ...values };
}

function regions(): RegionShare[] {
  return [
    { region: "china", downloads: 1_170_080_000, share: 0.412, modelCount: 312 },
    { region: "us", downloads: 798_040_000, share: 0.281, modelCount: 301 },
    { region: "europe", downloads: 340_800_000, share: 0.12, modelCount: 118 },
    { region: "asia", downloads: 127_800_000, share: 0.045, modelCount: 64 },
    { region: "other", downloads: 42_600_000, share: 0.015, modelCount: 21 },
    { region: "unattributed", downloads: 360_680_000, share: 0.127, modelCount: 184 },
  ];
}

function org(author: string, region: RegionOrUnattributed, share: number, modelCount: number): OrgStat {
  const [stat] = withRegionShares(
    [{ author, region, downloads: Math.round(share * TOTAL), share, modelCount }],
    regions(),
  );
  if (stat === undefined) throw new Error("unreachable");
  return stat;
}

function orgs(): OrgStat[] {
  return [
    org("Qwen", "china", 0.183, 96),
    org("deepseek-ai", "china", 0.098, 14),
    org("sentence-transformers", "europe", 0.089, 22),
    org("google", "us", 0.071, 58),
    org("meta-llama", "us", 0.062, 23),
    org("BAAI", "china", 0.041, 19),
    org("mistralai", "europe", 0.031, 17),
  ];
}

function model(
  id: string,
  region: RegionOrUnattributed,
  downloads: number,
  extra: Partial<ModelStat> = {},
): ModelStat {
  const author = id.split("/")[0] ?? id;
  return {
    id,
    author,
    creditedTo: author,
    region,
    downloads,
    likes: 0,
    trendingScore: null,
    createdAt: null,
    pipelineTag: null,
    parameters: null,
    parametersEstimated: false,
    downloadsRank: null,
    ...extra,
  };
}

function topModels(): ModelStat[] {
  return [
    model("sentence-transformers/all-MiniLM-L6-v2", "europe", 233_518_673, {
      likes: 4_412,
      pipelineTag: "sentence-similarity",
      parameters: 22_700_000,
      downloadsRank: 1,
    }),
    model("Qwen/Qwen3-VL-2B-Instruct", "china", 186_849_929, {
      likes: 312,
      createdAt: "2025-10-19T13:13:24.000Z",
      pipelineTag: "image-text-to-text",
      parameters: 2_127_532_032,
      downloadsRank: 2,
    }),
    model("BAAI/bge-small-en-v1.5", "china", 32_549_569, {
      likes: 388,
      createdAt: "2023-09-12T05:20:55.000Z",
      pipelineTag: "feature-extraction",
      parameters: 33_400_000,
      downloadsRank: 5,
    }),
  ];
}

/**
 * New models (created after 2026-03-09), most downloaded first, as in the real snapshot: nine of
 * them, as a digest would ask the stats engine for (its default for `/trends` is five).
 */
function newModels(): ModelStat[] {
  return [
    model("google/gemma-4-31B-it", "us", 7_907_233, {
      likes: 1_204,
      trendingScore: 121,
      createdAt: "2026-03-11T18:22:36.000Z",
      pipelineTag: "image-text-to-text",
      parameters: 31_000_000_000,
      downloadsRank: 27,
    }),
    model("google/gemma-4-26B-A4B-it", "us", 6_333_903, {
      likes: 702,
      trendingScore: 88,
      createdAt: "2026-03-11T21:25:57.000Z",
      pipelineTag: "image-text-to-text",
      parameters: 26_000_000_000,
      downloadsRank: 33,
    }),
    model("Qwen/Qwen3.6-35B-A3B", "china", 2_575_808, {
      likes: 1_033,
      trendingScore: 240,
      createdAt: "2026-04-15T05:59:19.000Z",
      pipelineTag: "image-text-to-text",
      parameters: 35_000_000_000,
      downloadsRank: 61,
    }),
    model("k2-fsa/OmniVoice", "china", 2_090_369, {
      likes: 455,
      trendingScore: 97,
      createdAt: "2026-03-30T13:43:33.000Z",
      pipelineTag: "text-to-speech",
      downloadsRank: 74,
    }),
    model("HauhauCS/Qwen3.5-35B-A3B-Uncensored-HauhauCS-Aggressive", "unattributed", 1_345_367, {
      likes: 389,
      trendingScore: 35,
      createdAt: "2026-03-10T19:36:57.000Z",
      pipelineTag: "image-text-to-text",
      parameters: 35_000_000_000,
      downloadsRank: 118,
    }),
    model("moonshotai/Kimi-K2.6", "china", 755_634, {
      likes: 1_610,
      trendingScore: 301,
      createdAt: "2026-04-14T04:23:36.000Z",
      pipelineTag: "image-text-to-text",
      parameters: 1_000_000_000_000,
      downloadsRank: 201,
    }),
    model("deepseek-ai/DeepSeek-V4-Pro", "china", 457_348, {
      likes: 3_480,
      trendingScore: 504,
      createdAt: "2026-04-22T06:04:45.000Z",
      pipelineTag: "text-generation",
      parameters: 1_600_000_000_000,
      downloadsRank: 298,
    }),
    model("CohereLabs/cohere-transcribe-03-2026", "other", 270_773, {
      likes: 214,
      trendingScore: 40,
      createdAt: "2026-03-24T10:35:54.000Z",
      pipelineTag: "automatic-speech-recognition",
      parameters: 2_000_000_000,
      downloadsRank: 455,
    }),
    model("black-forest-labs/FLUX.2-small-decoder", "europe", 134_339, {
      likes: 97,
      trendingScore: 22,
      createdAt: "2026-04-06T16:08:58.000Z",
      pipelineTag: "image-to-image",
      downloadsRank: 702,
    }),
  ];
}

function mover(
  author: string,
  region: RegionOrUnattributed,
  share: number,
  previousShare: number,
  changePp: number,
): OrgMover {
  const [full] = moversOf([{ author, region, share, previousShare, changePp }], TOTAL, regionChanges());
  if (full === undefined) throw new Error("unreachable");
  return full;
}

function regionChanges(): WeekOverWeek["regions"] {
  return [
    { region: "china", share: 0.412, previousShare: 0.399, changePp: 1.3 },
    { region: "us", share: 0.281, previousShare: 0.289, changePp: -0.8 },
    { region: "europe", share: 0.12, previousShare: 0.118, changePp: 0.2 },
    { region: "asia", share: 0.045, previousShare: 0.045, changePp: 0 },
    { region: "other", share: 0.015, previousShare: 0.016, changePp: -0.1 },
    { region: "unattributed", share: 0.127, previousShare: 0.133, changePp: -0.6 },
  ];
}

function weekOverWeek(): WeekOverWeek {
  return {
    ...exactWindow(PREVIOUS_AS_OF, AS_OF),
    regions: regionChanges(),
    // Largest absolute change first, as the stats engine orders them.
    movers: [
      mover("deepseek-ai", "china", 0.098, 0.077, 2.1),
      mover("meta-llama", "us", 0.062, 0.076, -1.4),
      mover("mistralai", "europe", 0.031, 0.022, 0.9),
      mover("Qwen", "china", 0.183, 0.176, 0.7),
      mover("google", "us", 0.071, 0.065, 0.6),
    ],
    downloadsBetween: {
      total: 655_000_000,
      byRegion: byRegion({
        china: 276_000_000,
        us: 180_000_000,
        europe: 77_000_000,
        asia: 29_000_000,
        other: 10_000_000,
        unattributed: 83_000_000,
      }),
    },
  };
}

type Scoped = Pick<TrendStats, "sizeBuckets" | "tasks" | "families">;

/** Size, task and family shares of the whole universe's downloads (the overview). */
function universeScope(): Scoped {
  const total = TOTAL;
  const d = (share: number) => Math.round(share * total);
  return {
    sizeBuckets: measuredSizes([
      { bucket: "<1B", downloads: d(0.384), share: 0.384, modelCount: 402 },
      { bucket: "1-10B", downloads: d(0.302), share: 0.302, modelCount: 311 },
      { bucket: "10-100B", downloads: d(0.118), share: 0.118, modelCount: 118 },
      { bucket: ">100B", downloads: d(0.049), share: 0.049, modelCount: 37 },
      { bucket: "unknown", downloads: d(0.147), share: 0.147, modelCount: 132 },
    ]),
    tasks: [
      { task: "sentence-similarity", family: "language", downloads: d(0.241), share: 0.241, newModels: 9 },
      { task: "text-generation", family: "language", downloads: d(0.198), share: 0.198, newModels: 61 },
      { task: "image-text-to-text", family: "multimodal", downloads: d(0.176), share: 0.176, newModels: 48 },
      { task: "feature-extraction", family: "language", downloads: d(0.082), share: 0.082, newModels: 7 },
      { task: "unknown", family: "other", downloads: d(0.058), share: 0.058, newModels: 30 },
      {
        task: "automatic-speech-recognition",
        family: "audio",
        downloads: d(0.041),
        share: 0.041,
        newModels: 6,
      },
    ],
    families: [
      { family: "language", downloads: d(0.561), share: 0.561, modelCount: 512, newModels: 70 },
      { family: "vision", downloads: d(0.072), share: 0.072, modelCount: 96, newModels: 8 },
      { family: "audio", downloads: d(0.063), share: 0.063, modelCount: 71, newModels: 9 },
      { family: "multimodal", downloads: d(0.196), share: 0.196, modelCount: 143, newModels: 52 },
      { family: "robotics", downloads: d(0.004), share: 0.004, modelCount: 9, newModels: 3 },
      { family: "science", downloads: d(0.006), share: 0.006, modelCount: 12, newModels: 2 },
      { family: "other", downloads: d(0.098), share: 0.098, modelCount: 157, newModels: 31 },
    ],
  };
}

/** The same, of Chinese organisations' downloads only, as the stats engine scopes them for a region. */
function chinaScope(): Scoped {
  const total = 1_170_080_000;
  const d = (share: number) => Math.round(share * total);
  return {
    sizeBuckets: measuredSizes([
      { bucket: "<1B", downloads: d(0.301), share: 0.301, modelCount: 96 },
      { bucket: "1-10B", downloads: d(0.412), share: 0.412, modelCount: 121 },
      { bucket: "10-100B", downloads: d(0.121), share: 0.121, modelCount: 52 },
      { bucket: ">100B", downloads: d(0.088), share: 0.088, modelCount: 19 },
      { bucket: "unknown", downloads: d(0.078), share: 0.078, modelCount: 24 },
    ]),
    tasks: [
      { task: "text-generation", family: "language", downloads: d(0.334), share: 0.334, newModels: 24 },
      { task: "image-text-to-text", family: "multimodal", downloads: d(0.291), share: 0.291, newModels: 21 },
      { task: "feature-extraction", family: "language", downloads: d(0.142), share: 0.142, newModels: 3 },
      { task: "sentence-similarity", family: "language", downloads: d(0.097), share: 0.097, newModels: 1 },
      { task: "text-to-speech", family: "audio", downloads: d(0.031), share: 0.031, newModels: 4 },
    ],
    families: [
      { family: "language", downloads: d(0.583), share: 0.583, modelCount: 181, newModels: 28 },
      { family: "vision", downloads: d(0.041), share: 0.041, modelCount: 17, newModels: 2 },
      { family: "audio", downloads: d(0.048), share: 0.048, modelCount: 14, newModels: 4 },
      { family: "multimodal", downloads: d(0.297), share: 0.297, modelCount: 81, newModels: 21 },
      { family: "robotics", downloads: d(0.002), share: 0.002, modelCount: 2, newModels: 1 },
      { family: "science", downloads: d(0.004), share: 0.004, modelCount: 3, newModels: 0 },
      { family: "other", downloads: d(0.025), share: 0.025, modelCount: 14, newModels: 2 },
    ],
  };
}

function base(region: Region | null): TrendStats {
  const inRegion = <T extends { region: RegionOrUnattributed }>(items: T[]): T[] =>
    region === null ? items : items.filter((item) => item.region === region);
  return {
    asOf: AS_OF,
    region,
    universe: universeOf(1_000, TOTAL, "top-downloads"),
    method: FIXTURE_METHOD,
    coverage: 0.873,
    regions: regions(),
    countries: [
      { country: "CN", region: "china", downloads: 1_170_080_000, share: 0.412 },
      { country: "US", region: "us", downloads: 798_040_000, share: 0.281 },
      { country: "FR", region: "europe", downloads: 164_720_000, share: 0.058 },
      { country: "DE", region: "europe", downloads: 96_560_000, share: 0.034 },
      { country: "GB", region: "europe", downloads: 79_520_000, share: 0.028 },
      { country: "KR", region: "asia", downloads: 73_840_000, share: 0.026 },
      { country: "JP", region: "asia", downloads: 34_080_000, share: 0.012 },
      { country: "IL", region: "other", downloads: 25_560_000, share: 0.009 },
      { country: "SG", region: "asia", downloads: 19_880_000, share: 0.007 },
      { country: "CA", region: "other", downloads: 17_040_000, share: 0.006 },
    ],
    topOrgs: inRegion(orgs()),
    topModels: inRegion(topModels()),
    newModels: inRegion(newModels()),
    newModelsPerWeek: [
      ["2026-03-09", 41, 22, 7, 3, 1, 19],
      ["2026-03-16", 35, 18, 6, 2, 1, 15],
      ["2026-03-23", 38, 17, 9, 4, 2, 17],
      ["2026-03-30", 44, 25, 8, 3, 1, 21],
      ["2026-04-06", 36, 31, 5, 2, 1, 18],
      ["2026-04-13", 52, 20, 6, 5, 2, 24],
      ["2026-04-20", 58, 19, 7, 3, 1, 26],
      ["2026-04-27", 33, 14, 4, 2, 0, 12],
    ].map(([weekStart, china, us, europe, asia, other, unattributed]) => {
      const counts = { china, us, europe, asia, other, unattributed } as Record<RegionOrUnattributed, number>;
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      return { weekStart: String(weekStart), total, byRegion: counts };
    }),
    ...(region === "china" ? chinaScope() : universeScope()),
    weekOverWeek: { ...weekOverWeek(), movers: inRegion(weekOverWeek().movers) },
    history: [
      {
        asOf: PREVIOUS_AS_OF,
        shares: byRegion({
          china: 0.399,
          us: 0.289,
          europe: 0.118,
          asia: 0.045,
          other: 0.016,
          unattributed: 0.133,
        }),
        orgs: [],
      },
      {
        asOf: AS_OF,
        shares: byRegion({
          china: 0.412,
          us: 0.281,
          europe: 0.12,
          asia: 0.045,
          other: 0.015,
          unattributed: 0.127,
        }),
        orgs: [],
      },
    ],
  };
}

/** `/trends` with no region: every region, compared with a week earlier. */
export function overviewWithWeekOverWeek(): TrendStats {
  return base(null);
}

/** `/trends china`, compared with a week earlier. */
export function chinaWithWeekOverWeek(): TrendStats {
  return base("china");
}

/**
 * `/trends china` on an imported full snapshot (`kind: "all"`) with nothing old enough to compare
 * against: no week-over-week, a history of one point.
 */
export function chinaWithoutWeekOverWeek(): TrendStats {
  const stats = base("china");
  const [current] = stats.history.slice(-1);
  return {
    ...stats,
    universe: { ...stats.universe, kind: "all" },
    weekOverWeek: null,
    history: current === undefined ? [] : [current],
  };
}

/** The overview without a week-over-week comparison. */
export function overviewWithoutWeekOverWeek(): TrendStats {
  return { ...base(null), weekOverWeek: null, history: base(null).history.slice(-1) };
}

/** A snapshot with no models and no downloads (a first run that fetched nothing). */
export function emptySnapshot(region: Region | null = null): TrendStats {
  return {
    asOf: AS_OF,
    region,
    universe: universeOf(0, 0, "top-downloads"),
    method: FIXTURE_METHOD,
    coverage: 0,
    regions: regions().map((r) => ({ ...r, downloads: 0, share: 0, modelCount: 0 })),
    countries: [],
    topOrgs: [],
    topModels: [],
    newModels: [],
    newModelsPerWeek: [],
    sizeBuckets: universeScope().sizeBuckets.map((b) => ({ ...b, downloads: 0, share: 0, modelCount: 0 })),
    tasks: [],
    families: universeScope().families.map((f) => ({
      ...f,
      downloads: 0,
      share: 0,
      modelCount: 0,
      newModels: 0,
    })),
    weekOverWeek: null,
    history: [],
  };
}

/**
 * `/trends asia` in a week where no Asia-Pacific organisation made the top 1,000 (its former share
 * moved to unattributed): no models, no organisations, no new models for the region.
 */
export function asiaWithoutModels(): TrendStats {
  const stats = base("asia");
  const wow = weekOverWeek();
  return {
    ...stats,
    regions: stats.regions.map((r) =>
      r.region === "asia"
        ? { ...r, downloads: 0, share: 0, modelCount: 0 }
        : r.region === "unattributed"
          ? { ...r, downloads: 488_480_000, share: 0.172, modelCount: 248 }
          : r,
    ),
    coverage: 0.828,
    topOrgs: [],
    topModels: [],
    weekOverWeek: {
      ...wow,
      movers: [],
      regions: wow.regions.map((r) =>
        r.region === "asia"
          ? { ...r, share: 0, previousShare: 0.045, changePp: -4.5 }
          : r.region === "unattributed"
            ? { ...r, share: 0.172, previousShare: 0.133, changePp: 3.9 }
            : r,
      ),
    },
  };
}

/** A name of `length` characters, as a hostile or careless Hub user could make. */
export function absurdName(prefix: string, length = 500): string {
  return `${prefix}${"x".repeat(Math.max(0, length - prefix.length))}`;
}

/** The overview with every organisation, model and task name 500 characters long. */
export function absurdNames(region: Region | null = null): TrendStats {
  const stats = base(region);
  const wow = stats.weekOverWeek ?? weekOverWeek();
  return {
    ...stats,
    topOrgs: stats.topOrgs.map((o, i) => ({ ...o, author: absurdName(`org${i}-`) })),
    topModels: stats.topModels.map((m, i) => ({ ...m, id: absurdName(`org${i}/model-`) })),
    newModels: stats.newModels.map((m, i) => ({ ...m, id: absurdName(`org${i}/new-model-`) })),
    tasks: stats.tasks.map((t, i) => ({ ...t, task: absurdName(`task${i}-`) })),
    weekOverWeek: { ...wow, movers: wow.movers.map((m, i) => ({ ...m, author: absurdName(`mover${i}-`) })) },
  };
}

/** Every fixture by a name tests can print; both summaries are checked against all of them. */
export const SUMMARY_FIXTURES: Record<string, () => TrendStats> = {
  "overview with week over week": overviewWithWeekOverWeek,
  "overview without week over week": overviewWithoutWeekOverWeek,
  "china with week over week": chinaWithWeekOverWeek,
  "china without week over week": chinaWithoutWeekOverWeek,
  "empty snapshot": () => emptySnapshot(),
  "empty snapshot, china": () => emptySnapshot("china"),
  "asia without models": asiaWithoutModels,
  "500-character names": () => absurdNames(),
  "500-character names, china": () => absurdNames("china"),
};
