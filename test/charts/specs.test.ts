import { describe, expect, it } from "vitest";
import { DARK_THEME, LIGHT_THEME, REGION_COLORS } from "../../src/services/charts/palette.js";
import { MAX_NAME_CHARS } from "../../src/services/charts/specs/common.js";
import { compareOrgs, compareRegions } from "../../src/services/charts/specs/compare.js";
import { taskRows } from "../../src/services/charts/specs/tasks.js";
import type { ChartSpec } from "../../src/services/charts/types.js";
import type { ChartInputs, ChartView } from "../../src/services/charts/views.js";
import { buildChartSpec, CHART_VIEWS, isChartView } from "../../src/services/charts/views.js";
import { LOCALES } from "../../src/services/format/locale.js";
import type { TrendStats } from "../../src/services/stats/types.js";
import { chinaStats, overviewStats } from "./fixtures.js";
import { containsFunction, stringsIn } from "./pixels.js";

const HAN = /\p{Script=Han}/u;
const ALL_UNATTRIBUTED = { china: 0, us: 0, europe: 0, asia: 0, other: 0, unattributed: 1 };

function inputFor(view: ChartView, stats: TrendStats = chinaStats): ChartInputs[ChartView] {
  return view === "compare" ? compareRegions(stats, "china", "us") : stats;
}

function viewNamed(name: string): ChartView {
  if (!isChartView(name)) throw new Error(`${name} is not a view`);
  return name;
}

function labelsOf(spec: ChartSpec): string[] {
  return (spec.data.labels ?? []).map((label) => (Array.isArray(label) ? label.join(" ") : label));
}

describe("chart specs", () => {
  for (const view of CHART_VIEWS) {
    for (const locale of LOCALES) {
      describe(`${view} in ${locale}`, () => {
        const spec = buildChartSpec(view, inputFor(view), { locale });

        it("has a title, a footer saying what was counted, the source, snapshot time and coverage, and a background", () => {
          const plugins = spec.options?.plugins;
          expect(plugins?.title?.display).toBe(true);
          expect(String(plugins?.title?.text ?? "").length).toBeGreaterThan(5);
          expect(plugins?.subtitle?.position).toBe("bottom");
          const lines = plugins?.subtitle?.text;
          expect(Array.isArray(lines) && lines.length).toBe(2);
          const footer = String(lines);
          expect(footer).toContain(
            locale === "zh-CN"
              ? "下载量前 1,000 的模型的 30 天下载量，计入基础模型的开发者"
              : "30-day downloads of the top 1,000 models, credited to the base model's developer",
          );
          expect(footer).toContain("Hugging Face Hub");
          expect(footer).toContain("2026-05-04 04:00 UTC");
          expect(footer).toContain("94%");
          expect(plugins?.background?.color).toBe(DARK_THEME.background);
        });

        it("titles both axes", () => {
          const scales = spec.options?.scales ?? {};
          expect(Object.keys(scales).sort()).toEqual(["x", "y"]);
          for (const scale of Object.values(scales)) {
            const title = scale && "title" in scale ? scale.title : undefined;
            expect(title?.display).toBe(true);
            expect(String(title?.text ?? "").length).toBeGreaterThan(0);
          }
        });

        it("is plain data: no functions, and unchanged by a JSON round trip", () => {
          expect(containsFunction(spec)).toBe(false);
          expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(spec);
        });

        it(locale === "zh-CN" ? "writes its title and axis titles in Chinese" : "writes no Chinese", () => {
          const scales = Object.values(spec.options?.scales ?? {});
          const texts = [
            String(spec.options?.plugins?.title?.text ?? ""),
            ...scales.map((scale) => String(scale && "title" in scale ? scale.title?.text : "")),
          ];
          for (const text of texts) expect(HAN.test(text), text).toBe(locale === "zh-CN");
        });
      });
    }
  }

  it("returns deep-equal configs for equal input and leaves the input untouched", () => {
    for (const view of CHART_VIEWS) {
      const input = inputFor(view);
      const before = structuredClone(input);
      const first = buildChartSpec(view, input, { locale: "zh-CN", theme: LIGHT_THEME });
      const second = buildChartSpec(view, structuredClone(input), { locale: "zh-CN", theme: LIGHT_THEME });
      expect(second).toStrictEqual(first);
      expect(input).toStrictEqual(before);
    }
  });

  it("uses the theme's colours for the card and text", () => {
    const spec = buildChartSpec("regions", overviewStats, { locale: "en-US", theme: LIGHT_THEME });
    expect(spec.options?.plugins?.background?.color).toBe(LIGHT_THEME.background);
    expect(spec.options?.plugins?.title?.color).toBe(LIGHT_THEME.title);
  });

  it("refuses an input of the wrong kind for the view", () => {
    // Views known only at run time (from a command option), so the types cannot catch the mix-up.
    const compare = viewNamed("compare");
    const regions = viewNamed("regions");
    expect(() => buildChartSpec(compare, overviewStats, { locale: "en-US" })).toThrow(TypeError);
    expect(() =>
      buildChartSpec(regions, compareRegions(overviewStats, "china", "us"), { locale: "en-US" }),
    ).toThrow(TypeError);
  });
});

