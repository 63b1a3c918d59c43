import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { ModelRecord } from "../../src/services/hub/types.js";
import { ALL_METHODS } from "../../src/services/method/method.js";
import { computeTrendStats, trendStatsSteps } from "../../src/services/stats/compute-trend-stats.js";
import type { SnapshotData } from "../../src/services/stats/inputs.js";
import { runSliced, SLICE } from "../../src/services/stats/stepped.js";
import { LOOKUP, model } from "./builders.js";

const AUTHORS = ["Qwen", "deepseek-ai", "meta-llama", "google", "mistralai", "sarvamai", "tiiuae", "someone"];
const TASKS = ["text-generation", "image-text-to-text", "text-to-image", null];

/** A snapshot of `count` models (several slices), with derivatives, new models and ranks. */
function snapshotOf(takenAt: string, count: number, bump: number): SnapshotData {
  const models: ModelRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const author = AUTHORS[i % AUTHORS.length] ?? "someone";
    const base = i % 5 === 0 && i > 0 ? `${AUTHORS[(i + 1) % AUTHORS.length]}/m${i - 1}` : null;
    models.push(
      model({
        id: `${author}/m${i}`,
        downloads: ((i * 7919) % 5000) + bump * (i % 3),
        downloadsAllTime: 100_000 + i * 13 + bump * i,
        downloadsRank: i < count - 50 ? i + 1 : null,
        pipelineTag: TASKS[i % TASKS.length] ?? null,
        createdAt: i % 4 === 0 ? new Date(Date.parse(takenAt) - (i % 60) * 86_400_000).toISOString() : null,
        parameters: i % 3 === 0 ? (i % 50) * 1e9 : null,
        baseModels: base === null ? [] : [base],
      }),
    );
  }
  return { takenAt, models };
}

// Separate objects for each run: results are remembered per snapshot, and the point is that the
// sliced run computes them itself.
const pair = () => ({
  current: snapshotOf("2026-11-26T12:00:00.000Z", 4 * SLICE + 123, 3),
  previous: snapshotOf("2026-11-19T12:00:00.000Z", 4 * SLICE + 100, 0),
});

describe("trend stats a slice at a time", () => {
  it("are the same figures as computed at once, for every method and region", async () => {
    for (const method of ALL_METHODS) {
      for (const region of [null, "china", "us"] as const) {
        const at = pair();
        const sliced = pair();
        const input = (p: typeof at) => ({
          ...p,
          method,
          region,
          lookup: LOOKUP,
          history: [],
          windowWeeks: 1,
        });
        const expected = computeTrendStats(input(at));
        // A budget of 0 lets the event loop run at every pause.
        expect(await runSliced(trendStatsSteps(input(sliced)), 0)).toEqual(expected);
        expect(expected.weekOverWeek?.downloadsBetween).not.toBeNull();
      }
    }
  });

  it("lets the event loop run while a snapshot's first aggregation is under way", async () => {
    const { current, previous } = pair();
    let turns = 0;
    let done = false;
    const counting = (async () => {
      while (!done) {
        await yieldToEventLoop();
        turns += 1;
      }
    })();
    await runSliced(trendStatsSteps({ current, previous, lookup: LOOKUP, history: [], region: null }), 0);
    done = true;
    await counting;
    // Several pauses per pass over 2,123 models: far more than a handful of turns.
    expect(turns).toBeGreaterThan(20);
  });
});
