import type { APIEmbedField } from "discord.js";
import { answerEmbed, embedMessage, hubUrlOf, liveAnswerFooter, snapshotFooter } from "../bot/answers.js";
import { defineCommand } from "../bot/command.js";
import { safeText } from "../bot/discord-text.js";
import { EMBED_ANSWER } from "../bot/guards.js";
import { stringOption } from "../bot/options.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import type { Translator } from "../locales/index.js";
import { taskLabel } from "../services/charts/text.js";
import { regionLabel } from "../services/format/locale.js";
import { formatCompact, formatInteger } from "../services/format/numbers.js";
import type { ModelRecord } from "../services/hub/types.js";
import { REPO_ID_PATTERN } from "../services/hub/wire.js";
import { DEFAULT_METHOD } from "../services/method/method.js";
import { isTestTraffic } from "../services/method/test-traffic.js";
import type { RegionAttributor } from "../services/regions/attribution.js";
import { nameIndexOf } from "../services/snapshots/name-index.js";
import { type ModelProfile, modelProfile, snapshotSource } from "../services/snapshots/profiles.js";
import { creditFunction } from "../services/stats/region-shares.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";
import { type Comparison, changeHeading, comparisonWith } from "./comparison-period.js";
import { againstSnapshot, fromHub, staleNoteAt } from "./data-notes.js";
import { autocompleteIndex, closeNames, modelChoices, typedText } from "./names.js";

/** The longest repo id the Hub allows is 96 characters. */
const MAX_ID_LENGTH = 96;

/** `/model id`: one model's figures from the newest snapshot, or live from the Hub when untracked. */
export default defineCommand({
  name: "model",
  nameKey: "model.name",
  description: "model.description",
  options: {
    id: stringOption({
      description: "model.id.description",
      nameKey: "model.id.name",
      required: true,
      maxLength: 100,
      autocomplete: (typed, { services, t }) => modelChoices(autocompleteIndex(services), typed, t),
      parse: (text) => {
        const id = text.trim();
        if (id === "" || id.length > MAX_ID_LENGTH) throw new UserFacingError("model.bad-id");
        return id;
      },
    }),
  },
  // A look-up may reach the Hub (a model outside the snapshot): a short cooldown spares its quota.
  needs: { appPermissions: EMBED_ANSWER, cooldownSeconds: 3 },
  visibility: "public",
  mayBeSlow: true,

  check({ options, services, t }) {
    return againstSnapshot(services, (current) => {
      const comparison = comparisonWith(current, services.trends.knownComparisonOf(current, 1), t);
      const profile = modelProfile(current, comparison?.snapshot ?? null, options.id, services.lookup);
      // Only a well-formed id is worth asking the Hub about.
      if (profile === null && !REPO_ID_PATTERN.test(options.id)) throw unknownModel(options.id, current);
      return { profile, comparison };
    });
  },
  // Not in the snapshot: the Hub decides whether it exists, and "no" must stay private.
  privately: ({ plan }) => plan.profile === null,

  async run({ options, services, t }, { plan: { profile, comparison }, snapshot }) {
    if (profile !== null) {
      const source = snapshotSource(snapshot, services.lookup);
      return embedMessage(
        answerEmbed({
          title: profile.model.id,
          description: "",
          fields: trackedFields(profile, comparison, snapshot, source.universe.listSize, t, services.lookup),
          footer: snapshotFooter(source, t.locale, staleNoteAt(source.asOf, services, t)),
          timestamp: source.asOf,
          url: hubUrlOf(profile.model.id),
        }),
      );
    }
    const live = await fromHub(() => services.hubQueries.modelInfo(options.id), "hub.unavailable.model");
    if (live.value === null) throw unknownModel(options.id, snapshot);
    const model = live.value;
    return embedMessage(
      answerEmbed({
        title: model.id,
        description: t("model.untracked"),
        fields: baseFields(model, t, services.lookup),
        footer: liveAnswerFooter(live, t),
        timestamp: live.fetchedAt.toISOString(),
        url: hubUrlOf(model.id),
      }),
    );
  },
});

