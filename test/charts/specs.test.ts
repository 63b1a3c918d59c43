import { describe, expect, it } from "vitest";
import { CHART_FONT_STACK } from "../../src/services/charts/fonts.js";
import { DARK_THEME, LIGHT_THEME, REGION_COLORS } from "../../src/services/charts/palette.js";
import { MAX_NAME_CHARS } from "../../src/services/charts/specs/common.js";
import { compareOrgs, compareRegions } from "../../src/services/charts/specs/compare.js";
import { MAX_ORGS } from "../../src/services/charts/specs/orgs.js";
import { taskRows } from "../../src/services/charts/specs/tasks.js";
import type { ChartSpec } from "../../src/services/charts/types.js";
import type { ChartInputs, ChartView } from "../../src/services/charts/views.js";
import { buildChartSpec, CHART_VIEWS, isChartView } from "../../src/services/charts/views.js";
import { LOCALES, type Locale } from "../../src/services/format/locale.js";
import type { Region } from "../../src/services/regions/types.js";
import type { TrendStats } from "../../src/services/stats/types.js";
import { chinaStats, firstSnapshotStats, overviewStats } from "./fixtures.js";
import { containsFunction, stringsIn } from "./pixels.js";

const HAN = /\p{Script=Han}/u;

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

/**
 * Wrapped lines read as one: joined by a space, except between two Chinese characters (Chinese
 * has no spaces between words), with no-break spaces read as spaces.
 */
function joinLines(text: string | readonly (string | undefined)[] | undefined): string {
  const lines = text === undefined ? [] : Array.isArray(text) ? text : [text];
  return lines
    .reduce((joined, line) => {
      if (joined === "") return line;
      // Chinese joins without a space between two Han characters or at full-width punctuation.
      const a = joined.at(-1) ?? "";
      const b = line.charAt(0);
      const punctuation = /[，。：；、（）]/u;
      const cjk = (HAN.test(a) && HAN.test(b)) || punctuation.test(a) || punctuation.test(b);
      return `${joined}${cjk ? "" : " "}${line}`;
    }, "")
    .replaceAll("\u00a0", " ");
}

function titleOf(spec: ChartSpec): string {
  return joinLines(spec.options?.plugins?.title?.text);
}

function footerOf(spec: ChartSpec): string {
  return joinLines(spec.options?.plugins?.subtitle?.text);
}

function axisTitleOf(spec: ChartSpec, axis: string): string {
  const scale = spec.options?.scales?.[axis];
  return joinLines(scale !== undefined && "title" in scale ? scale.title?.text : undefined);
}

/** The stats of one region, as the stats engine gives them: its organisations only. */
function regionStats(region: Region): TrendStats {
  return { ...overviewStats, region, topOrgs: overviewStats.topOrgs.filter((org) => org.region === region) };
}

/** Every value at `key` anywhere inside `value`. */
function valuesAt(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, key));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [...(k === key ? [v] : []), ...valuesAt(v, key)]);
}

