import type { APIAllowedMentions, APIEmbed, RESTPostAPIChannelMessageJSONBody } from "discord.js";
import { type Locale, translator } from "../locales/index.js";
import { taskLabel } from "../services/charts/text.js";
import { regionLabel } from "../services/format/locale.js";
import { formatCompact, formatInteger } from "../services/format/numbers.js";
import type { AlertContent } from "../services/watches/compose-alert.js";
import { answerEmbed, NO_MENTIONS } from "./answers.js";
import { DISCORD_LIMITS, safeText } from "./discord-text.js";
import { threadName } from "./forum-posts.js";

/**
 * The alert as an embed in the watch's language. Every Hub string (model id, task, licence, base)
 * is escaped: markdown and mention syntax in a repo name render as text and ping nobody.
 */
export function alertEmbed(content: AlertContent, locale: Locale, at: Date): APIEmbed {
  const t = translator(locale);
  const org = safeText(content.modelId.slice(0, content.modelId.indexOf("/")) || content.modelId, 100);
  const notStated = t("watch-post.not-stated");
  const value = (text: string | null) =>
    text === null ? notStated : safeText(text, DISCORD_LIMITS.embedFieldValue);
  const fields = [
    {
      name: t("watch-post.task"),
      value: content.task === null ? notStated : value(taskLabel(content.task, locale)),
      inline: true,
    },
    {
      name: t("watch-post.size"),
      value:
        content.parameters === null
          ? notStated
          : t("watch-post.size-value", {
              size: formatCompact(content.parameters.value, locale),
              estimated: content.parameters.estimated,
            }),
      inline: true,
    },
    { name: t("watch-post.licence"), value: value(content.licence), inline: true },
    {
      name: t("watch-post.lineage"),
      value:
        content.base === null
          ? notStated
          : t("watch-post.lineage-value", {
              base: safeText(content.base.id, 300),
              origin: safeText(content.base.origin, 100),
              region: regionLabel(content.base.region, locale),
            }),
    },
  ];
  if (content.downloads !== null) {
    fields.push({
      name: t("watch-post.downloads"),
      value: formatInteger(content.downloads, locale),
      inline: true,
    });
  }
  if (content.trendingRank !== null) {
    fields.push({
      name: t("watch-post.trending"),
      value: t("watch-post.trending-value", { rank: content.trendingRank }),
      inline: true,
    });
  }
  const rank = content.trendingRank ?? 0;
  return answerEmbed({
    // Plain text: answerEmbed escapes the title.
    title:
      content.kind === "new"
        ? t("watch-post.new.title", { model: content.modelId })
        : t("watch-post.milestone.title", { model: content.modelId, rank }),
    description:
      content.kind === "new"
        ? t("watch-post.new.description", { org })
        : t("watch-post.milestone.description", { org, rank }),
    fields,
    // The key goes first so that no cut can lose it.
    footer: `${content.marker} · hubtrends`,
    timestamp: at.toISOString(),
    url: content.url,
  });
}

/** Only the watch's role may be mentioned, and only through the content's `<@&id>`; else nobody. */
export function alertMentions(roleId: string | null): APIAllowedMentions {
  return roleId === null ? NO_MENTIONS : { parse: [], roles: [roleId] };
}

/** The body of a channel (or thread) post of an alert, with the claim's nonce enforced. */
export function alertMessage(
  embed: APIEmbed,
  roleId: string | null,
  nonce: string,
): RESTPostAPIChannelMessageJSONBody {
  return {
    ...(roleId === null ? {} : { content: `<@&${roleId}>` }),
    embeds: [embed],
    allowed_mentions: alertMentions(roleId),
    nonce,
    enforce_nonce: true,
  };
}

/**
 * A forum post per alert: its name is the model id (plain text, cut to Discord's 100), the
 * message as in a channel. Thread creation takes no nonce: the claim and the search by marker
 * (the starter message's footer) are what keep it to one post.
 */
export function alertForumPost(embed: APIEmbed, roleId: string | null, modelId: string) {
  return {
    name: threadName(modelId),
    message: {
      ...(roleId === null ? {} : { content: `<@&${roleId}>` }),
      embeds: [embed],
      allowed_mentions: alertMentions(roleId),
    },
  };
}
