import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { lineageIndexOf } from "../method/lineage.js";
import type { RegionLookup } from "../stats/inputs.js";
import { factsOf, memoizedLookup } from "../stats/model-facts.js";
import { parameterCountOf } from "../stats/parameters.js";
import type { Snapshot } from "../storage/snapshot-store.js";

/** Models per slice: ~3 ms of work each here, so the event loop stays free between slices. */
const SLICE = 1000;

/**
 * Works out, a slice of models at a time, what every computation over a newly loaded snapshot
 * derives per model and remembers (each record's family, cohorts and size, its author's region, the
 * lineage index), so that the first `/trends` after a restart or a new snapshot does not do it all
 * in one block of the event loop (`npm run bench scale`).
 */
export async function prepareSnapshot(snapshot: Snapshot, lookup: RegionLookup): Promise<void> {
  const shared = memoizedLookup(lookup);
  const { models } = snapshot;
  for (let start = 0; start < models.length; start += SLICE) {
    for (const model of models.slice(start, start + SLICE)) {
      factsOf(model);
      parameterCountOf(model);
      shared.regionOf(model.author);
    }
    await yieldToEventLoop();
  }
  lineageIndexOf(models);
  await yieldToEventLoop();
}
