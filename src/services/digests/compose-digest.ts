import { translate } from "../../locales/index.js";
import type { FooterSource } from "../charts/text.js";
import type { ChartSpec } from "../charts/types.js";
import { buildChartSpec } from "../charts/views.js";
import { type Locale, regionLabel } from "../format/locale.js";
import type { CollectionFailureKind } from "../snapshots/collection-schedule.js";
import type { StatsQuery } from "../snapshots/trends-service.js";
import type { TrendStats } from "../stats/types.js";
import { summariseDigest } from "../summaries/digest-summary.js";
import type { SummaryFact } from "../summaries/types.js";
import type { Digest } from "./digest-settings.js";

/** What the digest knows of the background collection when it is composed. */
export interface HubStatus {
  /** True while the latest collection attempt failed: the figures come from an older snapshot. */
  failing: boolean;
  /** When a collection last succeeded, if known. */
  lastSuccessAt: Date | null;
  /** Why the latest attempt failed, when it did. */
  failure?: CollectionFailureKind | null;
}

/** Everything one digest post is made of, in plain data; the Discord layer dresses it. */
export interface ComposeDigestInput {
  digestId: number;
  /** Stats of the digest's region (or the overview), compared with a week earlier. */
  stats: TrendStats;
  locale: Locale;
  /** The delivery period (`2026-W48`). */
  period: string;
  now: Date;
  hub: HubStatus;
}

/** A composed digest: text, chart and the key that finds its message again. */
export interface ComposedDigest {
  locale: Locale;
  title: string;
  /** Plain text (no Discord markdown); the Discord layer escapes it. */
  text: string;
  facts: SummaryFact[];
  view: "regions" | "orgs";
  spec: ChartSpec;
  /** File name of the chart without extension. */
  fileStem: string;
  /** The period as a reader reads it (`2026-W48`, `2026 年第 48 周`). */
  periodLabel: string;
  /** `digest #3 · 2026-W48`: goes first in the embed footer, so the post can be found again. */
  marker: string;
  /** The Hub could not be reached: the text says the figures are from the last good snapshot. */
  hubUnreachable: boolean;
  source: FooterSource;
}

/** Digest posts are about the past week: the stats compare with the snapshot a week earlier. */
export const DIGEST_WINDOW_WEEKS = 1;
/**
 * The digest names up to two new models per region; the stats' default of five new models overall
 * would often all come from one region. Twenty leaves every region a fair chance.
 */
export const DIGEST_STATS_LIMITS = { newModels: 20 } as const;

/**
 * The stats a digest is composed from: its region, a week's comparison, and the counting method
 * its admin chose (`by`, `cohort`; the default method's for digests set up before there was one).
 */
export function digestStatsQuery(digest: Pick<Digest, "region" | "by" | "cohort">) {
  return {
    region: digest.region,
    windowWeeks: DIGEST_WINDOW_WEEKS,
    by: digest.by,
    cohort: digest.cohort,
    limits: DIGEST_STATS_LIMITS,
  } as const satisfies StatsQuery;
}

/**
 * Composes one weekly digest post. Pure: the same input gives the same output. When the Hub has
 * been failing, the post still goes out, from the last good snapshot, and its text says so
 * (a week without a digest reads as a broken bot; old figures, labelled, do not).
 */
export function composeDigest(input: ComposeDigestInput): ComposedDigest {
  const { stats, locale, period, now, hub } = input;
  const periodLabel = formatPeriod(period, locale);
  const summary = summariseDigest(stats, {
    locale,
    now,
    weekLabel: periodLabel,
    ...(hub.failing
      ? { hubUnreachableSince: hub.lastSuccessAt, ...(hub.failure ? { collectionFailure: hub.failure } : {}) }
      : {}),
  });
  const view = stats.region === null ? "regions" : "orgs";
  return {
    locale,
    title: digestTitle(stats.region, locale, period),
    text: summary.text,
    facts: summary.facts,
    view,
    spec: buildChartSpec(view, stats, { locale }),
    fileStem: `digest-${stats.region ?? "all"}-${period.toLowerCase()}`,
    periodLabel,
    marker: digestMarker(input.digestId, period),
    hubUnreachable: hub.failing,
    source: { asOf: stats.asOf, coverage: stats.coverage, universe: stats.universe, method: stats.method },
  };
}

/** `2026-W48` → "2026-W48" (en-US) / "2026 年第 48 周" (zh-CN); anything else as it is. */
export function formatPeriod(period: string, locale: Locale): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(period);
  if (match === null || match[1] === undefined) return period;
  return translate(locale, "digest-post.period", { iso: period, year: match[1], week: Number(match[2]) });
}

/** The key a digest post carries in its footer, the same in every language. */
export function digestMarker(digestId: number, period: string): string {
  return `digest #${digestId} · ${period}`;
}

const MARKER = /^digest #(\d+) · (\d{4}-W\d{2})(?: · |$)/;

/**
 * A digest's title for a week: its scope (every region, or one) and the week. Pure, from the
 * digest's settings alone, so that crash recovery can name a forum post without composing it.
 */
export function digestTitle(region: Digest["region"], locale: Locale, period: string): string {
  const scope = region === null ? translate(locale, "digest-post.overview") : regionLabel(region, locale);
  return translate(locale, "digest-post.title", { scope, period: formatPeriod(period, locale) });
}

/** Reads the key back from a footer: the digest id and period, or null when it carries none. */
export function parseDigestMarker(footer: string): { digestId: number; period: string } | null {
  const match = MARKER.exec(footer);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  return { digestId: Number(match[1]), period: match[2] };
}
