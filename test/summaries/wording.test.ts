import { describe, expect, it } from "vitest";
import { fact, tpl } from "../../src/services/summaries/parts.js";
import { displayName, formatDay, spaced, universePhrase } from "../../src/services/summaries/wording.js";

describe("summary wording", () => {
  it("writes days day-first in English and as 年月日 in Chinese, in UTC", () => {
    const ms = Date.parse("2026-11-16T23:30:00.000Z");
    expect(formatDay(ms, "en-US")).toBe("16 Nov 2026");
    expect(formatDay(ms, "en-US", true)).toBe("16 Nov 2026, 23:30 UTC");
    expect(formatDay(ms, "zh-CN")).toBe("2026年11月16日");
    expect(formatDay(ms, "zh-CN", true)).toBe("2026年11月16日 23:30 UTC");
  });

  it("names the universe by its kind and size", () => {
    const top = { modelCount: 1000, totalDownloads: 1, kind: "top-downloads" } as const;
    const all = { modelCount: 25_000, totalDownloads: 1, kind: "all" } as const;
    expect(universePhrase(top, "en-US").text).toBe("the top 1,000 models by downloads");
    expect(universePhrase(all, "en-US").text).toBe("the 25,000 models in this snapshot");
    expect(universePhrase(top, "zh-CN").text).toBe("下载量前 1,000 的模型");
    expect(universePhrase(all, "zh-CN").facts).toEqual([
      { path: "universe.modelCount", value: 25_000, rendered: "25,000" },
    ]);
  });

  it("keeps a name to one line of at most 60 characters", () => {
    expect(displayName("deepseek-ai/DeepSeek-V4-Pro")).toBe("deepseek-ai/DeepSeek-V4-Pro");
    expect(displayName("a\r\nb\tc\u2028d")).toBe("a b c d");
    expect(displayName("abc\u202Edef\u200Bghi")).toBe("abcdefghi");
    expect(Array.from(displayName("x".repeat(500)))).toHaveLength(60);
    expect(displayName("x".repeat(500), 40)).toBe(`${"x".repeat(39)}…`);
  });

  it("sets a number off from Chinese text with a space, but not a word", () => {
    expect(spaced(fact("asOf", 0, "3 小时前")).text).toBe(" 3 小时前");
    expect(spaced(tpl`刚刚`).text).toBe("刚刚");
  });
});
