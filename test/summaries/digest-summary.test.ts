import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../../src/services/format/locale.js";
import type { TrendStats } from "../../src/services/stats/types.js";
import {
  DIGEST_SUMMARY_MAX_LENGTH,
  type DigestSummaryOptions,
  summariseDigest,
} from "../../src/services/summaries/digest-summary.js";
import {
  absurdName,
  absurdNames,
  asiaWithoutModels,
  chinaWithWeekOverWeek,
  emptySnapshot,
  NOW,
  overviewWithoutWeekOverWeek,
  overviewWithWeekOverWeek,
  SUMMARY_FIXTURES,
} from "./fixtures.js";
import { expectTraceable } from "./trace.js";

/** Two days after the snapshot, with the Hub down since six hours after it. */
const LATER = new Date("2026-05-06T09:00:00.000Z");
const HUB_DOWN_SINCE = new Date("2026-05-04T10:10:00.000Z");

const FIXTURES = SUMMARY_FIXTURES;

const VARIANTS: Record<string, Omit<DigestSummaryOptions, "locale">> = {
  fresh: { now: NOW },
  "hub unreachable, week label": { now: LATER, hubUnreachableSince: HUB_DOWN_SINCE, weekLabel: "2026-W19" },
  "absurd week label": {
    now: NOW,
    hubUnreachableSince: HUB_DOWN_SINCE,
    weekLabel: absurdName("2026-W19 ", 500),
  },
};

const CASES = Object.entries(FIXTURES).flatMap(([name, make]) =>
  LOCALES.flatMap((locale) =>
    Object.entries(VARIANTS).map(([variant, options]) => ({ name, make, locale, variant, options })),
  ),
);

function digest(
  stats: TrendStats,
  locale: Locale,
  options: Omit<DigestSummaryOptions, "locale"> = { now: NOW },
) {
  return summariseDigest(stats, { ...options, locale }).text;
}

