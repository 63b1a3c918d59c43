import { answerEmbed, chartMessage, liveAnswerFooter, snapshotFooter } from "../bot/answers.js";
import { defineCommand } from "../bot/command.js";
import type { CommandServices } from "../bot/command-services.js";
import { CHART_ANSWER } from "../bot/guards.js";
import { choiceOption, stringOption } from "../bot/options.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import type { Translator } from "../locales/index.js";
import { type RankingInput, type RankingMetric, rankingTitle } from "../services/charts/specs/ranking.js";
import { taskLabel } from "../services/charts/text.js";
import { buildChartSpec } from "../services/charts/views.js";
import type { Locale } from "../services/format/locale.js";
import type { DatasetSort } from "../services/hub/hub-client.js";
import type { Region } from "../services/regions/types.js";
import { type NameIndex, nameIndexOf } from "../services/snapshots/name-index.js";
import { rankModels, snapshotSource } from "../services/snapshots/profiles.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";
import { againstSnapshot, fromHub, staleNoteAt } from "./data-notes.js";
import { autocompleteIndex, closeNames, taskChoices, typedText } from "./names.js";
import { rankingItems, rankingLines } from "./ranking-lines.js";
import { regionOption } from "./shared-options.js";

/** As many as the chart shows. */
const TOP_N = 10;
const DATASET_SORT: Record<RankingMetric, DatasetSort> = {
  trending: "trendingScore",
  downloads: "downloads",
  likes: "likes",
};

/** `/top kind sort [task] [region]`: the top 10 models (newest snapshot) or datasets (live), with a chart. */
export default defineCommand({
  name: "top",
  nameKey: "top.name",
  description: "top.description",
  options: {
    kind: choiceOption({
      description: "top.kind.description",
      nameKey: "top.kind.name",
      required: true,
      choices: [
        { nameKey: "top.kind.models", value: "models" },
        { nameKey: "top.kind.datasets", value: "datasets" },
      ],
    }),
    sort: choiceOption({
      description: "top.sort.description",
      nameKey: "top.sort.name",
      required: true,
      choices: [
        { nameKey: "top.sort.trending", value: "trending" },
        { nameKey: "top.sort.downloads", value: "downloads" },
        { nameKey: "top.sort.likes", value: "likes" },
      ],
    }),
    task: stringOption({
      description: "top.task.description",
      nameKey: "top.task.name",
      maxLength: 60,
      autocomplete: (typed, { services, locale }) => taskChoices(autocompleteIndex(services), typed, locale),
      parse: (text) => text.trim() || null,
    }),
    region: regionOption({ description: "top.region.description", localisedName: true }),
  },
  needs: { appPermissions: CHART_ANSWER, cooldownSeconds: 5 },
  visibility: "public",
  mayBeSlow: true,

  check({ options, services, t }) {
    const { sort } = options;
    const typedTask = options.task ?? null;
    const region = options.region ?? null;
    if (options.kind === "datasets") {
      if (typedTask !== null || region !== null) throw new UserFacingError("top.models-only");
      return { liveDatasets: sort };
    }
    return againstSnapshot(services, (current) => {
      const task = typedTask === null ? null : knownTask(nameIndexOf(current), typedTask, t.locale);
      const models = rankModels(current, { sort, task, region, limit: TOP_N }, services.lookup);
      if (models.length === 0) throw noModels(sort, task, region, t);
      return { sort, task, region, models };
    });
  },

  async run({ services, t }, checked) {
    // Datasets are read live from the Hub; models come from the snapshot the check used.
    if ("liveDatasets" in checked) return topDatasets(services, checked.liveDatasets, t);
    return topModels(services, checked.plan, checked.snapshot, t);
  },
});

interface ModelsPlan {
  sort: RankingMetric;
  task: string | null;
  region: Region | null;
  models: ReturnType<typeof rankModels>;
}

function topModels(services: CommandServices, plan: ModelsPlan, snapshot: Snapshot, t: Translator) {
  const { locale } = t;
  const { sort, region, task } = plan;
  const source = snapshotSource(snapshot, services.lookup);
  const entries = plan.models;
  const input: RankingInput = {
    kind: "ranking",
    subject: "models",
    metric: sort,
    scope: { ...(region === null ? {} : { region }), ...(task === null ? {} : { task }) },
    items: rankingItems(entries, sort),
    source: { kind: "snapshot", ...source },
  };
  const embed = answerEmbed({
    title: rankingTitle(input, locale),
    description: rankingLines(entries, sort, "models", t),
    footer: snapshotFooter(source, locale, staleNoteAt(source.asOf, services, t)),
    timestamp: source.asOf,
  });
  const fileStem = `top-models-${sort}-${region ?? "all"}-${task ?? "all"}`;
  return chartMessage(embed, { spec: buildChartSpec("ranking", input, { locale }), fileStem }, services);
}

async function topDatasets(services: CommandServices, sort: RankingMetric, t: Translator) {
  const { locale } = t;
  const fetched = await fromHub(
    () => services.hubQueries.topDatasets(DATASET_SORT[sort], TOP_N),
    "hub.unavailable.datasets",
  );
  const entries = fetched.value
    .slice(0, TOP_N)
    .map((dataset) => ({ ...dataset, region: services.lookup.regionOf(dataset.author) }));
  if (entries.length === 0) throw new UserFacingError("top.no-datasets");
  const fetchedAt = fetched.fetchedAt.toISOString();
  const input: RankingInput = {
    kind: "ranking",
    subject: "datasets",
    metric: sort,
    scope: {},
    items: rankingItems(entries, sort),
    source: { kind: "live", fetchedAt },
  };
  const embed = answerEmbed({
    title: rankingTitle(input, locale),
    description: rankingLines(entries, sort, "datasets", t),
    footer: liveAnswerFooter(fetched, t),
    timestamp: fetchedAt,
  });
  const spec = buildChartSpec("ranking", input, { locale });
  return chartMessage(embed, { spec, fileStem: `top-datasets-${sort}` }, services);
}

/** The task as the snapshot spells it, by tag or by its shown name; else a refusal with guesses. */
function knownTask(index: NameIndex, typed: string, locale: Locale): string {
  const byName = (name: string) =>
    index.tasks.find((task) => taskLabel(task, locale).toLowerCase() === name.toLowerCase());
  const found = index.task(typed) ?? byName(typed);
  if (found !== undefined) return found;
  throw new UserFacingError("top.unknown-task", {
    typed: typedText(typed),
    guesses: closeNames(index.tasks, typed),
    some: index.tasks.slice(0, 6),
  });
}

function noModels(
  sort: RankingMetric,
  task: string | null,
  region: Region | null,
  t: Translator,
): UserFacingError {
  return new UserFacingError("top.no-models", {
    trending: sort === "trending",
    task: task === null ? null : { label: taskLabel(task, t.locale), tag: task },
    region,
  });
}
