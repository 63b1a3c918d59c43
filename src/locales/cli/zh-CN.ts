import type { CliMessages } from "./en-US.js";

/** `hubtrends` 命令行的简体中文：cli/en-US.ts 的键和参数。 */

/** "a、b或c". */
const or = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("、")}或${items.at(-1)}`;

export const cliZhCN: CliMessages = {
  "cli.help.intro": "hubtrends：按地区统计 Hugging Face Hub 的下载量，数据来自已保存的快照，无需 Discord。",
  "cli.help.usage": (p) => `用法：${p.usage}`,
  "cli.help.more": "hubtrends <命令> --help 显示单个命令的说明。",
  "cli.help.every-command": "所有命令都接受：",
  "cli.help.exit":
    "退出码：0 完成；1 失败（例如无法访问 Hub 且没有已保存的数据）；2 命令有误，会用一行说明。",
  "cli.help.default": (p) => `默认 ${p.value}`,
  "cli.help.values": (p) => p.values.join(" | "),
  "cli.help.marks": (p) => `（${p.marks.join("，")}）`,
  "cli.help.described": (p) => `${p.head}：${p.help}`,
  "cli.help.required": "必填",

  "cli.collect.summary": "立即从 Hub 采集一个快照。",
  "cli.import.summary":
    '把保存的 /api/models 响应（模型行的 JSON 数组，或 { "models": [...] }）导入为快照，用于补充历史。',
  "cli.snapshots.summary": "列出已保存的快照，或删除其中一个（例如导入错误的快照）。",
  "cli.stats.summary": "/trends 背后的统计数据，取自最新快照（若没有快照，先采集一个）。",
  "cli.chart.summary": "写出机器人会附上的图表，并打印机器人随图表给出的说明。",

  "cli.option.locale": "命令输出所用的语言",
  "cli.option.help": "显示本说明",
  "cli.option.as-of": "文件的读取时间（2026-05-04 或 2026-05-04T12:00:00Z）；否则用文件自带的日期",
  "cli.option.replace": "替换同一时间已保存的快照",
  "cli.option.json": "输出 JSON 而不是文本",
  "cli.option.region": "地区，或 all 表示全部；可用 cn、usa、eu、中国 等别名",
  "cli.option.window": "与多少周前比较",
  "cli.option.by": "计入谁：lineage 为基础模型的开发者；uploader 为上传该模型的命名空间",
  "cli.option.cohort": "统计哪些模型：new 为近 12 个月创建的模型；generative 为文本、图像和视频生成模型",
  "cli.option.view": "图表；指定 --region 而未指定 --view 时为 orgs",
  "cli.option.out": "要写出的 PNG 文件",
  "cli.option.a": "compare：两个地区或两个机构中的第一个",
  "cli.option.b": "compare：第二个",
  "cli.option.kind": "ranking：models 取自快照，datasets 实时读取 Hub",
  "cli.option.sort": "ranking：排序依据",
  "cli.option.task": "ranking：只看该任务标签的模型（text-generation、robotics 等）",

  "cli.error.unknown-command": (p) =>
    `未知命令“${p.typed}”。可用的命令：${p.commands.join("、")}（见 hubtrends --help）。`,
  "cli.error.unknown-option": (p) =>
    `未知选项 ${p.option}。hubtrends ${p.command} 的选项：${p.options.join("、")}。`,
  "cli.error.needs-value": (p) =>
    p.values === null ? `${p.option} 需要一个值。` : `${p.option} 需要一个值：${or(p.values)}。`,
  "cli.error.takes-no-value": (p) => `${p.option} 不接受值。`,
  "cli.error.unexpected-argument": (p) => `多余的参数“${p.argument}”。用法：${p.usage}`,
  "cli.error.missing-argument": (p) => `缺少参数。用法：${p.usage}`,
  "cli.error.bad-value": (p) => `未知的 ${p.option}“${p.typed}”。可用：${or(p.values)}。`,
  "cli.error.unknown-region": (p) =>
    `未知地区“${p.typed}”。${p.guesses.length > 0 ? `你是不是要找 ${or(p.guesses)}？` : ""}可用的地区：${p.regions.join("、")}（也可用 cn、usa、eu 等别名），或 all。`,
  "cli.file.not-found": "文件不存在",
  "cli.file.denied": "没有权限",
  "cli.file.is-directory": "这是一个目录",
  "cli.file.read-only": "文件系统只读",
  "cli.file.no-space": "设备空间不足",
  "cli.error.out-required": "必须用 --out FILE.png 指定图表写入的文件。",
  "cli.error.out-is-directory": (p) =>
    `--out ${p.path} 是一个目录：请给出文件名，例如 ${p.path.replace(/\/+$/, "")}/chart.png。`,
  "cli.error.out-no-directory": (p) => `无法写入 ${p.path}：目录 ${p.directory} 不存在。`,
  "cli.error.out-not-writable": (p) => `无法写入 ${p.path}（${p.reason}）：请换一个可写的位置。`,
  "cli.error.hub-down-no-data": (p) =>
    `还没有已保存的快照，且无法访问 ${p.host} 上的 Hub（${p.reason}）。请检查网络和 HUB_URL，或导入保存的文件：hubtrends import FILE --as-of DATE。`,
  "cli.error.hub-down": (p) =>
    `无法读取 ${p.host} 上的 Hub（${p.reason}）。请检查网络和 HUB_URL；也可用 hubtrends import 导入保存的文件。`,
  "cli.error.no-data": "还没有已保存的快照：请运行 hubtrends collect 或 hubtrends import FILE。",
  "cli.error.unexpected": (p) =>
    `意外错误：${p.message}。这是程序缺陷；设置 LOG_LEVEL=debug 重新运行可看到详情。`,
  "cli.error.compare-needs-sides": "--view compare 需要 --a 和 --b：两个地区，或两个机构。",
  "cli.error.compare-unknown-side": (p) =>
    `“${p.typed}”既不是地区，也不是最新快照中的机构。${p.guesses.length > 0 ? `你是不是要找 ${or(p.guesses)}？` : ""}`,
  "cli.error.compare-mixed": (p) =>
    `无法把地区“${p.region}”与机构“${p.org}”相比：请给出两个地区，或两个机构。`,
  "cli.error.compare-same": (p) => `--a 和 --b 都是“${p.name}”：请给出两个不同的。`,
  "cli.error.compare-outside": (p) => `${p.org} 在统计的模型中没有下载量，无从比较。`,
  "cli.error.ranking-datasets-only": "--task 和 --region 只适用于模型：数据集按整个 Hub 排名。",
  "cli.error.unknown-task": (p) =>
    `最新快照中没有任务标签为“${p.typed}”的模型。${p.guesses.length > 0 ? `你是不是要找 ${or(p.guesses)}？` : ""}`,
  "cli.error.no-ranked": "最新快照中没有符合条件的模型。",

  "import.date.needs-zone": "日期时间需要时区（Z 或 +08:00 这样的偏移）",
  "import.date.not-iso": "不是 ISO 8601 日期（例如 2026-05-04 或 2026-05-04T12:00:00Z）",
  "import.date.no-month": (p) => `没有 ${p.month} 月`,
  "import.date.no-day": (p) => `${p.yearMonth} 没有第 ${p.day} 日`,
  "import.date.no-time": (p) => `${p.time} 不是一天中的时刻`,
  "import.date.no-offset": (p) => `${p.zone} 不是 UTC 偏移`,
  "import.date.not-a-string": "不是字符串",
  "import.file.not-json": (p) => `不是有效的 JSON：${p.detail}`,
  "import.file.not-models": '应为模型行的 JSON 数组，或带 "models" 数组的对象',
  "import.refused.too-few": (p) =>
    `${p.rows} 行中只有 ${p.valid} 行有效（${p.skipped} 行无效）：至少需要 ${p.min} 行`,
  "import.refused.too-many-invalid": (p) =>
    `${p.rows} 行中有 ${p.skipped} 行无效（${p.percent}%），超过 ${p.max}%`,

  "cli.import.cannot-read": (p) => `无法读取 ${p.file}：${p.reason}`,
  "cli.import.not-a-file": (p) => `${p.file}：${p.reason}`,
  "cli.import.bad-as-of": (p) => `--as-of “${p.typed}”：${p.reason}`,
  "cli.import.no-date": (p) =>
    `${p.file} 没有注明日期（${p.keys.join("、")}）：请用 --as-of ISO-DATE 说明读取时间`,
  "cli.import.bad-file-date": (p) => `${p.file}：其“${p.key}”不是日期：${p.reason}`,
  "cli.import.future": (p) => `快照日期 ${p.date} 在未来（现在是 ${p.now}）：快照记录的是 Hub 说过的数据`,
  "cli.import.refused": (p) => `拒绝导入 ${p.file}：${p.problem}`,
  "cli.import.exists": (p) => `已有 ${p.date} 的快照（id ${p.ids}）：加 --replace 可替换它`,
  "cli.import.done": (p) =>
    `已从 ${p.file} 导入 ${p.models} 个模型，作为 ${p.date} 的快照 ${p.id}（跳过 ${p.skipped} 行${p.replaced > 0 ? `，替换了 ${p.replaced} 个快照` : ""}）。`,

  "cli.collect.done": (p) =>
    `快照 ${p.id} 采集于 ${p.date}：${p.models} 个模型，跳过 ${p.skipped} 条格式错误的记录，请求 Hub ${p.requests} 次${p.pruned > 0 ? `，清理了 ${p.pruned} 个旧快照` : ""}。`,

  "cli.snapshots.usage": "hubtrends snapshots list [--json] | hubtrends snapshots delete ID",
  "cli.snapshots.none": "没有已保存的快照。",
  "cli.snapshots.header.id": "id",
  "cli.snapshots.header.time": "采集时间（UTC）",
  "cli.snapshots.header.source": "来源",
  "cli.snapshots.header.models": "模型数",
  "cli.snapshots.header.skipped": "跳过",
  "cli.snapshots.header.note": "备注",
  "cli.snapshots.not-an-id": (p) => `“${p.typed}”不是快照 id（见 hubtrends snapshots list）`,
  "cli.snapshots.unknown-id": (p) => `没有快照 ${p.id}（见 hubtrends snapshots list）`,
  "cli.snapshots.deleted": (p) => `已删除快照 ${p.id}。`,

  "cli.chart.written": (p) => `图表已写入 ${p.file}（${p.width}×${p.height} 像素，${p.bytes} 字节）。`,
  "cli.chart.rank-line": (p) => `${p.rank}. ${p.name} · ${p.value} · ${p.region}`,
  "cli.chart.org-side": (p) => `${p.org}（${p.region}）`,
  "cli.chart.compare-line": (p) => `${p.metric}：${p.a} 对 ${p.b}`,

  "cli.stats.title": (p) => `Hub 趋势 · ${p.scope} · 快照 ${p.time}`,
  "cli.stats.all-regions": "全部地区",
  "cli.stats.counted": (p) => `统计口径：${p.sentence}（--by ${p.by} --cohort ${p.cohort}）。`,
  "cli.stats.universe": (p) =>
    `统计范围：${p.list}中的 ${p.models} 个模型，30 天下载量 ${p.downloads}；${p.coverage} 已归属地区${p.excluded > 0 ? `；不计入 ${p.excluded} 个测试用模型` : ""}。`,
  "cli.stats.list.top-downloads": (p) => `下载量前 ${p.size} 的模型`,
  "cli.stats.list.all": (p) => `本导入快照的 ${p.size} 个模型`,
  "cli.stats.regions": "各地区下载量占比",
  "cli.stats.orgs": "下载量最高的机构",
  "cli.stats.orgs-region": (p) => `${p.region}下载量最高的机构`,
  "cli.stats.models": "下载量最高的模型",
  "cli.stats.new-models": "新模型（近 8 周创建），按下载量排序",
  "cli.stats.new-per-week": "统计范围内每周的新模型数（周起始日，UTC）",
  "cli.stats.tasks": "按任务划分的下载量",
  "cli.stats.families": "机器人与科学（该类别的全部模型）",
  "cli.stats.sizes": "按模型规模划分的下载量",
  "cli.stats.comparison": (p) => `与 ${p.time} 的快照比较（${p.span}）`,
  "cli.stats.no-comparison": "还没有更早的快照可比。",
  "cli.stats.counts-unchanged": "下载量未变：Hub 尚未更新计数。",
  "cli.stats.exact-span": (p) => `${p.weeks} 周`,
  "cli.stats.nearest-span": (p) => `${p.days} 天，是最接近 ${p.weeks} 周的快照`,
  "cli.stats.movers": "变化最大的机构",
  "cli.stats.none": "无",
  "cli.stats.col.region": "地区",
  "cli.stats.col.share": "占比",
  "cli.stats.col.downloads": "下载量",
  "cli.stats.col.change": "变化",
  "cli.stats.col.models": "模型数",
  "cli.stats.col.org": "机构",
  "cli.stats.col.share-of-region": "占本地区",
  "cli.stats.col.model": "模型",
  "cli.stats.col.created": "创建于",
  "cli.stats.col.week": "周",
  "cli.stats.col.total": "合计",
  "cli.stats.col.task": "任务",
  "cli.stats.col.new": "新增",
  "cli.stats.col.size": "规模",
  "cli.stats.col.estimated": "其中由名称估计",
  "cli.stats.family.robotics": "机器人",
  "cli.stats.family.science": "科学",
};
