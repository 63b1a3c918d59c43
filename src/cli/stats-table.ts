import type { Translator } from "../locales/index.js";
import { taskLabel } from "../services/charts/text.js";
import { formatDate, formatUtcMinute } from "../services/format/dates.js";
import { regionLabel } from "../services/format/locale.js";
import { formatCompact, formatInteger, formatPp, formatShare } from "../services/format/numbers.js";
import { methodSentence } from "../services/method/wording.js";
import type { TrendStats } from "../services/stats/types.js";
import { textTable } from "./text-table.js";

const DAY_MS = 86_400_000;

/**
 * `hubtrends stats` without `--json`: the same figures as text for a terminal, in the reader's
 * locale, in one number format throughout (downloads compact, shares with one decimal, changes in
 * percentage points, times to the minute in UTC), with columns as wide as their longest entry.
 */
export function formatStatsTable(stats: TrendStats, t: Translator): string {
  const { locale } = t;
  const region = stats.region;
  const lines: string[] = [];
  const section = (title: string, rows: string[][], align: ("left" | "right")[]) => {
    lines.push("", title, ...(rows.length > 1 ? textTable(rows, align) : [`  ${t("cli.stats.none")}`]));
  };
  const col = (name: Column) => t(`cli.stats.col.${name}`);

  lines.push(
    t("cli.stats.title", {
      scope: region === null ? t("cli.stats.all-regions") : regionLabel(region, locale),
      time: formatUtcMinute(stats.asOf),
    }),
    t("cli.stats.counted", {
      sentence: methodSentence(stats, locale),
      by: stats.method.by,
      cohort: stats.method.cohort,
    }),
    t("cli.stats.universe", {
      models: formatInteger(stats.universe.modelCount, locale),
      list:
        stats.universe.kind === "top-downloads"
          ? t("cli.stats.list.top-downloads", { size: formatInteger(stats.universe.listSize, locale) })
          : t("cli.stats.list.all", { size: formatInteger(stats.universe.listSize, locale) }),
      downloads: formatCompact(stats.universe.totalDownloads, locale),
      coverage: formatShare(stats.coverage, locale),
      excluded: stats.universe.excluded.modelCount,
    }),
  );

  const wow = stats.weekOverWeek;
  const changes = new Map(
    (wow === null || wow.countsUnchanged ? [] : wow.regions).map((change) => [
      change.region,
      change.changePp,
    ]),
  );
  section(
    t("cli.stats.regions"),
    [
      [
        col("region"),
        col("share"),
        col("downloads"),
        col("models"),
        ...(changes.size > 0 ? [col("change")] : []),
      ],
      ...stats.regions.map((r) => {
        const change = changes.get(r.region);
        return [
          regionLabel(r.region, locale),
          formatShare(r.share, locale),
          formatCompact(r.downloads, locale),
          formatInteger(r.modelCount, locale),
          ...(change === undefined ? [] : [formatPp(change, locale)]),
        ];
      }),
    ],
    ["left", "right", "right", "right", "right"],
  );

  // Under a region, an organisation's share of that region's downloads is the figure that matters.
  section(
    region === null
      ? t("cli.stats.orgs")
      : t("cli.stats.orgs-region", { region: regionLabel(region, locale) }),
    [
      [
        col("org"),
        col("region"),
        col("share"),
        ...(region === null ? [] : [col("share-of-region")]),
        col("downloads"),
      ],
      ...stats.topOrgs.map((o) => [
        o.author,
        regionLabel(o.region, locale),
        formatShare(o.share, locale),
        ...(region === null ? [] : [formatShare(o.regionShare, locale)]),
        formatCompact(o.downloads, locale),
      ]),
    ],
    ["left", "left", "right", "right", "right"],
  );

  section(
    t("cli.stats.models"),
    [
      [col("model"), col("region"), col("downloads")],
      ...stats.topModels.map((m) => [
        m.id,
        regionLabel(m.region, locale),
        formatCompact(m.downloads, locale),
      ]),
    ],
    ["left", "left", "right"],
  );

  section(
    t("cli.stats.new-models"),
    [
      [col("model"), col("region"), col("downloads"), col("created")],
      ...stats.newModels.map((m) => [
        m.id,
        regionLabel(m.region, locale),
        formatCompact(m.downloads, locale),
        m.createdAt === null ? "" : formatDate(Date.parse(m.createdAt), locale),
      ]),
    ],
    ["left", "left", "right", "left"],
  );

  const weekRegions =
    region === null ? (["china", "us", "europe", "asia", "other", "unattributed"] as const) : [region];
  section(
    t("cli.stats.new-per-week"),
    [
      [
        col("week"),
        ...weekRegions.map((r) => regionLabel(r, locale)),
        ...(region === null ? [col("total")] : []),
      ],
      ...stats.newModelsPerWeek.map((week) => [
        week.weekStart,
        ...weekRegions.map((r) => formatInteger(week.byRegion[r], locale)),
        ...(region === null ? [formatInteger(week.total, locale)] : []),
      ]),
    ],
    ["left", "right", "right", "right", "right", "right", "right", "right"],
  );

  section(
    t("cli.stats.tasks"),
    [
      [col("task"), col("share"), col("downloads"), col("new")],
      ...stats.tasks.map((task) => [
        `${taskLabel(task.task, locale)} (${task.task})`,
        formatShare(task.share, locale),
        formatCompact(task.downloads, locale),
        formatInteger(task.newModels, locale),
      ]),
    ],
    ["left", "right", "right", "right"],
  );

  section(
    t("cli.stats.families"),
    [
      [col("task"), col("share"), col("downloads"), col("models"), col("new")],
      ...stats.families
        .filter((family) => family.family === "robotics" || family.family === "science")
        .map((family) => [
          t(family.family === "robotics" ? "cli.stats.family.robotics" : "cli.stats.family.science"),
          formatShare(family.share, locale),
          formatCompact(family.downloads, locale),
          formatInteger(family.modelCount, locale),
          formatInteger(family.newModels, locale),
        ]),
    ],
    ["left", "right", "right", "right", "right"],
  );

  section(
    t("cli.stats.sizes"),
    [
      [col("size"), col("share"), col("downloads"), col("models"), col("estimated")],
      ...stats.sizeBuckets.map((b) => [
        t(`chart.sizes.bucket.${b.bucket}`),
        formatShare(b.share, locale),
        formatCompact(b.downloads, locale),
        formatInteger(b.modelCount, locale),
        formatCompact(b.estimatedDownloads, locale),
      ]),
    ],
    ["left", "right", "right", "right", "right"],
  );

  if (wow === null) {
    lines.push("", t("cli.stats.no-comparison"));
  } else {
    const span = wow.exact
      ? t("cli.stats.exact-span", { weeks: wow.windowWeeks })
      : t("cli.stats.nearest-span", {
          days: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(wow.spanMs / DAY_MS),
          weeks: wow.windowWeeks,
        });
    lines.push("", t("cli.stats.comparison", { time: formatUtcMinute(wow.previousAsOf), span }));
    if (wow.countsUnchanged) {
      lines.push(`  ${t("cli.stats.counts-unchanged")}`);
    } else {
      section(
        t("cli.stats.movers"),
        [
          [col("org"), col("region"), region === null ? col("share") : col("share-of-region"), col("change")],
          ...wow.movers.map((m) => [
            m.author,
            regionLabel(m.region, locale),
            formatShare(region === null ? m.share : m.regionShare, locale),
            formatPp(region === null ? m.changePp : m.regionChangePp, locale),
          ]),
        ],
        ["left", "left", "right", "right"],
      );
    }
  }
  return lines.join("\n");
}

type Column =
  | "region"
  | "share"
  | "downloads"
  | "change"
  | "models"
  | "org"
  | "share-of-region"
  | "model"
  | "created"
  | "week"
  | "total"
  | "task"
  | "new"
  | "size"
  | "estimated";
