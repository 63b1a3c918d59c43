import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from "discord.js";
import { answerEmbed, editReplyWithChart, liveAnswerFooter, snapshotFooter } from "../bot/answers.js";
import { staleNote } from "../bot/data-notes.js";
import { requireAnswerPermissions, requireCooldown } from "../bot/guards.js";
import { localeFor } from "../bot/locale.js";
import { autocompleteIndex, didYouMean, quoted, taskChoices } from "../bot/name-options.js";
import { rankingItems, rankingLines } from "../bot/ranking-lines.js";
import { readRegion, regionChoices } from "../bot/region-option.js";
import { checkThenDefer, fromHub } from "../bot/snapshot-input.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import { type RankingInput, type RankingMetric, rankingTitle } from "../services/charts/specs/ranking.js";
import { taskLabel } from "../services/charts/text.js";
import { buildChartSpec } from "../services/charts/views.js";
import type { Locale } from "../services/format/locale.js";
import type { DatasetSort } from "../services/hub/hub-client.js";
import type { Region } from "../services/regions/types.js";
import { type NameIndex, nameIndexOf } from "../services/snapshots/name-index.js";
import { rankModels, snapshotSource } from "../services/snapshots/profiles.js";
import type { Command, CommandServices } from "./command.js";

const COOLDOWN_SECONDS = 5;
/** As many as the chart shows. */
const TOP_N = 10;
const KINDS = ["models", "datasets"] as const;
const SORTS = ["trending", "downloads", "likes"] as const satisfies readonly RankingMetric[];
const DATASET_SORT: Record<RankingMetric, DatasetSort> = {
  trending: "trendingScore",
  downloads: "downloads",
  likes: "likes",
};

/** `/top kind sort [task] [region]`: the top 10 models (newest snapshot) or datasets (live), with a chart. */
export default {
  data: {
    name: "top",
    name_localizations: { "zh-CN": "排行" },
    description: "The top 10 models or datasets on the Hugging Face Hub, by trending, downloads or likes",
    description_localizations: {
      "zh-CN": "Hugging Face Hub 上按热度、下载量或点赞数排名前 10 的模型或数据集",
    },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "kind",
        name_localizations: { "zh-CN": "类型" },
        description: "Models or datasets",
        description_localizations: { "zh-CN": "模型或数据集" },
        required: true,
        choices: [
          { name: "models", name_localizations: { "zh-CN": "模型" }, value: "models" },
          { name: "datasets", name_localizations: { "zh-CN": "数据集" }, value: "datasets" },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "sort",
        name_localizations: { "zh-CN": "排序" },
        description: "Rank by the Hub's trending score, 30-day downloads or likes",
        description_localizations: { "zh-CN": "按 Hub 热度分、30 天下载量或点赞数排序" },
        required: true,
        choices: [
          { name: "trending", name_localizations: { "zh-CN": "热度" }, value: "trending" },
          { name: "downloads", name_localizations: { "zh-CN": "下载量" }, value: "downloads" },
          { name: "likes", name_localizations: { "zh-CN": "点赞数" }, value: "likes" },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "task",
        name_localizations: { "zh-CN": "任务" },
        description: "Models only: a task such as text-generation",
        description_localizations: { "zh-CN": "仅限模型：任务，例如 text-generation" },
        autocomplete: true,
        max_length: 60,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "region",
        name_localizations: { "zh-CN": "地区" },
        description: "Models only: china, us, europe, asia or other",
        description_localizations: { "zh-CN": "仅限模型：中国、美国、欧洲、亚太或其他" },
        autocomplete: true,
        max_length: 40,
      },
    ],
  },
  cooldownSeconds: COOLDOWN_SECONDS,

  async execute(interaction, services) {
    const kind = oneOf(KINDS, interaction.options.getString("kind"), "kind");
    const sort = oneOf(SORTS, interaction.options.getString("sort"), "sort");
    const typedTask = interaction.options.getString("task")?.trim() || null;
    const region = readRegion(interaction, "region");
    const locale = localeFor(interaction.locale);
    if (kind === "datasets") {
      if (typedTask !== null || region !== null) {
        throw new UserFacingError(
          "models-only",
          "The task and region filters apply to models only: datasets are ranked across the whole Hub. " +
            "Leave them out for datasets, or choose kind: models.",
        );
      }
      await topDatasets(interaction, services, sort, locale);
      return;
    }

    const { plan, snapshot } = await checkThenDefer(
      interaction,
      services,
      { guard: requireAnswerPermissions, cooldownSeconds: COOLDOWN_SECONDS },
      (current) => {
        const task = typedTask === null ? null : knownTask(nameIndexOf(current), typedTask, locale);
        const models = rankModels(current, { sort, task, region, limit: TOP_N }, services.lookup);
        if (models.length === 0) throw noModels(sort, task, region, locale);
        return { task, models };
      },
    );
    const source = snapshotSource(snapshot, services.lookup);
    const entries = plan.models.map((m) => ({ ...m, region: services.lookup.regionOf(m.author) }));
    const input: RankingInput = {
      kind: "ranking",
      subject: "models",
      metric: sort,
      scope: { ...(region === null ? {} : { region }), ...(plan.task === null ? {} : { task: plan.task }) },
      items: rankingItems(entries, sort),
      source: { kind: "snapshot", ...source },
    };
    const note = staleNote(services.clock().getTime() - Date.parse(source.asOf), services.collection);
    const embed = answerEmbed({
      title: rankingTitle(input, locale),
      description: rankingLines(entries, sort, "models", locale),
      footer: snapshotFooter(source, locale, note),
      timestamp: source.asOf,
    });
    const fileStem = `top-models-${sort}-${region ?? "all"}-${plan.task ?? "all"}`;
    const spec = buildChartSpec("ranking", input, { locale });
    await editReplyWithChart(interaction, embed, { spec, fileStem }, services);
  },

  autocomplete(interaction, services) {
    const focused = interaction.options.getFocused(true);
    const locale = localeFor(interaction.locale);
    if (focused.name === "region") return regionChoices(focused.value, locale);
    if (focused.name !== "task") return [];
    return taskChoices(autocompleteIndex(services), focused.value, locale);
  },
} satisfies Command;

