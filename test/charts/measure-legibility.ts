/**
 * Prints how tall the text of every chart view is at a phone's 400 px width, in both locales: the
 * figures the phone-legibility test holds to (title at least 16 px, everything else at least 10 px).
 *
 *   npx tsx test/charts/measure-legibility.ts
 */
import { pino } from "pino";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { LOCALES } from "../../src/services/format/locale.js";
import { measureTextHeights, TEXT_KINDS } from "./legibility.js";
import { legibilityCases } from "./legibility-cases.js";

const renderer = createLocalChartRenderer({ logger: pino({ level: "silent" }) });
const min = (values: readonly number[]) => (values.length === 0 ? "–" : String(Math.min(...values)));
console.log(`| chart | locale | ${TEXT_KINDS.join(" | ")} |`);
console.log(`| --- | --- | ${TEXT_KINDS.map(() => "---:").join(" | ")} |`);
for (const locale of LOCALES) {
  for (const { name, spec } of legibilityCases(locale)) {
    const heights = await measureTextHeights(spec, renderer);
    console.log(`| ${name} | ${locale} | ${TEXT_KINDS.map((kind) => min(heights[kind])).join(" | ")} |`);
  }
}
console.log("\nSmallest line of each kind, in pixels at 400 px wide ('–': the chart has none).");
