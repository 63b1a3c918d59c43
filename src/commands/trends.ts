import {
  ApplicationCommandOptionType,
  type BaseMessageOptions,
  type ChatInputCommandInteraction,
} from "discord.js";
import { answerEmbed, chartMessage, replyQuicklyOrDefer, snapshotFooter } from "../bot/answers.js";
import { staleNote, withData } from "../bot/data-notes.js";
import { DISCORD_LIMITS, safeText } from "../bot/discord-text.js";
import { requireAnswerPermissions, requireCooldown } from "../bot/guards.js";
import { localeFor } from "../bot/locale.js";
import { readRegion, regionChoices } from "../bot/region-option.js";
import { defaultTrendView, TREND_VIEWS, type TrendView } from "../services/charts/trend-views.js";
import { buildChartSpec } from "../services/charts/views.js";
import { regionLabel } from "../services/format/locale.js";
import type { Region } from "../services/regions/types.js";
import { WINDOWS, type WindowWeeks } from "../services/snapshots/trends-service.js";
import { summariseTrends } from "../services/summaries/trends-summary.js";
import type { Command, CommandServices } from "./command.js";

/** Rendering a chart costs ~20 ms of CPU; a few seconds per user keeps one person from hogging it. */
const COOLDOWN_SECONDS = 5;

/** `/trends [region] [window] [chart]`: the share of downloads by region, with a chart. */
export default {
  data: {
    name: "trends",
    description: "Who leads open-source AI on the Hugging Face Hub: share of downloads by region",
    description_localizations: { "zh-CN": "开源 AI 趋势：Hugging Face Hub 各地区的下载量占比" },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "region",
        name_localizations: { "zh-CN": "地区" },
        description: "china, us, europe, asia or other (aliases work); leave empty for the overview",
        description_localizations: { "zh-CN": "中国、美国、欧洲、亚太或其他；留空查看总览" },
        autocomplete: true,
        max_length: 40,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: "window",
        name_localizations: { "zh-CN": "时间范围" },
        description: "Compare with how things stood this long ago",
        description_localizations: { "zh-CN": "与多久之前相比" },
        choices: [
          { name: "this week", name_localizations: { "zh-CN": "本周" }, value: 1 },
          { name: "4 weeks", name_localizations: { "zh-CN": "4 周" }, value: 4 },
          { name: "12 weeks", name_localizations: { "zh-CN": "12 周" }, value: 12 },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "chart",
        name_localizations: { "zh-CN": "图表" },
        description: "Which chart to draw",
        description_localizations: { "zh-CN": "要绘制的图表" },
        choices: TREND_VIEWS.map((view) => ({ name: view, value: view })),
      },
    ],
  },
  cooldownSeconds: COOLDOWN_SECONDS,

  async execute(interaction, services) {
    const region = readRegion(interaction, "region");
    const windowWeeks = readWindow(interaction);
    const view = readView(interaction, region);
    requireAnswerPermissions(interaction);
    requireCooldown(interaction, services.cooldowns, COOLDOWN_SECONDS);
    await replyQuicklyOrDefer(
      interaction,
      trendsAnswer(interaction, services, { region, windowWeeks, view }),
    );
  },

  autocomplete(interaction) {
    return regionChoices(interaction.options.getFocused(), localeFor(interaction.locale));
  },
} satisfies Command;

/** The answer: stats (cached), summary, and chart (rendered once per snapshot and view). */
async function trendsAnswer(
  interaction: ChatInputCommandInteraction,
  services: CommandServices,
  query: { region: Region | null; windowWeeks: WindowWeeks; view: TrendView },
): Promise<BaseMessageOptions> {
  const { region, windowWeeks, view } = query;
  const locale = localeFor(interaction.locale);
  const { stats, dataAgeMs } = await withData(
    () => services.trends.stats({ region, windowWeeks }),
    services.collection,
    services.clock,
  );
  const summary = summariseTrends(stats, { locale, now: services.clock() });
  const scope = region === null ? (locale === "zh-CN" ? "总览" : "overview") : regionLabel(region, locale);
  const embed = answerEmbed({
    title: locale === "zh-CN" ? `开源 AI 趋势 · ${scope}` : `Open-source AI trends · ${scope}`,
    description: safeText(summary.text, DISCORD_LIMITS.embedDescription),
    footer: snapshotFooter(stats, locale, staleNote(dataAgeMs, services.collection)),
    timestamp: stats.asOf,
  });
  return chartMessage(
    embed,
    { spec: buildChartSpec(view, stats, { locale }), fileStem: `trends-${region ?? "all"}-${view}` },
    { renderer: services.renderer, size: services.chartSize },
  );
}

function readWindow(interaction: ChatInputCommandInteraction): WindowWeeks {
  const weeks = interaction.options.getInteger("window") ?? 1;
  return WINDOWS.find((w) => w === weeks) ?? 1;
}

/** The chart asked for, else the one that says most. */
function readView(interaction: ChatInputCommandInteraction, region: Region | null): TrendView {
  const asked = interaction.options.getString("chart");
  return TREND_VIEWS.find((v) => v === asked) ?? defaultTrendView(region);
}
