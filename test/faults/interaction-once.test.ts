import { describe, expect, it } from "vitest";
import { createSeenInteractions } from "../../src/bot/interaction-once.js";
import { testClock } from "../bot/test-world.js";

describe("createSeenInteractions", () => {
  it("says first time once per id", () => {
    const seen = createSeenInteractions({ clock: testClock("2026-05-04T00:00:00Z") });
    expect(seen.firstTime("1")).toBe(true);
    expect(seen.firstTime("1")).toBe(false);
    expect(seen.firstTime("2")).toBe(true);
  });

  it("forgets an id once its token can no longer be used", () => {
    const clock = testClock("2026-05-04T00:00:00Z");
    const seen = createSeenInteractions({ clock });
    seen.firstTime("1");
    clock.advance(15 * 60_000 - 1000);
    expect(seen.firstTime("1")).toBe(false);
    clock.advance(2000);
    expect(seen.firstTime("1")).toBe(true);
  });

  it("keeps memory bounded, forgetting the oldest first", () => {
    const seen = createSeenInteractions({ clock: testClock("2026-05-04T00:00:00Z"), maxRemembered: 3 });
    for (const id of ["1", "2", "3", "4"]) expect(seen.firstTime(id)).toBe(true);
    expect(seen.firstTime("4")).toBe(false);
    expect(seen.firstTime("1")).toBe(true);
  });
});
