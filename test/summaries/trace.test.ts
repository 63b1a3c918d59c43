import { describe, expect, it } from "vitest";
import { summariseTrends } from "../../src/services/summaries/trends-summary.js";
import { chinaWithWeekOverWeek, NOW, overviewWithWeekOverWeek } from "./fixtures.js";
import { expectedRendering, resolvePath, untracedNumbers, valueAt } from "./trace.js";

// The traceability checks are only worth something if they fail on untraced or mistraced numbers.
describe("traceability checker", () => {
  it("resolves dotted and indexed paths, sums, timestamps and options", () => {
    const stats = overviewWithWeekOverWeek();
    expect(resolvePath(stats, "weekOverWeek.regions[1].changePp")).toBe(-0.8);
    expect(resolvePath(stats, "regions[9].share")).toBeUndefined();
    expect(valueAt(stats, {}, "sizeBuckets[0].share + sizeBuckets[1].share")).toBe(0.384 + 0.302);
    expect(valueAt(stats, {}, "asOf")).toBe(Date.parse("2026-05-04T04:10:00.000Z"));
    const since = new Date("2026-05-04T10:10:00.000Z");
    expect(valueAt(stats, { hubUnreachableSince: since }, "options.hubUnreachableSince")).toBe(
      since.getTime(),
    );
    expect(() => valueAt(stats, {}, "regions[0].region")).toThrow("no number at regions[0].region");
  });

  it("finds a number that no fact accounts for", () => {
    const stats = chinaWithWeekOverWeek();
    const summary = summariseTrends(stats, { locale: "en-US", now: NOW });
    expect(untracedNumbers(summary, stats)).toEqual([]);
    const tampered = { ...summary, text: `${summary.text} Up 12% on last month.` };
    expect(untracedNumbers(tampered, stats)).toEqual(["12"]);
    const dropped = { ...summary, facts: summary.facts.filter((f) => f.path !== "coverage") };
    expect(untracedNumbers(dropped, stats)).toEqual(["87.3"]);
  });

  it("finds Chinese compact numbers too", () => {
    const stats = chinaWithWeekOverWeek();
    const summary = summariseTrends(stats, { locale: "zh-CN", now: NOW });
    const dropped = { ...summary, facts: summary.facts.filter((f) => !f.path.startsWith("newModels")) };
    expect(untracedNumbers(dropped, stats)).toEqual(["257.6万"]);
  });

  it("knows how each kind of figure must read", () => {
    expect(expectedRendering("regions[0].share", 0.412, "en-US")).toBe("41.2%");
    expect(expectedRendering("weekOverWeek.movers[0].changePp", -1.4, "zh-CN")).toBe("−1.4 个百分点");
    expect(expectedRendering("newModels[0].downloads", 2_575_808, "zh-CN")).toBe("257.6万");
    expect(expectedRendering("universe.modelCount", 1000, "en-US")).toBe("1,000");
    expect(expectedRendering("asOf", 0, "en-US")).toBeNull();
  });
});
