import { benchCharts } from "./charts.js";
import { benchCodeShape } from "./code-shape.js";
import { benchStatsEngine } from "./stats-engine.js";

/**
 * `npm run bench [name]`: prints the figures each issue asks for. Benchmarks print numbers; they
 * never pass or fail (timed assertions would be flaky on a shared 2-core machine).
 */
const suites: [string, () => Promise<Record<string, unknown>>][] = [
  ["Stats engine (issue 2)", benchStatsEngine],
  ["Charts (issue 3)", () => benchCharts()],
  ["Counting methods (issue 8)", () => import("./counting.js").then((m) => m.benchCounting())],
  ["Digests (issue 5)", () => import("./digests.js").then((m) => m.benchDigests())],
  ["Watches (issue 11)", () => import("./watches.js").then((m) => m.benchWatches())],
  ["Faults (issue 13)", () => import("./faults.js").then((m) => m.benchFaults())],
  ["Storage (issue 12)", () => import("./storage.js").then((m) => m.benchStorage())],
  [
    "HTTP interactions: replicas and gateway side by side (issue 12)",
    () => import("./http-interactions.js").then((m) => m.benchHttpInteractions()),
  ],
  ["Discord commands (fakes in another process)", () => import("./discord.js").then((m) => m.benchDiscord())],
  ["Code shape (issue 10)", async () => benchCodeShape()],
  [
    "Scale: history, event loop, CLI stats (issue 14)",
    () => import("./history.js").then((m) => m.benchHistory()),
  ],
  ["Cold start (issue 14)", () => import("./startup.js").then((m) => m.benchStartup())],
];

function print(figures: Record<string, unknown>, indent: string): void {
  for (const [label, value] of Object.entries(figures)) {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      process.stdout.write(`${indent}${label}:\n`);
      print(value as Record<string, unknown>, `${indent}  `);
    } else {
      process.stdout.write(
        `${indent}${label}: ${Array.isArray(value) ? JSON.stringify(value) : String(value)}\n`,
      );
    }
  }
}

const only = process.argv[2];
for (const [name, run] of suites) {
  if (only !== undefined && !name.toLowerCase().includes(only.toLowerCase())) continue;
  process.stdout.write(`\n## ${name}\n`);
  print(await run(), "  ");
}