describe("region colours", () => {
  it("colour each region's bar in the regions chart with that region's colour, in the fixed order", () => {
    const spec = buildChartSpec("regions", overviewStats, { locale: "en-US" });
    expect(spec.data.datasets[0]?.backgroundColor).toEqual(
      overviewStats.regions.map((row) => REGION_COLORS[row.region]),
    );
  });

  it("are the same in the history, new-models and orgs charts", () => {
    for (const view of ["history", "new-models", "orgs"] as const) {
      const spec = buildChartSpec(view, overviewStats, { locale: "zh-CN" });
      for (const dataset of spec.data.datasets) {
        const region = Object.entries(REGION_COLORS).find(
          ([, color]) => color === dataset.backgroundColor,
        )?.[0];
        expect(region, `${view}: ${dataset.label}`).toBeDefined();
      }
      expect(spec.data.datasets.map((dataset) => dataset.label)).toContain("中国");
    }
  });

  it("draw each organisation in its region's dataset only", () => {
    const spec = buildChartSpec("orgs", overviewStats, { locale: "en-US" });
    const china = spec.data.datasets.find((dataset) => dataset.label === "China");
    const qwenRow = labelsOf(spec).findIndex((label) => label.startsWith("Qwen"));
    const openaiRow = labelsOf(spec).findIndex((label) => label.startsWith("openai"));
    expect(china?.data[qwenRow]).toBe(338_053_745);
    expect(china?.data[openaiRow]).toBeNull();
  });
});

describe("labels", () => {
  it("write shares and week-over-week changes into the region labels", () => {
    const spec = buildChartSpec("regions", overviewStats, { locale: "en-US" });
    expect(labelsOf(spec)[0]).toBe("China  40.5% (+2.6 pp)");
    expect(labelsOf(spec)[1]).toBe("United States  19.8% (−1.8 pp)");
  });

  it("format downloads compactly for the locale, with the share of the region under a region", () => {
    expect(labelsOf(buildChartSpec("orgs", chinaStats, { locale: "en-US" }))[0]).toBe("Qwen  338.1M · 72%");
    expect(labelsOf(buildChartSpec("orgs", chinaStats, { locale: "zh-CN" }))[0]).toBe("Qwen  3.4亿 · 72%");
    expect(labelsOf(buildChartSpec("orgs", overviewStats, { locale: "en-US" }))[0]).toBe("Qwen  338.1M");
  });

  it("ellipsise long organisation names", () => {
    const labels = labelsOf(buildChartSpec("orgs", chinaStats, { locale: "en-US" }));
    const long = labels.find((label) => label.startsWith("Shanghai"));
    const name = long?.split("  ")[0] ?? "";
    expect(name.endsWith("…")).toBe(true);
    expect(Array.from(name).length).toBe(MAX_NAME_CHARS);
  });

  it("shows at most ten organisations", () => {
    expect(chinaStats.topOrgs.length).toBeGreaterThan(10);
    expect(labelsOf(buildChartSpec("orgs", chinaStats, { locale: "en-US" }))).toHaveLength(10);
  });

  it("name weeks and days in the locale, in UTC", () => {
    expect(labelsOf(buildChartSpec("new-models", chinaStats, { locale: "en-US" }))[0]).toBe("Mar 9");
    expect(labelsOf(buildChartSpec("new-models", chinaStats, { locale: "zh-CN" }))[0]).toBe("3月9日");
  });

  it("add the time to history labels when two snapshots fall on one day", () => {
    const stats: TrendStats = {
      ...overviewStats,
      history: [
        { asOf: "2026-05-04T04:00:00.000Z", shares: overviewStats.history[0]?.shares ?? ALL_UNATTRIBUTED },
        { asOf: "2026-05-04T16:00:00.000Z", shares: overviewStats.history[0]?.shares ?? ALL_UNATTRIBUTED },
      ],
    };
    const labels = labelsOf(buildChartSpec("history", stats, { locale: "en-US" }));
    expect(new Set(labels).size).toBe(2);
    expect(labels[1]).toContain("16:00");
  });

  it("centre a lone history snapshot instead of leaving it on the left edge", () => {
    const lone = buildChartSpec(
      "history",
      { ...overviewStats, history: overviewStats.history.slice(-1) },
      { locale: "en-US" },
    );
    const many = buildChartSpec("history", overviewStats, { locale: "en-US" });
    expect(lone.options?.scales?.x).toMatchObject({ offset: true });
    expect(many.options?.scales?.x).toMatchObject({ offset: false });
  });

  it("translate task names and the size bucket for unknown sizes in zh-CN", () => {
    const tasks = labelsOf(buildChartSpec("tasks", overviewStats, { locale: "zh-CN" }));
    expect(tasks[0]).toBe("句子相似度  28.8%");
    const sizes = buildChartSpec("sizes", overviewStats, { locale: "zh-CN" }).data.labels;
    expect(sizes?.at(-1)).toEqual(["未知", "12.0%"]);
  });

  it("hold no Chinese anywhere in en-US data labels", () => {
    for (const view of CHART_VIEWS) {
      const spec = buildChartSpec(view, inputFor(view, overviewStats), { locale: "en-US" });
      expect(stringsIn(spec.data).filter((text) => HAN.test(text))).toEqual([]);
    }
  });
});

