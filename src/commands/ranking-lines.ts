import { repoLink } from "../bot/answers.js";
import type { Translator } from "../locales/index.js";
import type { RankingInput, RankingMetric } from "../services/charts/specs/ranking.js";
import { regionLabel } from "../services/format/locale.js";
import { formatCompact, formatInteger } from "../services/format/numbers.js";
import type { RegionOrUnattributed } from "../services/regions/types.js";

/** One ranked model or dataset as a list line shows it. */
export interface RankedEntry {
  id: string;
  region: RegionOrUnattributed;
  downloads: number;
  likes: number;
  trendingScore: number | null;
}

/** The figure a line leads with: the one ranked by, then downloads for context. */
function figures(entry: RankedEntry, metric: RankingMetric, t: Translator): string {
  const { locale } = t;
  const downloads = t("ranking.downloads", { count: formatCompact(entry.downloads, locale) });
  if (metric === "downloads") return downloads;
  if (metric === "likes")
    return `${t("ranking.likes", { count: formatInteger(entry.likes, locale) })} · ${downloads}`;
  return `${t("ranking.trending", { score: formatInteger(entry.trendingScore ?? 0, locale) })} · ${downloads}`;
}

/**
 * `**1.** [Qwen/Qwen3-8B](https://huggingface.co/Qwen/Qwen3-8B) · 12.3M downloads (30 d) · China`,
 * one line per entry; repo ids are escaped inside the link text.
 */
export function rankingLines(
  entries: readonly RankedEntry[],
  metric: RankingMetric,
  kind: "models" | "datasets",
  t: Translator,
  /** Leave the region out when every entry shares the one the title already names. */
  withRegion = true,
): string {
  return entries
    .map((entry, i) => {
      const region = withRegion ? ` · ${regionLabel(entry.region, t.locale)}` : "";
      return `**${i + 1}.** ${repoLink(entry.id, kind)} · ${figures(entry, metric, t)}${region}`;
    })
    .join("\n");
}

/** The value a chart bar shows for an entry. */
export function metricValue(entry: RankedEntry, metric: RankingMetric): number {
  if (metric === "downloads") return entry.downloads;
  if (metric === "likes") return entry.likes;
  return entry.trendingScore ?? 0;
}

/** The chart items of a list of entries. */
export function rankingItems(
  entries: readonly RankedEntry[],
  metric: RankingMetric,
  name: (entry: RankedEntry) => string = (entry) => entry.id,
): RankingInput["items"] {
  return entries.map((entry) => ({
    name: name(entry),
    region: entry.region,
    value: metricValue(entry, metric),
  }));
}
