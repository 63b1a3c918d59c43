import { translator } from "../../../locales/index.js";
import type { Locale } from "../../format/locale.js";
import { formatInteger, formatShare } from "../../format/numbers.js";
import { methodWords } from "../../method/wording.js";
import type { FamilyStat, TaskStat, TrendStats } from "../../stats/types.js";
import { SERIES_COLORS } from "../palette.js";
import { taskGroup, taskLabel } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import {
  chrome,
  LABELLED_BAR_THICKNESS,
  labelAxis,
  PERCENT_TICKS,
  rowsThatFit,
  themeOf,
  valueAxis,
} from "./common.js";

/** Pipeline tags shown, largest first; the called-out families come after them. */
export const MAX_TASKS = 6;

/** The families the product calls out, each in its own colour, on the chart whenever they have downloads. */
const CALLED_OUT = ["robotics", "science"] as const;
type CalledOut = (typeof CALLED_OUT)[number];

/** Below this share a row would read "0.0%": it is not a row worth a bar. */
const SHOWN_SHARE = 0.0005;

/** One bar of the tasks chart: a pipeline tag, or the total of a called-out family. */
export type TaskRow =
  | { kind: "task"; stat: TaskStat }
  | { kind: "family"; stat: FamilyStat & { family: CalledOut } };

/** What the tasks chart shows and what it says it leaves out. */
export interface TaskRows {
  rows: TaskRow[];
  /** Downloads without a pipeline tag, when they outweigh every tagged task: said, not drawn. */
  untagged: TaskStat | null;
  /** Called-out families without any downloads: said in a footnote. */
  absent: CalledOut[];
}

/**
 * The rows of the tasks chart: the largest pipeline tags with a visible share, then the robotics
 * and science family totals when they have downloads. The totals are what makes the call-out
 * honest: robotics and science have few pipeline tags of their own (a LeRobot policy may be tagged
 * anything), so the stats count their models from tags and libraries too, and only the family
 * total says how large they are. Untagged downloads that would be the largest bar are left out
 * (and said), so that they do not crowd out the picture.
 */
export function taskRows(stats: Pick<TrendStats, "tasks" | "families">, maxTasks = MAX_TASKS): TaskRows {
  const sorted = [...stats.tasks].sort((a, b) => b.downloads - a.downloads);
  const untagged = sorted[0]?.task === "unknown" ? sorted[0] : null;
  const tasks = sorted.filter((stat) => stat !== untagged && stat.share >= SHOWN_SHARE).slice(0, maxTasks);
  const rows: TaskRow[] = tasks.map((stat) => ({ kind: "task", stat }));
  const absent: CalledOut[] = [];
  for (const family of CALLED_OUT) {
    const stat = stats.families.find((candidate) => candidate.family === family);
    if (stat !== undefined && stat.downloads > 0) rows.push({ kind: "family", stat: { ...stat, family } });
    else absent.push(family);
  }
  return { rows, untagged, absent };
}

function rowGroup(row: TaskRow): "robotics" | "science" | "rest" {
  return taskGroup(row.stat.family);
}

/** A share as a row reads it; a share too small for one decimal is "<0.1%", never "0.0%". */
function rowShare(share: number, locale: Locale): string {
  return share > 0 && share < SHOWN_SHARE
    ? translator(locale)("chart.tasks.tiny-share", { share: formatShare(0.001, locale) })
    : formatShare(share, locale);
}

function rowLabel(row: TaskRow, locale: Locale): string {
  const t = translator(locale);
  const share = rowShare(row.stat.share, locale);
  if (row.kind === "task") return t("chart.tasks.label", { task: taskLabel(row.stat.task, locale), share });
  return t("chart.tasks.family-label", {
    family: row.stat.family,
    share,
    newModels: formatInteger(row.stat.newModels, locale),
  });
}

/**
 * `tasks`: share of downloads by pipeline tag, largest first, then the robotics and science
 * totals in their own colours with their new models (8 weeks) in the label. No legend: every row
 * says what it is. What the chart leaves out is said under it.
 */
export function tasksSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const t = translator(locale);
  const all = taskRows(stats);
  const { untagged, absent } = all;
  const colors = {
    rest: SERIES_COLORS.neutral,
    robotics: SERIES_COLORS.robotics,
    science: SERIES_COLORS.science,
  };
  const [leader] = all.rows;
  const title =
    leader === undefined || leader.kind !== "task"
      ? t("chart.tasks.title-none", { region: stats.region })
      : t("chart.tasks.title", {
          region: stats.region,
          task: taskLabel(leader.stat.task, locale),
          share: formatShare(leader.stat.share, locale),
        });
  const axisTitle =
    untagged === null
      ? t("chart.tasks.axis")
      : t("chart.tasks.axis-untagged-left-out", { share: formatShare(untagged.share, locale) });
  const note =
    absent.length === 0
      ? null
      : t("chart.tasks.absent", { families: absent, models: methodWords(stats, locale).models });
  const base = chrome({ title, footer: stats, note, locale, theme, legend: false });
  // Fewer tasks when the title and footer leave less room; the called-out families always stay.
  const families = all.rows.filter((row) => row.kind === "family").length;
  const fit = rowsThatFit({ chrome: base, legendLabels: [], axisTitle, max: all.rows.length });
  const { rows } = taskRows(stats, Math.max(1, fit - families));
  const groups = (["rest", ...CALLED_OUT] as const).filter((group) =>
    rows.some((row) => rowGroup(row) === group),
  );
  const datasets = groups.map((group) => ({
    label: t(`chart.tasks.group.${group}`),
    data: rows.map((row) => (rowGroup(row) === group ? row.stat.share : null)),
    backgroundColor: colors[group],
    borderRadius: 3,
    grouped: false,
    barThickness: LABELLED_BAR_THICKNESS,
  }));
  return {
    type: "bar",
    data: { labels: rows.map((row) => rowLabel(row, locale)), datasets },
    options: {
      ...base,
      indexAxis: "y",
      scales: {
        x: valueAxis({ theme, title: axisTitle, format: PERCENT_TICKS }),
        y: labelAxis({ theme }),
      },
    },
  };
}
