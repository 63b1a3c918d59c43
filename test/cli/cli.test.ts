import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPngSize } from "../../src/services/charts/png.js";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubModels } from "../fixtures/generate-hub-models.js";
import { type NodeRun, runNode } from "../support/run-node.js";

const BIN = fileURLToPath(new URL("../../bin/hubtrends.js", import.meta.url));

/** Runs the real `hubtrends` command in its own process, as a user would (no LOG_LEVEL unless given). */
function hubtrends(args: string[], env: Record<string, string>): Promise<NodeRun> {
  return runNode([BIN, ...args], { env });
}

/** A port on 127.0.0.1 where nothing listens (it was just free). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let hub: FakeHub;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  hub = await startFakeHub({ models: generateHubModels({ count: 400, now: new Date(), seed: 3 }).rows });
  dir = mkdtempSync(join(tmpdir(), "hubtrends-cli-"));
  env = { HUB_URL: hub.url, DATABASE_PATH: join(dir, "hubtrends.db"), SNAPSHOT_TOP_N: "300" };
});

afterAll(async () => {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("hubtrends CLI", () => {
  it("collects a snapshot in one process that a second process reads back as stats", async () => {
    const collect = await hubtrends(["collect"], env);
    expect(collect.stderr).toBe("");
    expect(collect.code).toBe(0);
    expect(collect.stdout).toMatch(
      /^Snapshot 1 taken at .*: \d+ models, 0 malformed records skipped, 3 Hub requests\./,
    );

    const requestsBefore = hub.requests.length;
    const stats = await hubtrends(["stats", "--json"], env);
    expect(stats.code).toBe(0);
    expect(hub.requests).toHaveLength(requestsBefore);
    const json = JSON.parse(stats.stdout) as Record<string, unknown> & {
      regions: { region: string; downloads: number; share: number }[];
      topOrgs: { author: string; region: string; downloads: number }[];
      topModels: { id: string; author: string; downloads: number; likes: number }[];
    };
    expect(json.region).toBeNull();
    expect(typeof json.asOf).toBe("string");
    expect(json.coverage).toBeGreaterThan(0);
    expect(json.coverage).toBeLessThanOrEqual(1);
    expect(json.regions.map((r) => r.region)).toContain("unattributed");
    expect(json.regions.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
    expect(Object.keys(json.topOrgs[0] ?? {})).toEqual(
      expect.arrayContaining(["author", "region", "downloads"]),
    );
    expect(Object.keys(json.topModels[0] ?? {})).toEqual(
      expect.arrayContaining(["id", "author", "downloads", "likes"]),
    );
    expect(json.weekOverWeek).toBeNull();
  });

  it("exits non-zero on an unknown region, listing the valid ones with a guess", async () => {
    const run = await hubtrends(["stats", "--region", "eurpoe"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'hubtrends stats: unknown region "eurpoe". Did you mean europe? Valid regions: china, us, europe, asia, other (aliases such as cn, usa, eu work), or all.\n',
    );
  });

  it("imports a saved /api/models response as a snapshot of the given date", async () => {
    const file = join(dir, "models.json");
    const others = Array.from({ length: 10 }, (_, i) => ({ id: `someone/m${i}`, downloads: 0 }));
    writeFileSync(
      file,
      JSON.stringify([
        { id: "Qwen/Qwen3-8B", author: "Qwen", downloads: 300, likes: 1 },
        { id: "mistralai/Small", author: "mistralai", downloads: 100, likes: 2 },
        ...others,
        { id: "broken" },
      ]),
    );
    const importEnv = { ...env, DATABASE_PATH: join(dir, "import.db") };
    const run = await hubtrends(["import", file, "--as-of", "2026-05-04"], importEnv);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Imported 12 models");
    expect(run.stdout).toContain("of 2026-05-04 00:00 UTC (1 rows skipped)");
    const stats = JSON.parse((await hubtrends(["stats", "--json", "--region", "cn"], importEnv)).stdout) as {
      asOf: string;
      region: string;
      regions: { region: string; share: number }[];
      method: unknown;
    };
    expect(stats.asOf).toBe("2026-05-04T00:00:00.000Z");
    expect(stats.region).toBe("china");
    expect(stats.method).toEqual({ by: "lineage", cohort: "all" });
    expect(stats.regions.find((r) => r.region === "china")?.share).toBe(0.75);

    const list = await hubtrends(["snapshots", "list"], importEnv);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^\s*1\s+2026-05-04 00:00 UTC\s+import\s+12\s+1\s+imported from /m);
    const deleted = await hubtrends(["snapshots", "delete", "1"], importEnv);
    expect(deleted.stdout).toBe("Deleted snapshot 1.\n");
    expect((await hubtrends(["snapshots", "list"], importEnv)).stdout).toBe("No snapshots stored.\n");
  });

  it("refuses a bad --as-of date and a missing file with the reason", async () => {
    const badDate = await hubtrends(["import", "x.json", "--as-of", "last tuesday"], env);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--as-of "last tuesday": not an ISO 8601 date');
    const missing = await hubtrends(["import", join(dir, "nope.json"), "--as-of", "2026-05-04"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file");
  });

  it("names every bad environment variable and exits 1", async () => {
    const run = await hubtrends(["stats"], { ...env, SNAPSHOT_TOP_N: "many", HF_TOKEN: "secret" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("SNAPSHOT_TOP_N: expected a whole number from 10 to 10000");
    expect(run.stderr).toContain("HF_TOKEN: expected a Hugging Face access token starting with hf_");
    expect(run.stderr).not.toContain("secret");
  });

  it("writes the chart /trends would attach and prints its summary, every line in the asked locale", async () => {
    const out = join(dir, "china.png");
    const run = await hubtrends(["chart", "--region", "china", "--locale", "zh-CN", "--out", out], {
      ...env,
      CHART_DEVICE_PIXEL_RATIO: "1",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^中国机构：/);
    expect(run.stdout).toContain(`图表已写入 ${out}`);
    expect(readPngSize(readFileSync(out))).toEqual({ width: 400, height: 400 });
  });

  it("prints its help on stdout with every option's valid values, and exits 0", async () => {
    const run = await hubtrends(["--help"], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("regions | history | orgs | sizes | new-models | tasks | compare | ranking");
    expect(run.stdout).toContain("--locale L  en-US | zh-CN");
  });

  it("opens no database for help or a mistyped command: no file is created", async () => {
    const untouched = { ...env, DATABASE_PATH: join(dir, "never-created", "hubtrends.db") };
    expect((await hubtrends(["--help"], untouched)).code).toBe(0);
    expect((await hubtrends(["stats", "--help"], untouched)).code).toBe(0);
    const typo = await hubtrends(["stat"], untouched);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/stat/);
    expect(existsSync(join(dir, "never-created"))).toBe(false);
  });

  it("writes no log line unless LOG_LEVEL asks for one", async () => {
    const quiet = await hubtrends(["snapshots", "list"], { ...env, DATABASE_PATH: join(dir, "quiet.db") });
    expect(quiet).toMatchObject({ code: 0, stderr: "" });
    const logged = await hubtrends(["snapshots", "list"], {
      ...env,
      DATABASE_PATH: join(dir, "logged.db"),
      LOG_LEVEL: "info",
    });
    const lines = logged.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ msg: "database migration applied" });
    expect(logged.stdout).toBe("No snapshots stored.\n");
  });

  it("says in one line, naming the host, that the Hub is down and nothing is stored, and suggests import", async () => {
    const port = await closedPort();
    const run = await hubtrends(["stats"], {
      ...env,
      HUB_URL: `http://127.0.0.1:${port}`,
      DATABASE_PATH: join(dir, "down.db"),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `hubtrends stats: no snapshot is stored yet and the Hub at 127.0.0.1:${port} could not be reached (ECONNREFUSED). Check the network and HUB_URL, or load a saved file: hubtrends import FILE --as-of DATE.\n`,
    );
  }, 30_000);

  it("reports a bad HUB_URL once", async () => {
    const run = await hubtrends(["stats"], { ...env, HUB_URL: "notaurl" });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "hubtrends: invalid configuration:\n  - HUB_URL: expected an absolute http(s) URL\n",
    );
  });

  it("refuses an unknown view or a missing --out, listing what is valid", async () => {
    const view = await hubtrends(["chart", "--view", "pie", "--out", join(dir, "x.png")], env);
    expect(view.code).toBe(2);
    expect(view.stderr).toBe(
      'hubtrends chart: unknown --view "pie". Valid: regions, history, orgs, sizes, new-models, tasks, compare or ranking.\n',
    );
    const out = await hubtrends(["chart"], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe("hubtrends chart: --out FILE.png is required: the file to write the chart to.\n");
  });
});
