import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createQueryCache } from "../../src/services/cache/query-cache.js";
import type { ChartRenderer } from "../../src/services/charts/renderer.js";
import { createSharedRenderer } from "../../src/services/charts/shared-renderer.js";
import { buildChartSpec } from "../../src/services/charts/views.js";
import { createLimiter } from "../../src/services/concurrency-limit.js";
import { SNAPSHOT_QUERY_PREFIX } from "../../src/services/snapshots/collector.js";
import { overviewStats } from "./fixtures.js";

/** A renderer that counts calls and how many run at once, answering after a tick. */
function countingRenderer(): ChartRenderer & { calls: number; maxConcurrent: number } {
  let running = 0;
  const state = {
    calls: 0,
    maxConcurrent: 0,
    async render() {
      state.calls += 1;
      running += 1;
      state.maxConcurrent = Math.max(state.maxConcurrent, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return Buffer.from(`png ${state.calls}`);
    },
  };
  return state;
}

function cache() {
  return createQueryCache({ ttlSeconds: 900, clock: () => new Date(), logger: pino({ level: "silent" }) });
}

describe("createSharedRenderer", () => {
  const regions = buildChartSpec("regions", overviewStats, { locale: "en-US" });
  const tasks = buildChartSpec("tasks", overviewStats, { locale: "en-US" });

  it("renders a chart asked for 100 times at once only once", async () => {
    const inner = countingRenderer();
    const shared = createSharedRenderer(inner, { cache: cache(), concurrency: 2 });
    const pngs = await Promise.all(Array.from({ length: 100 }, () => shared.render(regions)));
    expect(inner.calls).toBe(1);
    expect(new Set(pngs.map((p) => p.toString())).size).toBe(1);
  });

  it("renders different charts or sizes separately, never more than `concurrency` at once", async () => {
    const inner = countingRenderer();
    const shared = createSharedRenderer(inner, { cache: cache(), concurrency: 2 });
    await Promise.all([
      shared.render(regions),
      shared.render(tasks),
      shared.render(regions, { devicePixelRatio: 1 }),
      shared.render(tasks, { devicePixelRatio: 1 }),
    ]);
    expect(inner.calls).toBe(4);
    expect(inner.maxConcurrent).toBe(2);
  });

  it("renders again once a new snapshot invalidates the cached pictures", async () => {
    const inner = countingRenderer();
    const queries = cache();
    const shared = createSharedRenderer(inner, { cache: queries, concurrency: 1 });
    await shared.render(regions);
    queries.invalidate(SNAPSHOT_QUERY_PREFIX);
    await shared.render(regions);
    expect(inner.calls).toBe(2);
  });
});

describe("createLimiter", () => {
  it("never lets a task arriving as a slot frees up push the count past the limit", async () => {
    const limit = createLimiter(1);
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await Promise.resolve();
      running -= 1;
    };
    const first = limit(task);
    const second = limit(task);
    // Arrives while the first finishes and hands its slot to the second.
    await first;
    const third = limit(task);
    await Promise.all([second, third]);
    expect(most).toBe(1);
  });

  it("runs queued tasks in arrival order and passes failures through", async () => {
    const limit = createLimiter(1);
    const order: number[] = [];
    const results = await Promise.allSettled([
      limit(async () => order.push(1)),
      limit(async () => {
        throw new Error("boom");
      }),
      limit(async () => order.push(3)),
    ]);
    expect(order).toEqual([1, 3]);
    expect(results[1]).toMatchObject({ status: "rejected", reason: new Error("boom") });
  });
});
