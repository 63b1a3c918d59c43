import { Chart } from "chart.js";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { DARK_THEME, LIGHT_THEME, REGION_COLORS } from "../../src/services/charts/palette.js";
import { encodeOpaquePng, readPngSize } from "../../src/services/charts/png.js";
import { compareOrgs } from "../../src/services/charts/specs/compare.js";
import { sizesSpec } from "../../src/services/charts/specs/sizes.js";
import type { BarChartSpec } from "../../src/services/charts/types.js";
import type { ChartInputs, ChartView } from "../../src/services/charts/views.js";
import { buildChartSpec, CHART_VIEWS } from "../../src/services/charts/views.js";
import { LOCALES } from "../../src/services/format/locale.js";
import { chinaStats, firstSnapshotStats, overviewStats } from "./fixtures.js";
import { countColor, decodePng, distinctColors, inkIn } from "./pixels.js";

const renderer = createLocalChartRenderer({ logger: pino({ level: "silent" }) });

/** The title's first line, in CSS pixels: under the top padding, across the card. */
const TITLE_BAND = { x: 14, y: 10, width: 372, height: 26 };

function scaled(area: typeof TITLE_BAND, factor: number) {
  return {
    x: Math.round(area.x * factor),
    y: Math.round(area.y * factor),
    width: Math.round(area.width * factor),
    height: Math.round(area.height * factor),
  };
}

/** A chart with nothing on it but a title (or not even that). */
function titleOnly(title: string | null): BarChartSpec {
  return {
    type: "bar",
    data: { labels: [], datasets: [] },
    options: {
      scales: { x: { display: false }, y: { display: false } },
      plugins: {
        title: { display: title !== null, text: title ?? "", font: { size: 40 }, color: "#ffffff" },
        legend: { display: false },
        background: { color: DARK_THEME.background },
      },
    },
  };
}

function inputFor(view: ChartView): ChartInputs[ChartView] {
  if (view !== "compare") return chinaStats;
  const input = compareOrgs(overviewStats, "Qwen", "openai");
  if (input === null) throw new Error("fixture lacks the organisations");
  return input;
}

