import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chartCommand } from "../../src/cli/commands/chart.js";
import { BASE_COMMANDS } from "../../src/cli/run-cli.js";
import type { Config } from "../../src/config.js";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { readPngSize } from "../../src/services/charts/png.js";
import { CHART_VIEWS } from "../../src/services/charts/views.js";
import type { Services } from "../../src/services/create-services.js";
import { COHORTS, CREDIT_METHODS } from "../../src/services/method/method.js";
import { REGIONS } from "../../src/services/regions/types.js";
import { generateReferenceSnapshot } from "../fixtures/reference-snapshot.js";
import { inProcessCli, offlineServices } from "./in-process.js";

/**
 * The CLI's help and its one-line refusals, run in-process through its own dispatcher over a
 * database holding one imported snapshot (the Hub is never asked). What only a whole process can
 * show (the Hub down, a bad HUB_URL, log lines) is in cli.test.ts.
 */
const NOW = new Date("2026-05-10T06:00:00.000Z");
const renderer = createLocalChartRenderer({ logger: pino({ level: "silent" }) });
const COMMANDS = [...BASE_COMMANDS, chartCommand(() => renderer)];
let dir: string;
let config: Config;
let services: Services;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-help-"));
  ({ config, services } = await offlineServices({ CHART_DEVICE_PIXEL_RATIO: "1" }, NOW));
  const file = join(dir, "reference.json");
  writeFileSync(file, JSON.stringify(generateReferenceSnapshot()));
  const imported = await cli("import", file);
  if (imported.code !== 0) throw new Error(imported.err);
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = inProcessCli(() => ({ config, services, clock: () => NOW, commands: COMMANDS }));

/** A refusal: exit 2, one line on stderr, nothing on stdout. */
async function refusal(...argv: string[]): Promise<string> {
  const run = await cli(...argv);
  expect(run.code, run.err).toBe(2);
  expect(run.out).toBe("");
  expect(run.err.trimEnd().split("\n"), run.err).toHaveLength(1);
  return run.err.trimEnd();
}

describe("hubtrends --help", () => {
  it("lists every command with every option and its valid values, on stdout", async () => {
    const run = await cli("--help");
    expect(run).toMatchObject({ code: 0, err: "" });
    for (const command of ["collect", "import FILE", "snapshots list|delete ID", "stats", "chart"]) {
      expect(run.out).toContain(`hubtrends ${command}`);
    }
    for (const option of [
      "--as-of",
      "--replace",
      "--json",
      "--region",
      "--window",
      "--by",
      "--cohort",
      "--view",
      "--out",
      "--a",
      "--b",
      "--kind",
      "--sort",
      "--task",
      "--locale",
    ]) {
      expect(run.out).toContain(option);
    }
    for (const values of [
      CHART_VIEWS,
      [...REGIONS, "all"],
      ["1", "4", "12"],
      ["en-US", "zh-CN"],
      CREDIT_METHODS,
      COHORTS,
    ]) {
      expect(run.out).toContain(values.join(" | "));
    }
    expect(run.out).toContain("Exit status: 0 done; 1 failed");
  });

  it("shows one command with --help, and says the same in Chinese with --locale zh-CN", async () => {
    const chart = await cli("chart", "--help");
    expect(chart.code).toBe(0);
    expect(chart.out).toMatch(/^usage: hubtrends chart \[--view V\]/);
    expect(chart.out).toContain(`--view V        ${CHART_VIEWS.join(" | ")} (default regions)`);
    expect(chart.out).toContain("--out FILE.png  (required): the PNG file to write");
    const zh = await cli("stats", "--help", "--locale", "zh-CN");
    expect(zh.out).toMatch(/^用法：hubtrends stats/);
    expect(zh.out).toContain("--json      输出 JSON 而不是文本");
  });

  it("prints the help to stderr and exits 2 when no command is given", async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toContain("usage: hubtrends <command> [options]");
  });
});

