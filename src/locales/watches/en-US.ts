/**
 * The words of watches in English: `/watch` and the alerts it posts. Spread into `en-US.ts`.
 * Hub names arrive escaped; channels, roles and times arrive as Discord mentions and timestamps.
 */

const bold = (text: string) => `**${text}**`;

export const watchesEnUS = {
  // The alert post.
  "watch-post.new.title": (p: { model: string }) => `New model: ${p.model}`,
  "watch-post.new.description": (p: { org: string }) =>
    `${bold(p.org)} published a new model on the Hugging Face Hub.`,
  "watch-post.milestone.title": (p: { model: string; rank: number }) => `Trending #${p.rank}: ${p.model}`,
  "watch-post.milestone.description": (p: { org: string; rank: number }) =>
    `A model of ${bold(p.org)} entered the Hub's trending top 20, at #${p.rank}.`,
  "watch-post.task": "Task",
  "watch-post.size": "Size",
  "watch-post.size-value": (p: { size: string; estimated: boolean }) =>
    p.estimated ? `about ${p.size} parameters (from its name)` : `${p.size} parameters`,
  "watch-post.licence": "Licence",
  "watch-post.lineage": "Base model (lineage)",
  "watch-post.lineage-value": (p: { base: string; origin: string; region: string }) =>
    `${p.base}, credited to ${p.origin} (${p.region})`,
  "watch-post.downloads": "Downloads (30 days)",
  "watch-post.trending": "Trending rank",
  "watch-post.trending-value": (p: { rank: number }) => `#${p.rank}`,
  "watch-post.not-stated": "not stated",
  "watch-post.sample": "Sample alert: this is how this watch's alerts look. Nothing was posted.",

  // /watch
  "watch.description": "Alerts when a Hub organisation releases a model (Manage Server)",
  "watch.add.description": "Post in a channel when a Hub organisation or user publishes a model",
  "watch.add.org": "Hub organisation or user, e.g. Qwen, deepseek-ai",
  "watch.add.channel": "Text or announcement channel, thread, or forum (a post per alert)",
  "watch.add.min-downloads": "Wait until a new model has this many downloads (30 days)",
  "watch.add.role": "Role to mention in each alert (the only mention it makes)",
  "watch.add.language": "Language of the alerts (default: the server's)",
  "watch.list.description": "List this server's watches: org, channel, filters, last alert, problems",
  "watch.remove.description": "Stop a watch and delete it",
  "watch.test.description": "See a sample alert of a watch (only you see it)",
  "watch.id": "Watch number, from /watch list",

  "watch.guild-only": "Watches belong to a server: use /watch in a server channel.",
  "watch.unknown-org": (p: { typed: string; guesses: readonly string[] }) =>
    `The Hub has no organisation or user called ${bold(p.typed)}.` +
    (p.guesses.length === 0 ? "" : ` Did you mean ${p.guesses.map(bold).join(" or ")}?`),
  "watch.bad-org": (p: { typed: string }) =>
    `${bold(p.typed)} cannot be a Hub name: use letters, digits, "-", "_" or "." (e.g. Qwen, deepseek-ai).`,
  "watch.org-unchecked": "I could not reach the Hub to check that name. Please try again in a few minutes.",
  "watch.channel-type": (p: { channel: string }) =>
    `${p.channel} cannot take alerts: choose a text or announcement channel, a thread, or a forum.`,
  "watch.cannot-post": (p: { channel: string; reason: string }) =>
    `I cannot post in ${p.channel}: ${p.reason}. Fix that, then add the watch again.`,
  "watch.role-not-mentionable": (p: { role: string }) =>
    `I am not allowed to mention ${p.role}: make it mentionable, or give me Mention Everyone, then try again.`,
  "watch.limit": (p: { limit: number }) =>
    `This server already has ${p.limit} watches, the most allowed. Remove one with \`/watch remove\` first.`,
  "watch.unknown": (p: { id: number }) => `This server has no watch #${p.id}. \`/watch list\` shows them.`,
  "watch.created": (p: { id: number; org: string; channel: string; filters: string }) =>
    `Watch #${p.id} set up: new models of ${bold(p.org)} will be posted in ${p.channel} (${p.filters}). ` +
    "Models that exist now are not posted; the first alert comes with the next release.",
  "watch.removed": (p: { id: number; org: string }) => `Watch #${p.id} of ${bold(p.org)} removed.`,
  "watch.filters.none": "every new model, no mention",
  "watch.filters.min": (p: { count: string }) => `from ${p.count} downloads`,
  "watch.filters.role": (p: { role: string }) => `mentioning ${p.role}`,
  "watch.list.none": "This server has no watches yet. Add one with `/watch add`.",
  "watch.list.title": (p: { count: number; max: number }) => `Watches (${p.count} of ${p.max})`,
  "watch.list.entry": (p: { id: number; org: string; channel: string; filters: string; last: string }) =>
    `**#${p.id}** ${bold(p.org)} → ${p.channel} · ${p.filters} · last alert: ${p.last}`,
  "watch.list.never": "none yet",
  "watch.list.paused": (p: { reason: string }) =>
    `Paused: ${p.reason}. Remove the watch and add it again once fixed.`,
  "watch.list.error": (p: { error: string }) => `Last problem: ${p.error}`,
};

export type WatchMessages = typeof watchesEnUS;
