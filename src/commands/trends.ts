import { answerEmbed, chartMessage, snapshotFooter } from "../bot/answers.js";
import { defineCommand } from "../bot/command.js";
import { DISCORD_LIMITS, safeText } from "../bot/discord-text.js";
import { CHART_ANSWER } from "../bot/guards.js";
import { choiceOption } from "../bot/options.js";
import { defaultTrendView, TREND_VIEWS } from "../services/charts/trend-views.js";
import { buildChartSpec } from "../services/charts/views.js";
import { regionLabel } from "../services/format/locale.js";
import { methodOf } from "../services/method/method.js";
import { summariseTrends } from "../services/summaries/trends-summary.js";
import { staleNote, withData } from "./data-notes.js";
import { byOption, cohortOption, methodFileSuffix, regionOption } from "./shared-options.js";

/**
 * `/trends [region] [window] [chart] [by] [cohort]`: the share of downloads by region, with a
 * chart, counted the way `by` and `cohort` say (the services' default method when left out).
 */
export default defineCommand({
  name: "trends",
  description: "trends.description",
  options: {
    region: regionOption({ description: "trends.region.description", localisedName: true }),
    window: choiceOption({
      description: "trends.window.description",
      nameKey: "trends.window.name",
      choices: [
        { nameKey: "trends.window.1", value: 1 },
        { nameKey: "trends.window.4", value: 4 },
        { nameKey: "trends.window.12", value: 12 },
      ],
    }),
    chart: choiceOption({
      description: "trends.chart.description",
      nameKey: "trends.chart.name",
      choices: TREND_VIEWS.map((view) => ({ name: view, value: view })),
    }),
    by: byOption({ localisedName: true }),
    cohort: cohortOption({ localisedName: true }),
  },
  // Rendering a chart costs ~20 ms of CPU; a few seconds per user keeps one person from hogging it.
  needs: { appPermissions: CHART_ANSWER, cooldownSeconds: 5 },
  visibility: "public",
  mayBeSlow: true,

  /** The answer: stats (cached), summary, and chart (rendered once per snapshot and view). */
  async run({ options, services, t }) {
    const region = options.region ?? null;
    const windowWeeks = options.window ?? 1;
    // The chart asked for, else the one that says most.
    const view = options.chart ?? defaultTrendView(region);
    const method = methodOf(options);
    const { stats, dataAgeMs } = await withData(
      () => services.trends.stats({ region, windowWeeks, ...method }),
      services.collection,
      services.clock,
    );
    const summary = summariseTrends(stats, { locale: t.locale, now: services.clock() });
    const scope = region === null ? t("trends.overview") : regionLabel(region, t.locale);
    const embed = answerEmbed({
      title: t("trends.title", { scope }),
      description: safeText(summary.text, DISCORD_LIMITS.embedDescription),
      footer: snapshotFooter(stats, t.locale, staleNote(dataAgeMs, services.collection, t)),
      timestamp: stats.asOf,
    });
    return chartMessage(
      embed,
      {
        spec: buildChartSpec(view, stats, { locale: t.locale }),
        fileStem: `trends-${region ?? "all"}-${view}${methodFileSuffix(method)}`,
      },
      services,
    );
  },
});
