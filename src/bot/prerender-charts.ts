import type { Logger } from "pino";
import { LOCALES } from "../locales/index.js";
import type { ChartRenderer, RenderSize } from "../services/charts/renderer.js";
import { defaultTrendView } from "../services/charts/trend-views.js";
import { buildChartSpec } from "../services/charts/views.js";
import { REGIONS } from "../services/regions/types.js";
import type { TrendsService } from "../services/snapshots/trends-service.js";

/**
 * Draws the charts a plain `/trends` (and `/trends <region>`) answers with, this week under the
 * default method, in every locale, into the shared renderer's cache: right after a new snapshot,
 * so that the first people to ask do not each wait for a render (~20–40 ms of CPU each, one at a
 * time per core), which is most of what the first burst after a snapshot costs over a warm one
 * (`npm run bench "discord commands"`). The specs are the command's own: `/trends` builds them
 * with the same `buildChartSpec(defaultTrendView(region), stats, { locale })`, so its renders are
 * cache hits (`test/bot/prerender-charts.test.ts` fails when they are not).
 *
 * Each render yields first (the shared renderer does): the event loop stays free between them.
 * A failure (a QuickChart server down) is logged; the command renders when asked, as before.
 */
export async function prerenderTrendsCharts(deps: {
  trends: TrendsService;
  renderer: ChartRenderer;
  chartSize: RenderSize;
  logger: Logger;
}): Promise<void> {
  const { trends, renderer, chartSize, logger } = deps;
  // Nothing stored yet: stats() would collect from the Hub, which is not this job's to start.
  if (trends.newestStored() === null) return;
  try {
    for (const region of [null, ...REGIONS]) {
      const { stats } = await trends.stats({ region, windowWeeks: 1 });
      for (const locale of LOCALES)
        await renderer.render(buildChartSpec(defaultTrendView(region), stats, { locale }), chartSize);
    }
  } catch (error) {
    logger.warn({ err: error }, "could not draw /trends charts ahead; each is drawn when first asked");
  }
}
