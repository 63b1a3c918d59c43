import { parseArgs } from "node:util";
import type { CliCommand } from "../context.js";
import { byOption, cohortOption, regionOption, windowOption } from "../options.js";
import { formatStatsTable } from "../stats-table.js";

/**
 * `hubtrends stats [--region R] [--window W] [--by B] [--cohort C] [--json]`: the figures behind
 * `/trends`. `--json` is the `TrendStats` as it is, `method: { by, cohort }` included.
 */
export const statsCommand: CliCommand = async ({ args, services, out }) => {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: "string" },
      window: { type: "string" },
      by: { type: "string" },
      cohort: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const region = regionOption(values.region);
  const windowWeeks = windowOption(values.window);
  const by = byOption(values.by);
  const cohort = cohortOption(values.cohort);
  const { stats } = await services.trends.stats({ region, windowWeeks, by, cohort });
  out(values.json ? JSON.stringify(stats) : formatStatsTable(stats));
  return 0;
};