describe("summariseDigest golden texts", () => {
  it("covers week and freshness, every region's share and change, movers, new models per region, tasks and size (en-US)", () => {
    expect(digest(overviewWithWeekOverWeek(), "en-US")).toBe(
      [
        "Weekly Hub trends · week ending 4 May 2026 · data from 3 h ago",
        "Share of 30-day downloads of the top 1,000 models, credited to the base model's developer, change week over week:",
        "China 41.2% (+1.3 pp)",
        "United States 28.1% (−0.8 pp)",
        "Europe 12.0% (+0.2 pp)",
        "Asia-Pacific 4.5%",
        "Other regions 1.5% (−0.1 pp)",
        "Unattributed 12.7% (−0.6 pp)",
        "Biggest movers, by share of all downloads: deepseek-ai (China) 9.8% (+2.1 pp, downloads +27%) · meta-llama (United States) 6.2% (−1.4 pp, downloads −18%) · mistralai (Europe) 3.1% (+0.9 pp, downloads +41%)",
        "New models · China: Qwen/Qwen3.6-35B-A3B (2.6M downloads), k2-fsa/OmniVoice (2.1M downloads)",
        "New models · United States: google/gemma-4-31B-it (7.9M downloads), google/gemma-4-26B-A4B-it (6.3M downloads)",
        "New models · Europe: black-forest-labs/FLUX.2-small-decoder (134.3K downloads)",
        "New models · Other regions: CohereLabs/cohere-transcribe-03-2026 (270.8K downloads)",
        "New models · Unattributed: HauhauCS/Qwen3.5-35B-A3B-Uncensored-HauhauCS-Aggressive (1.3M downloads)",
        "Top tasks by downloads: sentence-similarity 24.1% · text-generation 19.8% · image-text-to-text 17.6%",
        "Small deployable models (under 10B parameters): 68.6% of downloads; parameter count unknown for 14.7%",
      ].join("\n"),
    );
  });

  it("writes the same digest in Chinese (zh-CN)", () => {
    expect(digest(overviewWithWeekOverWeek(), "zh-CN")).toBe(
      [
        "Hub 趋势周报 · 截至 2026年5月4日的一周 · 数据采集于 3 小时前",
        "各地区在下载量前 1,000 的模型中的 30 天下载量占比（计入基础模型的开发者；括号内为周环比）：",
        "中国 41.2%（+1.3 个百分点）",
        "美国 28.1%（−0.8 个百分点）",
        "欧洲 12.0%（+0.2 个百分点）",
        "亚太 4.5%",
        "其他地区 1.5%（−0.1 个百分点）",
        "未归属 12.7%（−0.6 个百分点）",
        "变化最大的机构（占全部下载量）：deepseek-ai（中国）9.8%（+2.1 个百分点，下载量 +27%）、meta-llama（美国）6.2%（−1.4 个百分点，下载量 −18%）、mistralai（欧洲）3.1%（+0.9 个百分点，下载量 +41%）",
        "新模型 · 中国：Qwen/Qwen3.6-35B-A3B（257.6万次下载）、k2-fsa/OmniVoice（209万次下载）",
        "新模型 · 美国：google/gemma-4-31B-it（790.7万次下载）、google/gemma-4-26B-A4B-it（633.4万次下载）",
        "新模型 · 欧洲：black-forest-labs/FLUX.2-small-decoder（13.4万次下载）",
        "新模型 · 其他地区：CohereLabs/cohere-transcribe-03-2026（27.1万次下载）",
        "新模型 · 未归属：HauhauCS/Qwen3.5-35B-A3B-Uncensored-HauhauCS-Aggressive（134.5万次下载）",
        "下载量最高的任务：sentence-similarity 24.1%、text-generation 19.8%、image-text-to-text 17.6%",
        "参数量 10B 以下的可部署小模型：占下载量的 68.6%；另有 14.7% 的下载量参数量未知",
      ].join("\n"),
    );
  });

  it("says the Hub is unreachable and the figures are from the last good snapshot, under the caller's week label (en-US)", () => {
    const options = { now: LATER, hubUnreachableSince: HUB_DOWN_SINCE, weekLabel: "2026-W19" };
    expect(digest(overviewWithoutWeekOverWeek(), "en-US", options)).toBe(
      [
        "Weekly Hub trends · 2026-W19 · data from 2 days ago",
        "Note: the Hub has been unreachable since 4 May 2026, 10:10 UTC; these figures are from the last good snapshot, taken 4 May 2026, 04:10 UTC.",
        "Share of 30-day downloads of the top 1,000 models, credited to the base model's developer (no older snapshot to compare with yet):",
        "China 41.2%",
        "United States 28.1%",
        "Europe 12.0%",
        "Asia-Pacific 4.5%",
        "Other regions 1.5%",
        "Unattributed 12.7%",
        "New models · China: Qwen/Qwen3.6-35B-A3B (2.6M downloads), k2-fsa/OmniVoice (2.1M downloads)",
        "New models · United States: google/gemma-4-31B-it (7.9M downloads), google/gemma-4-26B-A4B-it (6.3M downloads)",
        "New models · Europe: black-forest-labs/FLUX.2-small-decoder (134.3K downloads)",
        "New models · Other regions: CohereLabs/cohere-transcribe-03-2026 (270.8K downloads)",
        "New models · Unattributed: HauhauCS/Qwen3.5-35B-A3B-Uncensored-HauhauCS-Aggressive (1.3M downloads)",
        "Top tasks by downloads: sentence-similarity 24.1% · text-generation 19.8% · image-text-to-text 17.6%",
        "Small deployable models (under 10B parameters): 68.6% of downloads; parameter count unknown for 14.7%",
      ].join("\n"),
    );
  });

  it("says so in Chinese too (zh-CN)", () => {
    const options = { now: LATER, hubUnreachableSince: HUB_DOWN_SINCE, weekLabel: "2026-W19" };
    expect(digest(overviewWithoutWeekOverWeek(), "zh-CN", options)).toBe(
      [
        "Hub 趋势周报 · 2026-W19 · 数据采集于 2 天前",
        "注意：自 2026年5月4日 10:10 UTC 起无法访问 Hugging Face Hub，以下数据来自最近一次成功获取的快照（2026年5月4日 04:10 UTC）。",
        "各地区在下载量前 1,000 的模型中的 30 天下载量占比（计入基础模型的开发者；暂无更早的快照可比）：",
        "中国 41.2%",
        "美国 28.1%",
        "欧洲 12.0%",
        "亚太 4.5%",
        "其他地区 1.5%",
        "未归属 12.7%",
        "新模型 · 中国：Qwen/Qwen3.6-35B-A3B（257.6万次下载）、k2-fsa/OmniVoice（209万次下载）",
        "新模型 · 美国：google/gemma-4-31B-it（790.7万次下载）、google/gemma-4-26B-A4B-it（633.4万次下载）",
        "新模型 · 欧洲：black-forest-labs/FLUX.2-small-decoder（13.4万次下载）",
        "新模型 · 其他地区：CohereLabs/cohere-transcribe-03-2026（27.1万次下载）",
        "新模型 · 未归属：HauhauCS/Qwen3.5-35B-A3B-Uncensored-HauhauCS-Aggressive（134.5万次下载）",
        "下载量最高的任务：sentence-similarity 24.1%、text-generation 19.8%、image-text-to-text 17.6%",
        "参数量 10B 以下的可部署小模型：占下载量的 68.6%；另有 14.7% 的下载量参数量未知",
      ].join("\n"),
    );
  });

  it("names the region in focus, gives movers in its own terms and says task and size shares are of its organisations' downloads (en-US)", () => {
    expect(digest(chinaWithWeekOverWeek(), "en-US")).toBe(
      [
        "Weekly Hub trends · China · week ending 4 May 2026 · data from 3 h ago",
        "Share of 30-day downloads of the top 1,000 models, credited to the base model's developer, change week over week:",
        "China 41.2% (+1.3 pp)",
        "United States 28.1% (−0.8 pp)",
        "Europe 12.0% (+0.2 pp)",
        "Asia-Pacific 4.5%",
        "Other regions 1.5% (−0.1 pp)",
        "Unattributed 12.7% (−0.6 pp)",
        "Biggest movers, by share of the downloads of Chinese organisations: deepseek-ai 23.8% (+4.5 pp, downloads +27%) · Qwen 44.4% (+0.3 pp, downloads +4%)",
        "New models · China: Qwen/Qwen3.6-35B-A3B (2.6M downloads), k2-fsa/OmniVoice (2.1M downloads)",
        "Top tasks by downloads among Chinese organisations: text-generation 33.4% · image-text-to-text 29.1% · feature-extraction 14.2%",
        "Small deployable models (under 10B parameters): 71.3% of downloads among Chinese organisations; parameter count unknown for 7.8%",
      ].join("\n"),
    );
  });

  it("scopes the same lines in Chinese (zh-CN)", () => {
    const lines = digest(chinaWithWeekOverWeek(), "zh-CN").split("\n");
    expect(lines[0]).toBe("Hub 趋势周报 · 中国 · 截至 2026年5月4日的一周 · 数据采集于 3 小时前");
    expect(lines.slice(-2)).toEqual([
      "中国机构下载量最高的任务：text-generation 33.4%、image-text-to-text 29.1%、feature-extraction 14.2%",
      "参数量 10B 以下的可部署小模型：占中国机构下载量的 71.3%；另有 7.8% 的下载量参数量未知",
    ]);
  });

  it("says there are no downloads instead of dividing by zero", () => {
    expect(digest(emptySnapshot(), "en-US")).toBe(
      "Weekly Hub trends · week ending 4 May 2026 · data from 3 h ago\nNo downloads in this snapshot.",
    );
    expect(digest(emptySnapshot(), "zh-CN")).toBe(
      "Hub 趋势周报 · 截至 2026年5月4日的一周 · 数据采集于 3 小时前\n本快照中没有下载数据。",
    );
  });

  it("shows a region with no models at 0.0% with its fall, and says when there are no new models", () => {
    const text = digest(asiaWithoutModels(), "en-US");
    expect(text).toContain("\nAsia-Pacific 0.0% (−4.5 pp)\n");
    expect(text).toContain("\nNo notable new models in this snapshot.\n");
    expect(text).not.toContain("Biggest movers");
  });
});

