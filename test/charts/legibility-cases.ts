import { compareOrgs, compareRegions } from "../../src/services/charts/specs/compare.js";
import type { ChartSpec } from "../../src/services/charts/types.js";
import { buildChartSpec, CHART_VIEWS } from "../../src/services/charts/views.js";
import type { Locale } from "../../src/services/format/locale.js";
import { chinaStats, firstSnapshotStats, overviewStats } from "./fixtures.js";

/** Every chart view, for the overview and for China, plus the short-history card, in one locale. */
export function legibilityCases(locale: Locale): { name: string; spec: ChartSpec }[] {
  const orgs = compareOrgs(overviewStats, "Qwen", "deepseek-ai");
  if (orgs === null) throw new Error("the fixture lacks Qwen or deepseek-ai");
  const cases: { name: string; spec: ChartSpec }[] = [];
  for (const view of CHART_VIEWS) {
    if (view === "compare") {
      cases.push({
        name: "compare regions",
        spec: buildChartSpec("compare", compareRegions(overviewStats, "china", "us"), { locale }),
      });
      cases.push({ name: "compare orgs", spec: buildChartSpec("compare", orgs, { locale }) });
      continue;
    }
    cases.push({ name: `${view} overview`, spec: buildChartSpec(view, overviewStats, { locale }) });
    cases.push({ name: `${view} china`, spec: buildChartSpec(view, chinaStats, { locale }) });
  }
  cases.push({
    name: "history (1 snapshot)",
    spec: buildChartSpec("history", firstSnapshotStats, { locale }),
  });
  return cases;
}
