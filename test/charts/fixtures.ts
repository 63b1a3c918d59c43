import type {
  HistoryOrgShare,
  RegionShare,
  RegionShareChange,
  TrendStats,
} from "../../src/services/stats/types.js";
import {
  creditedToUploader,
  exactWindow,
  FIXTURE_METHOD,
  measuredSizes,
  moversOf,
  universeOf,
  withRegionShares,
} from "../stats/stat-fixtures.js";

const REGIONS: RegionShare[] = [
  { region: "china", downloads: 467_276_362, share: 0.405, modelCount: 262 },
  { region: "us", downloads: 228_446_221, share: 0.198, modelCount: 241 },
  { region: "europe", downloads: 351_899_482, share: 0.305, modelCount: 119 },
  { region: "asia", downloads: 27_690_451, share: 0.024, modelCount: 38 },
  { region: "other", downloads: 6_922_613, share: 0.006, modelCount: 9 },
  { region: "unattributed", downloads: 71_533_665, share: 0.062, modelCount: 331 },
];

const REGION_CHANGES: RegionShareChange[] = [
  { region: "china", share: 0.405, previousShare: 0.3793, changePp: 2.57 },
  { region: "us", share: 0.198, previousShare: 0.2159, changePp: -1.79 },
  { region: "europe", share: 0.305, previousShare: 0.3081, changePp: -0.31 },
  { region: "asia", share: 0.024, previousShare: 0.0248, changePp: -0.08 },
  { region: "other", share: 0.006, previousShare: 0.006, changePp: 0 },
  { region: "unattributed", share: 0.062, previousShare: 0.0659, changePp: -0.39 },
];

/**
 * China's three largest organisations across the ten history points: Qwen gaining on BAAI, and
 * deepseek-ai missing from one snapshot's top five (a gap in its line, not a zero).
 */
function chinaOrgsAt(index: number): HistoryOrgShare[] {
  const qwen = 0.7 + index * 0.0035;
  const baai = 0.17 - index * 0.0012;
  const deepseek = 0.035 + (index % 3) * 0.002;
  const china = 0.372 + index * 0.0037;
  const org = (author: string, regionShare: number): HistoryOrgShare => ({
    author,
    region: "china",
    regionShare,
    share: regionShare * china,
  });
  return [org("Qwen", qwen), org("BAAI", baai), ...(index === 4 ? [] : [org("deepseek-ai", deepseek)])];
}

/**
 * Realistic statistics for chart tests: the top 1,000 models by downloads on 2026-05-04, with
 * organisation and task figures close to the Hub's own on that day (see ../shared/data/), and
 * regions, history and weekly counts made up to fit them. Plain data, written out.
 */