async function topDatasets(
  interaction: ChatInputCommandInteraction,
  services: CommandServices,
  sort: RankingMetric,
  locale: Locale,
): Promise<void> {
  requireAnswerPermissions(interaction);
  requireCooldown(interaction, services.cooldowns, COOLDOWN_SECONDS);
  await interaction.deferReply();
  const fetched = await fromHub(
    () => services.hubQueries.topDatasets(DATASET_SORT[sort], TOP_N),
    "read the top datasets",
  );
  const entries = fetched.value
    .slice(0, TOP_N)
    .map((dataset) => ({ ...dataset, region: services.lookup.regionOf(dataset.author) }));
  if (entries.length === 0)
    throw new UserFacingError(
      "no-datasets",
      "The Hugging Face Hub listed no datasets just now; try again later.",
    );
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
    description: rankingLines(entries, sort, "datasets", locale),
    footer: liveAnswerFooter(fetched, locale),
    timestamp: fetchedAt,
  });
  const spec = buildChartSpec("ranking", input, { locale });
  await editReplyWithChart(interaction, embed, { spec, fileStem: `top-datasets-${sort}` }, services);
}

/** A choice option's value; Discord only sends listed choices, but a stale client could send another. */
function oneOf<T extends string>(values: readonly T[], raw: string | null, name: string): T {
  const found = values.find((value) => value === raw);
  if (found !== undefined) return found;
  throw new UserFacingError("bad-choice", `Choose ${name} from the list: ${values.join(", ")}.`);
}

/** The task as the snapshot spells it, by tag or by its shown name; else a refusal with guesses. */
function knownTask(index: NameIndex, typed: string, locale: Locale): string {
  const byName = (name: string) =>
    index.tasks.find((task) => taskLabel(task, locale).toLowerCase() === name.toLowerCase());
  const found = index.task(typed) ?? byName(typed);
  if (found !== undefined) return found;
  const some = index.tasks.slice(0, 6).join(", ");
  throw new UserFacingError(
    "unknown-task",
    `No model in the newest snapshot has the task ${quoted(typed)}.${didYouMean(index.tasks, typed)} ` +
      `Pick one from the suggestions, e.g. ${some}.`,
  );
}

function noModels(
  sort: RankingMetric,
  task: string | null,
  region: Region | null,
  locale: Locale,
): UserFacingError {
  const filters = [
    task === null ? null : `task ${taskLabel(task, locale)} (${task})`,
    region === null ? null : `region ${region}`,
  ].filter((part): part is string => part !== null);
  const trending = sort === "trending" ? " with a trending score" : "";
  return new UserFacingError(
    "no-matching-models",
    `No model${trending} in the newest snapshot matches ${filters.join(" and ") || "these filters"}. ` +
      "Try another task or region, or leave one out.",
  );
}
