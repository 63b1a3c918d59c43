import { execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { testEnv } from "../test/bot/test-world.js";
import { startFakesProcess } from "./fakes-process.js";
import { historyDatabase } from "./history-data.js";
import { median } from "./stats.js";

/**
 * Issue 14's cold starts, each a new process as an operator runs it: `npm start` until its first
 * answer to a `/trends` (against the loopback Discord and the fake Hub, in another process, over a
 * stored snapshot of 10,000 models), and one CLI call (`npx hubtrends stats` and `--help`), with
 * the process's max RSS. Medians of 3.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 3;
const run = promisify(execFile);

/** Wall ms and max RSS MB of one command, from /usr/bin/time. */
async function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<[number, number]> {
  const { stderr } = await run("/usr/bin/time", ["-f", "TIME %e %M", command, ...args], {
    cwd: ROOT,
    env,
    maxBuffer: 1 << 22,
  });
  const [, seconds, kb] = /TIME ([\d.]+) (\d+)/.exec(stderr) ?? [];
  return [Math.round(Number(seconds) * 1000), Math.round(Number(kb) / 1024)];
}

async function medianOf(times: () => Promise<[number, number]>): Promise<string> {
  const ms: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const [wall, peak] = await times();
    ms.push(wall);
    rss.push(peak);
  }
  return `${median(ms)} ms wall (runs ${ms.join(", ")}), max RSS ${median(rss)} MB`;
}

export async function benchStartup(): Promise<Record<string, string>> {
  const { path } = await historyDatabase(1);
  const cliEnv = { ...process.env, DATABASE_PATH: path, HUB_URL: "http://127.0.0.1:9" };
  const figures: Record<string, string> = {
    "npx hubtrends --help": await medianOf(() => timed("npx", ["hubtrends", "--help"], cliEnv)),
    "npx hubtrends stats (1 × 10k)": await medianOf(() => timed("npx", ["hubtrends", "stats"], cliEnv)),
  };
  const fakes = await startFakesProcess({ models: 300 });
  try {
    const env = {
      ...process.env,
      ...testEnv({ token: fakes.token, apiUrl: fakes.apiUrl, hubUrl: fakes.hubUrl, databasePath: path }),
      LOG_LEVEL: "info",
      // The stored snapshot is two days old: a shorter schedule would collect into the shared file.
      COLLECT_EVERY_HOURS: "168",
    };
    const firstAnswer: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      const child = spawn("npm", ["start"], {
        cwd: ROOT,
        env,
        detached: true,
        stdio: ["ignore", "ignore", "pipe"],
      });
      try {
        await new Promise<void>((resolve, reject) => {
          let seen = "";
          // Logs go to stderr (stdout is the CLI's output).
          const timer = setTimeout(
            () => reject(new Error(`npm start not ready within 60 s:\n${seen}`)),
            60_000,
          );
          child.stderr.on("data", (chunk: Buffer) => {
            seen += chunk.toString();
            if (seen.includes('"bot ready"')) {
              clearTimeout(timer);
              resolve();
            }
          });
          child.once("exit", (code) =>
            reject(new Error(`npm start exited (${code}) before it was ready:\n${seen}`)),
          );
        });
        ready.push(performance.now() - started);
        const answer = await fakes.trends([{ user: 50_000 + i, region: null }]);
        if (answer.answers[0]?.chart !== true) throw new Error("the first /trends got no chart");
        firstAnswer.push(performance.now() - started);
      } finally {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
        await new Promise((resolve) =>
          child.exitCode === null ? child.once("exit", resolve) : resolve(null),
        );
      }
    }
    const ms = (values: number[]) =>
      `${Math.round(median(values))} ms (runs ${values.map(Math.round).join(", ")})`;
    figures["npm start: to 'bot ready'"] = ms(ready);
    figures["npm start: to the first /trends answer"] = ms(firstAnswer);
  } finally {
    await fakes.close();
  }
  return figures;
}