describe("tasks chart", () => {
  it("calls out robotics and science with their family totals even when no tag of theirs is in the top", () => {
    const rows = taskRows(overviewStats);
    expect(rows.filter((row) => row.kind === "task")).toHaveLength(8);
    expect(rows.some((row) => row.kind === "task" && row.stat.family === "robotics")).toBe(false);
    expect(rows.slice(-2).map((row) => (row.kind === "family" ? row.stat.family : row.stat.task))).toEqual([
      "robotics",
      "science",
    ]);
  });

  it("puts robotics and science in their own datasets, with their new models in the label", () => {
    const spec = buildChartSpec("tasks", overviewStats, { locale: "en-US" });
    expect(spec.data.datasets.map((dataset) => dataset.label)).toEqual(["Tasks", "Robotics", "Science"]);
    expect(labelsOf(spec).at(-2)).toBe("Robotics (all models)  0.3% · 23 new");
  });
});

describe("compare", () => {
  it("derives two regions' shares of downloads, models and new models", () => {
    const input = compareRegions(overviewStats, "china", "us");
    expect(input.sides[0].values.downloads).toBe(0.405);
    expect(input.sides[0].values.models).toBeCloseTo(262 / 1000);
    const newTotal = overviewStats.newModelsPerWeek.reduce((sum, week) => sum + week.total, 0);
    const newChina = overviewStats.newModelsPerWeek.reduce((sum, week) => sum + week.byRegion.china, 0);
    expect(input.sides[0].values.newModels).toBeCloseTo(newChina / newTotal);
  });

  it("returns null when an organisation is not among the top ones, and matches names case-insensitively", () => {
    expect(compareOrgs(overviewStats, "Qwen", "nobody")).toBeNull();
    const input = compareOrgs(overviewStats, "qwen", "OPENAI");
    expect(input?.sides.map((side) => side.name)).toEqual(["Qwen", "openai"]);
    expect(input?.sides[0].values.regionDownloads).toBeCloseTo(338_053_745 / 467_276_362);
  });

  it("tells two organisations of one region apart by a paler fill in the same colour", () => {
    const input = compareOrgs(overviewStats, "Qwen", "deepseek-ai");
    if (input === null) throw new Error("fixture lacks the organisations");
    const [a, b] = buildChartSpec("compare", input, { locale: "en-US" }).data.datasets;
    expect(a?.backgroundColor).toBe(REGION_COLORS.china);
    expect(b?.borderColor).toBe(REGION_COLORS.china);
    expect(b?.backgroundColor).not.toBe(REGION_COLORS.china);
  });

  it("writes both values under each pair", () => {
    const spec = buildChartSpec("compare", compareRegions(overviewStats, "china", "us"), { locale: "zh-CN" });
    expect(spec.data.labels?.[0]).toEqual(["下载量占比", "40.5% 对 19.8%"]);
  });
});

describe("sizes chart", () => {
  it("stacks the sizes estimated from names on the measured ones, with a legend saying which is which", () => {
    const stats: TrendStats = {
      ...overviewStats,
      sizeBuckets: overviewStats.sizeBuckets.map((b) =>
        b.bucket === "1-10B" ? { ...b, estimatedDownloads: 55_360_789 } : b,
      ),
    };
    const spec = buildChartSpec("sizes", stats, { locale: "en-US" });
    expect(spec.data.datasets.map((d) => d.label)).toEqual([
      "Size from the weights' metadata",
      "Size estimated from the name",
    ]);
    expect(spec.data.datasets[1]?.data[1]).toBe(55_360_789);
    expect(spec.data.datasets[0]?.data[1]).toBe(300_000_000);
    expect(spec.options?.plugins?.legend?.display).toBe(true);
  });

  it("leaves out the unknown bar and says how much is unknown when it is most of the downloads", () => {
    const stats: TrendStats = {
      ...overviewStats,
      sizeBuckets: overviewStats.sizeBuckets.map((b) =>
        b.bucket === "unknown" ? { ...b, share: 0.62 } : { ...b, share: b.share / 3 },
      ),
    };
    const spec = buildChartSpec("sizes", stats, { locale: "en-US" });
    expect(labelsOf(spec).some((label) => label.startsWith("Unknown"))).toBe(false);
    expect(spec.options?.plugins?.title?.text).toBe(
      "Downloads by model size (size unknown for 62.0%, not shown)",
    );
    expect(buildChartSpec("sizes", stats, { locale: "zh-CN" }).options?.plugins?.title?.text).toBe(
      "按模型规模划分的下载量（62.0% 的下载量规模未知，未列出）",
    );
  });
});