describe("one-line refusals, each saying what is valid", () => {
  it("an unknown command", async () => {
    expect(await refusal("statz")).toBe(
      'hubtrends: unknown command "statz". Commands: collect, import, snapshots, stats, chart (hubtrends --help).',
    );
  });

  it("an unknown option, listing the command's options", async () => {
    expect(await refusal("stats", "--regoin", "cn")).toBe(
      "hubtrends stats: unknown option --regoin. Options of hubtrends stats: --region, --window, --by, --cohort, --json, --locale, --help.",
    );
  });

  it("an option without its value, a value for a switch, an argument too many", async () => {
    expect(await refusal("stats", "--region")).toBe(
      "hubtrends stats: --region needs a value: china, us, europe, asia, other or all.",
    );
    expect(await refusal("stats", "--json=yes")).toBe("hubtrends stats: --json takes no value.");
    expect(await refusal("stats", "china")).toBe(
      'hubtrends stats: unexpected argument "china". Usage: hubtrends stats [--region R] [--window W] [--by B] [--cohort C] [--json]',
    );
  });

  it("an unknown value of a region, window, view, locale, kind or sort", async () => {
    expect(await refusal("stats", "--region", "eurpoe")).toBe(
      'hubtrends stats: unknown region "eurpoe". Did you mean europe? Valid regions: china, us, europe, asia, other (aliases such as cn, usa, eu work), or all.',
    );
    expect(await refusal("stats", "--window", "2")).toBe(
      'hubtrends stats: unknown --window "2". Valid: 1, 4 or 12.',
    );
    expect(await refusal("chart", "--view", "pie", "--out", join(dir, "x.png"))).toBe(
      `hubtrends chart: unknown --view "pie". Valid: ${CHART_VIEWS.slice(0, -1).join(", ")} or ranking.`,
    );
    expect(await refusal("stats", "--locale", "fr")).toBe(
      'hubtrends: unknown --locale "fr". Valid: en-US or zh-CN.',
    );
    expect(await refusal("chart", "--view", "ranking", "--sort", "stars", "--out", join(dir, "x.png"))).toBe(
      'hubtrends chart: unknown --sort "stars". Valid: downloads, likes or trending.',
    );
  });

  it("a chart without --out, or with a directory, a missing directory or an unwritable place as --out", async () => {
    expect(await refusal("chart")).toBe(
      "hubtrends chart: --out FILE.png is required: the file to write the chart to.",
    );
    expect(await refusal("chart", "--out", dir)).toBe(
      `hubtrends chart: --out ${dir} is a directory: give a file name, such as ${dir}/chart.png.`,
    );
    const missing = join(dir, "no-such-dir", "x.png");
    expect(await refusal("chart", "--out", missing)).toBe(
      `hubtrends chart: cannot write ${missing}: the directory ${join(dir, "no-such-dir")} does not exist.`,
    );
    const unwritable = unwritablePath();
    expect(await refusal("chart", "--out", unwritable)).toBe(
      `hubtrends chart: cannot write ${unwritable} (permission denied): choose a place you can write to.`,
    );
    expect(existsSync(join(dir, "chart.png"))).toBe(false);
  });

  it("compare without two sides of one kind, and a ranking of datasets narrowed to a task", async () => {
    const out = join(dir, "compare.png");
    expect(await refusal("chart", "--view", "compare", "--a", "china", "--out", out)).toBe(
      "hubtrends chart: --view compare needs --a and --b: two regions, or two organisations.",
    );
    expect(await refusal("chart", "--view", "compare", "--a", "china", "--b", "Qwen", "--out", out)).toBe(
      'hubtrends chart: cannot compare the region "china" with the organisation "Qwen": give two regions, or two organisations.',
    );
    expect(await refusal("chart", "--view", "compare", "--a", "qwne", "--b", "BAAI", "--out", out)).toContain(
      'hubtrends chart: "qwne" is neither a region nor an organisation of the newest snapshot. Did you mean Qwen',
    );
    expect(
      await refusal("chart", "--view", "ranking", "--kind", "datasets", "--task", "robotics", "--out", out),
    ).toBe(
      "hubtrends chart: --task and --region apply to models only: datasets are ranked over the whole Hub.",
    );
  });

  it("writes refusals in the reader's language", async () => {
    expect(await refusal("stats", "--locale", "zh-CN", "--window", "2")).toBe(
      "hubtrends stats: 未知的 --window“2”。可用：1、4或12。",
    );
    expect(await refusal("chart", "--locale", "zh-CN", "--out", dir)).toBe(
      `hubtrends chart: --out ${dir} 是一个目录：请给出文件名，例如 ${dir}/chart.png。`,
    );
  });
});

