import { pino } from "pino";
import { createHubClient } from "../src/services/hub/hub-client.js";

/**
 * One collection run of 10,000 models in a process of its own, so its peak RSS is the collector's
 * alone (the fake Hub runs in the parent). Prints one JSON line of figures.
 */
const hubUrl = process.argv[2];
if (hubUrl === undefined) throw new Error("usage: collect-child.ts HUB_URL");
const hub = createHubClient({ hubUrl, fetch: globalThis.fetch, logger: pino({ level: "silent" }) });
const rssBefore = process.resourceUsage().maxRSS;
const started = performance.now();
const result = await hub.collectModels({
  topN: 10_000,
  trendingN: 1000,
  newWeeks: 8,
  newLimit: 1000,
  now: new Date(),
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    ms,
    requests: result.requests,
    models: result.models.length,
    skipped: result.skipped,
    baselineRssMB: rssBefore / 1024,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
