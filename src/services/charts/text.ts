import { isPlainKey, translate, translator } from "../../locales/index.js";
import { formatUtcMinute } from "../format/dates.js";
import type { Locale } from "../format/locale.js";
import { regionLabel } from "../format/locale.js";
import { formatShare } from "../format/numbers.js";
import type { CountingMethod } from "../method/method.js";
import { methodSentence } from "../method/wording.js";
import type { RegionOrUnattributed } from "../regions/types.js";
import type { TaskFamily, Universe } from "../stats/types.js";
import type { CompareMetric } from "./types.js";

/**
 * The words of a chart that the bot's embeds repeat (`/compare` lists the same metrics under its
 * chart, `/about` names the source), from the message catalogues (`chart.*`).
 */
export function chartText(locale: Locale) {
  const t = translator(locale);
  return {
    source: t("chart.source"),
    compareMetrics: {
      downloads: t("chart.compare.downloads"),
      models: t("chart.compare.models"),
      newModels: t("chart.compare.new-models"),
      regionDownloads: t("chart.compare.region-downloads"),
    } satisfies Record<CompareMetric, string>,
    compareTitle: (a: string, b: string) => t("chart.compare.title", { a, b }),
    versus: t("chart.compare.versus"),
  };
}

/**
 * Human name of a pipeline tag (`text-generation` → "Text generation" / "文本生成"), from the
 * catalogues' `task.*` keys. Tags not listed are shown as they are, with dashes made spaces and the
 * first letter raised: a new tag on the Hub still reads sensibly.
 */
export function taskLabel(task: string, locale: Locale): string {
  const key = `task.${task}`;
  if (isPlainKey(key)) return translate(locale, key);
  const spaced = task.replaceAll("-", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The task families a task chart calls out; every other family is drawn as "other tasks". */
export function taskGroup(family: TaskFamily): "robotics" | "science" | "rest" {
  return family === "robotics" || family === "science" ? family : "rest";
}

/** `2026-05-04T04:10:37Z` → "2026-05-04 04:10 UTC": unambiguous in both locales, no time-zone guessing. */
export function formatSnapshotTime(iso: string): string {
  return formatUtcMinute(iso);
}

/** What a footer is made from: the snapshot's time and coverage, and what was counted, how. */
export interface FooterSource {
  asOf: string;
  coverage: number;
  universe: Universe;
  method: CountingMethod;
}

/**
 * The footer every chart carries: what was counted, in words ("30-day downloads of the top 5,000
 * models, credited to the base model's developer"), then where the numbers come from, when, and
 * how much of them is attributed. Without it a PNG forwarded out of context could not be checked.
 * The chart wraps each line to its width.
 */
export function footerLines(source: FooterSource, locale: Locale): [string, string] {
  return [
    methodSentence(source, locale),
    translate(locale, "chart.footer.snapshot", {
      time: formatSnapshotTime(source.asOf),
      coverage: formatShare(source.coverage, locale, 0),
    }),
  ];
}

/**
 * The footer of a chart: the same facts as {@link footerLines}, the source said more briefly, so
 * that the whole runs to about three lines on a 400 px card.
 */
export function chartFooterLines(source: FooterSource, locale: Locale): [string, string] {
  return [
    methodSentence(source, locale),
    translate(locale, "chart.footer.compact", {
      time: formatSnapshotTime(source.asOf),
      coverage: formatShare(source.coverage, locale, 0),
    }),
  ];
}

/** The footer as one line, for embed footers (Discord wraps them). */
export function footerText(source: FooterSource, locale: Locale): string {
  const [counted, provenance] = footerLines(source, locale);
  return `${provenance}${translate(locale, "chart.separator")}${counted}`;
}

/** A region's name in the chart's locale (re-exported so specs take all text from one place). */
export function regionName(region: RegionOrUnattributed, locale: Locale): string {
  return regionLabel(region, locale);
}
