import { parseConfig } from "../src/config.js";
import type { ModelRecord } from "../src/services/hub/types.js";
import { aboutFigures } from "../src/services/method/about-figures.js";
import {
  ALL_METHODS,
  type CountingMethod,
  DEFAULT_METHOD,
  methodKey,
} from "../src/services/method/method.js";
import { defaultRegionAttributor } from "../src/services/regions/attribution.js";
import { computeTrendStats, historyPoint } from "../src/services/stats/compute-trend-stats.js";
import { startFakeHub } from "../test/fakes/hub/fake-hub.js";
import { generateHubModels } from "../test/fixtures/generate-hub-models.js";
import { type CollectSizes, collectHere, collectInChild, LARGE_COLLECTION } from "./collect.js";
import { median, percentile } from "./stats.js";

const DAY_MS = 86_400_000;

/**
 * Issue 8's figures: collecting the default universe (top 5,000 by downloads, trending, newest,
 * with cards) against the fake Hub, beside the former default (top 1,000); and aggregating 10,000
 * models under every `by` × `cohort`.
 *
 * Aggregation is timed three ways, over fresh record objects each round (as a newly loaded
 * snapshot has): cold (the snapshot's first computation: lineage index, per-record facts, the
 * method's aggregates), warm (another method over the same loaded snapshot: its lineage and facts
 * are reused, the method's aggregates are not; the case `/trends by:uploader` meets after the
 * default was warmed) and, for reference, the cached answer of a method already computed.
 */
export async function benchCounting(): Promise<Record<string, unknown>> {
  const now = new Date();
  const rows = generateHubModels({ count: 12_000, now, seed: 11 }).rows;
  const hub = await startFakeHub({ models: rows });
  try {
    const defaults = collectionDefaults();
    const current = await collectInChild(hub.url, defaults);
    const former = await collectInChild(hub.url, { ...defaults, topN: 1000 });
    const models = await collectHere(hub.url, LARGE_COLLECTION, now);
    const lookup = defaultRegionAttributor();
    const takenAt = now.toISOString();
    const previous = { takenAt: new Date(now.getTime() - 7 * DAY_MS).toISOString(), models };
    const aggregate = (snapshotModels: readonly ModelRecord[], method: CountingMethod) =>
      computeTrendStats({
        current: { takenAt, models: snapshotModels },
        previous,
        history: [historyPoint(previous, lookup, method)],
        region: null,
        lookup,
        method,
      });
    const cold = new Map<string, number[]>();
    const warm = new Map<string, number[]>();
    const cached: number[] = [];
    const about: number[] = [];
    const push = (map: Map<string, number[]>, key: string, ms: number) =>
      map.set(key, [...(map.get(key) ?? []), ms]);
    for (let round = 0; round < 12; round += 1) {
      for (const method of ALL_METHODS) {
        // Cold: this method first on a fresh snapshot. Warm: every method after the default.
        let fresh = models.map((m) => ({ ...m }));
        let started = performance.now();
        aggregate(fresh, method);
        push(cold, methodKey(method), performance.now() - started);
        fresh = models.map((m) => ({ ...m }));
        aggregate(fresh, DEFAULT_METHOD);
        started = performance.now();
        aggregate(fresh, method);
        push(warm, methodKey(method), performance.now() - started);
        started = performance.now();
        aggregate(fresh, method);
        cached.push(performance.now() - started);
      }
      // /about answers at once (no deferral): every method's aggregates, once /trends warmed the default.
      const fresh = models.map((m) => ({ ...m }));
      aggregate(fresh, DEFAULT_METHOD);
      const started = performance.now();
      aboutFigures({ takenAt, models: fresh }, lookup);
      about.push(performance.now() - started);
    }

    const figures: Record<string, unknown> = {
      [`collect the default universe (top ${defaults.topN}, trending ${defaults.trendingN}, newest ≤ ${defaults.newLimit} of 8 weeks)`]:
        collectFigures(current),
      "collect the former default (top 1000, same trending and newest)": collectFigures(former),
      [`aggregate ${models.length} models with week over week (median / p95 ms)`]: Object.fromEntries(
        ALL_METHODS.map((method) => {
          const key = methodKey(method);
          const c = cold.get(key) ?? [];
          const w = warm.get(key) ?? [];
          return [
            `${key}${key === methodKey(DEFAULT_METHOD) ? " (default)" : ""}`,
            `cold ${round(median(c))} / ${round(percentile(c, 95))}, warm ${round(median(w))} / ${round(percentile(w, 95))}`,
          ];
        }),
      ),
      "the same method again (aggregates reused): median (ms)": round(median(cached), 3),
      "/about's figures, every method, after the default was computed (median / p95 ms)": `${round(median(about))} / ${round(percentile(about, 95))}`,
    };
    return figures;
  } finally {
    await hub.close();
  }
}

function collectFigures(run: Record<string, number>): Record<string, number> {
  return {
    "wall time (ms)": Math.round(run.ms ?? Number.NaN),
    "Hub requests": run.requests ?? Number.NaN,
    "models after dedupe": run.models ?? Number.NaN,
    "models naming a base in their card": run.withBases ?? Number.NaN,
    "peak RSS of the collecting process (MB)": Math.round(run.peakRssMB ?? Number.NaN),
    "RSS before collecting (MB, Node + tsx)": Math.round(run.baselineRssMB ?? Number.NaN),
  };
}

/** The collection sizes a bot with no settings uses (config.ts defaults, from an empty environment). */
function collectionDefaults(): CollectSizes {
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const { topN, trendingN, newLimit } = parsed.config.collection;
  return { topN, trendingN, newLimit };
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
