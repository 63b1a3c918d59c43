import { describe, expect, it } from "vitest";
import {
  DARK_THEME,
  LIGHT_THEME,
  REGION_COLORS,
  SERIES_COLORS,
  withAlpha,
} from "../../src/services/charts/palette.js";
import { rgb } from "./pixels.js";

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe("palette", () => {
  it("gives every region a different colour", () => {
    expect(new Set(Object.values(REGION_COLORS)).size).toBe(Object.keys(REGION_COLORS).length);
  });

  it("keeps every data colour at 3:1 or more against both card backgrounds (WCAG graphics contrast)", () => {
    for (const [region, color] of [...Object.entries(REGION_COLORS), ...Object.entries(SERIES_COLORS)]) {
      for (const theme of [DARK_THEME, LIGHT_THEME]) {
        expect(contrast(color, theme.background), `${region} on ${theme.name}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("uses no region's colour for data that is not about regions", () => {
    const regionColors = new Set<string>(Object.values(REGION_COLORS));
    for (const [name, color] of Object.entries(SERIES_COLORS)) {
      if (name === "unknown") continue; // grey on purpose: unknown, like unattributed
      expect(regionColors.has(color), name).toBe(false);
    }
  });

  it("keeps text at 4.5:1 or more on its card, muted text included", () => {
    for (const theme of [DARK_THEME, LIGHT_THEME]) {
      for (const color of [theme.title, theme.text, theme.muted]) {
        expect(contrast(color, theme.background), `${color} on ${theme.name}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it("writes a paler variant as rgba text and refuses other colour syntaxes", () => {
    expect(withAlpha("#e5484d", 0.35)).toBe("rgba(229, 72, 77, 0.35)");
    expect(() => withAlpha("red", 0.5)).toThrow(RangeError);
  });
});
