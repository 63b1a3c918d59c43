import type { Translator } from "../../locales/index.js";
import { readPngSize } from "../../services/charts/png.js";
import type { ChartRenderer } from "../../services/charts/renderer.js";
import { compareOrgs, compareRegions } from "../../services/charts/specs/compare.js";
import {
  MAX_RANKED,
  type RankingInput,
  type RankingMetric,
  rankingTitle,
} from "../../services/charts/specs/ranking.js";
import { chartText } from "../../services/charts/text.js";
import { defaultTrendView, isTrendView } from "../../services/charts/trend-views.js";
import type { ChartSpec, CompareInput } from "../../services/charts/types.js";
import { buildChartSpec, CHART_VIEWS } from "../../services/charts/views.js";
import type { Services } from "../../services/create-services.js";
import { regionLabel } from "../../services/format/locale.js";
import { formatCompact, formatInteger, formatShare } from "../../services/format/numbers.js";
import { parseRegion, suggestRegions } from "../../services/regions/parse-region.js";
import type { Region } from "../../services/regions/types.js";
import { closeMatches, nameIndexOf } from "../../services/snapshots/name-index.js";
import { rankModels, snapshotSource } from "../../services/snapshots/profiles.js";
import type { StatsQuery } from "../../services/snapshots/trends-service.js";
import { summariseTrends } from "../../services/summaries/trends-summary.js";
import { UsageError } from "../context.js";
import {
  byOption,
  choiceOption,
  cohortOption,
  regionOption,
  STATS_OPTIONS,
  viewOption,
  windowOption,
} from "../options.js";
import { defineCliCommand } from "../spec.js";
import { checkOutPath, writeOut } from "./files.js";

const KINDS = ["models", "datasets"] as const;
const SORTS = ["downloads", "likes", "trending"] as const satisfies readonly RankingMetric[];
const DATASET_SORT = { downloads: "downloads", likes: "likes", trending: "trendingScore" } as const;

/** Every organisation, so that any two can be compared (compareOrgs looks in `topOrgs`). */
const ALL_ORGS = 1_000_000;

/** A chart and the lines printed with it. */
interface Drawn {
  spec: ChartSpec;
  text: string;
}

/**
 * `hubtrends chart [--view V] ... --out FILE.png`: any chart the bot draws, and what the bot says
 * with it: the `/trends` views with their summary, `compare` (`--a`, `--b`) and `ranking`
 * (`--kind`, `--sort`, `--task`). Adds no logic of its own: stats, specs, summaries and renderer are
 * the bot's. The `--out` path is checked before any work.
 */
export function chartCommand(renderer: () => ChartRenderer | Promise<ChartRenderer>) {
  return defineCliCommand({
    name: "chart",
    summary: "cli.chart.summary",
    options: {
      view: {
        kind: "string",
        placeholder: "V",
        help: "cli.option.view",
        values: CHART_VIEWS,
        defaultValue: "regions",
      },
      ...STATS_OPTIONS,
      out: { kind: "string", placeholder: "FILE.png", help: "cli.option.out", required: true },
      a: { kind: "string", placeholder: "A", help: "cli.option.a" },
      b: { kind: "string", placeholder: "B", help: "cli.option.b" },
      kind: {
        kind: "string",
        placeholder: "K",
        help: "cli.option.kind",
        values: KINDS,
        defaultValue: "models",
      },
      sort: {
        kind: "string",
        placeholder: "S",
        help: "cli.option.sort",
        values: SORTS,
        defaultValue: "downloads",
      },
      task: { kind: "string", placeholder: "T", help: "cli.option.task" },
    },
    async run({ services, config, clock, out, t }, { values }) {
      const path = values.out;
      if (path === undefined) throw new UsageError(t("cli.error.out-required"));
      checkOutPath(path, t);
      const region = regionOption(values.region, t);
      const query: StatsQuery = {
        region,
        windowWeeks: windowOption(values.window, t),
        by: byOption(values.by, t),
        cohort: cohortOption(values.cohort, t),
      };
      const view = viewOption(values.view, defaultTrendView(region), t);
      let drawn: Drawn;
      if (view === "compare") {
        drawn = await compare(services, query, values.a, values.b, t);
      } else if (view === "ranking") {
        const kind = choiceOption(values.kind, "--kind", KINDS, "models", t);
        const sort = choiceOption(values.sort, "--sort", SORTS, "downloads", t);
        drawn = await ranking(services, { kind, sort, region, task: values.task ?? null }, t);
      } else if (isTrendView(view)) {
        const { stats } = await services.trends.stats(query);
        drawn = {
          spec: buildChartSpec(view, stats, { locale: t.locale }),
          text: summariseTrends(stats, { locale: t.locale, now: clock() }).text,
        };
      } else {
        throw new RangeError(`unhandled chart view ${view}`);
      }
      const size = { devicePixelRatio: config.charts.devicePixelRatio };
      const png = await (await renderer()).render(drawn.spec, size);
      writeOut(path, png, t);
      const { width, height } = readPngSize(png) ?? { width: 0, height: 0 };
      out(drawn.text);
      out("");
      out(t("cli.chart.written", { file: path, bytes: formatInteger(png.length, t.locale), width, height }));
      return 0;
    },
  });
}

type Side = { kind: "region"; region: Region } | { kind: "org"; author: string };

