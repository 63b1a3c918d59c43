import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { pino } from "pino";
import { createHubClient } from "../src/services/hub/hub-client.js";
import type { ModelRecord } from "../src/services/hub/types.js";

/** How many models a collection run asks for, per list. */
export interface CollectSizes {
  topN: number;
  trendingN: number;
  newLimit: number;
}

/** The 10,000-model run the stats benches aggregate over. */
export const LARGE_COLLECTION: CollectSizes = { topN: 10_000, trendingN: 1000, newLimit: 1000 };

/**
 * One collection run in a child process (collect-child.ts), so its peak RSS is the collector's
 * alone; asynchronous on purpose, since the fake Hub answers from this process's event loop.
 */
export async function collectInChild(hubUrl: string, sizes: CollectSizes): Promise<Record<string, number>> {
  const child = await promisify(execFile)(process.execPath, [
    "--import",
    "tsx",
    fileURLToPath(new URL("./collect-child.ts", import.meta.url)),
    hubUrl,
    String(sizes.topN),
    String(sizes.trendingN),
    String(sizes.newLimit),
  ]);
  return JSON.parse(child.stdout) as Record<string, number>;
}

/** The same run in this process, for the models to aggregate. */
export async function collectHere(hubUrl: string, sizes: CollectSizes, now: Date): Promise<ModelRecord[]> {
  const client = createHubClient({ hubUrl, fetch: globalThis.fetch, logger: pino({ level: "silent" }) });
  const { models } = await client.collectModels({ ...sizes, newWeeks: 8, now });
  return models;
}
