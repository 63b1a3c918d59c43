import type { RegionAttributor } from "./attribution.js";

/** The least a coverage measurement needs from a model. */
export interface CoverageModel {
  author: string;
  /** 30-day downloads. */
  downloads: number;
}

/** An author the curated list does not know, with its weight in the measured models. */
export interface UnattributedAuthor {
  author: string;
  downloads: number;
  /** Share of all measured downloads, 0..1. */
  share: number;
}

/** How much of a set of models the curated list attributes to a region, by downloads. */
export interface CoverageReport {
  /** attributedDownloads / totalDownloads; 0 when nothing was downloaded. */
  coverage: number;
  attributedDownloads: number;
  totalDownloads: number;
  /** The unattributed authors with the most downloads, largest first. */
  topUnattributed: UnattributedAuthor[];
}

/** How many unattributed authors a report lists unless told otherwise. */
export const DEFAULT_TOP_UNATTRIBUTED = 15;

/**
 * Measures attribution coverage by downloads, so that one unknown author with a huge model weighs
 * more than fifty unknown fine-tuners. Authors are grouped ignoring case (Hub namespaces are),
 * keeping the spelling seen first. Throws on a negative or non-finite download count: that is a
 * bug upstream, and quietly zeroing it would make coverage look better than it is.
 */
export function measureCoverage(
  models: readonly CoverageModel[],
  attributor: Pick<RegionAttributor, "regionOf">,
  options: { top?: number } = {},
): CoverageReport {
  const top = options.top ?? DEFAULT_TOP_UNATTRIBUTED;
  let totalDownloads = 0;
  let attributedDownloads = 0;
  const unattributed = new Map<string, { author: string; downloads: number }>();
  for (const model of models) {
    if (!Number.isFinite(model.downloads) || model.downloads < 0) {
      throw new RangeError(`invalid download count ${model.downloads} for author "${model.author}"`);
    }
    totalDownloads += model.downloads;
    if (attributor.regionOf(model.author) !== "unattributed") {
      attributedDownloads += model.downloads;
      continue;
    }
    const key = model.author.toLowerCase();
    const entry = unattributed.get(key) ?? { author: model.author, downloads: 0 };
    entry.downloads += model.downloads;
    unattributed.set(key, entry);
  }
  const share = (part: number): number => (totalDownloads > 0 ? part / totalDownloads : 0);
  const topUnattributed = [...unattributed.values()]
    .sort((a, b) => b.downloads - a.downloads || a.author.localeCompare(b.author))
    .slice(0, Math.max(0, top))
    .map(({ author, downloads }) => ({ author, downloads, share: share(downloads) }));
  return { coverage: share(attributedDownloads), attributedDownloads, totalDownloads, topUnattributed };
}
