import type { Region } from "../../services/regions/types.js";
import { joinParts, type Part, tpl } from "../../services/summaries/parts.js";
import type { SummaryMessages } from "./en-US.js";

/** The summaries' words in simplified Chinese: the keys and parameters of summaries/en-US.ts. */

const SUBJECT: Record<Region, string> = {
  china: "中国机构",
  us: "美国机构",
  europe: "欧洲机构",
  asia: "亚太机构",
  other: "其他地区机构",
};

/** "，周环比 +1.3 个百分点": the clause after a headline share. */
const clause = (change: Part | null): Part | string => (change === null ? "" : tpl`，${change}`);

/**
 * Chinese sets Latin digits off from Han characters with a space ("采集于 3 小时前") but not a
 * Han word ("采集于刚刚"): the space goes in front only when the part starts with a digit or sign.
 */
const spaced = (part: Part): Part =>
  /^[\d+−±]/.test(part.text) ? { text: ` ${part.text}`, facts: part.facts } : part;

export const summariesZhCN: SummaryMessages = {
  "method.credit.uploader": "计入上传者",
  "method.credit.lineage": "计入基础模型的开发者",
  "method.models.all": (p) => (p.top ? `下载量前 ${p.count} 的模型` : `本快照的 ${p.count} 个模型`),
  "method.models.new": (p) =>
    p.top ? `下载量前 ${p.count} 中近 12 个月创建的模型` : `本快照 ${p.count} 个模型中近 12 个月创建的模型`,
  "method.models.generative": (p) =>
    p.top ? `下载量前 ${p.count} 中的生成式模型` : `本快照 ${p.count} 个模型中的生成式模型`,
  "method.sentence": (p) => `${p.models}的 30 天下载量，${p.credit}`,
  "method.by.uploader": "按上传者",
  "method.by.lineage": "按基础模型开发者",
  "method.cohort.all": "全部模型",
  "method.cohort.new": "近 12 个月创建",
  "method.cohort.generative": "生成式模型",

  "summary.subject": (p) => SUBJECT[p.region],
  "summary.period.week": tpl`周环比`,
  "summary.period.weeks": (p) => tpl`${p.weeks} 周变化`,
  "summary.period.since": (p) => tpl`自 ${p.since}（${p.span}）以来变化`,
  "summary.span.hours": (p) => `${p.count} 小时`,
  "summary.span.days": (p) => `${p.count} 天`,
  "summary.age.moments": "刚刚",
  "summary.age.minutes": (p) => `${p.count} 分钟前`,
  "summary.age.hours": (p) => `${p.count} 小时前`,
  "summary.age.days": (p) => `${p.count} 天前`,

  "summary.trends.no-downloads": tpl`本快照中没有下载数据。`,
  "summary.trends.region-no-downloads": (p) => tpl`${p.subject}：本快照中没有下载数据。`,
  "summary.trends.age-only": (p) =>
    p.age === null ? tpl`数据时间未知。` : tpl`数据采集于${spaced(p.age)}。`,
  "summary.trends.change": (p) => tpl`${p.period} ${p.change}`,
  "summary.trends.no-change": (p) => tpl`${p.period}持平`,
  "summary.trends.counts-unchanged": (p) => tpl`自 ${p.since} 起下载量未变：Hub 尚未更新计数`,
  "summary.trends.region-share": (p) =>
    tpl`${p.subject}：在${p.method.models}中占 30 天下载量的 ${p.share}（${p.method.credit}）${clause(p.change)}。`,
  "summary.trends.region-none": (p) =>
    tpl`${p.subject}：${p.method.models}中没有该地区的模型${clause(p.change)}。`,
  "summary.trends.leads": (p) =>
    tpl`${p.region}领先：在${p.method.models}中占 30 天下载量的 ${p.share}（${p.method.credit}）${clause(p.change)}。`,
  "summary.trends.no-leader": (p) => tpl`暂无领先地区：${p.method.models}中，没有下载量归属到具体地区。`,
  "summary.trends.ranking": (p) => tpl`其后依次为：${joinParts(p.items, "、")}。`,
  "summary.trends.where": (p) => `（${p.region}）`,
  "summary.trends.of-all": "全部下载量",
  "summary.trends.of-region": (p) => `${p.subject}下载量`,
  "summary.trends.leader": (p) => tpl`头部机构：${p.name}${p.where}，占${p.whose}的 ${p.share}。`,
  "summary.trends.mover": (p) =>
    p.downloads === null
      ? tpl`变化最大：${p.name}${p.where}，新上榜，占${p.whose}的 ${p.share}（${p.change}）。`
      : tpl`变化最大：${p.name}${p.where}，下载量 ${p.downloads}，占${p.whose}的 ${p.share}（${p.change}）。`,
  "summary.trends.new-model": (p) => tpl`新模型：${p.id}${p.where}，${p.downloads}次下载。`,
  "summary.trends.coverage": (p) =>
    p.age === null
      ? tpl`覆盖率：${p.coverage} 的下载量已归属地区 · 数据时间未知。`
      : tpl`覆盖率：${p.coverage} 的下载量已归属地区 · 数据采集于${spaced(p.age)}。`,

  "summary.digest.week-ending": (p) => tpl`截至 ${p.date}的一周`,
  "summary.digest.latest-week": "最近一周",
  "summary.digest.title": (p) => {
    const head =
      p.focus === null ? tpl`Hub 趋势周报 · ${p.week}` : tpl`Hub 趋势周报 · ${p.focus} · ${p.week}`;
    return p.age === null ? tpl`${head} · 数据时间未知` : tpl`${head} · 数据采集于${spaced(p.age)}`;
  },
  "summary.digest.hub-unreachable": (p) => {
    const down =
      p.since === null ? tpl`目前无法访问 Hugging Face Hub` : tpl`自 ${p.since} 起无法访问 Hugging Face Hub`;
    return p.snapshot === null
      ? tpl`注意：${down}，以下数据来自最近一次成功获取的快照。`
      : tpl`注意：${down}，以下数据来自最近一次成功获取的快照（${p.snapshot}）。`;
  },
  "summary.digest.hub-implausible": (p) => {
    const refused =
      p.since === null
        ? tpl`Hugging Face Hub 最近的返回数据因明显异常而被拒用`
        : tpl`自 ${p.since} 起 Hugging Face Hub 的返回数据均因明显异常而被拒用`;
    return p.snapshot === null
      ? tpl`注意：${refused}，以下数据来自最近一次成功获取的快照。`
      : tpl`注意：${refused}，以下数据来自最近一次成功获取的快照（${p.snapshot}）。`;
  },
  "summary.digest.storage": (p) => {
    const unsaved =
      p.since === null
        ? tpl`新快照无法保存（机器人的存储拒绝写入）`
        : tpl`自 ${p.since} 起无法保存新快照（机器人的存储拒绝写入）`;
    return p.snapshot === null
      ? tpl`注意：${unsaved}，以下数据来自最近一次成功获取的快照。`
      : tpl`注意：${unsaved}，以下数据来自最近一次成功获取的快照（${p.snapshot}）。`;
  },
  "summary.digest.no-downloads": tpl`本快照中没有下载数据。`,
  "summary.digest.shares-header": (p) =>
    tpl`各地区在${p.method.models}中的 30 天下载量占比（${p.method.credit}；括号内为${p.period}）：`,
  "summary.digest.shares-header-alone": (p) =>
    tpl`各地区在${p.method.models}中的 30 天下载量占比（${p.method.credit}；暂无更早的快照可比）：`,
  "summary.digest.shares-header-unchanged": (p) =>
    tpl`各地区在${p.method.models}中的 30 天下载量占比（${p.method.credit}；自 ${p.since} 起下载量未变：Hub 尚未更新计数）：`,
  "summary.digest.region-line": (p) =>
    p.change === null ? tpl`${p.region} ${p.share}` : tpl`${p.region} ${p.share}（${p.change}）`,
  "summary.digest.mover": (p) =>
    p.downloads === null
      ? tpl`${p.name}（${p.region}）${p.share}（${p.change}，新上榜）`
      : tpl`${p.name}（${p.region}）${p.share}（${p.change}，下载量 ${p.downloads}）`,
  "summary.digest.region-mover": (p) =>
    p.downloads === null
      ? tpl`${p.name} ${p.share}（${p.change}，新上榜）`
      : tpl`${p.name} ${p.share}（${p.change}，下载量 ${p.downloads}）`,
  "summary.digest.movers": (p) => tpl`变化最大的机构（占全部下载量）：${joinParts(p.items, "、")}`,
  "summary.digest.region-movers": (p) =>
    tpl`变化最大的机构（占${p.subject}下载量）：${joinParts(p.items, "、")}`,
  "summary.digest.new-model": (p) => tpl`${p.id}（${p.downloads}次下载）`,
  "summary.digest.new-models": (p) => tpl`新模型 · ${p.region}：${joinParts(p.items, "、")}`,
  "summary.digest.no-new-models": tpl`本快照中没有值得关注的新模型。`,
  "summary.digest.untagged": "未标注任务",
  "summary.digest.tasks": (p) => tpl`${p.scope ?? ""}下载量最高的任务：${joinParts(p.items, "、")}`,
  "summary.digest.small": (p) => {
    const head = tpl`参数量 ${p.limit} 以下的可部署小模型：占${p.scope ?? ""}下载量的 ${p.share}`;
    return p.unknown === null ? head : tpl`${head}；另有 ${p.unknown} 的下载量参数量未知`;
  },

  "digest-post.title": (p) => `开源 AI 周报 · ${p.scope} · ${p.period}`,
  "digest-post.overview": "总览",
  "digest-post.period": (p) => `${p.year} 年第 ${p.week} 周`,
};