describe("every chart view from the command line", () => {
  it.each([
    [["--view", "compare", "--a", "china", "--b", "us"], "China vs United States"],
    [["--view", "compare", "--a", "Qwen", "--b", "BAAI"], "Qwen (China) vs BAAI (China)"],
    [["--view", "ranking", "--sort", "likes", "--region", "cn"], "Top models by likes · China"],
    [["--view", "history", "--region", "us"], "US organisations: "],
    [["--view", "new-models"], " leads with "],
  ])("chart %j", async (args, firstWords) => {
    const out = join(dir, `${args.join("-")}.png`);
    const run = await cli("chart", ...args, "--out", out);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    expect(run.out).toContain(firstWords);
    expect(run.out).toContain(`Chart written to ${out} (400×400 px`);
    expect(readPngSize(readFileSync(out))).toEqual({ width: 400, height: 400 });
  });

  it("writes every line in Chinese with --locale zh-CN", async () => {
    const out = join(dir, "zh.png");
    const run = await cli("chart", "--region", "china", "--locale", "zh-CN", "--out", out);
    expect(run.code).toBe(0);
    const lines = run.out
      .trimEnd()
      .split("\n")
      .filter((line) => line !== "");
    for (const line of lines) expect(line, line).toMatch(/\p{Script=Han}/u);
    expect(lines.at(-1)).toMatch(/^图表已写入 /);
  });
});

describe("hubtrends stats as text", () => {
  it("aligns its columns, writes times to the minute and has the new-models, tasks and sizes sections", async () => {
    const run = await cli("stats");
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(/\d\d:\d\d:\d\d|\.\d{3}Z/);
    for (const section of [
      "Share of downloads by region",
      "Top organisations",
      "Top models",
      "New models (created in the last 8 weeks)",
      "New models per week",
      "Downloads by task",
      "Robotics and science",
      "Downloads by model size",
    ]) {
      expect(run.out).toContain(section);
    }
    // Every row of the top-models table ends in the same column, whatever the length of the id.
    const models = tableAfter(run.out, "Top models");
    expect(new Set(models.map((line) => line.length)).size).toBe(1);
  });

  it("aligns Chinese region names by terminal cells", async () => {
    const rows = tableAfter((await cli("stats", "--locale", "zh-CN")).out, "各地区下载量占比");
    const cells = (line: string) =>
      [...line].reduce((sum, char) => sum + (/\p{Script=Han}/u.test(char) ? 2 : 1), 0);
    expect(new Set(rows.map(cells)).size).toBe(1);
  });
});

/** The lines of the table under `title`, up to the blank line that ends it. */
function tableAfter(text: string, title: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(title);
  const end = lines.indexOf("", start);
  return lines.slice(start + 1, end);
}

/**
 * A file the process may not write. As root (containers), permissions do not stop a write, so
 * a path under /sys (which refuses every write with EACCES) stands in; otherwise a read-only file.
 */
function unwritablePath(): string {
  if (process.getuid?.() === 0 && existsSync("/sys")) return "/sys/chart.png";
  const readOnly = join(dir, "read-only");
  mkdirSync(readOnly, { recursive: true });
  const file = join(readOnly, "chart.png");
  writeFileSync(file, "");
  chmodSync(file, 0o444);
  return file;
}
