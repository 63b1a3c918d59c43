import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { historyDatabase } from "./history-data.js";

/**
 * Issue 14's scale figures: `/trends` over histories of 1, 30 and 180 daily snapshots of 10,000
 * models (built once under /tmp, see history-data.ts), each in a fresh process (a restart), for
 * windows of 1 and 12 weeks: computed, then read as stored by another process; then a new snapshot
 * is saved, the same is asked again, and the scheduler's warm-up runs; /org, /model, /top
 * and /compare (under another method) are timed in the process that read the stored answer. For each step: wall time and
 * the event loop's longest delay (max) and p99 while it ran. Then the CLI's `stats --window 12` on
 * the 180-snapshot history, in-process (from a loaded process to the answer, as the CLI wires the
 * services; computed once, then read three times) and as a whole process (wall, max RSS).
 * `npm run bench scale` runs only this suite.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./history-child.ts", import.meta.url));
const CLI_CHILD = fileURLToPath(new URL("./cli-stats-child.ts", import.meta.url));
const run = promisify(execFile);

interface Step {
  ms: number;
  loopMaxMs: number;
  loopP99Ms: number;
}

const show = (step: Step) => `${step.ms} ms wall, loop max ${step.loopMaxMs} ms, p99 ${step.loopP99Ms} ms`;

export async function benchHistory(
  sizes: readonly number[] = [1, 30, 180],
): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  let largest = "";
  for (const snapshots of sizes) {
    const { path, builtMs } = await historyDatabase(snapshots);
    largest = path;
    const label = `${snapshots} × 10k`;
    if (builtMs !== null) figures[`${label}: history built (ms, once)`] = builtMs;
    {
      const { stdout } = await run(process.execPath, ["--import", "tsx", CHILD, path, "1", "backfill"], {
        cwd: ROOT,
        maxBuffer: 1 << 20,
      });
      const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
      figures[`${label}: aggregates backfilled for ${result.count} snapshots (0 once done)`] = show(
        result.backfill,
      );
    }
    for (const windowWeeks of [1, 12]) {
      const { stdout } = await run(process.execPath, ["--import", "tsx", CHILD, path, String(windowWeeks)], {
        cwd: ROOT,
        maxBuffer: 1 << 20,
      });
      const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
      figures[`${label}, window ${windowWeeks}`] = {
        "open database (ms)": result.openMs,
        "/trends after restart, computed": show(result.afterRestart),
        "/trends after restart, stored by another process": show(result.storedAfterRestart),
        "then, in that process, /org (its profile and footer)": show(result.commands.org),
        "then /model": show(result.commands.model),
        "then /top (three sorts)": show(result.commands.top),
        "then /compare's check by uploader, new models": show(result.commands.compareUploaderNew),
        "/trends china, same process": show(result.again),
        "save a new snapshot": show(result.save),
        "refresh to it": show(result.refresh),
        "/trends after the new snapshot": show(result.afterNewSnapshot),
        "warm-up after it (every region and window, stored)": show(result.warm),
        "peak RSS (MB)": result.peakRssMB,
      };
    }
  }
  // The first run over the history's newest snapshot computes and stores the answer; the others
  // read it (the scheduler's warm-up stores it too, right after each collection).
  const inProcess: number[] = [];
  for (let i = 0; i < 4; i += 1) {
    const { stdout } = await run(process.execPath, ["--import", "tsx", CLI_CHILD, largest, "12"], {
      cwd: ROOT,
      maxBuffer: 1 << 20,
    });
    inProcess.push(JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}").answerMs);
  }
  const [computed, ...read] = inProcess;
  const name = largest.split("/").at(-1);
  figures[`hubtrends stats --window 12 on ${name}, in-process, nothing stored (computed)`] = `${computed} ms`;
  figures[`hubtrends stats --window 12 on ${name}, in-process, stored (3 runs)`] = read
    .map((ms) => `${ms} ms`)
    .join(", ");
  for (const attempt of ["first", "second"]) {
    const { stderr } = await run(
      "/usr/bin/time",
      ["-f", "TIME %e %M", "node", "bin/hubtrends.js", "stats", "--window", "12"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: largest, HUB_URL: "http://127.0.0.1:9" },
        maxBuffer: 1 << 22,
      },
    );
    const [, seconds, kb] = /TIME ([\d.]+) (\d+)/.exec(stderr) ?? [];
    figures[`hubtrends stats --window 12 on ${largest.split("/").at(-1)} (${attempt} call)`] =
      `${Math.round(Number(seconds) * 1000)} ms wall, max RSS ${Math.round(Number(kb) / 1024)} MB`;
  }
  return figures;
}