/** Two regions or two organisations of the newest snapshot, side by side; else one line saying why not. */
async function compare(
  services: Services,
  query: StatsQuery,
  typedA: string | undefined,
  typedB: string | undefined,
  t: Translator,
): Promise<Drawn> {
  if (typedA === undefined || typedB === undefined) throw new UsageError(t("cli.error.compare-needs-sides"));
  const index = nameIndexOf(await services.trends.latestSnapshot());
  const side = (typed: string): Side => {
    const region = parseRegion(typed);
    if (region !== null) return { kind: "region", region };
    const author = index.author(typed);
    if (author !== undefined) return { kind: "org", author };
    const guesses = [...suggestRegions(typed), ...closeMatches(index.authors, typed, 3)].slice(0, 4);
    throw new UsageError(t("cli.error.compare-unknown-side", { typed, guesses }));
  };
  const [a, b] = [side(typedA), side(typedB)];
  const nameOf = (s: Side) => (s.kind === "region" ? s.region : s.author);
  if (a.kind !== b.kind) {
    const [region, org] = a.kind === "region" ? [typedA, typedB] : [typedB, typedA];
    throw new UsageError(t("cli.error.compare-mixed", { region, org }));
  }
  if (nameOf(a).toLowerCase() === nameOf(b).toLowerCase()) {
    throw new UsageError(t("cli.error.compare-same", { name: nameOf(a) }));
  }
  let input: CompareInput | null;
  if (a.kind === "region" && b.kind === "region") {
    const { stats } = await services.trends.stats({ ...query, region: null });
    input = compareRegions(stats, a.region, b.region);
  } else {
    const { stats } = await services.trends.stats({ ...query, region: null, limits: { topOrgs: ALL_ORGS } });
    input = compareOrgs(stats, nameOf(a), nameOf(b));
    if (input === null) {
      const missing = [nameOf(a), nameOf(b)].find(
        (author) => !stats.topOrgs.some((org) => org.author.toLowerCase() === author.toLowerCase()),
      );
      throw new UsageError(t("cli.error.compare-outside", { org: missing ?? nameOf(a) }));
    }
  }
  const { locale } = t;
  const text = chartText(locale);
  const [left, right] = input.sides;
  const value = (share: number | undefined) => (share === undefined ? "–" : formatShare(share, locale));
  const label = (s: CompareInput["sides"][number]) =>
    input.kind === "regions"
      ? regionLabel(s.region, locale)
      : t("cli.chart.org-side", { org: s.name, region: regionLabel(s.region, locale) });
  const lines = input.metrics.map((metric) =>
    t("cli.chart.compare-line", {
      metric: text.compareMetrics[metric],
      a: value(left.values[metric]),
      b: value(right.values[metric]),
    }),
  );
  return {
    spec: buildChartSpec("compare", input, { locale }),
    text: [text.compareTitle(label(left), label(right)), ...lines].join("\n"),
  };
}

/** The top models of the newest snapshot, or the top datasets read live, as `/top` ranks them. */
async function ranking(
  services: Services,
  query: { kind: (typeof KINDS)[number]; sort: RankingMetric; region: Region | null; task: string | null },
  t: Translator,
): Promise<Drawn> {
  const { locale } = t;
  const { lookup } = services;
  let input: RankingInput;
  if (query.kind === "datasets") {
    if (query.task !== null || query.region !== null)
      throw new UsageError(t("cli.error.ranking-datasets-only"));
    const fetched = await services.hubQueries.topDatasets(DATASET_SORT[query.sort], MAX_RANKED);
    input = {
      kind: "ranking",
      subject: "datasets",
      metric: query.sort,
      scope: {},
      items: fetched.value.map((dataset) => ({
        name: dataset.id,
        region: lookup.regionOf(dataset.author),
        value: metricOf(dataset, query.sort),
      })),
      source: { kind: "live", fetchedAt: fetched.fetchedAt.toISOString() },
    };
  } else {
    const current = await services.trends.latestSnapshot();
    const index = nameIndexOf(current);
    const task = query.task === null ? null : (index.task(query.task) ?? null);
    if (query.task !== null && task === null) {
      throw new UsageError(
        t("cli.error.unknown-task", { typed: query.task, guesses: closeMatches(index.tasks, query.task, 3) }),
      );
    }
    const models = rankModels(
      current,
      { sort: query.sort, task, region: query.region, limit: MAX_RANKED },
      lookup,
    );
    if (models.length === 0) throw new UsageError(t("cli.error.no-ranked"));
    input = {
      kind: "ranking",
      subject: "models",
      metric: query.sort,
      scope: {
        ...(query.region === null ? {} : { region: query.region }),
        ...(task === null ? {} : { task }),
      },
      items: models.map((model) => ({
        name: model.id,
        region: model.region,
        value: metricOf(model, query.sort),
      })),
      source: { kind: "snapshot", ...snapshotSource(current, lookup) },
    };
  }
  const lines = input.items.map((item, i) =>
    t("cli.chart.rank-line", {
      rank: i + 1,
      name: item.name,
      value: formatCompact(item.value, locale),
      region: regionLabel(item.region, locale),
    }),
  );
  return {
    spec: buildChartSpec("ranking", input, { locale }),
    text: [rankingTitle(input, locale), ...lines].join("\n"),
  };
}

function metricOf(
  entry: { downloads: number; likes: number; trendingScore: number | null },
  metric: RankingMetric,
) {
  if (metric === "downloads") return entry.downloads;
  if (metric === "likes") return entry.likes;
  return entry.trendingScore ?? 0;
}
