import type { CompareMetric } from "../../services/charts/types.js";
import type { Region, RegionOrUnattributed } from "../../services/regions/types.js";

/**
 * The words of the charts in English: titles (each with its headline number), labels, axes,
 * footers; task names; dates and units that charts and summaries share. Spread into `en-US.ts`.
 * Numbers arrive formatted; regions arrive as keys, so that each language can use the form a
 * sentence needs ("in the United States", "the United States' share").
 */

/** A region as it reads mid-sentence. */
const REGION_IN_SENTENCE: Record<RegionOrUnattributed, string> = {
  china: "China",
  us: "the United States",
  europe: "Europe",
  asia: "Asia-Pacific",
  other: "other regions",
  unattributed: "unattributed organisations",
};

/** "China" / "The United States": a region starting a sentence. */
const regionStart = (region: RegionOrUnattributed) => {
  const name = REGION_IN_SENTENCE[region];
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** "China's", "the United States'", "other regions'": an s-ending name takes the apostrophe alone. */
const possessive = (region: RegionOrUnattributed) => {
  const name = REGION_IN_SENTENCE[region];
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
};
const possessiveStart = (region: RegionOrUnattributed) => {
  const name = possessive(region);
  return name.charAt(0).toUpperCase() + name.slice(1);
};

/** " (+0.4 pp)" after a share, or nothing. */
const inBrackets = (change: string | null) => (change === null ? "" : ` (${change})`);

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const month = (n: number) => MONTHS[n - 1] ?? String(n);

type DateParts = { year: number; month: number; day: number; time: string };

const FAMILY = { robotics: "Robotics", science: "Science" } as const;
const METRIC = { downloads: "downloads", likes: "likes", trending: "trending score" } as const;
const SUBJECT = { models: "models", datasets: "datasets" } as const;
const COMPARE_METRIC: Record<CompareMetric, string> = {
  downloads: "downloads",
  models: "models",
  newModels: "new models",
  regionDownloads: "their region's downloads",
};

export const chartsEnUS = {
  // Dates and units (charts, summaries and the CLI).
  "date.day": (p: DateParts) => `${p.day} ${month(p.month)} ${p.year}`,
  "date.day-time": (p: DateParts) => `${p.day} ${month(p.month)} ${p.year}, ${p.time} UTC`,
  "date.day-month": (p: DateParts) => `${p.day} ${month(p.month)}`,
  "date.day-month-time": (p: DateParts) => `${p.day} ${month(p.month)} ${p.time}`,
  "number.pp": (p: { signed: string }) => `${p.signed} pp`,

  // charts: shared
  "chart.source": "Source: Hugging Face Hub",
  "chart.separator": " · ",
  "chart.footer.snapshot": (p: { time: string; coverage: string }) =>
    `Source: Hugging Face Hub · snapshot ${p.time} · ${p.coverage} of downloads attributed to a region`,
  "chart.footer.compact": (p: { time: string; coverage: string }) =>
    `Hugging Face Hub, ${p.time} · ${p.coverage} attributed to a region`,
  "chart.footer.live": (p: { time: string }) => `Source: Hugging Face Hub · read live ${p.time}`,
  "chart.span.hours": (p: { count: string }) => `${p.count} h`,
  "chart.span.days": (p: { count: string }) => `${p.count} d`,

  // charts: regions
  "chart.regions.title": (p: { region: RegionOrUnattributed; share: string; change: string | null }) =>
    `${regionStart(p.region)} leads with ${p.share} of downloads${inBrackets(p.change)}`,
  "chart.regions.title-region": (p: { region: RegionOrUnattributed; share: string; change: string | null }) =>
    `${regionStart(p.region)}: ${p.share} of downloads${inBrackets(p.change)}`,
  "chart.regions.title-empty": "Share of downloads by region",
  "chart.regions.label": (p: { region: string; share: string; change: string | null }) =>
    p.change === null ? `${p.region} ${p.share}` : `${p.region} ${p.share} · ${p.change}`,
  "chart.regions.axis": "Share of 30-day downloads",
  "chart.regions.axis-since": (p: { day: string }) => `Share of 30-day downloads · change since ${p.day}`,
  "chart.regions.axis-unchanged": (p: { day: string }) =>
    `Share of 30-day downloads · counts unchanged since ${p.day}`,

  // charts: history
  "chart.history.title": (p: { day: string; region: RegionOrUnattributed; change: string }) =>
    `Change in download share since ${p.day}: ${regionStart(p.region)} ${p.change}`,
  "chart.history.title-region": (p: { region: Region; share: string; change: string | null; day: string }) =>
    p.change === null
      ? `${possessiveStart(p.region)} download share: ${p.share}`
      : `${possessiveStart(p.region)} download share: ${p.share}, ${p.change} since ${p.day}`,
  "chart.history.title-short": "Download share by region over time",
  "chart.history.legend": (p: { region: string; share: string }) => `${p.region} ${p.share}`,
  "chart.history.legend-region": (p: { region: Region; share: string }) =>
    `${regionStart(p.region)}: ${p.share} of all downloads`,
  "chart.history.legend-orgs": (p: { region: Region }) => `Share of ${possessive(p.region)} downloads:`,
  "chart.history.legend-org": (p: { org: string; share: string }) => `${p.org} ${p.share}`,
  "chart.history.not-enough": (p: { count: string; snapshots: number; since: string }) =>
    p.snapshots === 1
      ? `Not enough history yet (1 snapshot, of ${p.since})`
      : `Not enough history yet (${p.count} snapshots since ${p.since})`,

  // charts: organisations
  "chart.orgs.title": (p: { org: string; share: string }) =>
    `Top organisations: ${p.org} leads with ${p.share} of downloads`,
  "chart.orgs.title-region": (p: { region: Region; org: string; share: string }) =>
    `Top organisations in ${REGION_IN_SENTENCE[p.region]}: ${p.org} leads with ${p.share}`,
  // The bars are downloads (the ticks say so); the axis title says what the labels' % are of.
  "chart.orgs.axis": "30-day downloads · % of all downloads",
  "chart.orgs.axis-region": (p: { region: Region }) =>
    `30-day downloads · % of ${possessive(p.region)} downloads`,
  "chart.orgs.title-empty": "Top organisations by downloads",
  "chart.orgs.title-region-empty": (p: { region: Region }) =>
    `Top organisations in ${REGION_IN_SENTENCE[p.region]}: none in this snapshot`,
  "chart.orgs.label": (p: { org: string; downloads: string; share: string }) =>
    `${p.org} ${p.downloads} · ${p.share}`,

  // charts: sizes
  "chart.sizes.title": (p: { region: Region | null; share: string }) =>
    p.region === null
      ? `Downloads by model size: ${p.share} under 10B parameters`
      : `Downloads of ${possessive(p.region)} models by size: ${p.share} under 10B parameters`,
  "chart.sizes.title-unknown": (p: { region: Region | null }) =>
    p.region === null
      ? "Downloads by model size: the size of every model is unknown"
      : `Downloads of ${possessive(p.region)} models by size: the size of every model is unknown`,
  "chart.sizes.axis": "Parameters",
  "chart.sizes.axis-unknown-left-out": (p: { share: string }) =>
    `Parameters · size unknown for ${p.share}, not shown`,
  "chart.sizes.measured": "Size from the weights' metadata",
  "chart.sizes.estimated": "Size estimated from the name",
  "chart.sizes.bucket.<1B": "<1B",
  "chart.sizes.bucket.1-10B": "1–10B",
  "chart.sizes.bucket.10-100B": "10–100B",
  "chart.sizes.bucket.>100B": ">100B",
  "chart.sizes.bucket.unknown": "Unknown",

  // charts: new models
  "chart.new-models.title": (p: { total: string; models: string; leader: Region; share: string }) =>
    `${p.total} new models in 8 weeks among ${p.models} · ${p.share} from ${REGION_IN_SENTENCE[p.leader]}`,
  "chart.new-models.title-region": (p: {
    region: Region;
    count: string;
    total: string;
    share: string;
    models: string;
  }) =>
    `${regionStart(p.region)}: ${p.count} of the ${p.total} new models in 8 weeks among ${p.models} (${p.share})`,
  "chart.new-models.title-none": (p: { models: string }) => `No new models in 8 weeks among ${p.models}`,
  "chart.new-models.axis": "Week starting (UTC)",
  "chart.new-models.partial": (p: { day: string; span: string }) => `${p.day}: ${p.span} of the week (paler)`,
  "chart.new-models.left-out": (p: { day: string; span: string }) =>
    `${p.day}: first ${p.span} only, not shown`,

  // charts: tasks
  "chart.tasks.title": (p: { region: Region | null; task: string; share: string }) =>
    p.region === null
      ? `Downloads by task: ${p.task} leads with ${p.share}`
      : `Downloads of ${possessive(p.region)} models by task: ${p.task} leads with ${p.share}`,
  "chart.tasks.title-none": (p: { region: Region | null }) =>
    p.region === null
      ? "Downloads by task: no tagged task"
      : `Downloads of ${possessive(p.region)} models by task: no tagged task`,
  "chart.tasks.label": (p: { task: string; share: string }) => `${p.task} ${p.share}`,
  "chart.tasks.family-label": (p: { family: "robotics" | "science"; share: string; newModels: string }) =>
    `${FAMILY[p.family]} (all models) ${p.share} · ${p.newModels} new`,
  "chart.tasks.tiny-share": (p: { share: string }) => `<${p.share}`,
  "chart.tasks.group.rest": "Tasks",
  "chart.tasks.group.robotics": "Robotics",
  "chart.tasks.group.science": "Science",
  "chart.tasks.axis": "Share of 30-day downloads",
  "chart.tasks.axis-untagged-left-out": (p: { share: string }) =>
    `Share of 30-day downloads · no task tag: ${p.share}, not shown`,
  "chart.tasks.absent": (p: { families: readonly ("robotics" | "science")[]; models: string }) =>
    `No ${p.families.map((family) => FAMILY[family].toLowerCase()).join(" or ")} models among ${p.models}.`,

  // charts: compare
  "chart.compare.title": (p: { a: string; b: string }) => `${p.a} vs ${p.b}`,
  "chart.compare.headline": (p: {
    a: string;
    b: string;
    valueA: string;
    valueB: string;
    metric: CompareMetric;
  }) => `${p.a} vs ${p.b}: ${p.valueA} vs ${p.valueB} of ${COMPARE_METRIC[p.metric]}`,
  "chart.compare.versus": "vs",
  "chart.compare.label": (p: { metric: string; a: string; b: string }) => `${p.metric}: ${p.a} vs ${p.b}`,
  "chart.compare.axis": "Share",
  "chart.compare.downloads": "Share of downloads",
  "chart.compare.models": "Share of models",
  "chart.compare.new-models": "Share of new models (8 weeks)",
  "chart.compare.region-downloads": "Share of its region's downloads",

  // charts: rankings
  "chart.ranking.title": (p: {
    subject: "models" | "datasets";
    metric: "downloads" | "likes" | "trending";
  }) => `Top ${SUBJECT[p.subject]} by ${METRIC[p.metric]}`,
  "chart.ranking.org-title": (p: {
    org: string;
    subject: "models" | "datasets";
    metric: "downloads" | "likes" | "trending";
  }) => `${p.org}: top ${SUBJECT[p.subject]} by ${METRIC[p.metric]}`,
  "chart.ranking.label": (p: { name: string; value: string }) => `${p.name} ${p.value}`,

  // Names of the Hub's pipeline tags (charts, /top, /model); a tag not listed is shown as it is.
  "task.unknown": "No task tag",
  "task.text-generation": "Text generation",
  "task.text2text-generation": "Text-to-text",
  "task.image-text-to-text": "Image-text-to-text",
  "task.sentence-similarity": "Sentence similarity",
  "task.feature-extraction": "Feature extraction",
  "task.text-ranking": "Text ranking",
  "task.text-classification": "Text classification",
  "task.token-classification": "Token classification",
  "task.zero-shot-classification": "Zero-shot classification",
  "task.fill-mask": "Fill-mask",
  "task.question-answering": "Question answering",
  "task.summarization": "Summarization",
  "task.translation": "Translation",
  "task.automatic-speech-recognition": "Speech recognition",
  "task.text-to-speech": "Text-to-speech",
  "task.text-to-audio": "Text-to-audio",
  "task.audio-classification": "Audio classification",
  "task.audio-to-audio": "Audio-to-audio",
  "task.voice-activity-detection": "Voice activity detection",
  "task.image-classification": "Image classification",
  "task.zero-shot-image-classification": "Zero-shot image class.",
  "task.object-detection": "Object detection",
  "task.image-segmentation": "Image segmentation",
  "task.image-feature-extraction": "Image features",
  "task.mask-generation": "Mask generation",
  "task.depth-estimation": "Depth estimation",
  "task.image-to-text": "Image-to-text",
  "task.text-to-image": "Text-to-image",
  "task.image-to-image": "Image-to-image",
  "task.image-to-video": "Image-to-video",
  "task.text-to-video": "Text-to-video",
  "task.image-to-3d": "Image-to-3D",
  "task.visual-question-answering": "Visual QA",
  "task.any-to-any": "Any-to-any",
  "task.robotics": "Robotics",
  "task.reinforcement-learning": "Reinforcement learning",
  "task.time-series-forecasting": "Time-series forecasting",
  "task.tabular-classification": "Tabular classification",
  "task.tabular-regression": "Tabular regression",
  "task.graph-ml": "Graph ML",
};

/** The shape every locale's chart words have. */
export type ChartMessages = typeof chartsEnUS;
