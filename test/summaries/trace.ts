/**
 * Checks that a summary's numbers are all accounted for: each comes from a fact, and each fact's
 * value is really the value at its path in the stats (or in the options given with them).
 */
import { expect } from "vitest";
import type { Locale } from "../../src/services/format/locale.js";
import {
  formatCompact,
  formatInteger,
  formatPercentChange,
  formatPp,
  formatShare,
} from "../../src/services/format/numbers.js";
import { METHOD_DEFINITION_TERMS } from "../../src/services/method/wording.js";
import type { TrendStats } from "../../src/services/stats/types.js";
import {
  SMALL_MODEL_LIMIT_LABEL,
  WEEK_LABEL_MAX_LENGTH,
} from "../../src/services/summaries/digest-summary.js";
import type { Summary } from "../../src/services/summaries/types.js";
import { displayName, TASK_MAX_LENGTH } from "../../src/services/summaries/wording.js";

export interface TracedOptions {
  weekLabel?: string;
  hubUnreachableSince?: Date | null;
}

/** The value at a path such as `weekOverWeek.regions[2].changePp`, or undefined. */
export function resolvePath(root: unknown, path: string): unknown {
  let current: unknown = root;
  for (const key of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** What a fact's path points at, as a number: sums of ` + `-joined paths, timestamps as epoch ms. */
export function valueAt(stats: TrendStats, options: TracedOptions, path: string): number {
  return path.split(" + ").reduce((sum, term) => {
    const raw = term.startsWith("options.")
      ? resolvePath(options, term.slice("options.".length))
      : resolvePath(stats, term);
    if (typeof raw === "number") return sum + raw;
    if (typeof raw === "string" && !Number.isNaN(Date.parse(raw))) return sum + Date.parse(raw);
    if (raw instanceof Date) return sum + raw.getTime();
    throw new Error(`no number at ${term}`);
  }, 0);
}

/**
 * Text that may hold digits without being a figure: Hub names (as the summary shows them), the
 * caller's week label, and the definition of "small". Everything else with a digit must be a fact.
 */
function wordsWithDigits(stats: TrendStats, options: TracedOptions): string[] {
  const names = [
    ...stats.topOrgs.map((o) => displayName(o.author)),
    ...(stats.weekOverWeek?.movers ?? []).map((m) => displayName(m.author)),
    ...stats.newModels.map((m) => displayName(m.id)),
    ...stats.tasks.map((t) => displayName(t.task, TASK_MAX_LENGTH)),
  ];
  if (options.weekLabel !== undefined) names.push(displayName(options.weekLabel, WEEK_LABEL_MAX_LENGTH));
  return [...names, SMALL_MODEL_LIMIT_LABEL, ...METHOD_DEFINITION_TERMS];
}

/** The numbers left in `text` once names and rendered facts are taken out (should be none). */
export function untracedNumbers(summary: Summary, stats: TrendStats, options: TracedOptions = {}): string[] {
  let rest = summary.text;
  const known = [...wordsWithDigits(stats, options), ...summary.facts.map((f) => f.rendered)];
  // Longest first, so "12.7%" is not half-eaten by a shorter "2.7%".
  for (const piece of known.sort((a, b) => b.length - a.length)) {
    if (piece !== "") rest = rest.replaceAll(piece, " ");
  }
  return rest.match(/[+−±-]?[\d万亿][\d,.万亿]*/g) ?? [];
}

/**
 * How a figure at `path` must read, by what kind of figure it is; null for times, whose wording
 * (dates, ages) the golden tests pin down.
 */
export function expectedRendering(path: string, value: number, locale: Locale): string | null {
  if (path === "coverage" || path.endsWith(".share")) return formatShare(value, locale);
  if (path.endsWith(".changePp")) {
    const pp = formatPp(value, locale);
    return locale === "zh-CN" ? pp.replace(/ pp$/, " 个百分点") : pp;
  }
  if (path.endsWith(".downloads")) return formatCompact(value, locale);
  if (path === "universe.modelCount" || path === "universe.listSize") return formatInteger(value, locale);
  if (path.endsWith(".regionShare")) return formatShare(value, locale);
  if (path.endsWith(".regionChangePp")) {
    const pp = formatPp(value, locale);
    return locale === "zh-CN" ? pp.replace(/ pp$/, " 个百分点") : pp;
  }
  if (path.endsWith(".downloadsChange")) return formatPercentChange(value, locale);
  return null;
}

/** Asserts the whole traceability contract for one summary. */
export function expectTraceable(
  summary: Summary,
  stats: TrendStats,
  locale: Locale,
  options: TracedOptions = {},
): void {
  expect(untracedNumbers(summary, stats, options)).toEqual([]);
  for (const f of summary.facts) {
    expect(summary.text, `fact ${f.path} is rendered in the text`).toContain(f.rendered);
    expect(f.value, `fact ${f.path}`).toBe(valueAt(stats, options, f.path));
    const expected = expectedRendering(f.path, f.value, locale);
    if (expected !== null) expect(f.rendered, `fact ${f.path}`).toBe(expected);
  }
}