describe("summariseDigest traceability and limits", () => {
  it.each(CASES)(
    "every number is a fact traceable to the stats or the options: $name, $locale, $variant",
    ({ make, locale, options }) => {
      const stats = make();
      const summary = summariseDigest(stats, { ...options, locale });
      expectTraceable(summary, stats, locale, options);
    },
  );

  it.each(CASES)(
    `stays within ${DIGEST_SUMMARY_MAX_LENGTH} characters: $name, $locale, $variant`,
    ({ make, locale, options }) => {
      expect(digest(make(), locale, options).length).toBeLessThanOrEqual(DIGEST_SUMMARY_MAX_LENGTH);
    },
  );

  it("records the Hub outage as a fact on the options", () => {
    const { facts } = summariseDigest(overviewWithWeekOverWeek(), {
      locale: "en-US",
      now: LATER,
      hubUnreachableSince: HUB_DOWN_SINCE,
    });
    expect(facts).toContainEqual({
      path: "options.hubUnreachableSince",
      value: HUB_DOWN_SINCE.getTime(),
      rendered: "4 May 2026, 10:10 UTC",
    });
  });

  it.each([
    [
      "en-US",
      "hub-implausible",
      "Note: every Hub answer since 4 May 2026, 10:10 UTC was refused as implausible;",
    ],
    [
      "en-US",
      "storage",
      "Note: no new snapshot could be saved since 4 May 2026, 10:10 UTC (the bot's storage refuses writes);",
    ],
    ["zh-CN", "storage", "起无法保存新快照（机器人的存储拒绝写入）"],
  ] as const)(
    "says why collections fail (%s, %s), not that the Hub is down when the disk is full",
    (locale, kind, said) => {
      const text = digest(overviewWithWeekOverWeek(), locale, {
        now: LATER,
        hubUnreachableSince: HUB_DOWN_SINCE,
        collectionFailure: kind,
      });
      expect(text).toContain(said);
      expect(text).not.toMatch(/unreachable|无法访问/);
    },
  );

  it("adds no outage line when hubUnreachableSince is null", () => {
    const text = digest(overviewWithWeekOverWeek(), "en-US", { now: NOW, hubUnreachableSince: null });
    expect(text).not.toContain("unreachable");
    expect(text).toBe(digest(overviewWithWeekOverWeek(), "en-US"));
  });

  it("cuts 500-character names to 60 and first shows one new model per region, then drops new-model lines, to stay within the limit", () => {
    const options = {
      now: NOW,
      hubUnreachableSince: HUB_DOWN_SINCE,
      weekLabel: absurdName("2026-W19 ", 500),
    };
    const text = digest(absurdNames(), "en-US", options);
    expect(text.length).toBeLessThanOrEqual(DIGEST_SUMMARY_MAX_LENGTH);
    const newModelLines = text.split("\n").filter((l) => l.startsWith("New models · "));
    expect(newModelLines.length).toBeGreaterThan(0);
    for (const l of newModelLines) expect(l.match(/downloads\)/g)).toHaveLength(1);
    expect(newModelLines.at(-1)).toMatch(/^New models · Europe: /);
    expect(text).toContain(`${"org0/new-model-".padEnd(59, "x")}… (7.9M downloads)`);
    // The header says what was counted, so one more new-model line goes than when it did not.
    // Region shares, the outage note, tasks and size all survive.
    expect(text).toContain("\nUnattributed 12.7% (−0.6 pp)\n");
    expect(text).toContain("Note: the Hub has been unreachable");
    expect(text).toMatch(/Small deployable models .*$/);
  });

  it("stays within the limit with wide-character names, and still keeps every region's line", () => {
    const wide = (prefix: string) => `${prefix}${"😀".repeat(500)}`;
    const stats = absurdNames();
    stats.newModels = stats.newModels.map((m) => ({ ...m, id: wide("new/") }));
    stats.tasks = stats.tasks.map((t) => ({ ...t, task: wide("task-") }));
    const wow = stats.weekOverWeek;
    if (wow === null) throw new Error("fixture has week over week");
    stats.weekOverWeek = { ...wow, movers: wow.movers.map((m) => ({ ...m, author: wide("mover-") })) };
    for (const locale of LOCALES) {
      const options = { now: NOW, hubUnreachableSince: HUB_DOWN_SINCE, weekLabel: wide("week ") };
      const summary = summariseDigest(stats, { ...options, locale });
      expect(summary.text.length).toBeLessThanOrEqual(DIGEST_SUMMARY_MAX_LENGTH);
      expect(summary.facts.filter((f) => f.path.startsWith("regions["))).toHaveLength(6);
      expectTraceable(summary, stats, locale, options);
    }
  });

  it("lists at most two new models per region, most downloaded first, regions in their fixed order", () => {
    const stats = overviewWithWeekOverWeek();
    stats.newModels = [...stats.newModels].reverse();
    const lines = digest(stats, "en-US")
      .split("\n")
      .filter((l) => l.startsWith("New models · "));
    expect(lines).toEqual([
      "New models · China: Qwen/Qwen3.6-35B-A3B (2.6M downloads), k2-fsa/OmniVoice (2.1M downloads)",
      "New models · United States: google/gemma-4-31B-it (7.9M downloads), google/gemma-4-26B-A4B-it (6.3M downloads)",
      "New models · Europe: black-forest-labs/FLUX.2-small-decoder (134.3K downloads)",
      "New models · Other regions: CohereLabs/cohere-transcribe-03-2026 (270.8K downloads)",
      "New models · Unattributed: HauhauCS/Qwen3.5-35B-A3B-Uncensored-HauhauCS-Aggressive (1.3M downloads)",
    ]);
  });

  it("names untagged downloads as such among the top tasks", () => {
    const stats = overviewWithWeekOverWeek();
    stats.tasks = stats.tasks.map((t) => (t.task === "unknown" ? { ...t, share: 0.5 } : t));
    expect(digest(stats, "en-US")).toContain(
      "Top tasks by downloads: untagged 50.0% · sentence-similarity 24.1%",
    );
    expect(digest(stats, "zh-CN")).toContain("下载量最高的任务：未标注任务 50.0%、sentence-similarity 24.1%");
  });

  it("falls back to the snapshot's date when the week label is blank", () => {
    const text = digest(overviewWithWeekOverWeek(), "en-US", { now: NOW, weekLabel: " \n " });
    expect(text.split("\n")[0]).toBe("Weekly Hub trends · week ending 4 May 2026 · data from 3 h ago");
  });

  it("leaves the size line out when the size buckets are missing", () => {
    const stats = { ...overviewWithWeekOverWeek(), sizeBuckets: [] };
    expect(digest(stats, "en-US")).not.toContain("Small deployable models");
  });
});

