import { pino } from "pino";
import { parseConfig } from "../src/config.js";
import { createServices } from "../src/services/create-services.js";

/**
 * `hubtrends stats --window WINDOW` in-process, as the CLI wires it (`oneShot: true`):
 * opens the history at DB_PATH, then times the answer from that loaded process, and prints one
 * JSON line (open, answer). The first run over a new snapshot computes the answer and stores it;
 * the runs after read it.
 *
 * Usage: cli-stats-child.ts DB_PATH WINDOW
 */
const [path, windowText] = process.argv.slice(2);
if (path === undefined || windowText === undefined)
  throw new Error("usage: cli-stats-child.ts DB_PATH WINDOW");
const windowWeeks = Number(windowText) as 1 | 4 | 12;
const parsed = parseConfig({ DATABASE_PATH: path, HUB_URL: "http://127.0.0.1:9" });
if (!parsed.ok) throw new Error(parsed.errors.join("; "));

const opened = performance.now();
const services = await createServices(parsed.config, {
  logger: pino({ level: "silent" }),
  clock: () => new Date(),
  fetch: globalThis.fetch,
  oneShot: true,
});
const openMs = performance.now() - opened;
try {
  const started = performance.now();
  await services.trends.stats({ region: null, windowWeeks });
  const answerMs = performance.now() - started;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  process.stdout.write(`${JSON.stringify({ openMs: round(openMs), answerMs: round(answerMs) })}\n`);
} finally {
  await services.close();
}
