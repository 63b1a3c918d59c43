import type { WatchMessages } from "./en-US.js";

/** The words of watches in simplified Chinese: the keys and parameters of watches/en-US.ts. */

const bold = (text: string) => `**${text}**`;

export const watchesZhCN: WatchMessages = {
  "watch-post.new.title": (p) => `新模型：${p.model}`,
  "watch-post.new.description": (p) => `${bold(p.org)} 在 Hugging Face Hub 上发布了新模型。`,
  "watch-post.milestone.title": (p) => `热门第 ${p.rank} 名：${p.model}`,
  "watch-post.milestone.description": (p) =>
    `${bold(p.org)} 的一个模型进入 Hub 热门榜前 20，排第 ${p.rank} 名。`,
  "watch-post.task": "任务",
  "watch-post.size": "规模",
  "watch-post.size-value": (p) => (p.estimated ? `约 ${p.size} 参数（据名称估计）` : `${p.size} 参数`),
  "watch-post.licence": "许可证",
  "watch-post.lineage": "基础模型（谱系）",
  "watch-post.lineage-value": (p) => `${p.base}，归于 ${p.origin}（${p.region}）`,
  "watch-post.downloads": "下载量（30 天）",
  "watch-post.trending": "热门排名",
  "watch-post.trending-value": (p) => `第 ${p.rank} 名`,
  "watch-post.not-stated": "未注明",
  "watch-post.sample": "示例提醒：此关注的提醒就是这个样子。没有发布任何内容。",

  "watch.description": "在 Hub 机构发布模型时提醒（需要“管理服务器”权限）",
  "watch.add.description": "在 Hub 机构或用户发布模型时发到频道",
  "watch.add.org": "Hub 机构或用户，例如 Qwen、deepseek-ai",
  "watch.add.channel": "文字或公告频道、子区，或论坛（每条提醒一个帖子）",
  "watch.add.min-downloads": "新模型下载量（30 天）达到此数后才提醒",
  "watch.add.role": "每条提醒提及的身份组（唯一会提及的对象）",
  "watch.add.language": "提醒的语言（默认：服务器的语言）",
  "watch.list.description": "列出本服务器的关注：机构、频道、条件、上次提醒、问题",
  "watch.remove.description": "停止并删除一个关注",
  "watch.test.description": "查看某个关注的示例提醒（仅你可见）",
  "watch.id": "关注编号，见 /watch list",

  "watch.guild-only": "关注属于服务器：请在服务器频道中使用 /watch。",
  "watch.unknown-org": (p) =>
    `Hub 上没有名为 ${bold(p.typed)} 的机构或用户。` +
    (p.guesses.length === 0 ? "" : `你是不是想找 ${p.guesses.map(bold).join("或")}？`),
  "watch.bad-org": (p) =>
    `${bold(p.typed)} 不可能是 Hub 名称：只能用字母、数字、“-”、“_”或“.”（例如 Qwen、deepseek-ai）。`,
  "watch.org-unchecked": "暂时无法连接 Hub 来核对这个名称。请几分钟后再试。",
  "watch.channel-type": (p) => `${p.channel} 不能接收提醒：请选择文字或公告频道、子区或论坛。`,
  "watch.cannot-post": (p) => `我无法在 ${p.channel} 发帖：${p.reason}。解决后请重新添加关注。`,
  "watch.role-not-mentionable": (p) =>
    `我无权提及 ${p.role}：请将其设为可提及，或授予我“提及所有人”权限后再试。`,
  "watch.limit": (p) => `本服务器已有 ${p.limit} 个关注，已达上限。请先用 \`/watch remove\` 删除一个。`,
  "watch.unknown": (p) => `本服务器没有第 ${p.id} 号关注。\`/watch list\` 可查看全部。`,
  "watch.created": (p) =>
    `第 ${p.id} 号关注已设置：${bold(p.org)} 的新模型将发到 ${p.channel}（${p.filters}）。` +
    "现有模型不会发布；下一次发布时会收到第一条提醒。",
  "watch.removed": (p) => `已删除 ${bold(p.org)} 的第 ${p.id} 号关注。`,
  "watch.filters.none": "所有新模型，不提及任何人",
  "watch.filters.min": (p) => `下载量达到 ${p.count} 起`,
  "watch.filters.role": (p) => `提及 ${p.role}`,
  "watch.list.none": "本服务器还没有关注。用 `/watch add` 添加一个。",
  "watch.list.title": (p) => `关注（${p.count}/${p.max}）`,
  "watch.list.entry": (p) =>
    `**#${p.id}** ${bold(p.org)} → ${p.channel} · ${p.filters} · 上次提醒：${p.last}`,
  "watch.list.never": "尚无",
  "watch.list.paused": (p) => `已暂停：${p.reason}。解决后请删除此关注并重新添加。`,
  "watch.list.error": (p) => `最近的问题：${p.error}`,
};
