import { ApplicationCommandOptionType } from "discord.js";
import { answerEmbed, editReplyWithChart, snapshotFooter } from "../bot/answers.js";
import { staleNote, withData } from "../bot/data-notes.js";
import { safeText } from "../bot/discord-text.js";
import { requireAnswerPermissions } from "../bot/guards.js";
import { localeFor } from "../bot/locale.js";
import { autocompleteIndex, orgChoices, quoted } from "../bot/name-options.js";
import { regionChoices, VALID_REGIONS_TEXT } from "../bot/region-option.js";
import { checkThenDefer } from "../bot/snapshot-input.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import { compareOrgs, compareRegions } from "../services/charts/specs/compare.js";
import { chartText } from "../services/charts/text.js";
import type { CompareInput } from "../services/charts/types.js";
import { buildChartSpec } from "../services/charts/views.js";
import { regionLabel } from "../services/format/locale.js";
import { formatShare } from "../services/format/numbers.js";
import { parseRegion, suggestRegions } from "../services/regions/parse-region.js";
import type { Region } from "../services/regions/types.js";
import { closeMatches, nameIndexOf } from "../services/snapshots/name-index.js";
import { orgProfile } from "../services/snapshots/profiles.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";
import type { Command, CommandServices } from "./command.js";

const COOLDOWN_SECONDS = 5;
/** Every organisation, so that any two can be compared (compareOrgs looks in `topOrgs`). */
const ALL_ORGS = 1_000_000;

type Side = { kind: "region"; region: Region } | { kind: "org"; author: string };

/** `/compare a b`: two regions or two organisations side by side, in one chart. */
export default {
  data: {
    name: "compare",
    name_localizations: { "zh-CN": "对比" },
    description: "Two regions or two organisations side by side: shares of downloads and models",
    description_localizations: { "zh-CN": "并排对比两个地区或两个机构：下载量和模型数占比" },
    options: (["a", "b"] as const).map((name) => ({
      type: ApplicationCommandOptionType.String as const,
      name,
      name_localizations: { "zh-CN": name === "a" ? "第一项" : "第二项" },
      description:
        name === "a"
          ? "A region (china, us, europe, asia, other) or an organisation (e.g. Qwen)"
          : "Another of the same kind: a region, or an organisation (e.g. meta-llama)",
      description_localizations: {
        "zh-CN":
          name === "a"
            ? "地区（中国、美国、欧洲、亚太、其他）或机构（如 Qwen）"
            : "同类的另一项：地区或机构（如 meta-llama）",
      },
      required: true,
      autocomplete: true,
      max_length: 100,
    })),
  },
  cooldownSeconds: COOLDOWN_SECONDS,

  async execute(interaction, services) {
    const typedA = interaction.options.getString("a", true).trim();
    const typedB = interaction.options.getString("b", true).trim();
    const locale = localeFor(interaction.locale);
    const { plan } = await checkThenDefer(
      interaction,
      services,
      { guard: requireAnswerPermissions, cooldownSeconds: COOLDOWN_SECONDS },
      (current) => pair(current, typedA, typedB, services),
    );
    const [a, b] = plan;
    const input = await withData(
      async () => {
        if (a.kind === "region" && b.kind === "region") {
          const { stats } = await services.trends.stats({ region: null, windowWeeks: 1 });
          return compareRegions(stats, a.region, b.region);
        }
        const { stats } = await services.trends.stats({
          region: null,
          windowWeeks: 1,
          limits: { topOrgs: ALL_ORGS },
        });
        const compared = compareOrgs(stats, nameOf(a), nameOf(b));
        if (compared === null)
          throw new Error(`compareOrgs found no ${nameOf(a)} or ${nameOf(b)} after the check`);
        return compared;
      },
      services.collection,
      services.clock,
    );
    const text = chartText(locale);
    const label = (side: CompareInput["sides"][number]) =>
      input.kind === "regions" ? regionLabel(side.region, locale) : side.name;
    const [left, right] = input.sides;
    const lines = input.metrics.map((metric) => {
      const value = (side: typeof left) => {
        const share = side.values[metric];
        return share === undefined ? "–" : formatShare(share, locale);
      };
      return `**${text.compareMetrics[metric]}**: ${value(left)} ${text.versus} ${value(right)}`;
    });
    const who =
      input.kind === "orgs"
        ? `${safeText(left.name, 100)} (${regionLabel(left.region, locale)}) ${text.versus} ${safeText(right.name, 100)} (${regionLabel(right.region, locale)})\n\n`
        : "";
    const note = staleNote(services.clock().getTime() - Date.parse(input.asOf), services.collection);
    const embed = answerEmbed({
      title: text.compareTitle(label(left), label(right)),
      description: `${who}${lines.join("\n")}`,
      footer: snapshotFooter(input, locale, note),
      timestamp: input.asOf,
    });
    const spec = buildChartSpec("compare", input, { locale });
    const fileStem = `compare-${nameOf(a)}-${nameOf(b)}`.toLowerCase();
    await editReplyWithChart(interaction, embed, { spec, fileStem }, services);
  },

  autocomplete(interaction, services) {
    const typed = interaction.options.getFocused();
    const locale = localeFor(interaction.locale);
    const regions = regionChoices(typed, locale);
    const orgs = orgChoices(autocompleteIndex(services), typed, locale, services.lookup);
    return [...regions, ...orgs].slice(0, 25);
  },
} satisfies Command;

function nameOf(side: Side): string {
  return side.kind === "region" ? side.region : side.author;
}

/** Both sides, of one kind, different, and each with figures to compare; else a refusal saying why. */
function pair(current: Snapshot, typedA: string, typedB: string, services: CommandServices): [Side, Side] {
  const index = nameIndexOf(current);
  const side = (typed: string): Side => {
    const region = parseRegion(typed);
    if (region !== null) return { kind: "region", region };
    const author = index.author(typed);
    if (author !== undefined) return { kind: "org", author };
    const guesses = [...suggestRegions(typed), ...closeMatches(index.authors, typed, 3)].slice(0, 4);
    const hint =
      guesses.length > 0
        ? ` Did you mean ${guesses.map((g) => `**${safeText(g, 100)}**`).join(" or ")}?`
        : "";
    throw new UserFacingError(
      "unknown-compare-side",
      `I don't know ${quoted(typed)}: it is neither a region (${VALID_REGIONS_TEXT}) nor an organisation with models in the newest snapshot.${hint}`,
    );
  };
  const a = side(typedA);
  const b = side(typedB);
  if (a.kind !== b.kind) {
    const [region, org] = a.kind === "region" ? [typedA, typedB] : [typedB, typedA];
    throw new UserFacingError(
      "mixed-compare",
      `I compare two regions or two organisations, not a region with an organisation: ${quoted(region)} is a region and ${quoted(org)} an organisation. ` +
        "Try `/compare china us` or `/compare Qwen meta-llama`; `/org` shows an organisation's share of all downloads.",
    );
  }
  if (nameOf(a).toLowerCase() === nameOf(b).toLowerCase()) {
    throw new UserFacingError(
      "same-compare-side",
      `Both sides are ${quoted(nameOf(a))}: pick two different ${a.kind === "region" ? "regions" : "organisations"} to compare.`,
    );
  }
  for (const s of [a, b]) {
    if (s.kind === "org" && (orgProfile(current, null, s.author, services.lookup)?.stat ?? null) === null) {
      throw new UserFacingError(
        "org-outside-universe",
        `${safeText(s.author, 100)} has no model among the top models by downloads, so it has no share of downloads to compare.`,
      );
    }
  }
  return [a, b];
}
