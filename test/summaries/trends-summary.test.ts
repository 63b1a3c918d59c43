import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "../../src/services/format/locale.js";
import type { TrendStats } from "../../src/services/stats/types.js";
import { summariseTrends, TRENDS_SUMMARY_MAX_LENGTH } from "../../src/services/summaries/trends-summary.js";
import {
  AS_OF,
  absurdName,
  absurdNames,
  asiaWithoutModels,
  chinaWithoutWeekOverWeek,
  chinaWithWeekOverWeek,
  emptySnapshot,
  NOW,
  overviewWithoutWeekOverWeek,
  overviewWithWeekOverWeek,
  SUMMARY_FIXTURES,
} from "./fixtures.js";
import { expectTraceable } from "./trace.js";

const FIXTURES = SUMMARY_FIXTURES;

const CASES = Object.entries(FIXTURES).flatMap(([name, make]) =>
  LOCALES.map((locale) => ({ name, make, locale })),
);

function trends(stats: TrendStats, locale: Locale, now = NOW): string {
  return summariseTrends(stats, { locale, now }).text;
}

describe("summariseTrends golden texts", () => {
  it("leads a region's summary with its share, what was counted and the weekly change, then puts leader and mover in the region's own terms (en-US)", () => {
    expect(trends(chinaWithWeekOverWeek(), "en-US")).toBe(
      [
        "Chinese organisations: 41.2% of 30-day downloads of the top 1,000 models, credited to the base model's developer (+1.3 pp week over week).",
        "Top organisation: Qwen, 44.4% of the downloads of Chinese organisations.",
        "Biggest mover: deepseek-ai, +27% downloads, 23.8% of the downloads of Chinese organisations (+4.5 pp).",
        "New model: Qwen/Qwen3.6-35B-A3B, 2.6M downloads.",
        "Coverage 87.3% of downloads attributed · data from 3 h ago.",
      ].join("\n"),
    );
  });

  it("writes the same region summary as natural Chinese (zh-CN)", () => {
    expect(trends(chinaWithWeekOverWeek(), "zh-CN")).toBe(
      [
        "中国机构：在下载量前 1,000 的模型中占 30 天下载量的 41.2%（计入基础模型的开发者），周环比 +1.3 个百分点。",
        "头部机构：Qwen，占中国机构下载量的 44.4%。",
        "变化最大：deepseek-ai，下载量 +27%，占中国机构下载量的 23.8%（+4.5 个百分点）。",
        "新模型：Qwen/Qwen3.6-35B-A3B，257.6万次下载。",
        "覆盖率：87.3% 的下载量已归属地区 · 数据采集于 3 小时前。",
      ].join("\n"),
    );
  });

  it("leads the overview with the leading region, then ranks the rest and names each one's region (en-US)", () => {
    expect(trends(overviewWithWeekOverWeek(), "en-US")).toBe(
      [
        "China leads with 41.2% of 30-day downloads of the top 1,000 models, credited to the base model's developer (+1.3 pp week over week).",
        "Then United States 28.1%, Europe 12.0%, Asia-Pacific 4.5%, Other regions 1.5%.",
        "Top organisation: Qwen (China), 18.3% of all downloads.",
        "Biggest mover: deepseek-ai (China), +27% downloads, 9.8% of all downloads (+2.1 pp).",
        "New model: google/gemma-4-31B-it (United States), 7.9M downloads.",
        "Coverage 87.3% of downloads attributed · data from 3 h ago.",
      ].join("\n"),
    );
  });

  it("writes the overview in Chinese (zh-CN)", () => {
    expect(trends(overviewWithWeekOverWeek(), "zh-CN")).toBe(
      [
        "中国领先：在下载量前 1,000 的模型中占 30 天下载量的 41.2%（计入基础模型的开发者），周环比 +1.3 个百分点。",
        "其后依次为：美国 28.1%、欧洲 12.0%、亚太 4.5%、其他地区 1.5%。",
        "头部机构：Qwen（中国），占全部下载量的 18.3%。",
        "变化最大：deepseek-ai（中国），下载量 +27%，占全部下载量的 9.8%（+2.1 个百分点）。",
        "新模型：google/gemma-4-31B-it（美国），790.7万次下载。",
        "覆盖率：87.3% 的下载量已归属地区 · 数据采集于 3 小时前。",
      ].join("\n"),
    );
  });

  it("leaves out the weekly change and the mover when there is no week over week, and names a full snapshot's universe (en-US)", () => {
    expect(trends(chinaWithoutWeekOverWeek(), "en-US")).toBe(
      [
        "Chinese organisations: 41.2% of 30-day downloads of the 1,000 models of this snapshot, credited to the base model's developer.",
        "Top organisation: Qwen, 44.4% of the downloads of Chinese organisations.",
        "New model: Qwen/Qwen3.6-35B-A3B, 2.6M downloads.",
        "Coverage 87.3% of downloads attributed · data from 3 h ago.",
      ].join("\n"),
    );
  });

  it("does the same in Chinese (zh-CN)", () => {
    expect(trends(chinaWithoutWeekOverWeek(), "zh-CN")).toBe(
      [
        "中国机构：在本快照的 1,000 个模型中占 30 天下载量的 41.2%（计入基础模型的开发者）。",
        "头部机构：Qwen，占中国机构下载量的 44.4%。",
        "新模型：Qwen/Qwen3.6-35B-A3B，257.6万次下载。",
        "覆盖率：87.3% 的下载量已归属地区 · 数据采集于 3 小时前。",
      ].join("\n"),
    );
  });

  it("ranks the overview without a weekly change when there is no week over week (en-US)", () => {
    expect(trends(overviewWithoutWeekOverWeek(), "en-US")).toBe(
      [
        "China leads with 41.2% of 30-day downloads of the top 1,000 models, credited to the base model's developer.",
        "Then United States 28.1%, Europe 12.0%, Asia-Pacific 4.5%, Other regions 1.5%.",
        "Top organisation: Qwen (China), 18.3% of all downloads.",
        "New model: google/gemma-4-31B-it (United States), 7.9M downloads.",
        "Coverage 87.3% of downloads attributed · data from 3 h ago.",
      ].join("\n"),
    );
  });

  it("says there are no downloads instead of dividing by zero", () => {
    expect(trends(emptySnapshot(), "en-US")).toBe("No downloads in this snapshot.\nData from 3 h ago.");
    expect(trends(emptySnapshot(), "zh-CN")).toBe("本快照中没有下载数据。\n数据采集于 3 小时前。");
    expect(trends(emptySnapshot("china"), "en-US")).toBe(
      "Chinese organisations: no downloads in this snapshot.\nData from 3 h ago.",
    );
    expect(trends(emptySnapshot("china"), "zh-CN")).toBe(
      "中国机构：本快照中没有下载数据。\n数据采集于 3 小时前。",
    );
  });

  it("names no leading region when no download is attributed", () => {
    const stats = overviewWithoutWeekOverWeek();
    stats.regions = stats.regions.map((r) =>
      r.region === "unattributed"
        ? { ...r, downloads: stats.universe.totalDownloads, share: 1, modelCount: 1000 }
        : { ...r, downloads: 0, share: 0, modelCount: 0 },
    );
    stats.coverage = 0;
    stats.topOrgs = [];
    stats.newModels = [];
    expect(trends(stats, "en-US")).toBe(
      [
        "No region leads: of the 30-day downloads of the top 1,000 models, credited to the base model's developer, none is attributed to a region.",
        "Coverage 0.0% of downloads attributed · data from 3 h ago.",
      ].join("\n"),
    );
    expect(trends(stats, "zh-CN")).toBe(
      [
        "暂无领先地区：下载量前 1,000 的模型中，没有下载量归属到具体地区。",
        "覆盖率：0.0% 的下载量已归属地区 · 数据采集于 3 小时前。",
      ].join("\n"),
    );
  });

  it("says a region has none of the models, with its weekly change, rather than a bare 0.0%", () => {
    expect(trends(asiaWithoutModels(), "en-US")).toBe(
      [
        "Asia-Pacific organisations: none of the top 1,000 models (−4.5 pp week over week).",
        "Coverage 82.8% of downloads attributed · data from 3 h ago.",
      ].join("\n"),
    );
    expect(trends(asiaWithoutModels(), "zh-CN")).toBe(
      [
        "亚太机构：下载量前 1,000 的模型中没有该地区的模型，周环比 −4.5 个百分点。",
        "覆盖率：82.8% 的下载量已归属地区 · 数据采集于 3 小时前。",
      ].join("\n"),
    );
  });
});

