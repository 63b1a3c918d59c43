import { type APIEmbedField, ApplicationCommandOptionType } from "discord.js";
import { answerEmbed, embedMessage, hubUrlOf, liveAnswerFooter, snapshotFooter } from "../bot/answers.js";
import { staleNote } from "../bot/data-notes.js";
import { safeText } from "../bot/discord-text.js";
import { requireEmbedPermission } from "../bot/guards.js";
import { localeFor } from "../bot/locale.js";
import { autocompleteIndex, didYouMean, modelChoices, quoted } from "../bot/name-options.js";
import { checkThenDefer, fromHub } from "../bot/snapshot-input.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import { taskLabel } from "../services/charts/text.js";
import type { Locale } from "../services/format/locale.js";
import { regionLabel } from "../services/format/locale.js";
import { formatCompact, formatInteger } from "../services/format/numbers.js";
import type { ModelRecord } from "../services/hub/types.js";
import { REPO_ID_PATTERN } from "../services/hub/wire.js";
import type { RegionAttributor } from "../services/regions/attribution.js";
import { nameIndexOf } from "../services/snapshots/name-index.js";
import { type ModelProfile, modelProfile, snapshotSource } from "../services/snapshots/profiles.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";
import type { Command } from "./command.js";

/** A look-up may reach the Hub (a model outside the snapshot): a short cooldown spares its quota. */
const COOLDOWN_SECONDS = 3;
/** The longest repo id the Hub allows is 96 characters. */
const MAX_ID_LENGTH = 96;

const T = {
  "en-US": {
    downloads: "Downloads (30 days)",
    likes: "Likes",
    rank: "Rank",
    org: "Organisation",
    task: "Task",
    week: "Week over week",
    byDownloads: (rank: string, of: string) => `#${rank} of ${of} by downloads`,
    trending: (rank: string) => `#${rank} trending`,
    unranked: "not in the top by downloads",
    untracked:
      "Not among the tracked models (the top by downloads, trending and new models): live figures from the Hub.",
    newThisWeek: "not in the snapshot a week earlier",
    noHistory: "no snapshot a week older yet",
    change: (pct: string, before: string, day: string) => `${pct} (${before} on ${day})`,
  },
  "zh-CN": {
    downloads: "下载量（30 天）",
    likes: "点赞数",
    rank: "排名",
    org: "机构",
    task: "任务",
    week: "周环比",
    byDownloads: (rank: string, of: string) => `下载量第 ${rank} 名（共 ${of} 个）`,
    trending: (rank: string) => `热度第 ${rank} 名`,
    unranked: "不在下载量榜单内",
    untracked: "不在跟踪的模型之列（下载量前列、热门和新模型）：以下为 Hub 实时数据。",
    newThisWeek: "一周前的快照中没有该模型",
    noHistory: "尚无一周前的快照",
    change: (pct: string, before: string, day: string) => `${pct}（${day}为 ${before}）`,
  },
} as const;

