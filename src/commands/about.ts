import { type APIEmbedField, time } from "discord.js";
import { answerEmbed, embedMessage } from "../bot/answers.js";
import { collectionFailingLine } from "../bot/fault-text.js";
import { requireEmbedPermission } from "../bot/guards.js";
import { localeFor } from "../bot/locale.js";
import { chartText } from "../services/charts/text.js";
import type { Locale } from "../services/format/locale.js";
import { regionLabel } from "../services/format/locale.js";
import { formatInteger, formatShare } from "../services/format/numbers.js";
import { REGIONS } from "../services/regions/types.js";
import { type SnapshotSource, snapshotSource } from "../services/snapshots/profiles.js";
import type { Command, CommandServices } from "./command.js";

const T = {
  "en-US": {
    title: "About hubtrends",
    intro:
      "Open-source AI trends from the Hugging Face Hub's own numbers: who the most downloaded open models come from, and where those organisations are based.",
    measures: "What it measures",
    universe: (source: SnapshotSource | null, extra: number) =>
      source === null
        ? "The 30-day downloads the Hub reports for its most downloaded models, read on a schedule."
        : source.universe.kind === "top-downloads"
          ? `The 30-day downloads the Hub reports for its top ${formatInteger(source.universe.modelCount, "en-US")} models by downloads: the shares are of these.` +
            (extra > 0
              ? ` ${formatInteger(extra, "en-US")} trending and newly created models are read too, for /top and /model.`
              : "")
          : `The 30-day downloads of all ${formatInteger(source.universe.modelCount, "en-US")} models of an imported snapshot.`,
    regions: "How regions are attributed",
    attribution: (orgs: number, regions: string) =>
      `A curated list of ${formatInteger(orgs, "en-US")} organisations, each placed by the country of its headquarters, into ${regions}. Models of anyone not on the list count as unattributed: never guessed.`,
    freshness: "Data freshness",
    newest: (at: Date) => `Newest snapshot: ${time(at, "f")} (${time(at, "R")}).`,
    none: "No snapshot is stored yet.",
    next: (at: Date) => `Next collection: ${time(at, "R")}.`,
    coverage: "Coverage",
    covered: (share: string) =>
      `${share} of the downloads in the newest snapshot are attributed to a region.`,
    unknown: "Not known until the first snapshot is collected.",
  },
  "zh-CN": {
    title: "关于 hubtrends",
    intro: "基于 Hugging Face Hub 自身数据的开源 AI 趋势：下载量最高的开源模型出自谁手，这些机构位于何处。",
    measures: "统计内容",
    universe: (source: SnapshotSource | null, extra: number) =>
      source === null
        ? "Hub 公布的下载量最高模型的 30 天下载量，定期读取。"
        : source.universe.kind === "top-downloads"
          ? `Hub 公布的下载量前 ${formatInteger(source.universe.modelCount, "zh-CN")} 个模型的 30 天下载量，占比均以此计算。` +
            (extra > 0
              ? `另读取 ${formatInteger(extra, "zh-CN")} 个热门和新建模型，供 /top 和 /model 使用。`
              : "")
          : `导入快照中全部 ${formatInteger(source.universe.modelCount, "zh-CN")} 个模型的 30 天下载量。`,
    regions: "地区如何归属",
    attribution: (orgs: number, regions: string) =>
      `人工整理的 ${formatInteger(orgs, "zh-CN")} 家机构名单，按总部所在国家归入${regions}。名单之外的模型计为"未归属"，从不猜测。`,
    freshness: "数据时效",
    newest: (at: Date) => `最新快照：${time(at, "f")}（${time(at, "R")}）。`,
    none: "尚未存储任何快照。",
    next: (at: Date) => `下次采集：${time(at, "R")}。`,
    coverage: "覆盖率",
    covered: (share: string) => `最新快照中 ${share} 的下载量已归属地区。`,
    unknown: "采集到第一个快照后才能得知。",
  },
} as const;

/** `/about`: what the bot measures, how regions are attributed, how fresh the data is. Public, no cooldown. */
export default {
  data: {
    name: "about",
    name_localizations: { "zh-CN": "关于" },
    description: "What hubtrends measures, how regions are attributed, and how fresh the data is",
    description_localizations: { "zh-CN": "hubtrends 统计什么、地区如何归属、数据有多新" },
  },

  async execute(interaction, services) {
    requireEmbedPermission(interaction);
    const locale = localeFor(interaction.locale);
    // Memory or one SQLite read; never the Hub: /about must answer even when nothing is stored.
    const snapshot = services.trends.newestStored();
    const source = snapshot === null ? null : snapshotSource(snapshot, services.lookup);
    const embed = answerEmbed({
      title: T[locale].title,
      description: T[locale].intro,
      // Models beyond the universe: the trending and new lists of the collection.
      fields: aboutFields(
        source,
        (snapshot?.models.length ?? 0) - (source?.universe.modelCount ?? 0),
        services,
        locale,
      ),
      footer: chartText(locale).source,
      timestamp: source?.asOf ?? services.clock().toISOString(),
    });
    await interaction.reply(embedMessage(embed));
  },
} satisfies Command;

function aboutFields(
  source: SnapshotSource | null,
  extra: number,
  services: CommandServices,
  locale: Locale,
): APIEmbedField[] {
  const t = T[locale];
  const regionNames = REGIONS.map((region) => regionLabel(region, locale)).join(
    locale === "zh-CN" ? "、" : ", ",
  );
  const next = services.collection.nextAttemptAt();
  const freshness = [
    source === null ? t.none : t.newest(new Date(source.asOf)),
    next === null ? null : t.next(next),
    collectionFailingLine(services.collection.lastFailureKind(), locale),
  ].filter((line): line is string => line !== null);
  return [
    { name: t.measures, value: t.universe(source, extra) },
    { name: t.regions, value: t.attribution(services.lookup.organisations().length, regionNames) },
    { name: t.freshness, value: freshness.join("\n") },
    {
      name: t.coverage,
      value: source === null ? t.unknown : t.covered(formatShare(source.coverage, locale)),
    },
  ];
}
