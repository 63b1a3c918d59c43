import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { DEFAULT_RENDER_SIZE } from "../../src/services/charts/renderer.js";
import type { ChartSpec } from "../../src/services/charts/types.js";
import { buildChartSpec } from "../../src/services/charts/views.js";
import { LOCALES } from "../../src/services/format/locale.js";
import { overviewStats } from "./fixtures.js";
import { measureTextHeights, PHONE_WIDTH, TEXT_KINDS, withoutText } from "./legibility.js";
import { legibilityCases } from "./legibility-cases.js";

const renderer = createLocalChartRenderer({ logger: pino({ level: "silent" }) });

/** What the issue asks of a chart a phone shows 400 px wide. */
const MIN_TITLE_PX = 16;
const MIN_TEXT_PX = 10;

describe("phone legibility (every chart scaled to 400 px wide)", () => {
  it("lays charts out at the width a phone shows them", () => {
    expect(DEFAULT_RENDER_SIZE.width).toBe(PHONE_WIDTH);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      for (const { name, spec } of legibilityCases(locale)) {
        it(`${name}: title glyphs at least ${MIN_TITLE_PX} px high, every other line at least ${MIN_TEXT_PX} px`, async () => {
          const heights = await measureTextHeights(spec, renderer);
          expect(heights.title.length, "title lines").toBeGreaterThan(0);
          expect(heights.footer.length, "footer lines").toBeGreaterThan(0);
          expect(Math.min(...heights.title), "title").toBeGreaterThanOrEqual(MIN_TITLE_PX);
          for (const kind of TEXT_KINDS.filter((k) => k !== "title")) {
            for (const height of heights[kind]) expect(height, kind).toBeGreaterThanOrEqual(MIN_TEXT_PX);
          }
        });
      }
    });
  }
});

describe("the legibility measure", () => {
  const spec = buildChartSpec("regions", overviewStats, { locale: "en-US" });

  it("finds no ink when the text it hides is already hidden", async () => {
    const heights = await measureTextHeights(withoutText(spec, "title"), renderer);
    expect(heights.title).toEqual([]);
  });

  it("fails a title set too small to read on a phone", async () => {
    const tiny: ChartSpec = structuredClone(spec);
    const title = tiny.options?.plugins?.title;
    if (title?.font === undefined || typeof title.font !== "object")
      throw new Error("the spec has no title font");
    Object.assign(title.font, { size: 8 });
    const heights = await measureTextHeights(tiny, renderer);
    expect(Math.max(...heights.title)).toBeLessThan(MIN_TEXT_PX);
  });

  it("measures one line per title line, the height of its glyphs", async () => {
    const heights = await measureTextHeights(spec, renderer);
    const lines = spec.options?.plugins?.title?.text;
    expect(heights.title).toHaveLength(Array.isArray(lines) ? lines.length : 1);
    // A 21 px bold title: its glyphs, ascender to descender, are close to the font size.
    for (const height of heights.title) expect(height).toBeGreaterThanOrEqual(16);
    for (const height of heights.title) expect(height).toBeLessThanOrEqual(24);
  });
});
