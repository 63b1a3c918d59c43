import type { APIEmbedField } from "discord.js";
import { answerEmbed, chartMessage, snapshotFooter } from "../bot/answers.js";
import { defineCommand } from "../bot/command.js";
import { safeText } from "../bot/discord-text.js";
import { CHART_ANSWER } from "../bot/guards.js";
import { stringOption } from "../bot/options.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import type { Translator } from "../locales/index.js";
import type { RankingInput } from "../services/charts/specs/ranking.js";
import { buildChartSpec } from "../services/charts/views.js";
import { regionLabel } from "../services/format/locale.js";
import {
  formatCompact,
  formatInteger,
  formatPercentChange,
  formatPp,
  formatShare,
} from "../services/format/numbers.js";
import { DEFAULT_METHOD } from "../services/method/method.js";
import type { RegionAttributor } from "../services/regions/attribution.js";
import { nameIndexOf } from "../services/snapshots/name-index.js";
import {
  type OrgProfile,
  orgProfile,
  type SnapshotSource,
  snapshotSource,
} from "../services/snapshots/profiles.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";
import { type Comparison, changeHeading, comparisonWith } from "./comparison-period.js";
import { againstSnapshot, staleNoteAt } from "./data-notes.js";
import { autocompleteIndex, closeNames, orgChoices, typedText } from "./names.js";
import { rankingItems, rankingLines } from "./ranking-lines.js";

/** Models listed in the embed; the chart shows up to ten. */
const LISTED = 5;
const CHARTED = 10;

/** `/org name`: an organisation's models, downloads, share and region, with a chart of its top models. */
export default defineCommand({
  name: "org",
  nameKey: "org.name",
  description: "org.description",
  options: {
    name: stringOption({
      description: "org.option.description",
      nameKey: "org.option.name",
      required: true,
      maxLength: 100,
      autocomplete: (typed, { services, locale }) =>
        orgChoices(autocompleteIndex(services), typed, locale, services.lookup),
      parse: (text) => {
        const name = text.trim();
        if (name === "") throw new UserFacingError("org.bad-name");
        return name;
      },
    }),
  },
  needs: { appPermissions: CHART_ANSWER, cooldownSeconds: 5 },
  visibility: "public",
  mayBeSlow: true,

  check({ options, services, t }) {
    return againstSnapshot(services, async (current) => {
      const comparison = comparisonWith(current, services.trends.knownComparisonOf(current, 1), t);
      const previous = comparison?.snapshot ?? null;
      // The compared snapshot's universe is worked out by the first /org after a snapshot, a few
      // milliseconds at a time (not for a name the snapshot does not know: that is refused below).
      if (previous !== null && nameIndexOf(current).author(options.name) !== undefined)
        await services.trends.universeOf(previous, DEFAULT_METHOD);
      const profile = findOrg(current, previous, options.name, services.lookup, t);
      return { profile, comparison };
    });
  },

  async run({ services, t }, { plan: { profile, comparison }, snapshot }) {
    const { locale } = t;
    const source = snapshotSource(snapshot, services.lookup);
    const entries = profile.models.map((m) => ({ ...m, region: profile.region }));
    const about = profile.organisation === null ? "" : `${safeText(profile.organisation.about, 200)}\n\n`;
    const listed = rankingLines(entries.slice(0, LISTED), "downloads", "models", t, false);
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
    const embed = answerEmbed({
      title: `${profile.author} · ${regionLabel(profile.region, locale)}`,
      description: `${about}**${t("org.top-models")}**\n${listed}`,
      fields: orgFields(profile, comparison, source, t),
      footer: snapshotFooter(source, locale, staleNoteAt(source.asOf, services, t)),
      timestamp: source.asOf,
      url: `https://huggingface.co/${encodeURIComponent(profile.author)}`,
    });
    const spec = buildChartSpec("ranking", input, { locale });
    return chartMessage(embed, { spec, fileStem: `org-${profile.author.toLowerCase()}` }, services);
  },
});

