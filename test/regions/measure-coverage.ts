/**
 * Prints how much of a snapshot the curated organisation list attributes, and who is missing, under
 * every way of counting (`by` × `cohort`), with China's and the US's shares side by side: the
 * figures `/about` shows.
 *
 *   npx tsx test/regions/measure-coverage.ts [file]
 *
 * `file` is the shared reference snapshot by default (the only real snapshot on this machine: 1,000
 * models in trending order, 2026-05-04); a raw `/api/models` JSON array works too, read as an
 * import is. A script, not a test: it reports figures for a person to read when curating
 * organisations.json or choosing a default method.
 */
import { readFileSync } from "node:fs";
import { aboutFigures, HF_RUN_LIBRARIES } from "../../src/services/method/about-figures.js";
import { declaredBases, lineageIndexOf } from "../../src/services/method/lineage.js";
import { DEFAULT_METHOD } from "../../src/services/method/method.js";
import { cohortLabel, creditLabel } from "../../src/services/method/wording.js";
import { defaultRegionAttributor } from "../../src/services/regions/attribution.js";
import { notEstablishedNamespaces } from "../../src/services/regions/not-established.js";
import { REGIONS } from "../../src/services/regions/types.js";
import { parseModelsFile } from "../../src/services/snapshots/import-file.js";
import { universeAggregates } from "../../src/services/stats/region-shares.js";
import { SHARED_SNAPSHOT_PATH } from "./snapshot-models.js";

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

const path = process.argv[2] ?? SHARED_SNAPSHOT_PATH;
const parsed = parseModelsFile(readFileSync(path, "utf8"));
const takenAt = parsed.fileDate?.ok === true ? parsed.fileDate.date.toISOString() : new Date().toISOString();
const snapshot = { takenAt, models: parsed.models };
const attributor = defaultRegionAttributor();

console.log(
  `${path}: ${parsed.models.length} models as of ${takenAt}${parsed.skipped > 0 ? ` (${parsed.skipped} rows skipped)` : ""}`,
);
console.log(`${attributor.organisations().length} curated organisations\n`);

const figures = aboutFigures(snapshot, attributor);
const hf = new Set(HF_RUN_LIBRARIES.map((author) => author.toLowerCase()));
console.log("| by | cohort | models | China | US | Europe | coverage | HF-run libraries' part of the US |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of figures.methods) {
  const { shares } = universeAggregates(snapshot, attributor, row.method);
  const mark =
    row.method.by === DEFAULT_METHOD.by && row.method.cohort === DEFAULT_METHOD.cohort ? " (default)" : "";
  console.log(
    `| ${row.method.by} | ${row.method.cohort}${mark} | ${row.modelCount} | ${percent(row.china)} | ${percent(row.us)} | ` +
      `${percent(shares.europe)} | ${percent(row.coverage)} | ${percent(row.hfLibraries.shareOfUs)} |`,
  );
}
const { excluded } = figures.universe;
console.log(
  `\ntest traffic left out of every cohort: ${excluded.modelCount} models, ${excluded.downloads.toLocaleString("en")} downloads`,
);

// How much lineage has to go on: bases named, and found in the snapshot.
const byId = new Set(parsed.models.map((m) => m.id.toLowerCase()));
const derivatives = parsed.models.filter((m) => declaredBases(m).length > 0);
const bases = derivatives.flatMap((m) => declaredBases(m));
const lineage = lineageIndexOf(parsed.models);
const recredited = parsed.models.filter((m) => lineage.originOf(m) !== m.author);
console.log(
  `lineage: ${derivatives.length} models name a base (${bases.filter((b) => byId.has(b.toLowerCase())).length} of ${bases.length} bases are in the snapshot); ` +
    `${recredited.length} models are credited to another namespace than their uploader`,
);

const notEstablished = new Set(notEstablishedNamespaces().map((entry) => entry.author.toLowerCase()));
for (const method of [{ by: "uploader", cohort: "all" } as const, DEFAULT_METHOD]) {
  const { orgs, shares } = universeAggregates(snapshot, attributor, method);
  console.log(
    `\nshare of downloads by region, ${creditLabel(method.by, "en-US")}, ${cohortLabel(method.cohort, "en-US")}:`,
  );
  for (const region of [...REGIONS, "unattributed"] as const) {
    console.log(`  ${region.padEnd(12)} ${percent(shares[region]).padStart(6)}`);
  }
  console.log("top 12 unattributed namespaces (* = looked up, base not established):");
  for (const org of orgs.filter((o) => o.region === "unattributed").slice(0, 12)) {
    const flag = notEstablished.has(org.author.toLowerCase()) ? "*" : " ";
    console.log(`  ${percent(org.share).padStart(6)} ${flag} ${org.author}`);
  }
  const us = orgs.filter((o) => hf.has(o.author.toLowerCase())).reduce((sum, o) => sum + o.share, 0);
  console.log(`sentence-transformers + cross-encoder: ${percent(us)} of all downloads`);
}
