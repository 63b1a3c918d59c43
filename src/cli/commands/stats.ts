import { parseArgs } from "node:util";
import type { CliCommand } from "../context.js";
import { regionOption, windowOption } from "../options.js";
import { formatStatsTable } from "../stats-table.js";

/** `hubtrends stats [--region R] [--window W] [--json]`: the figures behind `/trends`. */
export const statsCommand: CliCommand = async ({ args, services, out }) => {
  const { values } = parseArgs({
    args,
    options: {
      region: { type: "string" },
      window: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const region = regionOption(values.region);
  const windowWeeks = windowOption(values.window);
  const { stats } = await services.trends.stats({ region, windowWeeks });
  out(values.json ? JSON.stringify(stats) : formatStatsTable(stats));
  return 0;
};
