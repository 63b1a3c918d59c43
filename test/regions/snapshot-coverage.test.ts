import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALL_METHODS, methodKey } from "../../src/services/method/method.js";
import { defaultRegionAttributor } from "../../src/services/regions/attribution.js";
import { measureCoverage } from "../../src/services/regions/coverage.js";
import { notEstablishedNamespaces } from "../../src/services/regions/not-established.js";
import { parseModelsFile } from "../../src/services/snapshots/import-file.js";
import { universeAggregates } from "../../src/services/stats/region-shares.js";
import { generateReferenceSnapshot } from "../fixtures/reference-snapshot.js";
import {
  modelsFromJson,
  readSnapshotModels,
  SHARED_SNAPSHOT_PATH,
  sharedSnapshotPresent,
  topByDownloads,
} from "./snapshot-models.js";

const present = sharedSnapshotPresent();
const title = present
  ? "attribution coverage on the May 2026 reference snapshot (1,000 models in trending order)"
  : `attribution coverage on the May 2026 snapshot — SKIPPED: ${SHARED_SNAPSHOT_PATH} is absent`;

/** The least share of downloads the curated list must attribute, under every counting method. */
const MIN_COVERAGE = 0.92;

/** A namespace above this share of a snapshot's downloads must be attributed, or listed as not established. */
const LARGE_AUTHOR_SHARE = 0.003;

describe.skipIf(!present)(title, () => {
  const attributor = defaultRegionAttributor();
  // Read lazily: when the file is absent this block is skipped and must not touch the disk.
  const snapshot = () => readSnapshotModels(SHARED_SNAPSHOT_PATH);
  const asImported = () => {
    const parsed = parseModelsFile(readFileSync(SHARED_SNAPSHOT_PATH, "utf8"));
    if (parsed.fileDate === null || !parsed.fileDate.ok)
      throw new Error("the reference file states its date");
    return { takenAt: parsed.fileDate.date.toISOString(), models: parsed.models };
  };
  const notEstablished = notEstablishedNamespaces().map((entry) => entry.author.toLowerCase());

  it.each([10, 100, 500, 1000])(
    `attributes at least ${MIN_COVERAGE * 100} percent of the top %i models re-sorted by downloads, by uploader`,
    (n) => {
      const top = topByDownloads(snapshot().models, n);
      expect(measureCoverage(top, attributor).coverage).toBeGreaterThanOrEqual(MIN_COVERAGE);
    },
  );

  it.each(ALL_METHODS.map((method) => ({ method, key: methodKey(method) })))(
    `attributes at least ${MIN_COVERAGE * 100} percent of downloads and decides every namespace above ${LARGE_AUTHOR_SHARE * 100}%, counted $key`,
    ({ method }) => {
      const { shares, orgs } = universeAggregates(asImported(), attributor, method);
      expect(1 - shares.unattributed).toBeGreaterThanOrEqual(MIN_COVERAGE);
      const undecided = orgs
        .filter((org) => org.region === "unattributed" && org.share > LARGE_AUTHOR_SHARE)
        .map((org) => org.author)
        .filter((author) => !notEstablished.includes(author.toLowerCase()));
      expect(undecided).toEqual([]);
    },
  );

  it("lists the large unknowns of this snapshot (by uploader) as not established", () => {
    const report = measureCoverage(snapshot().models, attributor, { top: Number.POSITIVE_INFINITY });
    const large = report.topUnattributed.filter((u) => u.share > LARGE_AUTHOR_SHARE).map((u) => u.author);
    expect(large.sort()).toEqual(["cyankiwi", "Falconsai", "HauhauCS", "hexgrad", "Jackrong"].sort());
    for (const author of large) expect(notEstablished).toContain(author.toLowerCase());
  });
});

describe("measure-coverage's reader on a file shaped like the reference snapshot", () => {
  it("reads all 1,000 models of the collector's shape", () => {
    const { models, skipped } = modelsFromJson(generateReferenceSnapshot());
    expect(skipped).toBe(0);
    expect(models).toHaveLength(1000);
  });
});

describe("the not-established list", () => {
  it("names no namespace the curated list attributes", () => {
    const attributor = defaultRegionAttributor();
    for (const { author } of notEstablishedNamespaces())
      expect(attributor.regionOf(author), author).toBe("unattributed");
  });

  it("gives every namespace a reason", () => {
    for (const { author, reason } of notEstablishedNamespaces())
      expect(reason.length, author).toBeGreaterThan(20);
  });
});
