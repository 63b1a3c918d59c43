import { regionLabel } from "../services/format/locale.js";
import { formatCompact, formatPp, formatShare } from "../services/format/numbers.js";
import { methodSentence } from "../services/method/wording.js";
import type { TrendStats } from "../services/stats/types.js";

/** `hubtrends stats` without --json: the same figures as plain aligned text for a terminal. */
export function formatStatsTable(stats: TrendStats): string {
  const locale = "en-US";
  const lines: string[] = [];
  const scope = stats.region === null ? "all regions" : regionLabel(stats.region, locale);
  lines.push(`Hub trends (${scope}) as of ${stats.asOf}`);
  lines.push(
    `Counted: ${methodSentence(stats, locale)} (--by ${stats.method.by} --cohort ${stats.method.cohort})`,
  );
  const { excluded } = stats.universe;
  lines.push(
    `Universe: ${stats.universe.modelCount} models (${stats.universe.kind}), ` +
      `${formatCompact(stats.universe.totalDownloads, locale)} downloads in 30 days; ` +
      `coverage ${formatShare(stats.coverage, locale)}` +
      (excluded.modelCount > 0 ? `; ${excluded.modelCount} test repos left out` : ""),
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
  // Under a region, an organisation's share of that region's downloads is the figure that matters.
  lines.push(
    "",
    stats.region === null ? "Top organisations" : "Top organisations (share of all, of the region)",
  );
  for (const o of stats.topOrgs) {
    lines.push(
      `  ${o.author.padEnd(28)} ${regionLabel(o.region, locale).padEnd(14)} ${formatShare(o.share, locale).padStart(6)}` +
        (stats.region === null ? "" : ` ${formatShare(o.regionShare, locale).padStart(6)}`),
    );
  }
  lines.push("", "Top models");
  for (const m of stats.topModels) {
    lines.push(`  ${m.id.padEnd(48)} ${formatCompact(m.downloads, locale).padStart(7)} downloads`);
  }
  const wow = stats.weekOverWeek;
  if (wow === null) {
    lines.push("", "No older snapshot to compare with yet.");
  } else {
    const days = (wow.spanMs / 86_400_000).toFixed(1);
    const span = wow.exact
      ? `${wow.windowWeeks} week${wow.windowWeeks === 1 ? "" : "s"}`
      : `${days} days, the nearest there is to ${wow.windowWeeks} week${wow.windowWeeks === 1 ? "" : "s"}`;
    lines.push("", `Compared with ${wow.previousAsOf} (${span})`);
    if (wow.countsUnchanged) lines.push("  download counts unchanged: the Hub has not refreshed them");
    for (const m of wow.movers) {
      const pp = stats.region === null ? m.changePp : m.regionChangePp;
      lines.push(`  ${m.author.padEnd(28)} ${formatPp(pp, locale)}`);
    }
  }
  return lines.join("\n");
}
