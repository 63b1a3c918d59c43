import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { ChartRenderer } from "../../services/charts/renderer.js";
import { defaultTrendView, isTrendView, TREND_VIEWS } from "../../services/charts/trend-views.js";
import { buildChartSpec } from "../../services/charts/views.js";
import { isLocale, LOCALES } from "../../services/format/locale.js";
import { summariseTrends } from "../../services/summaries/trends-summary.js";
import { type CliCommand, UsageError } from "../context.js";
import { byOption, cohortOption, regionOption, windowOption } from "../options.js";

/**
 * `hubtrends chart [--region R] [--view V] [--locale L] [--window W] [--by B] [--cohort C] --out FILE.png`: the chart
 * `/trends` would attach, and its summary. Adds no logic: stats, spec, summary and renderer are the
 * bot's own.
 */
export function chartCommand(renderer: () => ChartRenderer): CliCommand {
  return async ({ args, services, config, clock, out }) => {
    const { values } = parseArgs({
      args,
      options: {
        region: { type: "string" },
        view: { type: "string" },
        locale: { type: "string", default: "en-US" },
        window: { type: "string" },
        by: { type: "string" },
        cohort: { type: "string" },
        out: { type: "string" },
      },
    });
    const region = regionOption(values.region);
    const windowWeeks = windowOption(values.window);
    const by = byOption(values.by);
    const cohort = cohortOption(values.cohort);
    if (values.out === undefined) throw new UsageError("--out FILE.png is required");
    const locale = values.locale;
    if (!isLocale(locale))
      throw new UsageError(`unknown locale "${locale}". Valid locales: ${LOCALES.join(", ")}.`);
    const view = values.view ?? defaultTrendView(region);
    if (!isTrendView(view))
      throw new UsageError(`unknown view "${view}". Valid views: ${TREND_VIEWS.join(", ")}.`);

    const { stats } = await services.trends.stats({ region, windowWeeks, by, cohort });
    const png = await renderer().render(buildChartSpec(view, stats, { locale }), {
      devicePixelRatio: config.charts.devicePixelRatio,
    });
    writeFileSync(values.out, png);
    out(summariseTrends(stats, { locale, now: clock() }).text);
    out(`\nChart written to ${values.out} (${png.length} bytes).`);
    return 0;
  };
}
