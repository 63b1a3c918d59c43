import { chartsZhCN } from "./charts/zh-CN.js";
import { cliZhCN } from "./cli/zh-CN.js";
import type { Messages, PermissionName } from "./en-US.js";
import { summariesZhCN } from "./summaries/zh-CN.js";
import { watchesZhCN } from "./watches/zh-CN.js";

/** Every word the bot writes in simplified Chinese: the keys and parameters of en-US.ts. */

/** "a、b或c". */
const or = (items: readonly string[]): string => joinLast(items, "、", "或");
/** "a、b和c". */
const and = (items: readonly string[]): string => joinLast(items, "、", "和");
const bold = (text: string) => `**${text}**`;
const quoted = (text: string) => `“${text}”`;

function joinLast(items: readonly string[], separator: string, last: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(separator)}${last}${items.at(-1)}`;
}

/** The permissions the bot talks about, as Discord's Chinese client names them. */
const PERMISSIONS: Record<PermissionName, string> = {
  ViewChannel: "查看频道",
  SendMessages: "发送消息",
  EmbedLinks: "嵌入链接",
  AttachFiles: "附加文件",
  ReadMessageHistory: "阅读消息历史",
  ManageGuild: "管理服务器",
  SendMessagesInThreads: "在子区中发送消息",
  MentionEveryone: "提及 @everyone、@here 和所有身份组",
};
const permissions = (names: readonly PermissionName[]) => and(names.map((name) => PERMISSIONS[name]));

/** The valid regions as a person reads them in a refusal. */
const validRegions = (regions: readonly string[]) => `${regions.join("、")}（也可用 cn、usa、eu 等别名）`;

/** "你是不是要找 **a** 或 **b**？", or nothing. */
const didYouMean = (guesses: readonly string[]) =>
  guesses.length === 0 ? "" : `你是不是要找${or(guesses.map(bold))}？`;

export const zhCN: Messages = {
  "language.self": "简体中文",

  "region.china": "中国",
  "region.us": "美国",
  "region.europe": "欧洲",
  "region.asia": "亚太",
  "region.other": "其他地区",
  "region.unattributed": "未归属",
  "region.unknown": (p) =>
    `我不认识地区${quoted(p.typed)}。${didYouMean(p.guesses)}可用的地区：${validRegions(p.regions)}。`,

  "age.minutes": (p) => `${p.count} 分钟`,
  "age.hours": (p) => `${p.count} 小时`,
  "age.days": (p) => `${p.count} 天`,

  "guard.chart-permissions": (p) =>
    `我无法在此频道发布图表：缺少${permissions(p.missing)}权限。请服务器管理员在此频道为我的身份组授予该权限，或换一个频道试试。`,
  "guard.embed-permissions": (p) =>
    `我无法在此频道回答：缺少${permissions(p.missing)}权限。请服务器管理员在此频道为我的身份组授予该权限，或换一个频道试试。`,
  "guard.cooldown": (p) => `请等待 ${p.seconds} 秒后再使用 /${p.command}。`,
  "error.apology": (p) => `抱歉，我们这边出了问题（错误编号 \`${p.errorId}\`）。请一分钟后再试。`,
  "error.overlong-option": (p) =>
    `选项 \`${p.option}\` 最多 ${p.maxLength} 个字符，而这次有 ${p.length} 个。未执行任何操作，请缩短后重试。`,
  "storage.replaced":
    "无法保存：机器人运行期间其数据库文件被删除或替换，本次更改未保留。机器人正在重启，请一分钟后再试。",
  "storage.read-only": "无法保存：机器人的数据库是只读的，本次更改未保留。请告知机器人的管理者。",
  "storage.full": "无法保存：机器人数据库所在的磁盘已满，本次更改未保留。请告知机器人的管理者。",
  "storage.io": "无法保存：机器人的数据库写入失败（磁盘错误），本次更改未保留。请稍后再试。",
  "storage.unreachable": "暂时无法连接机器人的数据库，因此无法回答或保存任何内容。请一分钟后再试。",
  "error.unknown-command": "此命令已不可用，可能已被移除。",
  "error.bad-option": (p) => `选项 ${p.option} 的内容与预期不符，请重新运行命令。`,
  "error.bad-choice": (p) => `请从列表中选择 ${p.option}：${p.choices.join("、")}。`,

  "data.none.hub-unreachable": (p) =>
    `暂时无法连接 Hugging Face Hub，而我还没有存储任何数据，所以没有可显示的内容。${p.when === null ? "我很快会再试一次。" : `我会在${p.when}再试一次。`}`,
  "data.none.hub-implausible": (p) =>
    `Hugging Face Hub 返回的数据明显异常（模型数远少于平常），未被采用，而我还没有存储任何数据。${p.when === null ? "我很快会再试一次。" : `我会在${p.when}再试一次。`}`,
  "data.none.storage": (p) =>
    `目前无法保存数据（机器人的磁盘已满或只读），暂时没有可显示的内容。${p.when === null ? "我很快会再试一次" : `我会在${p.when}再试一次`}；请告知机器人的管理者。`,
  "data.stale.hub-unreachable": (p) => `数据已有 ${p.age}：无法连接 Hub，正在重试`,
  "data.stale.hub-implausible": (p) => `数据已有 ${p.age}：Hub 最近的数据明显异常，未被采用，正在重试`,
  "data.stale.storage": (p) => `数据已有 ${p.age}：新数据无法保存（机器人的磁盘已满或只读），正在重试`,
  "data.live-stale": (p) => `数据已有 ${p.age}：暂时无法连接 Hub`,
  "hub.unavailable.datasets": "暂时无法连接 Hugging Face Hub，无法读取热门数据集。请几分钟后再试。",
  "hub.unavailable.model": "暂时无法连接 Hugging Face Hub，无法查询该模型。请几分钟后再试。",

  "option.region.name": "地区",
  "option.id.digest": "哪一份周报（见 /digest show）；服务器只有一份时可省略",
  "option.id.digest-set": "修改这份周报，而不是新建一份",

  // Counting methods (issue 8): the `by` and `cohort` options of /trends, /compare and /digest set.
  "option.by.name": "计入",
  "option.by.description": "下载量计入谁：基础模型开发者（默认）或上传者",
  "option.by.lineage": "基础模型开发者",
  "option.by.uploader": "上传者",
  "option.cohort.name": "模型范围",
  "option.cohort.description": "统计哪些模型：全部模型（默认）、近 12 个月创建的模型或生成式模型",
  "option.cohort.all": "全部模型",
  "option.cohort.new": "近 12 个月创建",
  "option.cohort.generative": "生成式模型",

  // What /model and /org compared with (issue 8): the real span when it is not exactly a week.
  "change.since": (p) => `自 ${p.day}以来（${p.span}）`,
  "change.day": (p) => `${p.year}年${p.month}月${p.day}日`,
  "change.span-days": (p) => `${p.days} 天`,
  "change.span-hours": (p) => `${p.hours} 小时`,
  "change.counts-unchanged": (p) => `Hub 的下载量与 ${p.day}相同：尚未更新计数，因此没有可显示的变化。`,

  "trends.description": "开源 AI 趋势：Hugging Face Hub 各地区的下载量占比",
  "trends.region.description": "中国、美国、欧洲、亚太或其他；留空查看总览",
  "trends.window.name": "时间范围",
  "trends.window.description": "与多久之前相比",
  "trends.window.1": "本周",
  "trends.window.4": "4 周",
  "trends.window.12": "12 周",
  "trends.chart.name": "图表",
  "trends.chart.description": "要绘制的图表",
  "trends.overview": "总览",
  "trends.title": (p) => `开源 AI 趋势 · ${p.scope}`,

  "top.name": "排行",
  "top.description": "Hugging Face Hub 上按热度、下载量或点赞数排名前 10 的模型或数据集",
  "top.kind.name": "类型",
  "top.kind.description": "模型或数据集",
  "top.kind.models": "模型",
  "top.kind.datasets": "数据集",
  "top.sort.name": "排序",
  "top.sort.description": "按 Hub 热度分、30 天下载量或点赞数排序",
  "top.sort.trending": "热度",
  "top.sort.downloads": "下载量",
  "top.sort.likes": "点赞数",
  "top.task.name": "任务",
  "top.task.description": "仅限模型：任务，例如 text-generation",
  "top.region.description": "仅限模型：中国、美国、欧洲、亚太或其他",
  "top.models-only":
    "任务和地区筛选只适用于模型：数据集按整个 Hub 排名。查询数据集时请不要填写这两项，或选择类型：模型。",
  "top.no-datasets": "Hugging Face Hub 刚才没有列出任何数据集，请稍后再试。",
  "top.unknown-task": (p) =>
    `最新快照中没有任务为${quoted(p.typed)}的模型。${didYouMean(p.guesses)}请从建议中选择，例如 ${p.some.join("、")}。`,
  "top.no-models": (p) => {
    const filters = [
      p.task === null ? null : `任务 ${p.task.label}（${p.task.tag}）`,
      p.region === null ? null : `地区 ${p.region}`,
    ].filter((part): part is string => part !== null);
    return `最新快照中没有${p.trending ? "有热度分且" : ""}符合${filters.join("和") || "这些筛选条件"}的模型。请换一个任务或地区，或去掉其中一项。`;
  },
  "ranking.downloads": (p) => `${p.count} 次下载（30 天）`,
  "ranking.likes": (p) => `${p.count} 个赞`,
  "ranking.trending": (p) => `热度分 ${p.score}`,

  "model.name": "模型",
  "model.description": "单个模型的下载量、点赞数、排名和周环比",
  "model.id.name": "名称",
  "model.id.description": "模型的仓库 ID，例如 Qwen/Qwen3-8B",
  "model.bad-id": "请给出模型的仓库 ID，例如 Qwen/Qwen3-8B（最多 96 个字符）。",
  "model.unknown": (p) =>
    `在跟踪的模型和 Hub 上都找不到模型${quoted(p.typed)}。${didYouMean(p.guesses)}仓库 ID 形如 Qwen/Qwen3-8B。`,
  "model.choice": (p) => `${p.id} · ${p.downloads} 次下载`,
  "model.downloads": "下载量（30 天）",
  "model.likes": "点赞数",
  "model.rank": "排名",
  "model.org": "机构",
  "model.task": "任务",
  "model.week": "周环比",
  "model.by-downloads": (p) => `下载量第 ${p.rank} 名（共 ${p.of} 个）`,
  "model.trending": (p) => `热度第 ${p.rank} 名`,
  "model.unranked": "不在下载量榜单内",
  "model.untracked": "不在跟踪的模型之列（下载量前列、热门和新模型）：以下为 Hub 实时数据。",
  "model.new-this-week": "一周前的快照中没有该模型",
  "model.no-history": "尚无一周前的快照",
  "model.change": (p) => `${p.pct}（${p.day}为 ${p.before}）`,
  // /model (issue 8): a comparison that is not a week's, and whom the downloads count for.
  "model.new-since": (p) => `${p.day}的快照中没有该模型`,
  "model.change-was": (p) => `${p.pct}（此前 ${p.before}）`,
  "model.credited": "下载量计入",
  "model.credited-to": (p) => `${p.author} · ${p.region}，即其所源自模型的开发者`,
  "model.test-traffic": "不计入任何人：这是测试流量（CI 运行拉取的测试用模型），不计入任何统计",

  "org.name": "机构",
  "org.description": "Hub 上的机构：热门模型、下载量、占比和地区",
  "org.option.name": "名称",
  "org.option.description": "Hub 命名空间，例如 Qwen 或 meta-llama",
  "org.bad-name": "请给出机构在 Hub 上的名称，例如 Qwen。",
  "org.not-in-snapshot": (p) =>
    `${p.author} 在我的机构名单上（${p.region}，${p.country}），但它的模型都不在最新快照跟踪的模型之列。`,
  "org.unknown": (p) =>
    `在跟踪模型的作者中找不到机构${quoted(p.typed)}。${didYouMean(p.guesses)}名称是 Hub 命名空间，例如 Qwen 或 meta-llama。`,
  "org.downloads": "下载量（30 天）",
  "org.share": "占全部下载量",
  "org.region": "地区",
  "org.week": "周环比",
  "org.top-models": "热门模型",
  "org.across": (p) => `下载量前 ${p.universe} 的模型中有 ${p.count} 个`,
  "org.none-in-universe": (p) => `没有模型进入下载量前 ${p.universe}`,
  "org.no-history": "尚无一周前的快照",
  // /org (issue 8): its share of its region, and the changes, in the region's own terms too.
  "org.region-share": (p) => `占${p.region}下载量`,
  "org.change": (p) => `${p.what}：${p.change}（此前 ${p.before}）`,
  "org.change-from-none": (p) => `${p.what}：当时没有计入它的下载量`,
  "org.unchanged": "没有变化",

  "compare.name": "对比",
  "compare.description": "并排对比两个地区或两个机构：下载量和模型数占比",
  "compare.a.name": "第一项",
  "compare.a.description": "地区（中国、美国、欧洲、亚太、其他）或机构（如 Qwen）",
  "compare.b.name": "第二项",
  "compare.b.description": "同类的另一项：地区或机构（如 meta-llama）",
  "compare.unknown-side": (p) =>
    `我不认识${quoted(p.typed)}：它既不是地区（${validRegions(p.regions)}），也不是在最新快照中有模型的机构。${didYouMean(p.guesses)}`,
  "compare.mixed": (p) =>
    `我只对比两个地区或两个机构，不能拿地区和机构相比：${quoted(p.region)}是地区，${quoted(p.org)}是机构。` +
    "试试 `/compare china us` 或 `/compare Qwen meta-llama`；`/org` 可查看机构占全部下载量的比例。",
  "compare.same-regions": (p) => `两边都是${quoted(p.name)}：请选两个不同的地区来对比。`,
  "compare.same-orgs": (p) => `两边都是${quoted(p.name)}：请选两个不同的机构来对比。`,
  // /compare (issue 8): an organisation with no downloads under the counting asked for.
  "compare.outside-method": (p) =>
    `统计口径：${p.counted}。按此口径 ${p.author} 没有下载量，因此没有可对比的占比；换一个 \`by\` 或 \`cohort\` 也许会有。`,

  "about.name": "关于",
  "about.description": "hubtrends 统计什么、如何统计、为何与 Hugging Face 的报告不同、数据有多新",
  "about.title": "关于 hubtrends",
  "about.intro":
    "基于 Hugging Face Hub 自身数据的开源 AI 趋势：下载量最高的开源模型出自谁手，这些机构位于何处。",
  "about.measures": "统计内容",
  "about.universe-unknown": "Hub 公布的下载量最高模型的 30 天下载量，定期读取。",
  "about.universe-top": (p) => `Hub 公布的下载量前 ${p.count} 个模型的 30 天下载量，占比均以此计算。`,
  "about.universe-extra": (p) => `另读取 ${p.count} 个热门和新建模型，供 /top 和 /model 使用。`,
  "about.universe-import": (p) => `导入快照中全部 ${p.count} 个模型的 30 天下载量。`,
  "about.regions": "地区如何归属",
  "about.attribution": (p) =>
    `人工整理的 ${p.orgs} 家机构名单，按总部所在国家归入${p.regions.join("、")}。名单之外的模型计为"未归属"，从不猜测。`,
  "about.freshness": "数据时效",
  "about.newest": (p) => `最新快照：${p.at}（${p.ago}）。`,
  "about.none": "尚未存储任何快照。",
  "about.next": (p) => `下次采集：${p.when}。`,
  "about.failing.hub-unreachable": "上次采集失败：无法连接 Hub，正在重试。",
  "about.failing.hub-implausible":
    "上次采集未被采用：Hub 返回的数据明显异常（模型或下载量远少于平常），正在重试。",
  "about.failing.storage": "上次采集无法保存：机器人的磁盘已满或只读，正在重试。",
  "about.coverage": "覆盖率",
  "about.covered": (p) => `最新快照中 ${p.share} 的下载量已归属地区。`,
  "about.unknown": "采集到第一个快照后才能得知。",
  // /about (issue 8): why the report's 41% differs, the figures side by side, the reviewed lists.
  "about.report-gap": (p) => `为什么 Hugging Face 的报告说 ${p.china}`,
  "about.report-gap-none": (p) =>
    `Hugging Face《开源现状·2026 春季》称中国模型占下载量的 ${p.china}（美国 ${p.us}）：那是 Hub 上全部模型 12 个月的下载量。` +
    "本机器人统计 Hub 下载量最高的模型的 30 天下载量，默认计入基础模型开发者（量化版本计入被量化模型的开发者），无法确定地区的下载量不计入任何地区。" +
    "采集到第一个快照后，这里会并列显示各种统计方式下的数字。",
  "about.gap.intro": (p) =>
    `Hugging Face《开源现状·2026 春季》称中国模型占下载量的 ${p.reportChina}（美国 ${p.reportUs}）：那是 2025 年 2 月至 2026 年 2 月全部模型 12 个月的下载量。本机器人默认统计${p.counted}：中国 ${p.china}，美国 ${p.us}。三项选择决定了差距：`,
  "about.gap.credit": (p) =>
    `· 计入谁：按基础模型开发者，中国 ${p.lineage}；按上传者，中国 ${p.uploader}（量化、微调版本常由他人上传）。`,
  "about.gap.models": (p) =>
    `· 统计哪些模型：近 12 个月创建的模型中中国 ${p.newChina}、美国 ${p.newUs}；生成式模型中中国 ${p.generativeChina}（30 天下载量中编码器和嵌入模型占比很大）。`,
  "about.gap.unattributed": (p) => `· 未归属：${p.share} 的下载量无法确定所属地区，不计入任何地区。`,
  "about.gap.libraries": (p) =>
    `sentence-transformers 与 cross-encoder 由达姆施塔特工业大学开发、现由 Hugging Face 运营，计为美国：占美国数字的 ${p.share}。` +
    (p.excluded === null ? "" : `另有 ${p.excluded} 个测试用模型（CI 下载）不计入。`),
  "about.figures": (p) => `最新快照，${p.by}`,
  "about.figures-row": (p) =>
    `**${p.cohort}**${p.isDefault ? "（默认）" : ""}\n中国 ${p.china} · 美国 ${p.us} · 已归属 ${p.coverage} · HF 运营的库占美国的 ${p.hf}`,
  "about.test-traffic": "作为测试流量排除",
  "about.test-traffic-list": (p) => `CI 测试用模型带有真实的下载量，不计入任何范围：${p.rules.join("、")}。`,
  "about.not-established": "已查证、未能确定所在地",
  "about.not-established-list": (p) =>
    `已查证，但没有可靠来源说明其所在地，因此其下载量计为未归属：${p.authors.join("、")}。`,

  "digest.description": "每周开源 AI 周报，发布到指定频道（需要“管理服务器”权限）",
  "digest.set.description": "创建周报，或用 id 修改已有周报（也会重新开启）",
  "digest.set.channel": "发布周报的文字或公告频道、子区或论坛",
  "digest.set.day": "每周哪一天发布",
  "digest.set.time": "发布时间，24 小时制 HH:MM（如 09:00）",
  "digest.set.timezone": "IANA 时区，如 Asia/Shanghai",
  "digest.set.region": "中国、美国、欧洲、亚太或其他；留空为全部地区",
  "digest.set.language": "周报语言（默认为服务器语言）",
  "digest.set.role": "每期周报提及的身份组（唯一会提及的对象）",
  // /digest set (issue 8): the counting method; with id, an option left out keeps the digest's.
  "digest.set.by": "下载量计入谁：基础模型开发者（默认）或上传者；用 id 修改时省略则保留原设置",
  "digest.set.cohort": "统计哪些模型：全部（默认）、近 12 个月创建或生成式；用 id 修改时省略则保留原设置",
  "digest.show.description": "列出本服务器的周报：时间、下次和上次发布、问题",
  "digest.preview.description": "预览现在发布的周报（仅你可见）",
  "digest.send-now.description": "立即发布本周周报（代替定时发布）",
  "digest.off.description": "停止发布周报；保留设置",
  "day.mon": "周一",
  "day.tue": "周二",
  "day.wed": "周三",
  "day.thu": "周四",
  "day.fri": "周五",
  "day.sat": "周六",
  "day.sun": "周日",

  "digest.guild-only": "周报属于服务器：请在服务器的频道中使用 /digest。",
  "digest.manage-server-only": (p) => `只有拥有**${permissions(p.missing)}**权限的成员才能设置或修改周报。`,
  "watch.manage-server-only": (p) => `只有拥有**${permissions(p.missing)}**权限的成员才能设置或修改关注。`,
  "digest.none": "本服务器还没有周报。用 `/digest set` 创建一份。",
  "digest.which": (p) =>
    `本服务器有 ${p.count} 份周报（${p.ids.join("、")}）：请用 \`id\` 指明是哪一份。\`/digest show\` 会列出它们。`,
  "digest.unknown": (p) => `本服务器没有周报 #${p.id}。\`/digest show\` 会列出本服务器的周报。`,
  "digest.bad-time": (p) =>
    `${quoted(p.typed)}不是我能读懂的时间：请用 24 小时制 HH:MM，例如 09:00 或 18:30。`,
  "digest.bad-timezone": (p) =>
    `${quoted(p.typed)}不是我认识的时区。${didYouMean(p.guesses)}请使用 IANA 时区名，例如 Asia/Shanghai、Europe/Paris 或 America/New_York：它会自动按夏令时调整。`,
  "digest.channel-type": (p) => `${p.channel} 不是文字或公告频道、子区或论坛：请为周报选择其中之一。`,
  "digest.cannot-post-set": (p) =>
    `我无法在 ${p.channel} 发布周报：${p.reason}。` +
    (p.missing.length > 0
      ? `请在 ${p.channel} 为我的身份组授予${permissions(p.missing)}权限（频道设置 → 权限），然后再运行一次。`
      : "") +
    "未保存任何内容。",
  "digest.limit": (p) =>
    `本服务器已有 ${p.limit} 份周报，已达上限。请用 \`/digest set id:…\` 修改其中一份（\`/digest show\` 会列出它们），或用 \`/digest off\` 关闭一份。`,
  "digest.paused": (p) =>
    `周报 #${p.id} 已暂停：${p.reason}。解决后运行 \`/digest set id:${p.id}\` 即可恢复；之后 send-now 也能再用。`,
  "digest.is-off": (p) => `周报 #${p.id} 已关闭。\`/digest set id:${p.id}\` 可重新开启。`,
  "digest.cannot-post-now": (p) => `我无法在 ${p.channel} 发布周报 #${p.id}：${p.reason}。未发布任何内容。`,
  "digest.refused": (p) =>
    `Discord 拒绝了在 ${p.channel} 的发布：${p.reason}。周报 #${p.id} 已暂停，解决后请运行 \`/digest set id:${p.id}\`。`,
  "digest.send-failed": (p) =>
    `Discord 刚才没有接受这次发布（${p.detail}）。请一分钟后再试；调度器也会自动重试。`,
  "digest.unknown-error": "未知错误",

  "digest.created": (p) => `周报 #${p.id} 已创建：将${p.schedule}发布到 ${p.channel}，内容为${p.content}。`,
  "digest.updated": (p) => `周报 #${p.id} 已更新：将${p.schedule}发布到 ${p.channel}，内容为${p.content}。`,
  "digest.resumed": (p) =>
    `周报 #${p.id} 已更新并重新开启：将${p.schedule}发布到 ${p.channel}，内容为${p.content}。`,
  "digest.next-posts": "接下来的发布：",
  "digest.tip-history": (p) =>
    `提示：也请在 ${p.channel} 授予我**阅读消息历史**权限，这样程序崩溃后我能检查本周的周报是否已经发出。`,
  "digest.what-next": (p) =>
    `\`/digest preview id:${p.id}\` 可立即预览；\`/digest send-now id:${p.id}\` 可立即发布本周周报。`,
  "digest.schedule": (p) => `每${p.day} ${p.time}（${p.timezone}）`,
  "digest.content": (p) => `${p.about}，语言为${p.language}`,
  // A digest's counting method (issue 8), in /digest set's confirmation and /digest show.
  "digest.method": (p) => `统计方式：${p.by} · ${p.cohort}`,
  "digest.all-regions": "全部地区",
  "digest.language.en-US": "英文",
  "digest.language.zh-CN": "简体中文",
  "digest.upcoming": (p) => `• ${p.at}（${p.local} ${p.timezone}）`,
  "digest.preview": (p) => `周报 #${p.id} 的预览，即现在发布到 ${p.channel} 的样子：`,
  "digest.posted": (p) =>
    `周报 #${p.id} 已发布到 ${p.channel}：${p.link}。它算作本周（${p.period}）的周报，定时发布不会再发。`,
  "digest.already-posted": (p) =>
    `周报 #${p.id} 本周（${p.period}）已经发布过${p.link === null ? "" : `：${p.link}`}。下一份按计划发布。`,
  "digest.posting": (p) => `周报 #${p.id} 本周（${p.period}）的内容正在发布，稍后会出现在 ${p.channel}。`,
  "digest.turned-off": (p) =>
    `周报 #${p.id} 已关闭：不再向 ${p.channel} 发布。设置会保留；用相同选项运行 \`/digest set id:${p.id}\` 即可重新开启。`,
  "digest.show.none": "本服务器还没有周报。`/digest set` 可创建一份：选择频道、星期几、时间和时区。",
  "digest.show.title": (p) => `每周周报（${p.count} / ${p.max}）`,
  "digest.show.footer": "用 /digest set id:… 修改，用 /digest off id:… 停止",
  "digest.show.field": (p) => `#${p.id} · ${p.status}`,
  "digest.status.on": "开启",
  "digest.status.off": "关闭",
  "digest.status.paused": "已暂停",
  "digest.show.paused": (p) => `**已暂停**：${p.reason}。解决后运行 \`/digest set id:${p.id}\` 即可恢复。`,
  "digest.show.off": (p) => `**已关闭**：\`/digest set id:${p.id}\` 可重新开启。`,
  "digest.show.next": (p) => `下次发布：${p.at}（${p.local} ${p.timezone}）`,
  "digest.show.no-next": "下次发布：暂无安排",
  "digest.show.last": (p) => `上次发布：${p.at}（${p.period}）· [打开](${p.link})`,
  "digest.show.no-last": "上次发布：尚无",
  "digest.show.retrying": (p) => `${p.period}：发布失败，将于${p.when}重试`,
  "digest.show.not-posted": (p) => `${p.period}：未发布（${p.reason}）`,
  "digest.show.skipped": "已跳过",
  "digest.show.last-error": (p) => `最近的错误（${p.when}）：${p.error}`,

  "channel.deleted": "该频道已不存在（已被删除）",
  "channel.not-text": "该频道不是文字或公告频道、子区或论坛",
  "channel.missing-permissions": (p) => `我在该频道缺少${permissions(p.missing)}权限`,
  "channel.discord-unknown-channel": "该频道已不存在（Discord：Unknown Channel）",
  "channel.discord-unknown-guild": "我已不在该服务器中（Discord：Unknown Guild）",
  "channel.discord-missing-access": "我已无法查看该频道（Discord：Missing Access）",
  "channel.discord-missing-permissions":
    "我在该频道缺少权限：需要查看频道、发送消息、嵌入链接和附加文件（Discord：Missing Permissions）",
  "channel.discord-not-text": "该频道不接受消息（Discord：非文字频道）",

  ...chartsZhCN,
  ...watchesZhCN,
  ...summariesZhCN,
  ...cliZhCN,
};