describe("summariseTrends traceability and limits", () => {
  it.each(CASES)("every number is a fact traceable to the stats: $name, $locale", ({ make, locale }) => {
    const stats = make();
    const summary = summariseTrends(stats, { locale, now: NOW });
    expectTraceable(summary, stats, locale);
  });

  it.each(CASES)(
    `stays within ${TRENDS_SUMMARY_MAX_LENGTH} characters: $name, $locale`,
    ({ make, locale }) => {
      expect(trends(make(), locale).length).toBeLessThanOrEqual(TRENDS_SUMMARY_MAX_LENGTH);
    },
  );

  it("gives the same text for the same stats and clock", () => {
    const stats = overviewWithWeekOverWeek();
    expect(summariseTrends(stats, { locale: "en-US", now: NOW })).toEqual(
      summariseTrends(structuredClone(stats), { locale: "en-US", now: NOW }),
    );
  });

  it("cuts a 500-character model id to 60 characters, ending in an ellipsis", () => {
    const stats = chinaWithWeekOverWeek();
    const id = absurdName("Qwen/", 500);
    stats.newModels = stats.newModels.map((m, i) => (i === 0 ? { ...m, id } : m));
    const text = trends(stats, "en-US");
    const shown = `${id.slice(0, 59)}…`;
    expect(text).toContain(`New model: ${shown}, 2.6M downloads.`);
    expect(text).not.toContain(id.slice(0, 61));
    expect(text.length).toBeLessThanOrEqual(TRENDS_SUMMARY_MAX_LENGTH);
  });

  it("drops the least important lines (the new model, then the mover) rather than exceed the limit with wide-character names", () => {
    // 60 emoji are 120 UTF-16 units: names this wide overflow 600 unless lines are dropped.
    const wide = (prefix: string) => `${prefix}${"😀".repeat(500)}`;
    const stats = absurdNames();
    stats.topOrgs = stats.topOrgs.map((o) => ({ ...o, author: wide("org-") }));
    stats.newModels = stats.newModels.map((m) => ({ ...m, id: wide("new/") }));
    const wow = stats.weekOverWeek;
    if (wow === null) throw new Error("fixture has week over week");
    stats.weekOverWeek = { ...wow, movers: wow.movers.map((m) => ({ ...m, author: wide("mover-") })) };
    for (const locale of LOCALES) {
      const summary = summariseTrends(stats, { locale, now: NOW });
      expect(summary.text.length).toBeLessThanOrEqual(TRENDS_SUMMARY_MAX_LENGTH);
      const lines = summary.text.split("\n");
      expect(lines[0]).toMatch(/41\.2%/);
      expect(lines.at(-1)).toMatch(/87\.3%/);
      expectTraceable(summary, stats, locale);
    }
    // The headline says what was counted, so wide names leave room for the leader but not the mover.
    const en = trends(stats, "en-US");
    expect(en).toContain("Top organisation: org-");
    expect(en).not.toContain("Biggest mover:");
    expect(en).not.toContain("New model:");
    // With a narrow leader there is room for the mover again: it goes second, after the new model.
    stats.topOrgs = stats.topOrgs.map((o) => ({ ...o, author: "Qwen" }));
    const narrower = trends(stats, "en-US");
    expect(narrower).toContain("Biggest mover: mover-");
    expect(narrower).not.toContain("New model:");
  });

  it("keeps Hub names on one line: line breaks and bidi controls in a name are removed", () => {
    const stats = chinaWithWeekOverWeek();
    stats.topOrgs = stats.topOrgs.map((o, i) => (i === 0 ? { ...o, author: "Qw\nen\u202Eevil\u200B" } : o));
    const text = trends(stats, "en-US");
    expect(text).toContain("Top organisation: Qw enevil, 44.4% of the downloads of Chinese organisations.");
    expect(text.split("\n")).toHaveLength(5);
  });

  it("picks the mover with the largest absolute change even when movers are not sorted", () => {
    const stats = overviewWithWeekOverWeek();
    const wow = stats.weekOverWeek;
    if (wow === null) throw new Error("fixture has week over week");
    stats.weekOverWeek = { ...wow, movers: [...wow.movers].reverse() };
    expect(trends(stats, "en-US")).toContain(
      "Biggest mover: deepseek-ai (China), +27% downloads, 9.8% of all downloads (+2.1 pp).",
    );
  });

  it("does not call an organisation of another region the leader of the asked region", () => {
    const stats = chinaWithWeekOverWeek();
    stats.topOrgs = [...overviewWithWeekOverWeek().topOrgs].reverse();
    expect(trends(stats, "en-US")).toContain(
      "Top organisation: Qwen, 44.4% of the downloads of Chinese organisations.",
    );
  });
});

