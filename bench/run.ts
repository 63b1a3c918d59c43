import { benchStatsEngine } from "./stats-engine.js";

/**
 * `npm run bench`: prints the figures each issue asks for. Benchmarks print numbers; they never
 * pass or fail (timed assertions would be flaky on a shared 2-core machine).
 */
const suites: [string, () => Promise<Record<string, unknown>>][] = [
  ["Stats engine (issue 2)", benchStatsEngine],
];

const only = process.argv[2];
for (const [name, run] of suites) {
  if (only !== undefined && !name.toLowerCase().includes(only.toLowerCase())) continue;
  process.stdout.write(`\n## ${name}\n`);
  const figures = await run();
  for (const [label, value] of Object.entries(figures))
    process.stdout.write(`  ${label}: ${String(value)}\n`);
}
