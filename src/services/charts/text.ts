import type { Locale } from "../format/locale.js";
import { regionLabel } from "../format/locale.js";
import { formatShare } from "../format/numbers.js";
import type { CountingMethod } from "../method/method.js";
import { methodSentence } from "../method/wording.js";
import type { RegionOrUnattributed } from "../regions/types.js";
import type { SizeBucket, TaskFamily, Universe } from "../stats/types.js";
import type { CompareMetric } from "./types.js";

/** Every piece of chart text that depends on the locale. */
interface ChartText {
  source: string;
  snapshot: string;
  attributed: (coverage: string) => string;
  separator: string;
  downloads30d: string;
  shareOfDownloads: string;
  changeSince: (axis: string, day: string) => string;
  regionAxis: string;
  orgAxis: string;
  taskAxis: string;
  measureAxis: string;
  regionsTitle: string;
  regionsTitleFor: (region: string, share: string) => string;
  historyTitle: string;
  historyTitleFor: (region: string) => string;
  snapshotAxis: string;
  orgsTitle: string;
  orgsTitleFor: (region: string) => string;
  sizesTitle: string;
  sizesTitleFor: (region: string) => string;
  parameters: string;
  sizeBuckets: Record<SizeBucket, string>;
  sizeMeasured: string;
  sizeEstimated: string;
  sizesMostlyUnknown: (title: string, share: string) => string;
  newModelsTitle: string;
  weekStarting: string;
  newModels: string;
  tasksTitle: string;
  tasksTitleFor: (region: string) => string;
  familyTotal: (family: string) => string;
  taskGroups: { robotics: string; science: string; rest: string };
  unknownTask: string;
  newInWindow: (count: string) => string;
  share: string;
  compareTitle: (a: string, b: string) => string;
  compareMetrics: Record<CompareMetric, string>;
  versus: string;
}

const TEXT: Record<Locale, ChartText> = {
  "en-US": {
    source: "Source: Hugging Face Hub",
    snapshot: "snapshot",
    attributed: (coverage) => `${coverage} of downloads attributed to a region`,
    separator: " · ",
    downloads30d: "Downloads (30 days)",
    shareOfDownloads: "Share of 30-day downloads",
    changeSince: (axis, day) => `${axis} (change since ${day})`,
    regionAxis: "Region",
    orgAxis: "Organisation",
    taskAxis: "Task",
    measureAxis: "Measure",
    regionsTitle: "Where open-model downloads come from",
    regionsTitleFor: (region, share) => `${region}: ${share} of open-model downloads`,
    historyTitle: "Download share by region over time",
    historyTitleFor: (region) => `${region}'s download share over time`,
    snapshotAxis: "Snapshot (UTC)",
    orgsTitle: "Top organisations by downloads",
    orgsTitleFor: (region) => `Top organisations in ${region} by downloads`,
    sizesTitle: "Downloads by model size",
    sizesTitleFor: (region) => `Downloads of ${region}'s models by size`,
    parameters: "Parameters",
    sizeBuckets: {
      "<1B": "<1B",
      "1-10B": "1–10B",
      "10-100B": "10–100B",
      ">100B": ">100B",
      unknown: "Unknown",
    },
    sizeMeasured: "Size from the weights' metadata",
    sizeEstimated: "Size estimated from the name",
    sizesMostlyUnknown: (title, share) => `${title} (size unknown for ${share}, not shown)`,
    newModelsTitle: "New models per week by region",
    weekStarting: "Week starting (UTC)",
    newModels: "New models",
    tasksTitle: "Downloads by task, with robotics and science",
    tasksTitleFor: (region) => `Downloads of ${region}'s models by task, with robotics and science`,
    familyTotal: (family) => `${family} (all models)`,
    taskGroups: { robotics: "Robotics", science: "Science", rest: "Tasks" },
    unknownTask: "No task tag",
    newInWindow: (count) => `${count} new`,
    share: "Share",
    compareTitle: (a, b) => `${a} vs ${b}`,
    compareMetrics: {
      downloads: "Share of downloads",
      models: "Share of models",
      newModels: "Share of new models (8 weeks)",
      regionDownloads: "Share of its region's downloads",
    },
    versus: "vs",
  },
  "zh-CN": {
    source: "来源：Hugging Face Hub",
    snapshot: "快照",
    attributed: (coverage) => `${coverage} 的下载量已归属地区`,
    separator: " · ",
    downloads30d: "下载量（30 天）",
    shareOfDownloads: "30 天下载量占比",
    changeSince: (axis, day) => `${axis}（括号内为自${day}以来的变化）`,
    regionAxis: "地区",
    orgAxis: "机构",
    taskAxis: "任务",
    measureAxis: "指标",
    regionsTitle: "开源模型下载量来自哪里",
    regionsTitleFor: (region, share) => `${region}：占开源模型下载量的 ${share}`,
    historyTitle: "各地区下载量占比变化",
    historyTitleFor: (region) => `${region}的下载量占比变化`,
    snapshotAxis: "快照时间（UTC）",
    orgsTitle: "下载量最高的机构",
    orgsTitleFor: (region) => `${region}下载量最高的机构`,
    sizesTitle: "按模型规模划分的下载量",
    sizesTitleFor: (region) => `${region}模型按规模划分的下载量`,
    parameters: "参数量",
    sizeBuckets: { "<1B": "<1B", "1-10B": "1–10B", "10-100B": "10–100B", ">100B": ">100B", unknown: "未知" },
    sizeMeasured: "规模取自权重元数据",
    sizeEstimated: "规模由模型名称估计",
    sizesMostlyUnknown: (title, share) => `${title}（${share} 的下载量规模未知，未列出）`,
    newModelsTitle: "各地区每周新模型数",
    weekStarting: "周起始日（UTC）",
    newModels: "新模型数",
    tasksTitle: "按任务划分的下载量（含机器人与科学）",
    tasksTitleFor: (region) => `${region}模型按任务划分的下载量（含机器人与科学）`,
    familyTotal: (family) => `${family}（全部模型）`,
    taskGroups: { robotics: "机器人", science: "科学", rest: "任务" },
    unknownTask: "无任务标签",
    newInWindow: (count) => `新增 ${count}`,
    share: "占比",
    compareTitle: (a, b) => `${a} 对比 ${b}`,
    compareMetrics: {
      downloads: "下载量占比",
      models: "模型数占比",
      newModels: "新模型占比（8 周）",
      regionDownloads: "占本地区下载量",
    },
    versus: "对",
  },
};

