import { type APIEmbedField, ApplicationCommandOptionType } from "discord.js";
import { answerEmbed, editReplyWithChart, snapshotFooter } from "../bot/answers.js";
import { staleNote } from "../bot/data-notes.js";
import { safeText } from "../bot/discord-text.js";
import { requireAnswerPermissions } from "../bot/guards.js";
import { localeFor } from "../bot/locale.js";
import { autocompleteIndex, didYouMean, orgChoices, quoted } from "../bot/name-options.js";
import { rankingItems, rankingLines } from "../bot/ranking-lines.js";
import { checkThenDefer } from "../bot/snapshot-input.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import type { RankingInput } from "../services/charts/specs/ranking.js";
import { buildChartSpec } from "../services/charts/views.js";
import type { Locale } from "../services/format/locale.js";
import { regionLabel } from "../services/format/locale.js";
import { formatInteger, formatPp, formatShare } from "../services/format/numbers.js";
import type { RegionAttributor } from "../services/regions/attribution.js";
import { nameIndexOf } from "../services/snapshots/name-index.js";
import {
  type OrgProfile,
  orgProfile,
  type SnapshotSource,
  snapshotSource,
} from "../services/snapshots/profiles.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";
import type { Command } from "./command.js";

const COOLDOWN_SECONDS = 5;
/** Models listed in the embed; the chart shows up to ten. */
const LISTED = 5;
const CHARTED = 10;

const T = {
  "en-US": {
    downloads: "Downloads (30 days)",
    share: "Share of all downloads",
    region: "Region",
    week: "Week over week",
    topModels: "Top models",
    across: (count: string, universe: string) => `across ${count} of the top ${universe} models`,
    noneInUniverse: (universe: string) => `none of its models is among the top ${universe}`,
    since: (day: string, before: string) => `since ${day} (was ${before})`,
    noHistory: "no snapshot a week older yet",
  },
  "zh-CN": {
    downloads: "下载量（30 天）",
    share: "占全部下载量",
    region: "地区",
    week: "周环比",
    topModels: "热门模型",
    across: (count: string, universe: string) => `下载量前 ${universe} 的模型中有 ${count} 个`,
    noneInUniverse: (universe: string) => `没有模型进入下载量前 ${universe}`,
    since: (day: string, before: string) => `自 ${day}（当时为 ${before}）`,
    noHistory: "尚无一周前的快照",
  },
} as const;

/** `/org name`: an organisation's models, downloads, share and region, with a chart of its top models. */
export default {
  data: {
    name: "org",
    name_localizations: { "zh-CN": "机构" },
    description: "An organisation on the Hub: its top models, downloads, share and region",
    description_localizations: { "zh-CN": "Hub 上的机构：热门模型、下载量、占比和地区" },
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "name",
        name_localizations: { "zh-CN": "名称" },
        description: "The Hub namespace, e.g. Qwen or meta-llama",
        description_localizations: { "zh-CN": "Hub 命名空间，例如 Qwen 或 meta-llama" },
        required: true,
        autocomplete: true,
        max_length: 100,
      },
    ],
  },
  cooldownSeconds: COOLDOWN_SECONDS,

  async execute(interaction, services) {
    const typed = interaction.options.getString("name", true).trim();
    const locale = localeFor(interaction.locale);
    if (typed === "") throw new UserFacingError("bad-org", "Give an organisation's Hub name, like Qwen.");
    const { plan: profile, snapshot } = await checkThenDefer(
      interaction,
      services,
      { guard: requireAnswerPermissions, cooldownSeconds: COOLDOWN_SECONDS },
      (current) => findOrg(current, services.trends.previousOf(current, 1), typed, services.lookup),
    );
    const source = snapshotSource(snapshot, services.lookup);
    const entries = profile.models.map((m) => ({ ...m, region: profile.region }));
    const about = profile.organisation === null ? "" : `${safeText(profile.organisation.about, 200)}\n\n`;
    const listed = rankingLines(entries.slice(0, LISTED), "downloads", "models", locale, false);
    const input: RankingInput = {
      kind: "ranking",
      subject: "models",
      metric: "downloads",
      scope: { org: profile.author },
      // The organisation is in the title: its name before each model would only crowd the axis.
      items: rankingItems(entries.slice(0, CHARTED), "downloads", (entry) =>
        entry.id.replace(/^[^/]*\//, ""),
      ),
      source: { kind: "snapshot", ...source },
    };
    const note = staleNote(services.clock().getTime() - Date.parse(source.asOf), services.collection);
    const embed = answerEmbed({
      title: `${profile.author} · ${regionLabel(profile.region, locale)}`,
      description: `${about}**${T[locale].topModels}**\n${listed}`,
      fields: orgFields(profile, source, locale),
      footer: snapshotFooter(source, locale, note),
      timestamp: source.asOf,
      url: `https://huggingface.co/${encodeURIComponent(profile.author)}`,
    });
    const spec = buildChartSpec("ranking", input, { locale });
    const fileStem = `org-${profile.author.toLowerCase()}`;
    await editReplyWithChart(interaction, embed, { spec, fileStem }, services);
  },

  autocomplete(interaction, services) {
    const locale = localeFor(interaction.locale);
    return orgChoices(autocompleteIndex(services), interaction.options.getFocused(), locale, services.lookup);
  },
} satisfies Command;

/** The organisation's profile, or a refusal that says what is known about the name. */
function findOrg(
  current: Snapshot,
  previous: Snapshot | null,
  typed: string,
  lookup: RegionAttributor,
): OrgProfile {
  const profile = orgProfile(current, previous, typed, lookup);
  if (profile !== null) return profile;
  const curated = lookup.organisation(typed);
  if (curated !== null) {
    throw new UserFacingError(
      "org-not-in-snapshot",
      `${safeText(curated.author, 100)} is on my list of organisations (${regionLabel(curated.region, "en-US")}, ${curated.country}), ` +
        "but none of its models is among the tracked models of the newest snapshot.",
    );
  }
  throw new UserFacingError(
    "unknown-org",
    `I can't find the organisation ${quoted(typed)} among the authors of the tracked models.` +
      `${didYouMean(nameIndexOf(current).authors, typed)} Names are Hub namespaces, like Qwen or meta-llama.`,
  );
}

function orgFields(profile: OrgProfile, source: SnapshotSource, locale: Locale): APIEmbedField[] {
  const t = T[locale];
  const universe = formatInteger(source.universe.listSize, locale);
  const { stat, change } = profile;
  const downloads =
    stat === null
      ? t.noneInUniverse(universe)
      : `${formatInteger(stat.downloads, locale)}\n${t.across(formatInteger(stat.modelCount, locale), universe)}`;
  const where = [regionLabel(profile.region, locale), profile.organisation?.country]
    .filter(Boolean)
    .join(", ");
  const week =
    change === null
      ? t.noHistory
      : `${formatPp(change.changePp, locale)} ${t.since(change.previousAsOf.slice(0, 10), formatShare(change.previousShare, locale))}`;
  return [
    { name: t.downloads, value: downloads, inline: true },
    { name: t.share, value: formatShare(stat?.share ?? 0, locale), inline: true },
    { name: t.region, value: where, inline: true },
    { name: t.week, value: week, inline: false },
  ];
}
