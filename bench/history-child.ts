import { monitorEventLoopDelay } from "node:perf_hooks";
import { pino } from "pino";
import { parseConfig } from "../src/config.js";
import { createServices } from "../src/services/create-services.js";
import { DEFAULT_METHOD } from "../src/services/method/method.js";
import { modelProfile, orgProfile, rankModels, snapshotSource } from "../src/services/snapshots/profiles.js";
import { baseModels, modelsOfDay, takenAtOfDay } from "./history-data.js";

/**
 * One run of the scale bench in a process of its own, as a restarted bot would be: opens the
 * history at DB_PATH, computes `/trends` (overview) for WINDOW weeks with no answer stored, has
 * another process read the answer the first stored, then saves a new snapshot, refreshes, computes
 * again and warms up as the scheduler does, and deletes that snapshot (the history file is reused). Prints one
 * JSON line: for each step, its wall time and the event loop's longest and p99 delay while it ran
 * (`monitorEventLoopDelay`, 1 ms resolution: a step that blocks the loop for 800 ms shows ~800).
 *
 * With `backfill`, only computes and stores the aggregates of every snapshot that has none (what
 * the first start after migration 6 does in the background), measured the same way.
 *
 * Usage: history-child.ts DB_PATH WINDOW [backfill]
 */
const [path, windowText, mode] = process.argv.slice(2);
if (path === undefined || windowText === undefined) throw new Error("usage: history-child.ts DB_PATH WINDOW");
const windowWeeks = Number(windowText) as 1 | 4 | 12;

const parsed = parseConfig({ DATABASE_PATH: path, HUB_URL: "http://127.0.0.1:9" });
if (!parsed.ok) throw new Error(parsed.errors.join("; "));
const logger = pino({ level: "silent" });

interface Step {
  ms: number;
  loopMaxMs: number;
  loopP99Ms: number;
}

// Enabled for the whole run. Its first tick after enable() or reset() only starts its clock, so
// a step that blocks at once after either would go unrecorded.
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measured(work: () => Promise<unknown>): Promise<Step> {
  histogram.reset();
  // reset() restarts the histogram's clock too: let it tick before the step starts.
  await pause(3);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  // A few more turns of the loop, so that a block at the very end is recorded too.
  await pause(5);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    ms: round(ms),
    loopMaxMs: round(histogram.max / 1e6),
    loopP99Ms: round(histogram.percentile(99) / 1e6),
  };
}

const open = () =>
  createServices(parsed.config, { logger, clock: () => new Date(), fetch: globalThis.fetch });
const opened = performance.now();
const services = await open();
const openMs = Math.round(performance.now() - opened);
try {
  if (mode === "backfill") {
    let count = 0;
    const step = await measured(async () => {
      count = await services.trends.backfillAggregates();
    });
    process.stdout.write(`${JSON.stringify({ openMs, backfill: step, count })}\n`);
    process.exit(0);
  }
  // Computed: no answer is stored (an earlier run, or the scheduler, may have stored one).
  await services.database.db.deleteFrom("stats_answers").execute();
  const afterRestart = await measured(() => services.trends.stats({ region: null, windowWeeks }));
  // Another process started now (a replica, the CLI) reads what the first one stored.
  const other = await open();
  const storedAfterRestart = await measured(() => other.trends.stats({ region: null, windowWeeks }));
  // The other commands' work, as their checks and answers call it, in that process (a replica that
  // has just started and answered /trends from a stored answer): the most downloaded organisation
  // and model, against the 1-week comparison.
  const { lookup, trends } = other;
  const current = await trends.latestSnapshot();
  const previous = trends.knownComparisonOf(current, 1)?.snapshot ?? null;
  const [first] = [...current.models].sort((a, b) => b.downloads - a.downloads);
  if (first === undefined) throw new Error("the new snapshot has no models");
  const commands = {
    org: await measured(async () => {
      // As its check does: the compared snapshot's universe first, in slices.
      if (previous !== null) await trends.universeOf(previous, DEFAULT_METHOD);
      orgProfile(current, previous, first.author, lookup);
      snapshotSource(current, lookup);
    }),
    model: await measured(async () => modelProfile(current, previous, first.id, lookup)),
    top: await measured(async () => {
      for (const sort of ["downloads", "likes", "trending"] as const)
        rankModels(current, { sort, task: null, region: null, limit: 10 }, lookup);
    }),
    compareUploaderNew: await measured(async () => {
      const method = { by: "uploader", cohort: "new" } as const;
      await trends.universeOf(current, method);
      orgProfile(current, null, first.author, lookup, method);
      snapshotSource(current, lookup, method);
    }),
  };
  await other.close();
  const again = await measured(() => services.trends.stats({ region: "china", windowWeeks }));
  const models = modelsOfDay(baseModels(), -1);
  let newId: number | null = null;
  const save = await measured(async () => {
    newId = (await services.store.save({ takenAt: takenAtOfDay(-1), source: "collect", models, skipped: 0 }))
      .id;
  });
  try {
    const refresh = await measured(() => services.trends.refresh());
    const afterNewSnapshot = await measured(() => services.trends.stats({ region: null, windowWeeks }));
    // What the scheduler does next: every region and window computed and stored.
    const warm = await measured(() => services.trends.warm());
    process.stdout.write(
      `${JSON.stringify({ openMs, afterRestart, storedAfterRestart, again, save, refresh, afterNewSnapshot, warm, commands, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
    );
  } finally {
    if (newId !== null) await services.store.delete(newId);
  }
} finally {
  await services.close();
}
