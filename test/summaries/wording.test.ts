import { describe, expect, it } from "vitest";
import { phrase } from "../../src/locales/index.js";
import { formatDate as formatDay } from "../../src/services/format/dates.js";
import type { WeekOverWeek } from "../../src/services/stats/types.js";
import { fact, tpl } from "../../src/services/summaries/parts.js";
import { comparisonPeriod, displayName, methodParts } from "../../src/services/summaries/wording.js";
import { universeOf } from "../stats/stat-fixtures.js";

describe("summary wording", () => {
  it("writes days day-first in English and as 年月日 in Chinese, in UTC", () => {
    const ms = Date.parse("2026-11-16T23:30:00.000Z");
    expect(formatDay(ms, "en-US")).toBe("16 Nov 2026");
    expect(formatDay(ms, "en-US", true)).toBe("16 Nov 2026, 23:30 UTC");
    expect(formatDay(ms, "zh-CN")).toBe("2026年11月16日");
    expect(formatDay(ms, "zh-CN", true)).toBe("2026年11月16日 23:30 UTC");
  });

  it("says what was counted, with the list size as a traced fact", () => {
    const top = {
      universe: universeOf(5000, 1, "top-downloads"),
      method: { by: "lineage", cohort: "all" },
    } as const;
    const all = {
      universe: universeOf(25_000, 1, "all"),
      method: { by: "uploader", cohort: "new" },
    } as const;
    expect(methodParts(top, "en-US").sentence.text).toBe(
      "30-day downloads of the top 5,000 models, credited to the base model's developer",
    );
    expect(methodParts(all, "en-US").sentence.text).toBe(
      "30-day downloads of the models created in the last 12 months among the 25,000 of this snapshot, credited to the uploader",
    );
    expect(methodParts(top, "zh-CN").sentence.text).toBe(
      "下载量前 5,000 的模型的 30 天下载量，计入基础模型的开发者",
    );
    expect(methodParts(all, "zh-CN").models.facts).toEqual([
      { path: "universe.listSize", value: 25_000, rendered: "25,000" },
    ]);
  });

  it("names a comparison by what it really spans", () => {
    const base: WeekOverWeek = {
      previousAsOf: "2026-08-07T06:00:00.000Z",
      windowWeeks: 1,
      spanMs: 7 * 86_400_000,
      exact: true,
      countsUnchanged: false,
      regions: [],
      movers: [],
      downloadsBetween: null,
    };
    expect(comparisonPeriod(base, "en-US").text).toBe("week over week");
    expect(comparisonPeriod({ ...base, windowWeeks: 4 }, "en-US").text).toBe("over 4 weeks");
    const short = { ...base, windowWeeks: 12, exact: false, spanMs: 15 * 86_400_000 };
    expect(comparisonPeriod(short, "en-US").text).toBe("since 7 Aug 2026 (15 days)");
    expect(comparisonPeriod(short, "zh-CN").text).toBe("自 2026年8月7日（15 天）以来变化");
    expect(comparisonPeriod({ ...short, spanMs: 18 * 3_600_000 }, "en-US").text).toBe(
      "since 7 Aug 2026 (18 h)",
    );
  });

  it("keeps a name to one line of at most 60 characters", () => {
    expect(displayName("deepseek-ai/DeepSeek-V4-Pro")).toBe("deepseek-ai/DeepSeek-V4-Pro");
    expect(displayName("a\r\nb\tc\u2028d")).toBe("a b c d");
    expect(displayName("abc\u202Edef\u200Bghi")).toBe("abcdefghi");
    expect(Array.from(displayName("x".repeat(500)))).toHaveLength(60);
    expect(displayName("x".repeat(500), 40)).toBe(`${"x".repeat(39)}…`);
  });

  it("sets a number off from Chinese text with a space, but not a word", () => {
    const age = (part: ReturnType<typeof tpl>) =>
      phrase("zh-CN", "summary.trends.age-only", { age: part }).text;
    expect(age(fact("asOf", 0, "3 小时前"))).toBe("数据采集于 3 小时前。");
    expect(age(tpl`刚刚`)).toBe("数据采集于刚刚。");
  });

  it("keeps the facts a catalogue phrase is given", () => {
    const share = fact("regions[0].share", 0.412, "41.2%");
    const line = phrase("en-US", "summary.digest.region-line", { region: "China", share, change: null });
    expect(line).toEqual({ text: "China 41.2%", facts: share.facts });
  });
});