describe("summariseTrends data age", () => {
  const at = (iso: string) => new Date(iso);
  it.each([
    ["2026-05-04T04:10:20.000Z", "moments ago", "刚刚"],
    ["2026-05-04T04:55:59.000Z", "45 min ago", "45 分钟前"],
    ["2026-05-04T07:25:00.000Z", "3 h ago", "3 小时前"],
    ["2026-05-05T05:00:00.000Z", "1 day ago", "1 天前"],
    ["2026-05-09T04:10:00.000Z", "5 days ago", "5 天前"],
    // A snapshot stamped after the bot's clock is skew, not negative age.
    ["2026-05-04T04:00:00.000Z", "moments ago", "刚刚"],
  ])("at %s the data is %s", (now, en, zh) => {
    const stats = overviewWithWeekOverWeek();
    expect(trends(stats, "en-US", at(now))).toContain(`data from ${en}.`);
    const zhText = trends(stats, "zh-CN", at(now));
    expect(zhText).toContain(/^\d/.test(zh) ? `数据采集于 ${zh}。` : `数据采集于${zh}。`);
  });

  it("says the data age is unknown when asOf is not a date", () => {
    const stats = { ...overviewWithWeekOverWeek(), asOf: "not a date" };
    expect(trends(stats, "en-US")).toMatch(/· data age unknown\.$/);
    expect(trends(stats, "zh-CN")).toMatch(/· 数据时间未知。$/);
  });

  it("records the age as a fact on asOf", () => {
    const { facts } = summariseTrends(overviewWithWeekOverWeek(), { locale: "en-US", now: NOW });
    expect(facts).toContainEqual({ path: "asOf", value: Date.parse(AS_OF), rendered: "3 h ago" });
  });
});

