/**
 * Renders every chart view in both locales into test/output/charts/ so a person can look at them:
 * `npx tsx test/charts/render-all.ts [--light]`. Uses the local renderer, as the bot does by default,
 * and writes `phone-sheet.<locale>.<theme>.png`: every chart of a locale scaled to a phone's 400 px.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pino } from "pino";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { DARK_THEME, LIGHT_THEME } from "../../src/services/charts/palette.js";
import { compareOrgs, compareRegions } from "../../src/services/charts/specs/compare.js";
import type { ChartSpec, CompareInput } from "../../src/services/charts/types.js";
import { buildChartSpec, CHART_VIEWS } from "../../src/services/charts/views.js";
import { LOCALES } from "../../src/services/format/locale.js";
import { chinaStats, overviewStats } from "./fixtures.js";
import { phoneSheet } from "./phone-sheet.js";

const theme = process.argv.includes("--light") ? LIGHT_THEME : DARK_THEME;
const outputDir = join(import.meta.dirname, "..", "output", "charts");
await mkdir(outputDir, { recursive: true });

const renderer = createLocalChartRenderer({ logger: pino({ level: "silent" }) });
const orgPair = compareOrgs(overviewStats, "Qwen", "deepseek-ai");
if (orgPair === null) throw new Error("fixture lacks Qwen or deepseek-ai");
const compares: Record<string, CompareInput> = {
  regions: compareRegions(overviewStats, "china", "us"),
  orgs: orgPair,
};

const jobs: { name: string; spec: ChartSpec }[] = [];
for (const locale of LOCALES) {
  const options = { locale, theme };
  for (const view of CHART_VIEWS) {
    if (view === "compare") {
      for (const [kind, input] of Object.entries(compares)) {
        jobs.push({ name: `compare-${kind}.${locale}`, spec: buildChartSpec("compare", input, options) });
      }
      continue;
    }
    jobs.push({ name: `${view}.china.${locale}`, spec: buildChartSpec(view, chinaStats, options) });
    jobs.push({ name: `${view}.overview.${locale}`, spec: buildChartSpec(view, overviewStats, options) });
  }
}

const byLocale = new Map<string, Buffer[]>();
for (const job of jobs) {
  const png = await renderer.render(job.spec);
  const file = join(outputDir, `${job.name}.${theme.name}.png`);
  await writeFile(file, png);
  process.stdout.write(`${file}  ${png.length} bytes\n`);
  const locale = job.name.split(".").at(-1) ?? "";
  byLocale.set(locale, [...(byLocale.get(locale) ?? []), png]);
}
// Every chart of a locale at the width a phone shows it, side by side.
for (const [locale, pngs] of byLocale) {
  const file = join(outputDir, `phone-sheet.${locale}.${theme.name}.png`);
  await writeFile(file, await phoneSheet(pngs));
  process.stdout.write(`${file}\n`);
}