export const overviewStats: TrendStats = {
  asOf: "2026-05-04T04:00:00.000Z",
  region: null,
  universe: universeOf(1000, 1_153_768_795, "top-downloads"),
  method: FIXTURE_METHOD,
  coverage: 0.938,
  regions: REGIONS,
  countries: [
    { country: "CN", region: "china", downloads: 467_276_362, share: 0.405 },
    { country: "DE", region: "europe", downloads: 283_118_031, share: 0.2454 },
    { country: "US", region: "us", downloads: 228_446_221, share: 0.198 },
    { country: "FR", region: "europe", downloads: 41_327_409, share: 0.0358 },
    { country: "GB", region: "europe", downloads: 27_454_042, share: 0.0238 },
    { country: "KR", region: "asia", downloads: 19_883_154, share: 0.0172 },
    { country: "JP", region: "asia", downloads: 5_407_297, share: 0.0047 },
    { country: "AE", region: "other", downloads: 6_922_613, share: 0.006 },
  ],
  topOrgs: withRegionShares(
    [
      { author: "Qwen", region: "china", downloads: 338_053_745, share: 0.293, modelCount: 71 },
      {
        author: "sentence-transformers",
        region: "europe",
        downloads: 277_466_444,
        share: 0.2405,
        modelCount: 38,
      },
      { author: "BAAI", region: "china", downloads: 77_460_810, share: 0.0671, modelCount: 19 },
      { author: "openai", region: "us", downloads: 69_509_837, share: 0.0602, modelCount: 9 },
      { author: "cross-encoder", region: "europe", downloads: 37_531_922, share: 0.0325, modelCount: 14 },
      { author: "meta-llama", region: "us", downloads: 29_080_888, share: 0.0252, modelCount: 17 },
      { author: "google", region: "us", downloads: 28_290_959, share: 0.0245, modelCount: 31 },
      { author: "pyannote", region: "europe", downloads: 24_094_472, share: 0.0209, modelCount: 6 },
      { author: "Falconsai", region: "unattributed", downloads: 23_176_008, share: 0.0201, modelCount: 3 },
      { author: "nomic-ai", region: "us", downloads: 22_081_067, share: 0.0191, modelCount: 7 },
      { author: "amazon", region: "us", downloads: 21_656_333, share: 0.0188, modelCount: 4 },
      { author: "deepseek-ai", region: "china", downloads: 17_502_719, share: 0.0152, modelCount: 12 },
    ],
    REGIONS,
  ),
  topModels: creditedToUploader([
    {
      id: "sentence-transformers/all-MiniLM-L6-v2",
      author: "sentence-transformers",
      region: "europe",
      downloads: 148_223_915,
      likes: 4_312,
      trendingScore: 41,
      createdAt: null,
      pipelineTag: "sentence-similarity",
      parameters: 22_713_216,
      downloadsRank: 1,
    },
    {
      id: "Qwen/Qwen2.5-VL-3B-Instruct",
      author: "Qwen",
      region: "china",
      downloads: 97_512_204,
      likes: 603,
      trendingScore: 12,
      createdAt: "2025-01-26T09:26:37.000Z",
      pipelineTag: "image-text-to-text",
      parameters: 3_754_622_976,
      downloadsRank: 2,
    },
    {
      id: "openai/clip-vit-large-patch14",
      author: "openai",
      region: "us",
      downloads: 41_871_306,
      likes: 1_812,
      trendingScore: 3,
      createdAt: null,
      pipelineTag: "zero-shot-image-classification",
      parameters: 427_616_513,
      downloadsRank: 3,
    },
  ]),
  newModels: creditedToUploader([
    {
      id: "deepseek-ai/DeepSeek-V4-Pro",
      author: "deepseek-ai",
      region: "china",
      downloads: 457_348,
      likes: 3_480,
      trendingScore: 504,
      createdAt: "2026-04-22T06:04:45.000Z",
      pipelineTag: "text-generation",
      parameters: 1_600_000_000_000,
      downloadsRank: 412,
    },
    {
      id: "XiaomiMiMo/MiMo-V2.5-Pro",
      author: "XiaomiMiMo",
      region: "china",
      downloads: 11_055,
      likes: 411,
      trendingScore: 397,
      createdAt: "2026-04-27T12:52:53.000Z",
      pipelineTag: "text-generation",
      parameters: null,
      downloadsRank: null,
    },
  ]),
  newModelsPerWeek: [
    {
      weekStart: "2026-03-09",
      total: 61,
      byRegion: { china: 19, us: 17, europe: 8, asia: 3, other: 1, unattributed: 13 },
    },
    {
      weekStart: "2026-03-16",
      total: 54,
      byRegion: { china: 16, us: 15, europe: 7, asia: 4, other: 0, unattributed: 12 },
    },
    {
      weekStart: "2026-03-23",
      total: 72,
      byRegion: { china: 25, us: 18, europe: 9, asia: 4, other: 1, unattributed: 15 },
    },
    {
      weekStart: "2026-03-30",
      total: 66,
      byRegion: { china: 22, us: 16, europe: 10, asia: 2, other: 1, unattributed: 15 },
    },
    {
      weekStart: "2026-04-06",
      total: 79,
      byRegion: { china: 29, us: 19, europe: 9, asia: 5, other: 1, unattributed: 16 },
    },
    {
      weekStart: "2026-04-13",
      total: 70,
      byRegion: { china: 24, us: 17, europe: 11, asia: 3, other: 0, unattributed: 15 },
    },
    {
      weekStart: "2026-04-20",
      total: 88,
      byRegion: { china: 34, us: 20, europe: 10, asia: 5, other: 2, unattributed: 17 },
    },
    {
      weekStart: "2026-04-27",
      total: 83,
      byRegion: { china: 31, us: 19, europe: 12, asia: 4, other: 1, unattributed: 16 },
    },
  ],
  sizeBuckets: measuredSizes([
    { bucket: "<1B", downloads: 533_041_183, share: 0.462, modelCount: 402 },
    { bucket: "1-10B", downloads: 355_360_789, share: 0.308, modelCount: 361 },
    { bucket: "10-100B", downloads: 93_455_272, share: 0.081, modelCount: 118 },
    { bucket: ">100B", downloads: 33_459_295, share: 0.029, modelCount: 27 },
    { bucket: "unknown", downloads: 138_452_256, share: 0.12, modelCount: 92 },
  ]),
  tasks: [
    { task: "sentence-similarity", family: "language", downloads: 332_087_623, share: 0.2878, newModels: 9 },
    {
      task: "image-text-to-text",
      family: "multimodal",
      downloads: 288_228_432,
      share: 0.2498,
      newModels: 61,
    },
    { task: "text-generation", family: "language", downloads: 164_442_853, share: 0.1425, newModels: 214 },
    { task: "feature-extraction", family: "language", downloads: 57_390_390, share: 0.0497, newModels: 14 },
    { task: "unknown", family: "other", downloads: 48_498_908, share: 0.042, newModels: 38 },
    {
      task: "zero-shot-image-classification",
      family: "vision",
      downloads: 46_618_434,
      share: 0.0404,
      newModels: 2,
    },
    { task: "text-ranking", family: "language", downloads: 39_084_453, share: 0.0339, newModels: 6 },
    {
      task: "automatic-speech-recognition",
      family: "audio",
      downloads: 32_863_751,
      share: 0.0285,
      newModels: 11,
    },
    { task: "image-classification", family: "vision", downloads: 23_176_008, share: 0.0201, newModels: 3 },
    {
      task: "time-series-forecasting",
      family: "science",
      downloads: 22_592_507,
      share: 0.0196,
      newModels: 4,
    },
    { task: "text-to-speech", family: "audio", downloads: 18_041_939, share: 0.0156, newModels: 17 },
    { task: "text-to-image", family: "vision", downloads: 8_155_501, share: 0.0071, newModels: 23 },
    { task: "robotics", family: "robotics", downloads: 2_099_786, share: 0.0018, newModels: 19 },
    { task: "reinforcement-learning", family: "robotics", downloads: 143, share: 0, newModels: 1 },
  ],
  families: [
    { family: "language", downloads: 598_127_614, share: 0.5184, modelCount: 512, newModels: 251 },
    { family: "vision", downloads: 83_950_352, share: 0.0728, modelCount: 121, newModels: 31 },
    { family: "audio", downloads: 61_085_139, share: 0.0529, modelCount: 74, newModels: 29 },
    { family: "multimodal", downloads: 299_532_209, share: 0.2596, modelCount: 141, newModels: 72 },
    { family: "robotics", downloads: 3_911_206, share: 0.0034, modelCount: 17, newModels: 23 },
    { family: "science", downloads: 24_963_052, share: 0.0216, modelCount: 21, newModels: 6 },
    { family: "other", downloads: 82_199_223, share: 0.0713, modelCount: 114, newModels: 38 },
  ],
  weekOverWeek: {
    ...exactWindow("2026-04-27T04:00:00.000Z", "2026-05-04T04:00:00.000Z"),
    regions: REGION_CHANGES,
    movers: moversOf(
      [
        { author: "Qwen", region: "china", share: 0.293, previousShare: 0.2702, changePp: 2.28 },
        { author: "openai", region: "us", share: 0.0602, previousShare: 0.0731, changePp: -1.29 },
      ],
      1_153_768_795,
      REGION_CHANGES,
    ),
    downloadsBetween: null,
  },
  history: [
    {
      asOf: "2026-04-25T04:00:00.000Z",
      shares: { china: 0.372, us: 0.221, europe: 0.309, asia: 0.025, other: 0.006, unattributed: 0.067 },
      orgs: chinaOrgsAt(0),
    },
    {
      asOf: "2026-04-26T04:00:00.000Z",
      shares: { china: 0.377, us: 0.219, europe: 0.307, asia: 0.025, other: 0.006, unattributed: 0.066 },
      orgs: chinaOrgsAt(1),
    },
    {
      asOf: "2026-04-27T04:00:00.000Z",
      shares: { china: 0.3793, us: 0.2159, europe: 0.3081, asia: 0.0248, other: 0.006, unattributed: 0.0659 },
      orgs: chinaOrgsAt(2),
    },
    {
      asOf: "2026-04-28T04:00:00.000Z",
      shares: { china: 0.381, us: 0.2162, europe: 0.3071, asia: 0.0247, other: 0.006, unattributed: 0.065 },
      orgs: chinaOrgsAt(3),
    },
    {
      asOf: "2026-04-29T04:00:00.000Z",
      shares: { china: 0.3901, us: 0.2098, europe: 0.3052, asia: 0.0246, other: 0.006, unattributed: 0.0643 },
      orgs: chinaOrgsAt(4),
    },
    {
      asOf: "2026-04-30T04:00:00.000Z",
      shares: { china: 0.3884, us: 0.2101, europe: 0.3068, asia: 0.0244, other: 0.006, unattributed: 0.0643 },
      orgs: chinaOrgsAt(5),
    },
    {
      asOf: "2026-05-01T04:00:00.000Z",
      shares: { china: 0.3932, us: 0.2057, europe: 0.3071, asia: 0.0243, other: 0.006, unattributed: 0.0637 },
      orgs: chinaOrgsAt(6),
    },
    {
      asOf: "2026-05-02T04:00:00.000Z",
      shares: { china: 0.3991, us: 0.2031, europe: 0.3045, asia: 0.0242, other: 0.006, unattributed: 0.0631 },
      orgs: chinaOrgsAt(7),
    },
    {
      asOf: "2026-05-03T04:00:00.000Z",
      shares: { china: 0.4013, us: 0.2006, europe: 0.3054, asia: 0.0241, other: 0.006, unattributed: 0.0626 },
      orgs: chinaOrgsAt(8),
    },
    {
      asOf: "2026-05-04T04:00:00.000Z",
      shares: { china: 0.405, us: 0.198, europe: 0.305, asia: 0.024, other: 0.006, unattributed: 0.062 },
      orgs: chinaOrgsAt(9),
    },
  ],
};