/** `/model id`: one model's figures from the newest snapshot, or live from the Hub when untracked. */
export default {
  data: {
    name: "model",
    name_localizations: { "zh-CN": "模型" },
    description: "One model's downloads, likes, rank and week-over-week change",
    description_localizations: { "zh-CN": "单个模型的下载量、点赞数、排名和周环比" },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "id",
        name_localizations: { "zh-CN": "名称" },
        description: "The model's repo id, e.g. Qwen/Qwen3-8B",
        description_localizations: { "zh-CN": "模型的仓库 ID，例如 Qwen/Qwen3-8B" },
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },
  cooldownSeconds: COOLDOWN_SECONDS,

  async execute(interaction, services) {
    const typed = interaction.options.getString("id", true).trim();
    const locale = localeFor(interaction.locale);
    if (typed === "" || typed.length > MAX_ID_LENGTH) {
      throw new UserFacingError(
        "bad-model-id",
        "Give a model's repo id, like Qwen/Qwen3-8B (at most 96 characters).",
      );
    }
    const { plan, snapshot } = await checkThenDefer<ModelProfile | null>(
      interaction,
      services,
      {
        guard: requireEmbedPermission,
        cooldownSeconds: COOLDOWN_SECONDS,
        // Not in the snapshot: the Hub decides whether it exists, and "no" must stay private.
        ephemeral: (found) => found === null,
      },
      (current) => {
        const profile = modelProfile(current, services.trends.previousOf(current, 1), typed, services.lookup);
        // Only a well-formed id is worth asking the Hub about.
        if (profile === null && !REPO_ID_PATTERN.test(typed)) throw unknownModel(typed, current);
        return profile;
      },
    );
    if (plan !== null) {
      const source = snapshotSource(snapshot, services.lookup);
      const note = staleNote(services.clock().getTime() - Date.parse(source.asOf), services.collection);
      const embed = answerEmbed({
        title: plan.model.id,
        description: "",
        fields: trackedFields(plan, source.universe.listSize, locale, services.lookup),
        footer: snapshotFooter(source, locale, note),
        timestamp: source.asOf,
        url: hubUrlOf(plan.model.id),
      });
      await interaction.editReply(embedMessage(embed));
      return;
    }

    const live = await fromHub(() => services.hubQueries.modelInfo(typed), "look the model up");
    if (live.value === null) throw unknownModel(typed, snapshot);
    const model = live.value;
    const embed = answerEmbed({
      title: model.id,
      description: T[locale].untracked,
      fields: baseFields(model, locale, services.lookup),
      footer: liveAnswerFooter(live, locale),
      timestamp: live.fetchedAt.toISOString(),
      url: hubUrlOf(model.id),
    });
    await interaction.editReply(embedMessage(embed));
  },

  autocomplete(interaction, services) {
    return modelChoices(
      autocompleteIndex(services),
      interaction.options.getFocused(),
      localeFor(interaction.locale),
    );
  },
} satisfies Command;

function unknownModel(typed: string, snapshot: Snapshot): UserFacingError {
  return new UserFacingError(
    "unknown-model",
    `I can't find the model ${quoted(typed)}, neither among the tracked models nor on the Hub.` +
      `${didYouMean(nameIndexOf(snapshot).modelIds, typed)} Repo ids look like Qwen/Qwen3-8B.`,
  );
}

/** Downloads, likes, organisation and task: what any model has, tracked or not. */
function baseFields(model: ModelRecord, locale: Locale, lookup: RegionAttributor): APIEmbedField[] {
  const t = T[locale];
  const organisation = lookup.organisation(model.author);
  const where = [regionLabel(lookup.regionOf(model.author), locale), organisation?.country]
    .filter(Boolean)
    .join(", ");
  const about = organisation === null ? "" : `\n${safeText(organisation.about, 200)}`;
  return [
    { name: t.downloads, value: formatInteger(model.downloads, locale), inline: true },
    { name: t.likes, value: formatInteger(model.likes, locale), inline: true },
    { name: t.org, value: `${safeText(model.author, 100)} · ${where}${about}`, inline: false },
    ...(model.pipelineTag === null
      ? []
      : [{ name: t.task, value: safeText(taskLabel(model.pipelineTag, locale), 100), inline: true }]),
  ];
}

function trackedFields(
  profile: ModelProfile,
  universeSize: number,
  locale: Locale,
  lookup: RegionAttributor,
): APIEmbedField[] {
  const t = T[locale];
  const { model } = profile;
  const ranks = [
    model.downloadsRank === null
      ? t.unranked
      : t.byDownloads(formatInteger(model.downloadsRank, locale), formatInteger(universeSize, locale)),
    model.trendingRank === null ? null : t.trending(formatInteger(model.trendingRank, locale)),
  ].filter((part): part is string => part !== null);
  return [
    ...baseFields(model, locale, lookup),
    { name: t.rank, value: ranks.join(" · "), inline: true },
    { name: t.week, value: weekOverWeek(profile, locale), inline: false },
  ];
}

function weekOverWeek(profile: ModelProfile, locale: Locale): string {
  const t = T[locale];
  if (profile.previous === null) return profile.hasPrevious ? t.newThisWeek : t.noHistory;
  const before = profile.previous.downloads;
  const now = profile.model.downloads;
  const pct =
    before === 0
      ? "—"
      : new Intl.NumberFormat(locale, {
          style: "percent",
          maximumFractionDigits: 1,
          signDisplay: "exceptZero",
        }).format((now - before) / before);
  const day = profile.previous.asOf.slice(0, 10);
  return t.change(pct, formatCompact(before, locale), day);
}
