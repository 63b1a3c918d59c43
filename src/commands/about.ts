import { type APIEmbedField, time } from "discord.js";
import { answerEmbed, embedMessage } from "../bot/answers.js";
import { defineCommand } from "../bot/command.js";
import type { CommandServices } from "../bot/command-services.js";
import { EMBED_ANSWER } from "../bot/guards.js";
import type { Translator } from "../locales/index.js";
import { chartText } from "../services/charts/text.js";
import { regionLabel } from "../services/format/locale.js";
import { formatInteger, formatShare } from "../services/format/numbers.js";
import { REGIONS } from "../services/regions/types.js";
import { type SnapshotSource, snapshotSource } from "../services/snapshots/profiles.js";

/** `/about`: what the bot measures, how regions are attributed, how fresh the data is. Public, no cooldown. */
export default defineCommand({
  name: "about",
  nameKey: "about.name",
  description: "about.description",
  needs: { appPermissions: EMBED_ANSWER },
  visibility: "public",
  // Memory or one SQLite read; never the Hub: /about must answer even when nothing is stored.
  mayBeSlow: false,

  run({ services, t }) {
    const snapshot = services.trends.newestStored();
    const source = snapshot === null ? null : snapshotSource(snapshot, services.lookup);
    const embed = answerEmbed({
      title: t("about.title"),
      description: t("about.intro"),
      // Models beyond the universe: the trending and new lists of the collection.
      fields: aboutFields(
        source,
        (snapshot?.models.length ?? 0) - (source?.universe.listSize ?? 0),
        services,
        t,
      ),
      footer: chartText(t.locale).source,
      timestamp: source?.asOf ?? services.clock().toISOString(),
    });
    return embedMessage(embed);
  },
});

function aboutFields(
  source: SnapshotSource | null,
  extra: number,
  services: CommandServices,
  t: Translator,
): APIEmbedField[] {
  const count = (n: number) => formatInteger(n, t.locale);
  const next = services.collection.nextAttemptAt();
  const failure = services.collection.lastFailureKind();
  const freshness = [
    source === null ? t("about.none") : newest(new Date(source.asOf), t),
    next === null ? null : t("about.next", { when: time(next, "R") }),
    failure === null ? null : t(`about.failing.${failure}`),
  ].filter((line): line is string => line !== null);
  return [
    { name: t("about.measures"), value: universe(source, extra, t) },
    {
      name: t("about.regions"),
      value: t("about.attribution", {
        orgs: count(services.lookup.organisations().length),
        regions: REGIONS.map((region) => regionLabel(region, t.locale)),
      }),
    },
    { name: t("about.freshness"), value: freshness.join("\n") },
    {
      name: t("about.coverage"),
      value:
        source === null
          ? t("about.unknown")
          : t("about.covered", { share: formatShare(source.coverage, t.locale) }),
    },
  ];
}

function newest(at: Date, t: Translator): string {
  return t("about.newest", { at: time(at, "f"), ago: time(at, "R") });
}

function universe(source: SnapshotSource | null, extra: number, t: Translator): string {
  if (source === null) return t("about.universe-unknown");
  const count = formatInteger(source.universe.listSize, t.locale);
  if (source.universe.kind !== "top-downloads") return t("about.universe-import", { count });
  const more = extra > 0 ? t("about.universe-extra", { count: formatInteger(extra, t.locale) }) : "";
  return `${t("about.universe-top", { count })}${more}`;
}