/** The localised strings of the charts. */
export function chartText(locale: Locale): ChartText {
  return TEXT[locale];
}

/**
 * Names of the Hub's pipeline tags. Tags not listed are shown as they are, with dashes made spaces
 * and the first letter raised: a new tag on the Hub still reads sensibly.
 */
const TASK_LABELS: Record<string, Record<Locale, string>> = {
  "text-generation": { "en-US": "Text generation", "zh-CN": "文本生成" },
  "text2text-generation": { "en-US": "Text-to-text", "zh-CN": "文本到文本" },
  "image-text-to-text": { "en-US": "Image-text-to-text", "zh-CN": "图文生成文本" },
  "sentence-similarity": { "en-US": "Sentence similarity", "zh-CN": "句子相似度" },
  "feature-extraction": { "en-US": "Feature extraction", "zh-CN": "特征提取" },
  "text-ranking": { "en-US": "Text ranking", "zh-CN": "文本排序" },
  "text-classification": { "en-US": "Text classification", "zh-CN": "文本分类" },
  "token-classification": { "en-US": "Token classification", "zh-CN": "词元分类" },
  "zero-shot-classification": { "en-US": "Zero-shot classification", "zh-CN": "零样本分类" },
  "fill-mask": { "en-US": "Fill-mask", "zh-CN": "掩码填充" },
  "question-answering": { "en-US": "Question answering", "zh-CN": "问答" },
  summarization: { "en-US": "Summarization", "zh-CN": "摘要" },
  translation: { "en-US": "Translation", "zh-CN": "翻译" },
  "automatic-speech-recognition": { "en-US": "Speech recognition", "zh-CN": "语音识别" },
  "text-to-speech": { "en-US": "Text-to-speech", "zh-CN": "语音合成" },
  "text-to-audio": { "en-US": "Text-to-audio", "zh-CN": "文本生成音频" },
  "audio-classification": { "en-US": "Audio classification", "zh-CN": "音频分类" },
  "audio-to-audio": { "en-US": "Audio-to-audio", "zh-CN": "音频到音频" },
  "voice-activity-detection": { "en-US": "Voice activity detection", "zh-CN": "语音活动检测" },
  "image-classification": { "en-US": "Image classification", "zh-CN": "图像分类" },
  "zero-shot-image-classification": { "en-US": "Zero-shot image class.", "zh-CN": "零样本图像分类" },
  "object-detection": { "en-US": "Object detection", "zh-CN": "目标检测" },
  "image-segmentation": { "en-US": "Image segmentation", "zh-CN": "图像分割" },
  "image-feature-extraction": { "en-US": "Image features", "zh-CN": "图像特征提取" },
  "mask-generation": { "en-US": "Mask generation", "zh-CN": "掩码生成" },
  "depth-estimation": { "en-US": "Depth estimation", "zh-CN": "深度估计" },
  "image-to-text": { "en-US": "Image-to-text", "zh-CN": "图像生成文本" },
  "text-to-image": { "en-US": "Text-to-image", "zh-CN": "文生图" },
  "image-to-image": { "en-US": "Image-to-image", "zh-CN": "图生图" },
  "image-to-video": { "en-US": "Image-to-video", "zh-CN": "图生视频" },
  "text-to-video": { "en-US": "Text-to-video", "zh-CN": "文生视频" },
  "image-to-3d": { "en-US": "Image-to-3D", "zh-CN": "图像生成 3D" },
  "visual-question-answering": { "en-US": "Visual QA", "zh-CN": "视觉问答" },
  "any-to-any": { "en-US": "Any-to-any", "zh-CN": "任意模态" },
  robotics: { "en-US": "Robotics", "zh-CN": "机器人" },
  "reinforcement-learning": { "en-US": "Reinforcement learning", "zh-CN": "强化学习" },
  "time-series-forecasting": { "en-US": "Time-series forecasting", "zh-CN": "时间序列预测" },
  "tabular-classification": { "en-US": "Tabular classification", "zh-CN": "表格分类" },
  "tabular-regression": { "en-US": "Tabular regression", "zh-CN": "表格回归" },
  "graph-ml": { "en-US": "Graph ML", "zh-CN": "图机器学习" },
};