describe("local renderer", () => {
  it("renders a PNG of width and height times the device pixel ratio (400×400 at ×3 by default)", async () => {
    const spec = buildChartSpec("regions", overviewStats, { locale: "en-US" });
    const png = await renderer.render(spec);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(readPngSize(png)).toEqual({ width: 1200, height: 1200 });
    expect(readPngSize(await renderer.render(spec, { devicePixelRatio: 1 }))).toEqual({
      width: 400,
      height: 400,
    });
    const custom = await renderer.render(spec, { width: 640, height: 320, devicePixelRatio: 1.5 });
    expect(readPngSize(custom)).toEqual({ width: 960, height: 480 });
    expect((await decodePng(custom)).width).toBe(960);
  });

  it("draws each region's colour in the regions chart", async () => {
    const pixels = await decodePng(
      await renderer.render(buildChartSpec("regions", overviewStats, { locale: "en-US" })),
    );
    for (const [region, color] of Object.entries(REGION_COLORS)) {
      expect(countColor(pixels, color), region).toBeGreaterThan(200);
    }
  });

  it("paints the card colour of the theme behind the chart", async () => {
    for (const theme of [DARK_THEME, LIGHT_THEME]) {
      const pixels = await decodePng(
        await renderer.render(buildChartSpec("sizes", overviewStats, { locale: "en-US", theme }), {
          devicePixelRatio: 1,
        }),
      );
      // Corners are padding: nothing but the card.
      expect(countColor(pixels, theme.background)).toBeGreaterThan((pixels.width * pixels.height) / 3);
      expect(inkIn(pixels, theme.background, { x: 0, y: 0, width: 8, height: 8 })).toBe(0);
    }
  });

  it("draws Chinese text with real glyphs: two different titles give different ink", async () => {
    const background = DARK_THEME.background;
    const band = { x: 0, y: 0, width: 1200, height: 150 };
    const tongyi = await decodePng(await renderer.render(titleOnly("通义千问")));
    const deepseek = await decodePng(await renderer.render(titleOnly("深度求索")));
    const blank = await decodePng(await renderer.render(titleOnly(null)));
    expect(inkIn(blank, background, band)).toBe(0);
    expect(inkIn(tongyi, background, band)).toBeGreaterThan(1500);
    expect(inkIn(deepseek, background, band)).toBeGreaterThan(1500);
    // A missing glyph draws the same box (or nothing) for every character: real glyphs differ.
    expect(Buffer.from(tongyi.data).equals(Buffer.from(deepseek.data))).toBe(false);
  });

  for (const view of CHART_VIEWS) {
    for (const locale of LOCALES) {
      it(`renders the ${view} view in ${locale}: many colours and a title`, async () => {
        const png = await renderer.render(buildChartSpec(view, inputFor(view), { locale }));
        expect(readPngSize(png)).toEqual({ width: 1200, height: 1200 });
        const pixels = await decodePng(png);
        expect(distinctColors(pixels)).toBeGreaterThan(100);
        expect(inkIn(pixels, DARK_THEME.background, scaled(TITLE_BAND, 3))).toBeGreaterThan(2000);
      });
    }
  }

  it("renders every view of a first snapshot (one history point, empty lists) without failing", async () => {
    for (const view of CHART_VIEWS) {
      const input =
        view === "compare"
          ? compareOrgs(firstSnapshotStats, "Qwen", "sentence-transformers")
          : firstSnapshotStats;
      if (input === null) throw new Error("fixture lacks the organisations");
      const png = await renderer.render(buildChartSpec(view, input, { locale: "en-US" }), {
        devicePixelRatio: 1,
      });
      const pixels = await decodePng(png);
      expect(inkIn(pixels, DARK_THEME.background, TITLE_BAND), view).toBeGreaterThan(500);
    }
  });

  it("leaves the spec as it was and no chart behind", async () => {
    const spec = buildChartSpec("new-models", overviewStats, { locale: "zh-CN" });
    const before = structuredClone(spec);
    await Promise.all([renderer.render(spec), renderer.render(spec), renderer.render(spec)]);
    expect(spec).toStrictEqual(before);
    expect(Object.keys(Chart.instances)).toEqual([]);
  });

  it("registers the font once per process, however many renderers there are", () => {
    const second = createLocalChartRenderer({ logger: pino({ level: "silent" }) });
    expect(second.fonts.milliseconds).toBe(0);
    expect(second.fonts.files).toEqual(renderer.fonts.files);
    expect(renderer.fonts.files.map((file) => file.split("/").at(-1))).toEqual([
      "NotoSansSC_400Regular.ttf",
      "NotoSansSC_700Bold.ttf",
    ]);
  });

  it("still renders when the background is not opaque (Skia's encoder then keeps the alpha)", async () => {
    const spec = sizesSpec(overviewStats, { locale: "en-US" });
    const transparent: BarChartSpec = {
      ...spec,
      options: {
        ...spec.options,
        plugins: { ...spec.options?.plugins, background: { color: "rgba(0, 0, 0, 0)" } },
      },
    };
    const pixels = await decodePng(await renderer.render(transparent, { devicePixelRatio: 1 }));
    expect(pixels.data[3]).toBe(0);
    expect(distinctColors(pixels)).toBeGreaterThan(20);
  });

  it("refuses sizes that cannot be a chart", async () => {
    const spec = buildChartSpec("sizes", overviewStats, { locale: "en-US" });
    await expect(renderer.render(spec, { width: 0 })).rejects.toThrow(RangeError);
    await expect(renderer.render(spec, { devicePixelRatio: Number.NaN })).rejects.toThrow(RangeError);
    await expect(renderer.render(spec, { width: 4000, devicePixelRatio: 3 })).rejects.toThrow(
      /device pixels/,
    );
  });
});

describe("PNG encoder", () => {
  it("writes pixels that an independent decoder reads back exactly", async () => {
    const rgba = new Uint8Array([
      255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 43, 45, 49, 255, 1, 2, 3, 255, 200, 100, 50, 255,
    ]);
    const png = await encodeOpaquePng(rgba, 3, 2);
    if (png === null) throw new Error("opaque pixels were refused");
    expect(readPngSize(png)).toEqual({ width: 3, height: 2 });
    const pixels = await decodePng(png);
    expect(Array.from(pixels.data)).toEqual(Array.from(rgba));
  });

  it("declines pixels that are not opaque, and a buffer of the wrong length", async () => {
    expect(await encodeOpaquePng(new Uint8Array([0, 0, 0, 128]), 1, 1)).toBeNull();
    await expect(encodeOpaquePng(new Uint8Array(3), 1, 1)).rejects.toThrow(RangeError);
  });
});
