import type { Locale } from "../../format/locale.js";
import { formatInteger, formatShare } from "../../format/numbers.js";
import type { FamilyStat, TaskStat, TrendStats } from "../../stats/types.js";
import { SERIES_COLORS } from "../palette.js";
import { chartText, regionName, taskGroup, taskLabel } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import { categoryAxis, chrome, PERCENT_TICKS, themeOf, valueAxis } from "./common.js";

/** Pipeline tags shown, largest first; the called-out families come after them. */
export const MAX_TASKS = 8;

/** The families the product calls out, each in its own colour, always on the chart. */
const CALLED_OUT = ["robotics", "science"] as const;

/** One bar of the tasks chart: a pipeline tag, or the total of a called-out family. */
export type TaskRow =
  | { kind: "task"; stat: TaskStat }
  | { kind: "family"; stat: FamilyStat & { family: (typeof CALLED_OUT)[number] } };

/**
 * The rows of the tasks chart: the largest pipeline tags, then the robotics and science family
 * totals. The totals are what makes the call-out honest: robotics and science have few pipeline
 * tags of their own (a LeRobot policy may be tagged anything), so the stats count their models
 * from tags and libraries too, and only the family total says how large they are.
 */
export function taskRows(stats: Pick<TrendStats, "tasks" | "families">): TaskRow[] {
  const tasks = [...stats.tasks].sort((a, b) => b.downloads - a.downloads).slice(0, MAX_TASKS);
  const rows: TaskRow[] = tasks.map((stat) => ({ kind: "task", stat }));
  for (const family of CALLED_OUT) {
    const stat = stats.families.find((candidate) => candidate.family === family);
    if (stat !== undefined) rows.push({ kind: "family", stat: { ...stat, family } });
  }
  return rows;
}

function rowGroup(row: TaskRow): "robotics" | "science" | "rest" {
  return taskGroup(row.stat.family);
}

function rowLabel(row: TaskRow, locale: Locale): string {
  const text = chartText(locale);
  const name =
    row.kind === "task"
      ? taskLabel(row.stat.task, locale)
      : text.familyTotal(text.taskGroups[row.stat.family]);
  const base = `${name}  ${formatShare(row.stat.share, locale)}`;
  return rowGroup(row) === "rest"
    ? base
    : `${base} · ${text.newInWindow(formatInteger(row.stat.newModels, locale))}`;
}

/**
 * `tasks`: share of downloads by pipeline tag, largest first, then the robotics and science
 * totals in their own colours with their new-model counts (8 weeks) written next to them.
 */
export function tasksSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const text = chartText(locale);
  const rows = taskRows(stats);
  const groups = (["rest", ...CALLED_OUT] as const).filter((group) =>
    rows.some((row) => rowGroup(row) === group),
  );
  const colors = {
    rest: SERIES_COLORS.neutral,
    robotics: SERIES_COLORS.robotics,
    science: SERIES_COLORS.science,
  };
  const datasets = groups.map((group) => ({
    label: text.taskGroups[group],
    data: rows.map((row) => (rowGroup(row) === group ? row.stat.share : null)),
    backgroundColor: colors[group],
    borderRadius: 3,
    grouped: false,
    barPercentage: 0.8,
    categoryPercentage: 0.9,
  }));
  const title =
    stats.region === null ? text.tasksTitle : text.tasksTitleFor(regionName(stats.region, locale));
  return {
    type: "bar",
    data: { labels: rows.map((row) => rowLabel(row, locale)), datasets },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: groups.length > 1 }),
      indexAxis: "y",
      scales: {
        x: valueAxis({ theme, title: text.shareOfDownloads, grid: true, format: PERCENT_TICKS }),
        y: categoryAxis({ theme, title: text.taskAxis, grid: false }),
      },
    },
  };
}