/** Human name of a pipeline tag (`text-generation` → "Text generation" / "文本生成"). */
export function taskLabel(task: string, locale: Locale): string {
  if (task === "unknown") return chartText(locale).unknownTask;
  const known = TASK_LABELS[task];
  if (known !== undefined) return known[locale];
  const spaced = task.replaceAll("-", " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The task families a task chart calls out; every other family is drawn as "other tasks". */
export function taskGroup(family: TaskFamily): "robotics" | "science" | "rest" {
  return family === "robotics" || family === "science" ? family : "rest";
}

/** `2026-05-04T04:10:37Z` → "2026-05-04 04:10 UTC": unambiguous in both locales, no time-zone guessing. */
export function formatSnapshotTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** An ISO date → a short day label ("May 4" / "5月4日"), read in UTC like the snapshots. */
export function formatDay(iso: string, locale: Locale, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
    timeZone: "UTC",
  }).format(date);
}

/** What a footer is made from: the snapshot's time and coverage, and what was counted, how. */
export interface FooterSource {
  asOf: string;
  coverage: number;
  universe: Universe;
  method: CountingMethod;
}

/**
 * The footer every chart carries, as lines: what was counted, in words ("30-day downloads of the
 * top 5,000 models, credited to the base model's developer"), then where the numbers come from,
 * when, and how much of them is attributed. Without it a PNG forwarded out of context could not be
 * checked. Two lines, because one would not fit 800 px at a readable size.
 */
export function footerLines(source: FooterSource, locale: Locale): [string, string] {
  const text = chartText(locale);
  return [
    methodSentence(source, locale),
    [
      text.source,
      `${text.snapshot} ${formatSnapshotTime(source.asOf)}`,
      text.attributed(formatShare(source.coverage, locale, 0)),
    ].join(text.separator),
  ];
}

/** The footer as one line, for embed footers (Discord wraps them). */
export function footerText(source: FooterSource, locale: Locale): string {
  const [counted, provenance] = footerLines(source, locale);
  return `${provenance}${chartText(locale).separator}${counted}`;
}

/** A region's name in the chart's locale (re-exported so specs take all text from one place). */
export function regionName(region: RegionOrUnattributed, locale: Locale): string {
  return regionLabel(region, locale);
}
