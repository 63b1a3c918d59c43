import { describe, expect, it } from "vitest";
import {
  composeDigest,
  digestMarker,
  digestStatsQuery,
  formatPeriod,
  parseDigestMarker,
} from "../../src/services/digests/compose-digest.js";
import { DIGEST_SUMMARY_MAX_LENGTH } from "../../src/services/summaries/digest-summary.js";
import { absurdNames, chinaWithWeekOverWeek, NOW, overviewWithWeekOverWeek } from "../summaries/fixtures.js";

const HUB_OK = { failing: false, lastSuccessAt: NOW };

describe("composeDigest", () => {
  it("composes the overview with the regions chart, the period and a findable key", () => {
    const composed = composeDigest({
      digestId: 3,
      stats: overviewWithWeekOverWeek(),
      locale: "en-US",
      period: "2026-W19",
      now: NOW,
      hub: HUB_OK,
    });
    expect(composed.title).toBe("Open-source AI weekly · overview · 2026-W19");
    expect(composed.view).toBe("regions");
    expect(composed.fileStem).toBe("digest-all-2026-w19");
    expect(composed.marker).toBe("digest #3 · 2026-W19");
    expect(composed.text.startsWith("Weekly Hub trends · 2026-W19 · data from")).toBe(true);
    expect(composed.text).not.toContain("unreachable");
    expect(composed.hubUnreachable).toBe(false);
  });

  it("composes a region's digest in Chinese with its organisations chart", () => {
    const composed = composeDigest({
      digestId: 1,
      stats: chinaWithWeekOverWeek(),
      locale: "zh-CN",
      period: "2026-W19",
      now: NOW,
      hub: HUB_OK,
    });
    expect(composed.title).toBe("开源 AI 周报 · 中国 · 2026 年第 19 周");
    expect(composed.view).toBe("orgs");
    expect(composed.periodLabel).toBe("2026 年第 19 周");
    expect(composed.marker).toBe("digest #1 · 2026-W19");
  });

  it("still composes when the Hub is down, saying the figures are from the last good snapshot", () => {
    const since = new Date("2026-05-05T10:00:00Z");
    const composed = composeDigest({
      digestId: 1,
      stats: overviewWithWeekOverWeek(),
      locale: "en-US",
      period: "2026-W19",
      now: new Date("2026-05-07T10:00:00Z"),
      hub: { failing: true, lastSuccessAt: since },
    });
    expect(composed.hubUnreachable).toBe(true);
    expect(composed.text).toContain("Note: the Hub has been unreachable since");
    expect(composed.text).toContain("these figures are from the last good snapshot");
    expect(composed.facts.some((f) => f.path === "options.hubUnreachableSince")).toBe(true);
  });

  it("is pure: the same input composes the same digest", () => {
    const input = {
      digestId: 2,
      stats: absurdNames(),
      locale: "en-US" as const,
      period: "2027-W01",
      now: NOW,
      hub: HUB_OK,
    };
    const first = composeDigest(input);
    expect(composeDigest(input)).toEqual(first);
    expect(first.text.length).toBeLessThanOrEqual(DIGEST_SUMMARY_MAX_LENGTH);
  });
});

describe("digest markers", () => {
  it("reads back the id and period from a footer that starts with the key", () => {
    const footer = `${digestMarker(3, "2026-W48")} · Source: Hugging Face Hub`;
    expect(parseDigestMarker(footer)).toEqual({ digestId: 3, period: "2026-W48" });
    expect(parseDigestMarker(digestMarker(31, "2026-W48"))).toEqual({ digestId: 31, period: "2026-W48" });
  });

  it("finds no key in other footers", () => {
    expect(parseDigestMarker("Source: Hugging Face Hub · digest #3 · 2026-W48")).toBeNull();
    expect(parseDigestMarker("digest #3 · 2026-W48x")).toBeNull();
    expect(parseDigestMarker("")).toBeNull();
  });

  it("labels periods for readers", () => {
    expect(formatPeriod("2026-W48", "en-US")).toBe("2026-W48");
    expect(formatPeriod("2026-W09", "zh-CN")).toBe("2026 年第 9 周");
  });
});

describe("a digest's counting method", () => {
  it("asks for the stats of its region over a week, counted the way its admin chose", () => {
    expect(digestStatsQuery({ region: "china", by: "uploader", cohort: "new" })).toEqual({
      region: "china",
      windowWeeks: 1,
      by: "uploader",
      cohort: "new",
      limits: { newModels: 20 },
    });
  });

  it("puts the method into the footer source, so the post says what was counted", () => {
    const stats = { ...overviewWithWeekOverWeek(), method: { by: "uploader", cohort: "new" } as const };
    const composed = composeDigest({
      digestId: 3,
      stats,
      locale: "en-US",
      period: "2026-W19",
      now: NOW,
      hub: HUB_OK,
    });
    expect(composed.source.method).toEqual({ by: "uploader", cohort: "new" });
    expect(composed.text.split("\n")[1]).toContain("credited to the uploader");
  });
});
