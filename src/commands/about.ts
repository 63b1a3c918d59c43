import { type APIEmbedField, time } from "discord.js";
import { answerEmbed, embedMessage } from "../bot/answers.js";
import { defineCommand } from "../bot/command.js";
import type { CommandServices } from "../bot/command-services.js";
import { EMBED_ANSWER } from "../bot/guards.js";
import type { Translator } from "../locales/index.js";
import { chartText } from "../services/charts/text.js";
import { regionLabel } from "../services/format/locale.js";
import { formatInteger, formatShare } from "../services/format/numbers.js";
import {
  type AboutFigures,
  aboutFigures,
  methodRows,
  REPORT_FIGURES,
  reportGapExplanation,
} from "../services/method/about-figures.js";
import { CREDIT_METHODS, DEFAULT_METHOD, isDefaultMethod } from "../services/method/method.js";
import { bundledTestTraffic } from "../services/method/test-traffic.js";
import { creditLabel } from "../services/method/wording.js";
import { notEstablishedNamespaces } from "../services/regions/not-established.js";
import { REGIONS } from "../services/regions/types.js";
import { type SnapshotSource, snapshotSource } from "../services/snapshots/profiles.js";
import { defaultFirst } from "./shared-options.js";

/**
 * `/about`: what the bot measures, how regions are attributed, how fresh the data is, why Hugging
 * Face's report says 41% when the bot says otherwise, with the newest snapshot's figures under
 * every way of counting side by side, and the reviewed lists behind them. Public, no cooldown.
 */
export default defineCommand({
  name: "about",
  nameKey: "about.name",
  description: "about.description",
  needs: { appPermissions: EMBED_ANSWER },
  visibility: "public",
  // Memory or one database read; never the Hub: /about must answer even when nothing is stored.
  mayBeSlow: false,

  run({ services, t }) {
    const snapshot = services.trends.newestStored();
    const source = snapshot === null ? null : snapshotSource(snapshot, services.lookup);
    // Six aggregates of the newest snapshot, each computed once per snapshot and shared with /trends.
    const figures = snapshot === null ? null : aboutFigures(snapshot, services.lookup);
    const embed = answerEmbed({
      title: t("about.title"),
      description: [t("about.intro"), "", reportGapHeading(t), ...reportGap(figures, t)].join("\n"),
      fields: [
        // Models beyond the universe: the trending and new lists of the collection.
        ...aboutFields(
          source,
          (snapshot?.models.length ?? 0) - (source?.universe.listSize ?? 0),
          services,
          t,
        ),
        ...(figures === null ? [] : figureFields(figures, t)),
        ...reviewedLists(t),
      ],
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

/** "**Why Hugging Face's report says 41%**". */
function reportGapHeading(t: Translator): string {
  return `**${t("about.report-gap", { china: formatShare(REPORT_FIGURES.china, t.locale, 0) })}**`;
}

/** Why the report's 41% differs, with this snapshot's figures; without a snapshot, the reasons alone. */
function reportGap(figures: AboutFigures | null, t: Translator): string[] {
  const lines = figures === null ? [] : reportGapExplanation(figures, t.locale);
  if (lines.length > 0) return lines;
  return [
    t("about.report-gap-none", {
      china: formatShare(REPORT_FIGURES.china, t.locale),
      us: formatShare(REPORT_FIGURES.us, t.locale),
    }),
  ];
}

/**
 * China's and the US's shares, coverage and the HF-run libraries' part of the US figure under every
 * `by` × `cohort`: one field per `by` (the default's first), a cohort per two lines, so that it
 * reads on a phone, where a six-column table would not.
 */
function figureFields(figures: AboutFigures, t: Translator): APIEmbedField[] {
  const rows = methodRows(figures, t.locale);
  return defaultFirst(CREDIT_METHODS, DEFAULT_METHOD.by).map((by) => ({
    name: t("about.figures", { by: creditLabel(by, t.locale) }),
    value: figures.methods
      .flatMap((figure, index) => {
        const row = rows[index];
        if (figure.method.by !== by || row === undefined) return [];
        return [
          t("about.figures-row", {
            cohort: row.cohort,
            isDefault: isDefaultMethod(figure.method),
            china: row.china,
            us: row.us,
            coverage: row.coverage,
            hf: row.hfShareOfUs,
          }),
        ];
      })
      .join("\n"),
  }));
}

/** The reviewed lists that decide what counts: test traffic left out, namespaces left unattributed. */
function reviewedLists(t: Translator): APIEmbedField[] {
  const rules = bundledTestTraffic().rules.map((rule) =>
    rule.match === "namespace" ? `\`${rule.value}/*\`` : `\`*/*${rule.value}*\``,
  );
  const authors = notEstablishedNamespaces().map((entry) => `\`${entry.author}\``);
  return [
    { name: t("about.test-traffic"), value: t("about.test-traffic-list", { rules }) },
    { name: t("about.not-established"), value: t("about.not-established-list", { authors }) },
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
