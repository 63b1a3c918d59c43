import { regionLabel } from "../services/format/locale.js";
import { formatCompact, formatPp, formatShare } from "../services/format/numbers.js";
import type { TrendStats } from "../services/stats/types.js";

/** `hubtrends stats` without --json: the same figures as plain aligned text for a terminal. */
export function formatStatsTable(stats: TrendStats): string {
  const locale = "en-US";
  const lines: string[] = [];
  const scope = stats.region === null ? "all regions" : regionLabel(stats.region, locale);
  lines.push(`Hub trends (${scope}) as of ${stats.asOf}`);
  lines.push(
    `Universe: ${stats.universe.modelCount} models (${stats.universe.kind}), ` +
      `${formatCompact(stats.universe.totalDownloads, locale)} downloads in 30 days; ` +
      `coverage ${formatShare(stats.coverage, locale)}`,
  );
  lines.push("", "Share of downloads by region");
  for (const r of stats.regions) {
    const change = stats.weekOverWeek?.regions.find((c) => c.region === r.region);
    lines.push(
      `  ${regionLabel(r.region, locale).padEnd(14)} ${formatShare(r.share, locale).padStart(6)}` +
        `  ${formatCompact(r.downloads, locale).padStart(7)}` +
        (change === undefined ? "" : `  ${formatPp(change.changePp, locale)}`),
    );
  }
  lines.push("", "Top organisations");
  for (const o of stats.topOrgs) {
    lines.push(
      `  ${o.author.padEnd(28)} ${regionLabel(o.region, locale).padEnd(14)} ${formatShare(o.share, locale).padStart(6)}`,
    );
  }
  lines.push("", "Top models");
  for (const m of stats.topModels) {
    lines.push(`  ${m.id.padEnd(48)} ${formatCompact(m.downloads, locale).padStart(7)} downloads`);
  }
  if (stats.weekOverWeek !== null && stats.weekOverWeek.movers.length > 0) {
    lines.push("", `Movers since ${stats.weekOverWeek.previousAsOf}`);
    for (const m of stats.weekOverWeek.movers) {
      lines.push(`  ${m.author.padEnd(28)} ${formatPp(m.changePp, locale)}`);
    }
  } else if (stats.weekOverWeek === null) {
    lines.push("", "Week over week: no older snapshot to compare with yet.");
  }
  return lines.join("\n");
}