describe("summariseDigest comparisons", () => {
  it("says the real span in its header when the older snapshot is not a week old", () => {
    const stats = overviewWithWeekOverWeek();
    const wow = stats.weekOverWeek;
    if (wow === null) throw new Error("fixture has week over week");
    stats.weekOverWeek = { ...wow, exact: false, spanMs: 3 * 86_400_000 };
    expect(digest(stats, "en-US").split("\n")[1]).toBe(
      "Share of 30-day downloads of the top 1,000 models, credited to the base model's developer, change since 27 Apr 2026 (3 days):",
    );
    expectTraceable(summariseDigest(stats, { locale: "en-US", now: NOW }), stats, "en-US");
  });

  it("shows no changes and no movers when the Hub had not refreshed the counts", () => {
    const stats = overviewWithWeekOverWeek();
    const wow = stats.weekOverWeek;
    if (wow === null) throw new Error("fixture has week over week");
    stats.weekOverWeek = { ...wow, countsUnchanged: true };
    const lines = digest(stats, "en-US").split("\n");
    expect(lines[1]).toBe(
      "Share of 30-day downloads of the top 1,000 models, credited to the base model's developer (download counts unchanged since 27 Apr 2026: the Hub has not refreshed them):",
    );
    expect(lines[2]).toBe("China 41.2%");
    expect(lines.some((l) => l.startsWith("Biggest movers"))).toBe(false);
  });
});
