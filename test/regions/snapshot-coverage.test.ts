import { describe, expect, it } from "vitest";
import { defaultRegionAttributor } from "../../src/services/regions/attribution.js";
import { measureCoverage } from "../../src/services/regions/coverage.js";
import {
  readSnapshotModels,
  SHARED_SNAPSHOT_PATH,
  sharedSnapshotPresent,
  topByDownloads,
} from "./snapshot-models.js";

const present = sharedSnapshotPresent();
const title = present
  ? "attribution coverage on the May 2026 top-1,000 snapshot"
  : `attribution coverage on the May 2026 snapshot — SKIPPED: ${SHARED_SNAPSHOT_PATH} is absent`;

/** The least share of downloads the curated list must attribute. */
const MIN_COVERAGE = 0.85;

/** A namespace above this share of a snapshot's downloads must be attributed, or explained. */
const LARGE_AUTHOR_SHARE = 0.003;

/**
 * Large namespaces that were researched and deliberately left unattributed because no reliable
 * base was found (see "Looked up, base not established" in src/services/regions/README.md).
 * Attributing one means removing it here.
 */
const LOOKED_UP_BUT_UNKNOWN = ["Falconsai", "hexgrad", "HauhauCS", "Jackrong", "cyankiwi"];

describe.skipIf(!present)(title, () => {
  const attributor = defaultRegionAttributor();
  // Read lazily: when the file is absent this block is skipped and must not touch the disk.
  const snapshot = () => readSnapshotModels(SHARED_SNAPSHOT_PATH);

  it("reads all 1,000 models", () => {
    const { models, skipped } = snapshot();
    expect(skipped).toBe(0);
    expect(models).toHaveLength(1000);
  });

  it(`attributes at least ${MIN_COVERAGE * 100}% of all 1,000 models' downloads`, () => {
    expect(measureCoverage(snapshot().models, attributor).coverage).toBeGreaterThanOrEqual(MIN_COVERAGE);
  });

  it.each([10, 100, 500])(
    `attributes at least ${MIN_COVERAGE * 100} percent of the top %i models re-sorted by downloads`,
    (n) => {
      const top = topByDownloads(snapshot().models, n);
      expect(measureCoverage(top, attributor).coverage).toBeGreaterThanOrEqual(MIN_COVERAGE);
    },
  );

  it(`attributes every author above ${LARGE_AUTHOR_SHARE * 100}% of downloads but the documented unknowns`, () => {
    const report = measureCoverage(snapshot().models, attributor, { top: Number.POSITIVE_INFINITY });
    const large = report.topUnattributed.filter((u) => u.share > LARGE_AUTHOR_SHARE).map((u) => u.author);
    expect(large.sort()).toEqual([...LOOKED_UP_BUT_UNKNOWN].sort());
  });

  it("keeps the documented unknowns out of the curated list", () => {
    for (const author of LOOKED_UP_BUT_UNKNOWN)
      expect(attributor.regionOf(author), author).toBe("unattributed");
  });
});