/** The organisation's profile, or a refusal that says what is known about the name. */
function findOrg(
  current: Snapshot,
  previous: Snapshot | null,
  typed: string,
  lookup: RegionAttributor,
  t: Translator,
): OrgProfile {
  const profile = orgProfile(current, previous, typed, lookup);
  if (profile !== null) return profile;
  const curated = lookup.organisation(typed);
  if (curated !== null) {
    throw new UserFacingError("org.not-in-snapshot", {
      author: safeText(curated.author, 100),
      region: regionLabel(curated.region, t.locale),
      country: curated.country,
    });
  }
  throw new UserFacingError("org.unknown", {
    typed: typedText(typed),
    guesses: closeNames(nameIndexOf(current).authors, typed),
  });
}

/**
 * Its downloads and shares, of all downloads and of its own region's (Qwen's share of China's, not
 * only of the world's), then the change of each since the compared snapshot, under a heading
 * that says what was compared.
 */
function orgFields(
  profile: OrgProfile,
  comparison: Comparison | null,
  source: SnapshotSource,
  t: Translator,
): APIEmbedField[] {
  const { locale } = t;
  const universe = formatInteger(source.universe.listSize, locale);
  const { stat } = profile;
  const downloads =
    stat === null
      ? t("org.none-in-universe", { universe })
      : `${formatInteger(stat.downloads, locale)}\n${t("org.across", { count: formatInteger(stat.modelCount, locale), universe })}`;
  const where = [regionLabel(profile.region, locale), profile.organisation?.country]
    .filter(Boolean)
    .join(", ");
  // "Share within Unattributed" would say nothing: the unattributed are no region of their own.
  const regionShare =
    profile.region === "unattributed"
      ? []
      : [
          {
            name: regionShareLabel(profile, t),
            value: formatShare(stat?.regionShare ?? 0, locale),
            inline: true,
          },
        ];
  return [
    { name: t("org.downloads"), value: downloads, inline: true },
    { name: t("org.share"), value: formatShare(stat?.share ?? 0, locale), inline: true },
    ...regionShare,
    { name: t("org.region"), value: where, inline: true },
    {
      name: changeHeading(comparison, t("org.week"), t),
      value: changeLines(profile, comparison, t).join("\n"),
      inline: false,
    },
  ];
}

function regionShareLabel(profile: OrgProfile, t: Translator): string {
  return t("org.region-share", { region: regionLabel(profile.region, t.locale) });
}

/** One line per figure that changed: share of all, share of the region, downloads. */
function changeLines(profile: OrgProfile, comparison: Comparison | null, t: Translator): string[] {
  const { change } = profile;
  if (comparison === null || change === null) return [t("org.no-history")];
  if (comparison.countsUnchanged) return [t("change.counts-unchanged", { day: comparison.day })];
  const { locale } = t;
  // A change that would read "±0.0 pp" is said in words, not as filler.
  const pp = (value: number) =>
    Math.round(Math.abs(value) * 10) === 0 ? t("org.unchanged") : formatPp(value, locale);
  const lines = [
    t("org.change", {
      what: t("org.share"),
      change: pp(change.changePp),
      before: formatShare(change.previousShare, locale),
    }),
  ];
  if (profile.region !== "unattributed") {
    lines.push(
      t("org.change", {
        what: regionShareLabel(profile, t),
        change: pp(change.regionChangePp),
        before: formatShare(change.previousRegionShare, locale),
      }),
    );
  }
  lines.push(
    change.downloadsChange === null
      ? t("org.change-from-none", { what: t("org.downloads") })
      : t("org.change", {
          what: t("org.downloads"),
          change: formatPercentChange(change.downloadsChange, locale),
          before: formatCompact(change.previousDownloads, locale),
        }),
  );
  return lines;
}
