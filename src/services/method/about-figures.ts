import { translator } from "../../locales/index.js";
import type { Locale } from "../format/locale.js";
import { formatInteger, formatShare } from "../format/numbers.js";
import type { RegionLookup, SnapshotData } from "../stats/inputs.js";
import { memoizedLookup } from "../stats/model-facts.js";
import { shareOf, universeAggregates } from "../stats/region-shares.js";
import type { Universe } from "../stats/types.js";
import { ALL_METHODS, type CountingMethod, DEFAULT_METHOD, methodKey } from "./method.js";
import { cohortLabel, creditLabel, methodSentence } from "./wording.js";

/**
 * What `/about` shows next to its explanation: the newest snapshot's China and US shares and
 * coverage under every way of counting, side by side, and how much of the US figure the libraries
 * Hugging Face runs carry. Plain data from a pure function; the command renders it.
 */

/**
 * Namespaces counted as US because Hugging Face runs them, although the libraries were developed at
 * UKP Lab, TU Darmstadt (see "Whose base counts" in src/services/regions/README.md). Their weight
 * in the US figure is shown wherever the US figure is explained, so the decision stays visible.
 */
export const HF_RUN_LIBRARIES: readonly string[] = Object.freeze(["sentence-transformers", "cross-encoder"]);

/** The figure people arrive with: Hugging Face's "State of Open Source, Spring 2026". */
export const REPORT_FIGURES = Object.freeze({
  china: 0.41,
  us: 0.365,
  /** 12-month download totals over every model on the Hub, as read off the report's chart. */
  period: { from: "2025-02", to: "2026-02" },
});

export interface MethodFigures {
  method: CountingMethod;
  /** Models the shares are over, and their 30-day downloads. */
  modelCount: number;
  totalDownloads: number;
  china: number;
  us: number;
  coverage: number;
  /** Downloads credited to {@link HF_RUN_LIBRARIES}, as a share of the US downloads and of all. */
  hfLibraries: { downloads: number; shareOfUs: number; shareOfAll: number };
}

export interface AboutFigures {
  asOf: string;
  /** The list every method counts from (listSize, kind) and the test traffic left out of it. */
  universe: Pick<Universe, "kind" | "listSize" | "excluded">;
  /** Every `by` × `cohort`, in the order of ALL_METHODS (uploader first, then lineage). */
  methods: MethodFigures[];
}

/** The side-by-side figures for one snapshot (the newest, for `/about`). */
export function aboutFigures(snapshot: SnapshotData, lookup: RegionLookup): AboutFigures {
  const shared = memoizedLookup(lookup);
  const hf = new Set(HF_RUN_LIBRARIES.map((author) => author.toLowerCase()));
  const methods = ALL_METHODS.map((method): MethodFigures => {
    const aggregate = universeAggregates(snapshot, shared, method);
    const us = aggregate.regions.find((r) => r.region === "us")?.downloads ?? 0;
    const hfDownloads = aggregate.orgs
      .filter((org) => hf.has(org.author.toLowerCase()))
      .reduce((sum, org) => sum + org.downloads, 0);
    const total = aggregate.universe.totalDownloads;
    return {
      method: { ...method },
      modelCount: aggregate.universe.modelCount,
      totalDownloads: total,
      china: aggregate.shares.china,
      us: aggregate.shares.us,
      coverage: total > 0 ? 1 - aggregate.shares.unattributed : 0,
      hfLibraries: {
        downloads: hfDownloads,
        shareOfUs: shareOf(hfDownloads, us),
        shareOfAll: shareOf(hfDownloads, total),
      },
    };
  });
  const { universe } = universeAggregates(snapshot, shared, DEFAULT_METHOD);
  return {
    asOf: new Date(snapshot.takenAt).toISOString(),
    universe: { kind: universe.kind, listSize: universe.listSize, excluded: universe.excluded },
    methods,
  };
}

/** The figures of one method, or undefined when `figures` lacks it. */
export function figuresOf(figures: AboutFigures, method: CountingMethod): MethodFigures | undefined {
  return figures.methods.find((m) => methodKey(m.method) === methodKey(method));
}

/**
 * A few lines on why Hugging Face's report says 41% and the bot says something else, with this
 * snapshot's figures: the three choices that move the number (who gets the credit, which models,
 * what stays unattributed), then the weight of the HF-run libraries in the US figure.
 */
export function reportGapExplanation(figures: AboutFigures, locale: Locale): string[] {
  const pct = (share: number) => formatShare(share, locale);
  const get = (by: CountingMethod["by"], cohort: CountingMethod["cohort"]) =>
    figuresOf(figures, { by, cohort });
  const lineageAll = get("lineage", "all");
  const uploaderAll = get("uploader", "all");
  const lineageNew = get("lineage", "new");
  const lineageGenerative = get("lineage", "generative");
  const fallback = figures.methods[0];
  const shown = figuresOf(figures, DEFAULT_METHOD) ?? fallback;
  if (lineageAll === undefined || uploaderAll === undefined || shown === undefined) return [];
  const counted = methodSentence({ method: DEFAULT_METHOD, universe: figures.universe }, locale);
  const excluded = figures.universe.excluded.modelCount;
  const t = translator(locale);
  return [
    t("about.gap.intro", {
      reportChina: pct(REPORT_FIGURES.china),
      reportUs: pct(REPORT_FIGURES.us),
      counted,
      china: pct(shown.china),
      us: pct(shown.us),
    }),
    t("about.gap.credit", { lineage: pct(lineageAll.china), uploader: pct(uploaderAll.china) }),
    t("about.gap.models", {
      newChina: pct(lineageNew?.china ?? 0),
      newUs: pct(lineageNew?.us ?? 0),
      generativeChina: pct(lineageGenerative?.china ?? 0),
    }),
    t("about.gap.unattributed", { share: pct(1 - shown.coverage) }),
    t("about.gap.libraries", {
      share: pct(shown.hfLibraries.shareOfUs),
      excluded: excluded > 0 ? formatInteger(excluded, locale) : null,
    }),
  ];
}

/** One row per method, ready for a table: label, China, US, coverage, HF libraries' part of the US. */
export function methodRows(
  figures: AboutFigures,
  locale: Locale,
): { by: string; cohort: string; china: string; us: string; coverage: string; hfShareOfUs: string }[] {
  return figures.methods.map((m) => ({
    by: creditLabel(m.method.by, locale),
    cohort: cohortLabel(m.method.cohort, locale),
    china: formatShare(m.china, locale),
    us: formatShare(m.us, locale),
    coverage: formatShare(m.coverage, locale),
    hfShareOfUs: formatShare(m.hfLibraries.shareOfUs, locale),
  }));
}
