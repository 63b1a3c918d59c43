import { pino } from "pino";
import { createHubClient } from "../src/services/hub/hub-client.js";

/**
 * One collection run in a process of its own, so its peak RSS is the collector's alone (the fake
 * Hub runs in the parent). `collect-child.ts HUB_URL [TOP_N TRENDING_N NEW_LIMIT]`, by default
 * 10,000 / 1,000 / 1,000. Prints one JSON line of figures.
 */
const [hubUrl, topN = "10000", trendingN = "1000", newLimit = "1000"] = process.argv.slice(2);
if (hubUrl === undefined) throw new Error("usage: collect-child.ts HUB_URL [TOP_N TRENDING_N NEW_LIMIT]");
const hub = createHubClient({ hubUrl, fetch: globalThis.fetch, logger: pino({ level: "silent" }) });
const rssBefore = process.resourceUsage().maxRSS;
const started = performance.now();
const result = await hub.collectModels({
  topN: Number(topN),
  trendingN: Number(trendingN),
  newWeeks: 8,
  newLimit: Number(newLimit),
  now: new Date(),
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    ms,
    requests: result.requests,
    models: result.models.length,
    skipped: result.skipped,
    withBases: result.models.filter((m) => m.baseModels.length > 0).length,
    baselineRssMB: rssBefore / 1024,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