describe("summariseTrends comparisons", () => {
  const withWindow = (
    patch: Partial<NonNullable<TrendStats["weekOverWeek"]>>,
    stats = chinaWithWeekOverWeek(),
  ) => {
    const wow = stats.weekOverWeek;
    if (wow === null) throw new Error("fixture has week over week");
    return { ...stats, weekOverWeek: { ...wow, ...patch } };
  };

  it("says the real span when the older snapshot is not the one asked for", () => {
    const stats = withWindow({ windowWeeks: 12, exact: false, spanMs: 15 * 86_400_000 });
    const [headline] = trends(stats, "en-US").split("\n");
    expect(headline).toMatch(/\(\+1\.3 pp since 27 Apr 2026 \(15 days\)\)\.$/);
    expect(trends(stats, "zh-CN").split("\n")[0]).toContain(
      "，自 2026年4月27日（15 天）以来变化 +1.3 个百分点。",
    );
    expectTraceable(summariseTrends(stats, { locale: "en-US", now: NOW }), stats, "en-US");
  });

  it("names an exact longer window by its weeks", () => {
    const stats = withWindow({ windowWeeks: 4, spanMs: 28 * 86_400_000 });
    expect(trends(stats, "en-US").split("\n")[0]).toMatch(/\(\+1\.3 pp over 4 weeks\)\.$/);
  });

  it("flags download counts the Hub has not refreshed instead of showing a flat week, and names no mover", () => {
    const stats = withWindow({ countsUnchanged: true });
    const text = trends(stats, "en-US");
    expect(text.split("\n")[0]).toMatch(
      /\(download counts unchanged since 27 Apr 2026: the Hub has not refreshed them\)\.$/,
    );
    expect(text).not.toContain("Biggest mover");
    expect(text).not.toContain("pp");
  });

  it("says 'no change' rather than ±0.0 pp", () => {
    const stats = withWindow({
      regions: chinaWithWeekOverWeek().weekOverWeek?.regions.map((r) => ({ ...r, changePp: 0.02 })) ?? [],
    });
    const [headline] = trends(stats, "en-US").split("\n");
    expect(headline).toMatch(/\(no change week over week\)\.$/);
    expect(headline).not.toContain("±");
  });

  it("never names the top organisation again as the biggest mover", () => {
    const stats = withWindow({
      movers: (chinaWithWeekOverWeek().weekOverWeek?.movers ?? []).map((m) =>
        m.author === "Qwen" ? { ...m, regionChangePp: 30 } : m,
      ),
    });
    const text = trends(stats, "en-US");
    expect(text).toContain("Top organisation: Qwen,");
    expect(text).toContain("Biggest mover: deepseek-ai,");
  });

  it("credits the uploader in words under the uploader method", () => {
    const stats = {
      ...overviewWithWeekOverWeek(),
      method: { by: "uploader", cohort: "generative" } as const,
    };
    expect(trends(stats, "en-US").split("\n")[0]).toContain(
      "of 30-day downloads of the generative models among the top 1,000, credited to the uploader",
    );
  });
});
