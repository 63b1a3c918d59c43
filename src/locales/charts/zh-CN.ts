import type { CompareMetric } from "../../services/charts/types.js";
import type { RegionOrUnattributed } from "../../services/regions/types.js";
import type { ChartMessages } from "./en-US.js";

/** The words of the charts in simplified Chinese: the keys and parameters of charts/en-US.ts. */

/** A region in a sentence; the regions' list labels (`region.*`) say 其他 where a sentence says 其他地区. */
const REGION: Record<RegionOrUnattributed, string> = {
  china: "中国",
  us: "美国",
  europe: "欧洲",
  asia: "亚太",
  other: "其他地区",
  unattributed: "未归属机构",
};

/** "（+0.4 个百分点）" after a share, or nothing. */
const afterComma = (change: string | null) => (change === null ? "" : `（${change}）`);

const FAMILY = { robotics: "机器人", science: "科学" } as const;
const METRIC = { downloads: "下载量", likes: "点赞数", trending: "热度分" } as const;
const SUBJECT = { models: "模型", datasets: "数据集" } as const;
const COMPARE_METRIC: Record<CompareMetric, string> = {
  downloads: "下载量",
  models: "模型数",
  newModels: "新模型",
  regionDownloads: "本地区下载量",
};

export const chartsZhCN: ChartMessages = {
  "date.day": (p) => `${p.year}年${p.month}月${p.day}日`,
  "date.day-time": (p) => `${p.year}年${p.month}月${p.day}日 ${p.time} UTC`,
  "date.day-month": (p) => `${p.month}月${p.day}日`,
  "date.day-month-time": (p) => `${p.month}月${p.day}日 ${p.time}`,
  "number.pp": (p) => `${p.signed} 个百分点`,

  "chart.source": "来源：Hugging Face Hub",
  "chart.separator": " · ",
  "chart.footer.snapshot": (p) =>
    `来源：Hugging Face Hub · 快照 ${p.time} · ${p.coverage} 的下载量已归属地区`,
  "chart.footer.compact": (p) => `Hugging Face Hub，${p.time} · ${p.coverage} 已归属地区`,
  "chart.footer.live": (p) => `来源：Hugging Face Hub · 实时数据，读取于 ${p.time}`,
  "chart.span.hours": (p) => `${p.count} 小时`,
  "chart.span.days": (p) => `${p.count} 天`,

  "chart.regions.title": (p) => `${REGION[p.region]}领先：占下载量的 ${p.share}${afterComma(p.change)}`,
  "chart.regions.title-region": (p) => `${REGION[p.region]}：占下载量的 ${p.share}${afterComma(p.change)}`,
  "chart.regions.title-empty": "各地区下载量占比",
  "chart.regions.label": (p) =>
    p.change === null ? `${p.region} ${p.share}` : `${p.region} ${p.share} · ${p.change}`,
  "chart.regions.axis": "30 天下载量占比",
  "chart.regions.axis-since": (p) => `30 天下载量占比 · 变化自${p.day}起`,
  "chart.regions.axis-unchanged": (p) => `30 天下载量占比 · 自${p.day}起下载量未更新`,

  "chart.history.title": (p) => `自${p.day}以来的下载量占比变化：${REGION[p.region]} ${p.change}`,
  "chart.history.title-region": (p) =>
    p.change === null
      ? `${REGION[p.region]}的下载量占比：${p.share}`
      : `${REGION[p.region]}的下载量占比：${p.share}，自${p.day}以来 ${p.change}`,
  "chart.history.title-short": "各地区下载量占比变化",
  "chart.history.legend": (p) => `${p.region} ${p.share}`,
  "chart.history.legend-region": (p) => `${REGION[p.region]}：占全部下载量的 ${p.share}`,
  "chart.history.legend-orgs": (p) => `占${REGION[p.region]}下载量：`,
  "chart.history.legend-org": (p) => `${p.org} ${p.share}`,
  "chart.history.not-enough": (p) =>
    p.snapshots === 1
      ? `历史数据还不够（仅有${p.since}的 1 个快照）`
      : `历史数据还不够（自${p.since}以来共 ${p.count} 个快照）`,

  "chart.orgs.title": (p) => `下载量最高的机构：${p.org} 领先，占下载量的 ${p.share}`,
  "chart.orgs.title-region": (p) => `${REGION[p.region]}下载量最高的机构：${p.org} 领先，占 ${p.share}`,
  "chart.orgs.axis": "30 天下载量 · 百分比为占全部下载量",
  "chart.orgs.axis-region": (p) => `30 天下载量 · 百分比为占${REGION[p.region]}下载量`,
  "chart.orgs.title-empty": "下载量最高的机构",
  "chart.orgs.title-region-empty": (p) => `${REGION[p.region]}下载量最高的机构：本快照中没有`,
  "chart.orgs.label": (p) => `${p.org} ${p.downloads} · ${p.share}`,

  "chart.sizes.title": (p) =>
    p.region === null
      ? `按模型规模划分的下载量：参数量 10B 以下占 ${p.share}`
      : `${REGION[p.region]}模型按规模划分的下载量：参数量 10B 以下占 ${p.share}`,
  "chart.sizes.title-unknown": (p) =>
    p.region === null
      ? "按模型规模划分的下载量：所有模型的规模均未知"
      : `${REGION[p.region]}模型按规模划分的下载量：所有模型的规模均未知`,
  "chart.sizes.axis": "参数量",
  "chart.sizes.axis-unknown-left-out": (p) => `参数量 · ${p.share} 的下载量规模未知，未列出`,
  "chart.sizes.measured": "规模取自权重元数据",
  "chart.sizes.estimated": "规模由模型名称估计",
  "chart.sizes.bucket.<1B": "<1B",
  "chart.sizes.bucket.1-10B": "1–10B",
  "chart.sizes.bucket.10-100B": "10–100B",
  "chart.sizes.bucket.>100B": ">100B",
  "chart.sizes.bucket.unknown": "未知",

  "chart.new-models.title": (p) =>
    `${p.models}中近 8 周的新模型：${p.total} 个，${p.share} 来自${REGION[p.leader]}`,
  "chart.new-models.title-region": (p) =>
    `${REGION[p.region]}：${p.models}中近 8 周有 ${p.total} 个新模型，其中 ${p.count} 个（${p.share}）`,
  "chart.new-models.title-none": (p) => `${p.models}中近 8 周没有新模型`,
  "chart.new-models.axis": "周起始日（UTC）",
  "chart.new-models.partial": (p) => `${p.day}：仅含 ${p.span}（浅色）`,
  "chart.new-models.left-out": (p) => `${p.day}：仅含 ${p.span}，未列出`,

  "chart.tasks.title": (p) =>
    p.region === null
      ? `按任务划分的下载量：${p.task}领先，占 ${p.share}`
      : `${REGION[p.region]}模型按任务划分的下载量：${p.task}领先，占 ${p.share}`,
  "chart.tasks.title-none": (p) =>
    p.region === null
      ? "按任务划分的下载量：没有标注任务"
      : `${REGION[p.region]}模型按任务划分的下载量：没有标注任务`,
  "chart.tasks.label": (p) => `${p.task} ${p.share}`,
  "chart.tasks.family-label": (p) => `${FAMILY[p.family]}（全部模型）${p.share} · 新增 ${p.newModels}`,
  "chart.tasks.tiny-share": (p) => `<${p.share}`,
  "chart.tasks.group.rest": "任务",
  "chart.tasks.group.robotics": "机器人",
  "chart.tasks.group.science": "科学",
  "chart.tasks.axis": "30 天下载量占比",
  "chart.tasks.axis-untagged-left-out": (p) => `30 天下载量占比 · 无任务标签：${p.share}，未列出`,
  "chart.tasks.absent": (p) =>
    `${p.models}中没有${p.families.map((family) => FAMILY[family]).join("或")}模型。`,

  "chart.compare.title": (p) => `${p.a} 对比 ${p.b}`,
  "chart.compare.headline": (p) =>
    `${p.a} 对比 ${p.b}：${COMPARE_METRIC[p.metric]}占比 ${p.valueA} 对 ${p.valueB}`,
  "chart.compare.versus": "对",
  "chart.compare.label": (p) => `${p.metric}：${p.a} 对 ${p.b}`,
  "chart.compare.axis": "占比",
  "chart.compare.downloads": "下载量占比",
  "chart.compare.models": "模型数占比",
  "chart.compare.new-models": "新模型占比（8 周）",
  "chart.compare.region-downloads": "占本地区下载量",

  "chart.ranking.title": (p) => `${METRIC[p.metric]}最高的${SUBJECT[p.subject]}`,
  "chart.ranking.org-title": (p) => `${p.org} ${METRIC[p.metric]}最高的${SUBJECT[p.subject]}`,
  "chart.ranking.label": (p) => `${p.name} ${p.value}`,

  "task.unknown": "无任务标签",
  "task.text-generation": "文本生成",
  "task.text2text-generation": "文本到文本",
  "task.image-text-to-text": "图文生成文本",
  "task.sentence-similarity": "句子相似度",
  "task.feature-extraction": "特征提取",
  "task.text-ranking": "文本排序",
  "task.text-classification": "文本分类",
  "task.token-classification": "词元分类",
  "task.zero-shot-classification": "零样本分类",
  "task.fill-mask": "掩码填充",
  "task.question-answering": "问答",
  "task.summarization": "摘要",
  "task.translation": "翻译",
  "task.automatic-speech-recognition": "语音识别",
  "task.text-to-speech": "语音合成",
  "task.text-to-audio": "文本生成音频",
  "task.audio-classification": "音频分类",
  "task.audio-to-audio": "音频到音频",
  "task.voice-activity-detection": "语音活动检测",
  "task.image-classification": "图像分类",
  "task.zero-shot-image-classification": "零样本图像分类",
  "task.object-detection": "目标检测",
  "task.image-segmentation": "图像分割",
  "task.image-feature-extraction": "图像特征提取",
  "task.mask-generation": "掩码生成",
  "task.depth-estimation": "深度估计",
  "task.image-to-text": "图像生成文本",
  "task.text-to-image": "文生图",
  "task.image-to-image": "图生图",
  "task.image-to-video": "图生视频",
  "task.text-to-video": "文生视频",
  "task.image-to-3d": "图像生成 3D",
  "task.visual-question-answering": "视觉问答",
  "task.any-to-any": "任意模态",
  "task.robotics": "机器人",
  "task.reinforcement-learning": "强化学习",
  "task.time-series-forecasting": "时间序列预测",
  "task.tabular-classification": "表格分类",
  "task.tabular-regression": "表格回归",
  "task.graph-ml": "图机器学习",
};
