import { describe, expect, it } from "vitest";
import { REGION_COLORS } from "../../src/services/charts/palette.js";
import {
  MAX_RANKED,
  MAX_RANKED_NAME_CHARS,
  type RankingInput,
  rankingFromStats,
  rankingSpec,
  rankingTitle,
} from "../../src/services/charts/specs/ranking.js";
import type { ChartSpec } from "../../src/services/charts/types.js";
import { buildChartSpec } from "../../src/services/charts/views.js";
import { chinaStats, overviewStats } from "./fixtures.js";
import { containsFunction } from "./pixels.js";

const live: RankingInput = {
  kind: "ranking",
  subject: "datasets",
  metric: "likes",
  scope: {},
  items: [
    { name: "HuggingFaceFW/fineweb-edu", region: "us", value: 3210 },
    { name: "open-thoughts/OpenThoughts-114k-with-a-very-long-name", region: "unattributed", value: 1200 },
    { name: "BAAI/Infinity-Instruct", region: "china", value: 980 },
  ],
  source: { kind: "live", fetchedAt: "2026-05-04T04:10:00.000Z" },
};

const labelsOf = (spec: ChartSpec) => (spec.data.labels ?? []).map(String);

describe("ranking spec", () => {
  it("is plain data, unchanged by a JSON round trip, and the same for the same input", () => {
    for (const input of [live, rankingFromStats(overviewStats)]) {
      const before = structuredClone(input);
      const spec = rankingSpec(input, { locale: "zh-CN" });
      expect(containsFunction(spec)).toBe(false);
      expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(spec);
      expect(rankingSpec(structuredClone(input), { locale: "zh-CN" })).toStrictEqual(spec);
      expect(input).toStrictEqual(before);
    }
  });

  it("draws horizontal bars in the region colours, one dataset per region present, with a legend", () => {
    const spec = rankingSpec(live, { locale: "en-US" });
    expect(spec.options?.indexAxis).toBe("y");
    expect(spec.data.datasets.map((d) => d.label)).toEqual(["China", "United States", "Unattributed"]);
    expect(spec.data.datasets.map((d) => d.backgroundColor)).toEqual([
      REGION_COLORS.china,
      REGION_COLORS.us,
      REGION_COLORS.unattributed,
    ]);
    const us = spec.data.datasets.find((d) => d.label === "United States");
    expect(us?.data).toEqual([3210, null, null]);
    expect(spec.options?.plugins?.legend?.display).toBe(true);
  });

  it("pre-formats labels with the value, ellipsising long names", () => {
    const labels = labelsOf(rankingSpec(live, { locale: "en-US" }));
    expect(labels[0]).toBe("HuggingFaceFW/fineweb-edu 3.2K");
    const name = labels[1]?.split(" ")[0] ?? "";
    expect(Array.from(name)).toHaveLength(MAX_RANKED_NAME_CHARS);
    expect(name.endsWith("…")).toBe(true);
  });

  it("shows at most as many bars as fit the card", () => {
    const many: RankingInput = {
      ...live,
      items: Array.from({ length: 14 }, (_, i) => ({ name: `m${i}`, region: "europe", value: 100 - i })),
    };
    // One region: no legend, so the card has room for the most rows.
    expect(labelsOf(rankingSpec(many, { locale: "en-US" }))).toHaveLength(MAX_RANKED);
  });

  it("says when a live list was read, instead of a snapshot's universe and coverage", () => {
    const footer = (locale: "en-US" | "zh-CN") => {
      const text = rankingSpec(live, { locale }).options?.plugins?.subtitle?.text;
      return (Array.isArray(text) ? text : [String(text)]).join("|").replaceAll("\u00a0", " ");
    };
    expect(footer("en-US")).toBe("Source: Hugging Face Hub · read|live 2026-05-04 04:10 UTC");
    // The time is never broken across lines.
    expect(footer("zh-CN")).toBe("来源：Hugging Face Hub · 实时数据，读取|于 2026-05-04 04:10 UTC");
  });

  it("carries the snapshot footer for snapshot figures", () => {
    const text = rankingSpec(rankingFromStats(overviewStats), { locale: "en-US" }).options?.plugins?.subtitle
      ?.text;
    const footer = (Array.isArray(text) ? text : [String(text)]).join(" ").replaceAll("\u00a0", " ");
    expect(footer).toContain("Hugging Face Hub, 2026-05-04 04:00 UTC");
    expect(footer).toContain("94% attributed to a region");
  });

  it("titles the metric, the scope and the organisation in the locale", () => {
    expect(
      rankingTitle(
        { subject: "models", metric: "trending", scope: { region: "china", task: "robotics" } },
        "en-US",
      ),
    ).toBe("Top models by trending score · China · Robotics");
    expect(rankingTitle({ subject: "models", metric: "downloads", scope: { org: "Qwen" } }, "zh-CN")).toBe(
      "Qwen 下载量最高的模型",
    );
    expect(rankingTitle(live, "zh-CN")).toBe("点赞数最高的数据集");
  });

  it("ranks a TrendStats' top models by downloads through buildChartSpec, in its region", () => {
    const spec = buildChartSpec("ranking", chinaStats, { locale: "en-US" });
    expect(spec.options?.plugins?.title?.text).toEqual(["Top models by downloads · China"]);
    expect(labelsOf(spec)).toHaveLength(Math.min(MAX_RANKED, chinaStats.topModels.length));
    expect(() => buildChartSpec("orgs", live as never, { locale: "en-US" })).toThrow(TypeError);
  });
});