describe("chart specs", () => {
  for (const view of CHART_VIEWS) {
    for (const locale of LOCALES) {
      describe(`${view} in ${locale}`, () => {
        const spec = buildChartSpec(view, inputFor(view), { locale });

        it("has a title, a footer saying what was counted, the source, snapshot time and coverage, and a background", () => {
          expect(spec.options?.plugins?.title?.display).toBe(true);
          expect(titleOf(spec).length).toBeGreaterThan(5);
          expect(spec.options?.plugins?.subtitle?.position).toBe("bottom");
          const footer = footerOf(spec);
          expect(footer).toContain(
            locale === "zh-CN"
              ? "下载量前 1,000 的模型的 30 天下载量，计入基础模型的开发者"
              : "30-day downloads of the top 1,000 models, credited to the base model's developer",
          );
          expect(footer).toContain("Hugging Face Hub");
          expect(footer).toContain("2026-05-04 04:00 UTC");
          expect(footer).toContain("94%");
          expect(spec.options?.plugins?.background?.color).toBe(DARK_THEME.background);
        });

        it("lays no axis title on its side (a vertical axis has none)", () => {
          for (const [id, scale] of Object.entries(spec.options?.scales ?? {})) {
            const vertical =
              (scale !== undefined && "position" in scale && scale.position === "left") ||
              (id === "y" && spec.options?.indexAxis !== "y");
            const title = scale !== undefined && "title" in scale ? scale.title : undefined;
            if (vertical) expect(title?.display ?? false, id).toBe(false);
          }
        });

        it("names the chart font family in every font it sets", () => {
          const fonts = valuesAt(spec.options, "font");
          expect(fonts.length).toBeGreaterThan(3);
          for (const font of fonts) expect(font).toMatchObject({ family: CHART_FONT_STACK });
        });

        it("is plain data: no functions, and unchanged by a JSON round trip", () => {
          expect(containsFunction(spec)).toBe(false);
          expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(spec);
        });

        it(locale === "zh-CN" ? "writes its title and footer in Chinese" : "writes no Chinese", () => {
          for (const text of [titleOf(spec), footerOf(spec), ...stringsIn(spec.data)]) {
            if (locale === "en-US") expect(HAN.test(text), text).toBe(false);
          }
          if (locale === "zh-CN") {
            expect(HAN.test(titleOf(spec))).toBe(true);
            expect(HAN.test(footerOf(spec))).toBe(true);
          }
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

describe("titles: the headline number on the chart", () => {
  const cases: [ChartView, TrendStats, Locale, string][] = [
    ["regions", overviewStats, "en-US", "China leads with 40.5% of downloads (+2.6 pp)"],
    ["regions", chinaStats, "en-US", "China: 40.5% of downloads (+2.6 pp)"],
    ["regions", regionStats("us"), "en-US", "The United States: 19.8% of downloads (−1.8 pp)"],
    ["regions", overviewStats, "zh-CN", "中国领先：占下载量的 40.5%（+2.6 个百分点）"],
    ["regions", chinaStats, "zh-CN", "中国：占下载量的 40.5%（+2.6 个百分点）"],
    ["history", overviewStats, "en-US", "Change in download share since 25 Apr: China +3.3 pp"],
    ["history", chinaStats, "en-US", "China's download share: 40.5%, +3.3 pp since 25 Apr"],
    ["history", regionStats("us"), "en-US", "The United States' download share: 19.8%, −2.3 pp since 25 Apr"],
    ["history", regionStats("other"), "en-US", "Other regions' download share: 0.6%, ±0.0 pp since 25 Apr"],
    ["history", chinaStats, "zh-CN", "中国的下载量占比：40.5%，自4月25日以来 +3.3 个百分点"],
    ["orgs", overviewStats, "en-US", "Top organisations: Qwen leads with 29.3% of downloads"],
    ["orgs", chinaStats, "en-US", "Top organisations in China: Qwen leads with 72.3%"],
    ["orgs", regionStats("us"), "en-US", "Top organisations in the United States: openai leads with 30.4%"],
    ["orgs", chinaStats, "zh-CN", "中国下载量最高的机构：Qwen 领先，占 72.3%"],
    ["sizes", overviewStats, "en-US", "Downloads by model size: 77.0% under 10B parameters"],
    [
      "sizes",
      regionStats("us"),
      "en-US",
      "Downloads of the United States' models by size: 77.0% under 10B parameters",
    ],
    ["sizes", overviewStats, "zh-CN", "按模型规模划分的下载量：参数量 10B 以下占 77.0%"],
    [
      "new-models",
      overviewStats,
      "en-US",
      "573 new models in 8 weeks among the top 1,000 models · 35% from China",
    ],
    [
      "new-models",
      chinaStats,
      "en-US",
      "China: 200 of the 573 new models in 8 weeks among the top 1,000 models (35%)",
    ],
    ["new-models", overviewStats, "zh-CN", "下载量前 1,000 的模型中近 8 周的新模型：573 个，35% 来自中国"],
    ["tasks", overviewStats, "en-US", "Downloads by task: Sentence similarity leads with 28.8%"],
    [
      "tasks",
      chinaStats,
      "en-US",
      "Downloads of China's models by task: Image-text-to-text leads with 43.1%",
    ],
    ["tasks", overviewStats, "zh-CN", "按任务划分的下载量：句子相似度领先，占 28.8%"],
    ["ranking", chinaStats, "en-US", "Top models by downloads · China"],
    ["ranking", chinaStats, "zh-CN", "下载量最高的模型 · 中国"],
  ];
  it.each(cases)("%s of %s in %s", (view, stats, locale, title) => {
    // Lines are joined with a space where the title wraps: the words, not the breaks, are golden.
    expect(titleOf(buildChartSpec(view, stats, { locale }))).toBe(title);
  });

  it("compare: both sides' first figure", () => {
    const regions = compareRegions(overviewStats, "china", "us");
    expect(titleOf(buildChartSpec("compare", regions, { locale: "en-US" }))).toBe(
      "China vs United States: 40.5% vs 19.8% of downloads",
    );
    expect(titleOf(buildChartSpec("compare", regions, { locale: "zh-CN" }))).toBe(
      "中国 对比 美国：下载量占比 40.5% 对 19.8%",
    );
  });

  it("never writes a possessive or a region name the wrong way", () => {
    for (const region of ["china", "us", "europe", "asia", "other"] as const) {
      for (const view of CHART_VIEWS.filter((v) => v !== "compare")) {
        const spec = buildChartSpec(view, regionStats(region), { locale: "en-US" });
        const texts = [
          titleOf(spec),
          footerOf(spec),
          ...labelsOf(spec),
          ...spec.data.datasets.map((d) => d.label ?? ""),
          ...Object.keys(spec.options?.scales ?? {}).map((axis) => axisTitleOf(spec, axis)),
        ];
        for (const text of texts)
          expect(text).not.toMatch(/States's|Other's|regions's|\bOther\b(?! regions)/);
      }
    }
  });

  it("writes percentage points as 个百分点 in Chinese", () => {
    const labels = labelsOf(buildChartSpec("regions", overviewStats, { locale: "zh-CN" }));
    expect(labels[0]).toBe("中国 40.5% · +2.6 个百分点");
    expect(labels.join()).not.toContain("pp");
  });
});

describe("a region's view is about the region", () => {
  for (const view of CHART_VIEWS.filter((v) => v !== "compare")) {
    it(`${view}: differs from the overview`, () => {
      const overview = buildChartSpec(view, overviewStats, { locale: "en-US" });
      const china = buildChartSpec(view, chinaStats, { locale: "en-US" });
      expect(china.data).not.toStrictEqual(overview.data);
      expect(titleOf(china)).not.toBe(titleOf(overview));
    });
  }

  it("regions: the asked region in full colour, the others pale", () => {
    const colours = buildChartSpec("regions", chinaStats, { locale: "en-US" }).data.datasets[0]
      ?.backgroundColor;
    expect(Array.isArray(colours) && colours[0]).toBe(REGION_COLORS.china);
    expect(Array.isArray(colours) && colours[1]).not.toBe(REGION_COLORS.us);
  });

  it("new-models: the region's own weekly counts, in its colour", () => {
    const spec = buildChartSpec("new-models", chinaStats, { locale: "en-US" });
    expect(spec.data.datasets.map((d) => d.label)).toEqual(["China"]);
    expect(spec.data.datasets[0]?.data).toEqual(
      chinaStats.newModelsPerWeek.map((week) => week.byRegion.china),
    );
  });

  it("history: the region's share above its largest organisations' shares of the region", () => {
    const spec = buildChartSpec("history", chinaStats, { locale: "en-US" });
    expect(spec.data.datasets.map((d) => d.label)).toEqual([
      "China: 40.5% of all downloads",
      "Share of China's downloads:",
      "Qwen 72.3%",
      "BAAI 16.6%",
      "deepseek-ai 3.8%",
    ]);
    expect(Object.keys(spec.options?.scales ?? {})).toEqual(["x", "time", "orgs", "region"]);
    // deepseek-ai was not among China's top five in one snapshot: a gap, not a zero.
    const deepseek = spec.data.datasets[4]?.data ?? [];
    expect(deepseek).toHaveLength(chinaStats.history.length - 1);
  });

  it("history: the two stacked panels leave a most of a step where they meet, so their labels do not touch", () => {
    const scales = buildChartSpec("history", chinaStats, { locale: "en-US" }).options?.scales as Record<
      string,
      { min: number; max: number; ticks: { stepSize: number } }
    >;
    const { region, orgs } = scales;
    if (region === undefined || orgs === undefined) throw new Error("both panels expected");
    const lowestTick = (axis: typeof region) =>
      Math.ceil(axis.min / axis.ticks.stepSize) * axis.ticks.stepSize;
    const highestTick = (axis: typeof region) =>
      Math.floor(axis.max / axis.ticks.stepSize) * axis.ticks.stepSize;
    // In fractions of each panel's height: most of a step of room on the meeting side, no tick on it.
    expect((lowestTick(region) - region.min) / region.ticks.stepSize).toBeGreaterThan(0.85);
    expect((orgs.max - highestTick(orgs)) / orgs.ticks.stepSize).toBeGreaterThan(0.85);
  });
});

describe("history chart", () => {
  const xsOf = (spec: ChartSpec, dataset = 0) =>
    (spec.data.datasets[dataset]?.data ?? []).map((point) =>
      typeof point === "object" && point !== null ? point.x : Number.NaN,
    );

  it("spaces snapshots by time: a 2-day gap is twice a 1-day gap", () => {
    const [a, b, c] = overviewStats.history;
    if (a === undefined || b === undefined || c === undefined) throw new Error("fixture too short");
    const stats: TrendStats = {
      ...overviewStats,
      history: [a, { ...b, asOf: "2026-04-26T04:00:00.000Z" }, { ...c, asOf: "2026-04-28T04:00:00.000Z" }],
    };
    const [x0, x1, x2] = xsOf(buildChartSpec("history", stats, { locale: "en-US" }));
    expect((x2 ?? 0) - (x1 ?? 0)).toBeCloseTo(2 * ((x1 ?? 0) - (x0 ?? 0)), 9);
  });

  it("fits the axis to the data, so a ±0.3 pp move takes a visible part of it", () => {
    const shares = (china: number) => ({
      china,
      us: 0.3,
      europe: 0.2,
      asia: 0.05,
      other: 0.006,
      unattributed: 0.444 - china + 0.4,
    });
    const stats: TrendStats = {
      ...overviewStats,
      region: "china",
      history: ["2026-05-01", "2026-05-02", "2026-05-03"].map((day, i) => ({
        asOf: `${day}T04:00:00.000Z`,
        shares: shares(0.4 + (i === 1 ? 0.003 : 0)),
        orgs: [],
      })),
    };
    const axis = buildChartSpec("history", stats, { locale: "en-US" }).options?.scales?.region;
    const span = Number(axis?.max) - Number(axis?.min);
    expect(span).toBeLessThanOrEqual(0.03);
    expect(0.003 / span).toBeGreaterThan(0.1);
  });

  it("keeps a 0.6% region off the x axis in the overview, drawing each region's change", () => {
    const spec = buildChartSpec("history", overviewStats, { locale: "en-US" });
    const other = spec.data.datasets.find((d) => d.label?.startsWith("Other regions"));
    const y = spec.options?.scales?.y;
    const values = (other?.data ?? []).map((p) => (typeof p === "object" && p !== null ? p.y : Number.NaN));
    for (const value of values) expect(value).toBeGreaterThan(Number(y?.min));
    expect(Number(y?.min)).toBeLessThan(0);
  });

  it("says there is not enough history yet on a card of fewer than three snapshots", () => {
    const two: TrendStats = { ...overviewStats, history: overviewStats.history.slice(-2) };
    const spec = buildChartSpec("history", two, { locale: "en-US" });
    expect(spec.data.datasets.map((d) => d.label).join(" ")).toBe(
      "Not enough history yet (2 snapshots since 3 May)",
    );
    expect(spec.options?.plugins?.legend).toMatchObject({ position: "chartArea" });
    const one = buildChartSpec("history", firstSnapshotStats, { locale: "zh-CN" });
    expect(joinLines(one.data.datasets.map((d) => d.label))).toBe("历史数据还不够（仅有5月4日的 1 个快照）");
  });
});

describe("labels", () => {
  it("write shares and changes into the region labels", () => {
    const spec = buildChartSpec("regions", overviewStats, { locale: "en-US" });
    expect(labelsOf(spec)[0]).toBe("China 40.5% · +2.6 pp");
    expect(labelsOf(spec)[1]).toBe("United States 19.8% · −1.8 pp");
    expect(labelsOf(spec)[4]).toBe("Other regions 0.6% · ±0.0 pp");
  });

  it("give organisations their downloads and share: of all downloads, or of the region's under a region", () => {
    expect(labelsOf(buildChartSpec("orgs", chinaStats, { locale: "en-US" }))[0]).toBe("Qwen 338.1M · 72.3%");
    expect(labelsOf(buildChartSpec("orgs", chinaStats, { locale: "zh-CN" }))[0]).toBe("Qwen 3.4亿 · 72.3%");
    expect(labelsOf(buildChartSpec("orgs", overviewStats, { locale: "en-US" }))[0]).toBe(
      "Qwen 338.1M · 29.3%",
    );
  });

  it("ellipsise long organisation names", () => {
    const labels = labelsOf(buildChartSpec("orgs", chinaStats, { locale: "en-US" }));
    const long = labels.find((label) => label.startsWith("Shanghai"));
    if (long === undefined) return; // not among the rows that fit
    const name = long.split(" ")[0] ?? "";
    expect(name.endsWith("…")).toBe(true);
    expect(Array.from(name).length).toBe(MAX_NAME_CHARS);
  });

  it("show as many organisations as fit the card, never more than the most", () => {
    expect(chinaStats.topOrgs.length).toBeGreaterThan(MAX_ORGS);
    const china = labelsOf(buildChartSpec("orgs", chinaStats, { locale: "en-US" }));
    const overview = labelsOf(buildChartSpec("orgs", overviewStats, { locale: "en-US" }));
    expect(china.length).toBeLessThanOrEqual(MAX_ORGS);
    expect(china.length).toBeGreaterThanOrEqual(6);
    // The overview has a legend to make room for.
    expect(overview.length).toBeLessThan(china.length);
  });

  it("name weeks and days in the locale, in UTC, day first in English", () => {
    expect(labelsOf(buildChartSpec("new-models", chinaStats, { locale: "en-US" }))[0]).toBe("9 Mar");
    expect(labelsOf(buildChartSpec("new-models", chinaStats, { locale: "zh-CN" }))[0]).toBe("3月9日");
  });

  it("translate task names and the size bucket for unknown sizes in zh-CN", () => {
    const tasks = labelsOf(buildChartSpec("tasks", overviewStats, { locale: "zh-CN" }));
    expect(tasks[0]).toBe("句子相似度 28.8%");
    const sizes = buildChartSpec("sizes", overviewStats, { locale: "zh-CN" }).data.labels;
    expect(sizes?.at(-1)).toEqual(["未知", "12.0%"]);
  });
});

describe("new-models chart", () => {
  const asOf = "2026-05-04T04:00:00.000Z";
  const week = (weekStart: string, china: number) => ({
    weekStart,
    total: china,
    byRegion: { china, us: 0, europe: 0, asia: 0, other: 0, unattributed: 0 },
  });

  it("leaves out a week with less than a day in the window and says so, instead of drawing a zero", () => {
    const stats: TrendStats = {
      ...overviewStats,
      asOf,
      newModelsPerWeek: [week("2026-04-20", 30), week("2026-04-27", 33), week("2026-05-04", 0)],
    };
    const spec = buildChartSpec("new-models", stats, { locale: "en-US" });
    expect(labelsOf(spec)).toEqual(["20 Apr", "27 Apr"]);
    expect(axisTitleOf(spec, "x")).toContain("4 May: first 4 h only, not shown");
  });

  it("draws a partial week paler and says how much of it the window holds", () => {
    const stats: TrendStats = {
      ...overviewStats,
      asOf: "2026-05-07T04:00:00.000Z",
      newModelsPerWeek: [week("2026-04-27", 33), week("2026-05-04", 12)],
    };
    const spec = buildChartSpec("new-models", stats, { locale: "zh-CN" });
    const colours = spec.data.datasets.find((d) => d.label === "中国")?.backgroundColor;
    expect(Array.isArray(colours) && colours[0]).toBe(REGION_COLORS.china);
    expect(Array.isArray(colours) && colours[1]).not.toBe(REGION_COLORS.china);
    expect(axisTitleOf(spec, "x")).toContain("5月4日：仅含 3 天（浅色）");
  });
});

describe("tasks chart", () => {
  it("calls out robotics and science with their family totals when they have downloads", () => {
    const { rows, absent } = taskRows(overviewStats);
    expect(rows.filter((row) => row.kind === "task")).toHaveLength(6);
    expect(rows.slice(-2).map((row) => (row.kind === "family" ? row.stat.family : row.stat.task))).toEqual([
      "robotics",
      "science",
    ]);
    expect(absent).toEqual([]);
  });

  it("draws no 0.0% rows, and no legend: every row says what it is", () => {
    const spec = buildChartSpec("tasks", overviewStats, { locale: "en-US" });
    expect(labelsOf(spec).filter((label) => label.includes(" 0.0%"))).toEqual([]);
    expect(spec.options?.plugins?.legend?.display).toBe(false);
    expect(labelsOf(spec).at(-2)).toBe("Robotics (all models) 0.3% · 23 new");
  });

  it("says in a footnote when robotics or science have no downloads", () => {
    const stats: TrendStats = {
      ...overviewStats,
      families: overviewStats.families.map((f) =>
        f.family === "robotics" ? { ...f, downloads: 0, share: 0 } : f,
      ),
    };
    const spec = buildChartSpec("tasks", stats, { locale: "en-US" });
    expect(labelsOf(spec).some((label) => label.startsWith("Robotics"))).toBe(false);
    expect(footerOf(spec)).toContain("No robotics models among the top 1,000 models.");
  });

  it("leaves untagged downloads out when they would be the largest bar, and says how much they are", () => {
    const stats: TrendStats = {
      ...overviewStats,
      tasks: [
        { task: "unknown", family: "other", downloads: 900_000_000, share: 0.58, newModels: 0 },
        ...overviewStats.tasks.filter((task) => task.task !== "unknown"),
      ],
    };
    const spec = buildChartSpec("tasks", stats, { locale: "en-US" });
    expect(labelsOf(spec).some((label) => label.startsWith("No task tag"))).toBe(false);
    expect(axisTitleOf(spec, "x")).toContain("no task tag: 58.0%, not shown");
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

  it("writes both values above each pair", () => {
    const spec = buildChartSpec("compare", compareRegions(overviewStats, "china", "us"), { locale: "zh-CN" });
    expect(spec.data.labels?.[0]).toBe("下载量占比：40.5% 对 19.8%");
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
    expect(axisTitleOf(spec, "x")).toBe("Parameters · size unknown for 62.0%, not shown");
    const zh = buildChartSpec("sizes", stats, { locale: "zh-CN" });
    expect(axisTitleOf(zh, "x")).toBe("参数量 · 62.0% 的下载量规模未知，未列出");
  });

  it("keeps a lone unknown bar, with a title that says every size is unknown", () => {
    const stats: TrendStats = {
      ...overviewStats,
      sizeBuckets: overviewStats.sizeBuckets.map((b) =>
        b.bucket === "unknown" ? { ...b, share: 1 } : { ...b, downloads: 0, share: 0, estimatedDownloads: 0 },
      ),
    };
    const spec = buildChartSpec("sizes", stats, { locale: "en-US" });
    expect(labelsOf(spec).at(-1)).toBe("Unknown 100.0%");
    expect(titleOf(spec)).toBe("Downloads by model size: the size of every model is unknown");
  });
});
