/**
 * Prints how much of a snapshot the curated organisation list attributes, and who is missing.
 *
 *   npx tsx test/regions/measure-coverage.ts [file]
 *
 * `file` is the shared reference snapshot by default; a raw `/api/models` JSON array works too.
 * A script, not a test: it reports figures for a person to read when curating organisations.json.
 */
import { defaultRegionAttributor } from "../../src/services/regions/attribution.js";
import { measureCoverage } from "../../src/services/regions/coverage.js";
import { REGIONS, type RegionOrUnattributed } from "../../src/services/regions/types.js";
import { readSnapshotModels, SHARED_SNAPSHOT_PATH, topByDownloads } from "./snapshot-models.js";

const percent = (share: number): string => `${(share * 100).toFixed(2)}%`;

const path = process.argv[2] ?? SHARED_SNAPSHOT_PATH;
const { models, skipped } = readSnapshotModels(path);
const attributor = defaultRegionAttributor();

console.log(`${path}: ${models.length} models${skipped > 0 ? ` (${skipped} rows skipped)` : ""}`);
console.log(`${attributor.organisations().length} curated organisations\n`);

const sizes = [10, 100, 1000].filter((n) => n < models.length);
for (const [label, subset] of [
  [`all ${models.length} models`, models] as const,
  ...sizes.map((n) => [`top ${n} by downloads`, topByDownloads(models, n)] as const),
]) {
  const report = measureCoverage(subset, attributor);
  console.log(
    `coverage, ${label}: ${percent(report.coverage)} ` +
      `(${report.attributedDownloads.toLocaleString("en")} of ${report.totalDownloads.toLocaleString("en")} downloads)`,
  );
}

const byRegion = new Map<RegionOrUnattributed, number>();
let total = 0;
for (const model of models) {
  const region = attributor.regionOf(model.author);
  byRegion.set(region, (byRegion.get(region) ?? 0) + model.downloads);
  total += model.downloads;
}
console.log("\nshare of downloads by region, all models:");
for (const region of [...REGIONS, "unattributed"] as const) {
  console.log(
    `  ${region.padEnd(12)} ${percent(total > 0 ? (byRegion.get(region) ?? 0) / total : 0).padStart(7)}`,
  );
}

const report = measureCoverage(models, attributor, { top: 15 });
console.log("\ntop 15 unattributed authors, all models:");
for (const { author, downloads, share } of report.topUnattributed) {
  console.log(`  ${percent(share).padStart(7)}  ${downloads.toLocaleString("en").padStart(12)}  ${author}`);
}