function unknownModel(typed: string, snapshot: Snapshot): UserFacingError {
  return new UserFacingError("model.unknown", {
    typed: typedText(typed),
    guesses: closeNames(nameIndexOf(snapshot).modelIds, typed),
  });
}

/** Downloads, likes, organisation and task: what any model has, tracked or not. */
function baseFields(model: ModelRecord, t: Translator, lookup: RegionAttributor): APIEmbedField[] {
  const { locale } = t;
  const organisation = lookup.organisation(model.author);
  const where = [regionLabel(lookup.regionOf(model.author), locale), organisation?.country]
    .filter(Boolean)
    .join(", ");
  const about = organisation === null ? "" : `\n${safeText(organisation.about, 200)}`;
  return [
    { name: t("model.downloads"), value: formatInteger(model.downloads, locale), inline: true },
    { name: t("model.likes"), value: formatInteger(model.likes, locale), inline: true },
    { name: t("model.org"), value: `${safeText(model.author, 100)} · ${where}${about}`, inline: false },
    ...(model.pipelineTag === null
      ? []
      : [
          { name: t("model.task"), value: safeText(taskLabel(model.pipelineTag, locale), 100), inline: true },
        ]),
  ];
}

function trackedFields(
  profile: ModelProfile,
  comparison: Comparison | null,
  snapshot: Snapshot,
  universeSize: number,
  t: Translator,
  lookup: RegionAttributor,
): APIEmbedField[] {
  const { model } = profile;
  const count = (n: number) => formatInteger(n, t.locale);
  const ranks = [
    model.downloadsRank === null
      ? t("model.unranked")
      : t("model.by-downloads", { rank: count(model.downloadsRank), of: count(universeSize) }),
    model.trendingRank === null ? null : t("model.trending", { rank: count(model.trendingRank) }),
  ].filter((part): part is string => part !== null);
  return [
    ...baseFields(model, t, lookup),
    ...creditedField(model, snapshot, t, lookup),
    { name: t("model.rank"), value: ranks.join(" · "), inline: true },
    {
      name: changeHeading(comparison, t("model.week"), t),
      value: changeSince(profile, comparison, t),
      inline: false,
    },
  ];
}

/**
 * Whom the model's downloads count for in the answers that credit them (the default method's),
 * when that is not its uploader: a GGUF of Qwen3 by unsloth counts for Qwen, and the footer's
 * "credited to the base model's developer" would otherwise not say so for this model; and a test
 * repo's count for nobody.
 */
function creditedField(
  model: ModelRecord,
  snapshot: Snapshot,
  t: Translator,
  lookup: RegionAttributor,
): APIEmbedField[] {
  // Test traffic counts for nobody: every cohort leaves it out.
  if (isTestTraffic(model)) {
    return [{ name: t("model.credited"), value: t("model.test-traffic"), inline: false }];
  }
  const credited = creditFunction(snapshot.models, DEFAULT_METHOD)(model);
  if (credited.toLowerCase() === model.author.toLowerCase()) return [];
  const region = regionLabel(lookup.regionOf(credited), t.locale);
  return [
    {
      name: t("model.credited"),
      value: t("model.credited-to", { author: safeText(credited, 100), region }),
      inline: false,
    },
  ];
}

/** The change since the compared snapshot, or why there is none to show. */
function changeSince(profile: ModelProfile, comparison: Comparison | null, t: Translator): string {
  if (comparison === null) return t("model.no-history");
  if (profile.previous === null) {
    return comparison.exact ? t("model.new-this-week") : t("model.new-since", { day: comparison.day });
  }
  if (comparison.countsUnchanged) return t("change.counts-unchanged", { day: comparison.day });
  const before = profile.previous.downloads;
  const now = profile.model.downloads;
  const pct =
    before === 0
      ? "—"
      : new Intl.NumberFormat(t.locale, {
          style: "percent",
          maximumFractionDigits: 1,
          signDisplay: "exceptZero",
        }).format((now - before) / before);
  // The heading of an inexact comparison already says the day.
  const was = formatCompact(before, t.locale);
  return comparison.exact
    ? t("model.change", { pct, before: was, day: comparison.isoDay })
    : t("model.change-was", { pct, before: was });
}
