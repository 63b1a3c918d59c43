import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BASE_COMMANDS } from "../../src/cli/run-cli.js";
import type { Config } from "../../src/config.js";
import type { Services } from "../../src/services/create-services.js";
import { inProcessCli, offlineServices } from "./in-process.js";

/**
 * The import rules and `snapshots` commands, run in-process through the CLI's own dispatcher over
 * an in-memory database (no Hub is asked: imports never reach it). The whole-process run is in
 * cli.test.ts.
 */
const NOW = new Date("2026-08-22T06:00:00.000Z");
let dir: string;
let config: Config;
let services: Services;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-import-"));
  ({ config, services } = await offlineServices({ HUB_URL: "http://127.0.0.1:9" }, NOW));
});

afterEach(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = inProcessCli(() => ({ config, services, clock: () => NOW, commands: BASE_COMMANDS }));

function file(name: string, document: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(document));
  return path;
}

const rows = (valid: number, invalid = 0) => [
  ...Array.from({ length: valid }, (_, i) => ({ id: `Qwen/m${i}`, downloads: 100 - i })),
  ...Array.from({ length: invalid }, (_, i) => ({ id: `broken-${i}` })),
];

describe("hubtrends import", () => {
  it("uses the file's own fetchedAt when --as-of is not given", async () => {
    const path = file("dated.json", { fetchedAt: "2026-05-04T04:10:37.776Z", models: rows(12) });
    const run = await cli("import", path);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("as snapshot 1 of 2026-05-04 04:10 UTC (0 rows skipped)");
  });

  it("refuses a file that states no date unless --as-of says when it was read", async () => {
    const path = file("undated.json", rows(12));
    const refused = await cli("import", path);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      "states no date (date, fetched_at, fetchedAt): say when it was read with --as-of",
    );
    expect(await services.store.list()).toEqual([]);
    expect((await cli("import", path, "--as-of", "2026-08-01")).code).toBe(0);
  });

  it.each([
    ["2026-02-30", "2026-02 has no day 30"],
    ["08/07/2026", "not an ISO 8601 date"],
    ["2026-08-07T10:00", "a date-time needs a time zone"],
  ])("refuses --as-of %s: %s", async (asOf, reason) => {
    const run = await cli("import", file("x.json", rows(12)), "--as-of", asOf);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`--as-of "${asOf}": ${reason}`);
    expect(await services.store.list()).toEqual([]);
  });

  it("refuses a date in the future, from --as-of or from the file", async () => {
    const viaOption = await cli("import", file("x.json", rows(12)), "--as-of", "2026-08-23");
    expect(viaOption.code).toBe(2);
    expect(viaOption.err).toContain("the snapshot date 2026-08-23T00:00:00.000Z is in the future");
    const viaFile = await cli("import", file("y.json", { date: "2027-01-01", models: rows(12) }));
    expect(viaFile.err).toContain("is in the future");
    expect(await services.store.list()).toEqual([]);
  });

  it("refuses a file whose own date is not a strict ISO date", async () => {
    const run = await cli("import", file("x.json", { fetched_at: "05/04/2026", models: rows(12) }));
    expect(run.code).toBe(2);
    expect(run.err).toContain('its "fetched_at" is not a date: not an ISO 8601 date');
  });

  it("refuses a second snapshot at the same time unless --replace, which replaces it", async () => {
    const first = file("a.json", rows(12));
    const second = file("b.json", rows(15));
    expect((await cli("import", first, "--as-of", "2026-08-01")).code).toBe(0);
    const refused = await cli("import", second, "--as-of", "2026-08-01T00:00:00Z");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      "a snapshot of 2026-08-01 00:00 UTC exists already (id 1): pass --replace to replace it",
    );
    const replaced = await cli("import", second, "--as-of", "2026-08-01", "--replace");
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain(
      "as snapshot 2 of 2026-08-01 00:00 UTC (0 rows skipped, replacing 1 snapshot)",
    );
    expect((await services.store.list()).map((m) => [m.id, m.modelCount])).toEqual([[2, 15]]);
  });

  it("refuses more than 10% invalid rows and fewer than 10 valid ones, with the counts", async () => {
    const broken = await cli("import", file("broken.json", rows(17, 3)), "--as-of", "2026-08-01");
    expect(broken.code).toBe(2);
    expect(broken.err).toContain("refused: 3 of 20 rows are invalid (15.0%), more than 10%");
    const tiny = await cli("import", file("tiny.json", rows(9)), "--as-of", "2026-08-01");
    expect(tiny.err).toContain("refused: 9 valid model rows of 9 (0 invalid): at least 10 are needed");
    expect(await services.store.list()).toEqual([]);
  });
});

describe("hubtrends snapshots", () => {
  it("lists snapshots as JSON and refuses to delete one that does not exist or is not an id", async () => {
    await cli("import", file("a.json", rows(12)), "--as-of", "2026-08-01");
    const list = await cli("snapshots", "list", "--json");
    expect(JSON.parse(list.out)).toEqual([
      expect.objectContaining({
        id: 1,
        takenAt: "2026-08-01T00:00:00.000Z",
        source: "import",
        modelCount: 12,
      }),
    ]);
    const missing = await cli("snapshots", "delete", "7");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("there is no snapshot 7 (see hubtrends snapshots list)");
    const notId = await cli("snapshots", "delete", "latest");
    expect(notId.err).toContain('"latest" is not a snapshot id');
    const usage = await cli("snapshots", "prune");
    expect(usage.err).toBe(
      'hubtrends snapshots: unexpected argument "prune". Usage: hubtrends snapshots list [--json] | hubtrends snapshots delete ID\n',
    );
    expect(await services.store.list()).toHaveLength(1);
  });

  it("prints the stats under the asked method, and refuses an unknown one with the valid list", async () => {
    await cli("import", file("a.json", rows(12)), "--as-of", "2026-08-01");
    const json = JSON.parse(
      (await cli("stats", "--json", "--by", "uploader", "--cohort", "generative")).out,
    ) as {
      method: unknown;
    };
    expect(json.method).toEqual({ by: "uploader", cohort: "generative" });
    const table = await cli("stats", "--cohort", "new");
    expect(table.out).toContain(
      "Counted: 30-day downloads of the models created in the last 12 months among the 12 of this snapshot, credited to the base model's developer (--by lineage --cohort new)",
    );
    const china = await cli("stats", "--region", "cn");
    expect(china.out).toContain("Top organisations of China");
    expect(china.out).toMatch(/Qwen\s+China\s+100\.0%\s+100\.0%/);
    const bad = await cli("stats", "--by", "country");
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('hubtrends stats: unknown --by "country". Valid: uploader or lineage.\n');
    expect((await cli("stats", "--cohort", "old")).err).toContain(
      'unknown --cohort "old". Valid: all, new or generative.',
    );
  });
});
