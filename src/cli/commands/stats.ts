import { byOption, cohortOption, regionOption, STATS_OPTIONS, windowOption } from "../options.js";
import { defineCliCommand } from "../spec.js";
import { formatStatsTable } from "../stats-table.js";

/**
 * `hubtrends stats [--region R] [--window W] [--by B] [--cohort C] [--json]`: the figures behind
 * `/trends`. `--json` is the `TrendStats` as it is, `method: { by, cohort }` included.
 */
export const statsCommand = defineCliCommand({
  name: "stats",
  summary: "cli.stats.summary",
  options: { ...STATS_OPTIONS, json: { kind: "boolean", help: "cli.option.json" } },
  async run({ services, out, t }, { values }) {
    const query = {
      region: regionOption(values.region, t),
      windowWeeks: windowOption(values.window, t),
      by: byOption(values.by, t),
      cohort: cohortOption(values.cohort, t),
    };
    const { stats } = await services.trends.stats(query);
    out(values.json === true ? JSON.stringify(stats) : formatStatsTable(stats, t));
    return 0;
  },
});