/** The same day as `/trends china` sees it: organisations and models of China only. */
export const chinaStats: TrendStats = {
  ...overviewStats,
  region: "china",
  topOrgs: withRegionShares(
    [
      { author: "Qwen", region: "china", downloads: 338_053_745, share: 0.293, modelCount: 71 },
      { author: "BAAI", region: "china", downloads: 77_460_810, share: 0.0671, modelCount: 19 },
      { author: "deepseek-ai", region: "china", downloads: 17_502_719, share: 0.0152, modelCount: 12 },
      { author: "zai-org", region: "china", downloads: 9_734_543, share: 0.0084, modelCount: 9 },
      { author: "XiaomiMiMo", region: "china", downloads: 4_186_022, share: 0.0036, modelCount: 5 },
      { author: "moonshotai", region: "china", downloads: 3_920_114, share: 0.0034, modelCount: 4 },
      { author: "tencent", region: "china", downloads: 3_301_877, share: 0.0029, modelCount: 11 },
      { author: "OpenGVLab", region: "china", downloads: 2_954_108, share: 0.0026, modelCount: 8 },
      // A long namespace, to check that names are shortened, not clipped.
      {
        author: "Shanghai-AI-Laboratory-InternLM",
        region: "china",
        downloads: 2_210_493,
        share: 0.0019,
        modelCount: 6,
      },
      { author: "MiniMaxAI", region: "china", downloads: 1_874_310, share: 0.0016, modelCount: 3 },
      { author: "stepfun-ai", region: "china", downloads: 1_102_774, share: 0.001, modelCount: 4 },
    ],
    REGIONS,
  ),
  topModels: overviewStats.topModels.filter((model) => model.region === "china"),
  // With a region asked, sizes, tasks and families cover that region's models only.
  sizeBuckets: measuredSizes([
    { bucket: "<1B", downloads: 121_491_854, share: 0.26, modelCount: 58 },
    { bucket: "1-10B", downloads: 229_632_245, share: 0.4914, modelCount: 117 },
    { bucket: "10-100B", downloads: 68_690_432, share: 0.147, modelCount: 49 },
    { bucket: ">100B", downloads: 24_165_901, share: 0.0517, modelCount: 19 },
    { bucket: "unknown", downloads: 23_295_930, share: 0.0499, modelCount: 19 },
  ]),
  tasks: [
    {
      task: "image-text-to-text",
      family: "multimodal",
      downloads: 201_370_522,
      share: 0.4309,
      newModels: 37,
    },
    { task: "text-generation", family: "language", downloads: 96_259_934, share: 0.206, newModels: 88 },
    { task: "feature-extraction", family: "language", downloads: 47_181_240, share: 0.101, newModels: 5 },
    { task: "sentence-similarity", family: "language", downloads: 41_064_131, share: 0.0879, newModels: 2 },
    { task: "text-ranking", family: "language", downloads: 27_409_177, share: 0.0587, newModels: 3 },
    { task: "any-to-any", family: "multimodal", downloads: 11_303_777, share: 0.0242, newModels: 4 },
    {
      task: "automatic-speech-recognition",
      family: "audio",
      downloads: 9_541_117,
      share: 0.0204,
      newModels: 3,
    },
    { task: "text-to-image", family: "vision", downloads: 6_104_488, share: 0.0131, newModels: 9 },
    { task: "image-to-video", family: "vision", downloads: 4_993_811, share: 0.0107, newModels: 6 },
    { task: "robotics", family: "robotics", downloads: 612_430, share: 0.0013, newModels: 7 },
  ],
  families: [
    { family: "language", downloads: 217_382_106, share: 0.4652, modelCount: 131, newModels: 101 },
    { family: "vision", downloads: 14_298_745, share: 0.0306, modelCount: 29, newModels: 17 },
    { family: "audio", downloads: 12_010_390, share: 0.0257, modelCount: 17, newModels: 6 },
    { family: "multimodal", downloads: 212_674_298, share: 0.4551, modelCount: 71, newModels: 43 },
    { family: "robotics", downloads: 1_046_300, share: 0.0022, modelCount: 6, newModels: 9 },
    { family: "science", downloads: 3_364_390, share: 0.0072, modelCount: 4, newModels: 2 },
    { family: "other", downloads: 6_500_133, share: 0.0139, modelCount: 4, newModels: 0 },
  ],
};

/** The first snapshot ever: one history point, nothing to compare with, few models, nothing new. */
export const firstSnapshotStats: TrendStats = {
  ...overviewStats,
  universe: universeOf(40, 12_345_678, "top-downloads"),
  coverage: 0.5,
  topOrgs: overviewStats.topOrgs.slice(0, 2),
  topModels: creditedToUploader([]),
  newModels: creditedToUploader([]),
  newModelsPerWeek: [],
  tasks: [],
  families: [],
  weekOverWeek: null,
  history: overviewStats.history.slice(-1),
};
