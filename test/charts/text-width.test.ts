import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { CHART_FONT_FAMILY, registerChartFonts } from "../../src/services/charts/fonts.js";
import { textWidth, wrapText } from "../../src/services/charts/text-width.js";

registerChartFonts();
const context = createCanvas(10, 10).getContext("2d");

/** What the registered chart font itself says a line measures at `size` px. */
function measured(text: string, size: number, bold: boolean): number {
  context.font = `${bold ? "bold" : "normal"} ${size}px "${CHART_FONT_FAMILY}"`;
  return context.measureText(text).width;
}

describe("chart text widths", () => {
  it("match the registered font, character by character, in both weights", () => {
    const characters = [
      ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
      "–",
      "—",
      "−",
      "中",
      "，",
      "·",
      "\u00a0",
    ];
    for (const bold of [false, true]) {
      for (const char of characters) {
        expect(textWidth(char, 1000, bold), JSON.stringify(char)).toBeCloseTo(measured(char, 1000, bold), -1);
      }
    }
  });

  it("match whole lines within the kerning margin", () => {
    for (const line of [
      "Top organisations in the United States",
      "中国：占下载量的 40.5%（+2.6 个百分点）",
      "AVAVAV Wwwww",
    ]) {
      const ratio = textWidth(line, 20, true) / measured(line, 20, true);
      expect(ratio, line).toBeGreaterThan(0.97);
      expect(ratio, line).toBeLessThan(1.03);
    }
  });
});

describe("wrapText", () => {
  const box = { width: 200, size: 20 };

  it("breaks English between words, every line within the width", () => {
    const lines = wrapText("The United States' download share: 19.8%, −2.3 pp since 25 Apr", box);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("The United States' download share: 19.8%, −2.3 pp since 25 Apr");
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(200);
  });

  it("never parts a number from a unit it is told to keep, nor splits a no-break space", () => {
    const text = "China: 40.5% of downloads (+2.6 pp) at 04:10\u00a0UTC";
    for (const width of [120, 160, 200, 240, 280]) {
      const lines = wrapText(text, { width, size: 20, keep: ["pp"] });
      expect(lines.some((line) => line.startsWith("pp"))).toBe(false);
      expect(lines.some((line) => line.startsWith("UTC"))).toBe(false);
    }
  });

  it("breaks Chinese between words, never before closing punctuation or inside a number and its word", () => {
    for (const width of [100, 140, 180, 220]) {
      const lines = wrapText("中国的下载量占比：40.5%，自4月25日以来 +3.3 个百分点", {
        width,
        size: 20,
        keep: ["个百分点"],
      });
      expect(lines.join("").replaceAll(" ", "")).toBe("中国的下载量占比：40.5%，自4月25日以来+3.3个百分点");
      for (const line of lines) expect(line).not.toMatch(/^[，。：）]|^日|^百分点/);
    }
  });

  it("cuts a word longer than the whole line where it must", () => {
    const lines = wrapText("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2", {
      width: 150,
      size: 15,
    });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("")).toBe("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2");
  });
});

describe("wrapText's last line", () => {
  it("does not end a paragraph on a lone word when the word before it fits beside it", () => {
    const lines = wrapText("Downloads of China's models by task: Image-text-to-text leads with 43.1%", {
      width: 372,
      size: 21,
      bold: true,
    });
    expect(lines.at(-1)).toBe("with 43.1%");
  });
});
