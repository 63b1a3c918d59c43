import { describe, expect, it } from "vitest";
import { pickComparison, type WindowCandidate } from "../../src/services/snapshots/comparison-window.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse("2026-08-22T06:00:00.000Z");

/** Snapshots every `stepMs` going back `spanMs` from NOW (NOW included, as id 0). */
function every(stepMs: number, spanMs: number, startId = 0): WindowCandidate[] {
  const out: WindowCandidate[] = [];
  for (let t = 0, id = startId; t <= spanMs; t += stepMs, id += 1) {
    out.push({ id, takenAt: new Date(NOW - t).toISOString() });
  }
  return out;
}
const current: WindowCandidate = { id: 0, takenAt: new Date(NOW).toISOString() };
const ago = (choice: ReturnType<typeof pickComparison>) =>
  choice === null ? null : (NOW - Date.parse(choice.snapshot.takenAt)) / DAY;

describe("which snapshot a window compares with", () => {
  it("takes the snapshot exactly 1, 4 and 12 weeks earlier with 6-hourly collection", () => {
    const history = every(6 * HOUR, 100 * DAY);
    for (const weeks of [1, 4, 12]) {
      const choice = pickComparison(current, weeks, history);
      expect(choice?.exact).toBe(true);
      expect(ago(choice)).toBe(weeks * 7);
    }
  });

  it("takes the nearest within ±12 h with daily collection at another hour", () => {
    const history = every(DAY, 100 * DAY).map((c) => ({
      ...c,
      takenAt: new Date(Date.parse(c.takenAt) - 5 * HOUR).toISOString(),
    }));
    const choice = pickComparison(current, 1, [current, ...history.slice(1)]);
    expect(choice?.exact).toBe(true);
    expect(ago(choice)).toBeCloseTo(7 + 5 / 24, 5);
  });

  it("says the real span when there is less history: 15 days of it and a 12-week window", () => {
    const choice = pickComparison(current, 12, every(DAY, 15 * DAY));
    expect(choice?.exact).toBe(false);
    expect(ago(choice)).toBe(15);
  });

  it("across a gap around the target, prefers the oldest snapshot inside the window", () => {
    const history = [...every(DAY, 5 * DAY), { id: 99, takenAt: new Date(NOW - 30 * DAY).toISOString() }];
    const choice = pickComparison(current, 1, history);
    expect(choice?.exact).toBe(false);
    expect(ago(choice)).toBe(5);
  });

  it("falls back to the newest snapshot before the target when nothing was taken since", () => {
    const history = [
      current,
      { id: 7, takenAt: new Date(NOW - 40 * DAY).toISOString() },
      { id: 8, takenAt: new Date(NOW - 60 * DAY).toISOString() },
    ];
    const choice = pickComparison(current, 1, history);
    expect(choice).toEqual({ snapshot: history[1], exact: false });
  });

  it("counts ±12 h as exact and 12 h 1 min as not", () => {
    const at = (offsetMs: number) => [{ id: 1, takenAt: new Date(NOW - 7 * DAY + offsetMs).toISOString() }];
    expect(pickComparison(current, 1, at(12 * HOUR))?.exact).toBe(true);
    expect(pickComparison(current, 1, at(-12 * HOUR))?.exact).toBe(true);
    expect(pickComparison(current, 1, at(12 * HOUR + 60_000))?.exact).toBe(false);
  });

  it("breaks ties for the nearest towards the earlier snapshot, and at one instant towards the one saved last", () => {
    const twoSides = [
      { id: 1, takenAt: new Date(NOW - 7 * DAY - 3 * HOUR).toISOString() },
      { id: 2, takenAt: new Date(NOW - 7 * DAY + 3 * HOUR).toISOString() },
    ];
    expect(pickComparison(current, 1, twoSides)?.snapshot.id).toBe(1);
    const sameInstant = [
      { id: 4, takenAt: new Date(NOW - 7 * DAY).toISOString() },
      { id: 3, takenAt: new Date(NOW - 7 * DAY).toISOString() },
    ];
    expect(pickComparison(current, 1, sameInstant)?.snapshot.id).toBe(4);
  });

  it("has nothing to compare with when no snapshot is older than the current one", () => {
    expect(pickComparison(current, 1, [current])).toBeNull();
    expect(pickComparison(current, 1, [])).toBeNull();
  });
});
