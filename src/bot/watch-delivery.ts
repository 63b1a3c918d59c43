import { type APIMessage, ChannelType, type Client, type REST, Routes } from "discord.js";
import type { Logger } from "pino";
import type { Message, PermissionName } from "../locales/index.js";
import type { ModelRecord } from "../services/hub/types.js";
import type { RegionAttributor } from "../services/regions/attribution.js";
import type { DeliverAlert, FindExistingAlert } from "../services/watches/alert-attempt.js";
import type { Alert } from "../services/watches/alert-log.js";
import { type AlertContent, composeAlert, parseAlertMarker } from "../services/watches/compose-alert.js";
import type { Watch, WatchChannelKind } from "../services/watches/watch-settings.js";
import { askDiscord, ChannelRefusedError, classifyDigestError } from "./digest-delivery.js";
import { findForumPost, openForumPost } from "./forum-posts.js";
import { missingPermissions } from "./guards.js";
import { alertEmbed, alertForumPost, alertMessage } from "./watch-message.js";

/** How an alert would fare in a channel, judged from the gateway cache without asking Discord. */
export type WatchChannelAccess =
  | { kind: "ok"; channelKind: WatchChannelKind; readHistory: boolean; mentionEveryone: boolean }
  | { kind: "refused"; reason: Message; missing: PermissionName[] }
  | { kind: "unknown" };

const TEXT = [ChannelType.GuildText, ChannelType.GuildAnnouncement];
const THREADS = [ChannelType.PublicThread, ChannelType.PrivateThread, ChannelType.AnnouncementThread];
/** Channel types a watch may post in, for the `/watch add` channel option. */
export const WATCHABLE_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.AnnouncementThread,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.GuildForum,
] as const;

/** Where a channel of this type puts an alert; undefined for a type that takes none. */
export function channelKindOf(type: ChannelType): WatchChannelKind | undefined {
  if (TEXT.includes(type)) return null;
  if (THREADS.includes(type)) return "thread";
  return type === ChannelType.GuildForum ? "forum" : undefined;
}

/** What an alert needs where it goes: a forum post is a message too, in a thread the bot opens. */
function neededFor(kind: WatchChannelKind): PermissionName[] {
  return kind === "thread"
    ? ["ViewChannel", "SendMessagesInThreads", "EmbedLinks"]
    : ["ViewChannel", "SendMessages", "EmbedLinks"];
}

/**
 * The bot's standing in a watch's channel: a text or announcement channel, a thread, or a forum.
 * From the gateway cache, like {@link channelAccess} for digests (an interaction's resolved channel
 * carries the member's permissions, not the bot's).
 */
export function watchChannelAccess(client: Client, guildId: string, channelId: string): WatchChannelAccess {
  const guild = client.guilds.cache.get(guildId);
  if (guild === undefined || !guild.available) return { kind: "unknown" };
  const channel = guild.channels.cache.get(channelId);
  if (channel === undefined)
    return { kind: "refused", reason: { key: "channel.deleted", args: [] }, missing: [] };
  const channelKind = channelKindOf(channel.type);
  if (channelKind === undefined) {
    return { kind: "refused", reason: { key: "channel.not-text", args: [] }, missing: [] };
  }
  const me = guild.members.me;
  if (me === null) return { kind: "unknown" };
  const permissions = channel.permissionsFor(me);
  const has = (permission: bigint) => permissions.has(permission);
  const missing = missingPermissions(has, neededFor(channelKind));
  if (missing.length > 0) {
    return { kind: "refused", reason: { key: "channel.missing-permissions", args: [{ missing }] }, missing };
  }
  return {
    kind: "ok",
    channelKind,
    readHistory: missingPermissions(has, ["ReadMessageHistory"]).length === 0,
    // Lets the bot mention a role that is not mentionable.
    mentionEveryone: missingPermissions(has, ["MentionEveryone"]).length === 0,
  };
}

/** What the poller gets from the Discord layer. */
export interface WatchDelivery {
  deliver: DeliverAlert;
  findExisting: FindExistingAlert;
  classifyError: typeof classifyDigestError;
  /** The alert's content, as posted (also for `/watch test`). */
  compose(alert: Pick<Alert, "watchId" | "modelId" | "kind">, model: ModelRecord): AlertContent;
}

/** Recent messages searched for an earlier post: Discord's largest page. */
const SEARCH_LIMIT = 50;

/**
 * Posts alerts through the channel REST client (under Discord's global rate limit, with its
 * per-route queues) and finds them again. Refusals become {@link ChannelRefusedError}, which
 * pauses the watch (Unknown Channel 10003, Missing Access 50001, Missing Permissions 50013).
 */
export function createWatchDelivery(deps: {
  client: Client;
  rest: REST;
  regions: RegionAttributor;
  snapshotModels: () => readonly ModelRecord[] | null;
  hubUrl: string;
  clock: () => Date;
  logger: Logger;
  timeoutMs?: number;
}): WatchDelivery {
  const { client, rest, logger } = deps;
  const timeoutMs = deps.timeoutMs ?? 60_000;

  function check(watch: Watch): WatchChannelAccess {
    const access = watchChannelAccess(client, watch.guildId, watch.channelId);
    if (access.kind === "refused") throw new ChannelRefusedError(access.reason);
    return access;
  }

  const compose: WatchDelivery["compose"] = (alert, model) =>
    composeAlert({
      key: { watchId: alert.watchId, modelId: alert.modelId, kind: alert.kind },
      model,
      snapshotModels: deps.snapshotModels(),
      regions: deps.regions,
      hubUrl: deps.hubUrl,
    });

  return {
    compose,
    async deliver(watch, { alert, nonce }) {
      const access = check(watch);
      if (alert.model === null)
        throw new Error(`Alert of watch ${watch.id} for ${alert.modelId} has no model`);
      const embed = alertEmbed(compose(alert, alert.model), watch.language, deps.clock());
      const kind = access.kind === "ok" ? access.channelKind : watch.channelKind;
      const signal = AbortSignal.timeout(timeoutMs);
      if (kind === "forum") {
        // A forum post's starter message has the thread's id.
        const messageId = await askDiscord<string>(() =>
          openForumPost(rest, watch.channelId, {
            body: alertForumPost(embed, watch.roleId, alert.modelId),
            signal,
          }),
        );
        return { messageId };
      }
      const message = await askDiscord<APIMessage>(() =>
        rest.post(Routes.channelMessages(watch.channelId), {
          body: alertMessage(embed, watch.roleId, nonce),
          signal,
        }),
      );
      return { messageId: message.id };
    },
    async findExisting(watch, { alert }) {
      const access = check(watch);
      const botId = client.user?.id;
      const signal = AbortSignal.timeout(timeoutMs);
      const kind = access.kind === "ok" ? access.channelKind : watch.channelKind;
      const isOurs = (message: APIMessage) =>
        message.author.id === botId &&
        message.embeds.some((embed) => {
          const key = parseAlertMarker(embed.footer?.text ?? "");
          return key?.watchId === watch.id && key.modelId === alert.modelId && key.kind === alert.kind;
        });
      if (kind === "forum") {
        // Forum posts are threads: an active one the bot opened for this alert's model.
        const { name } = alertForumPost({}, null, alert.modelId);
        return askDiscord<string | null>(() =>
          findForumPost(rest, { guildId: watch.guildId, forumId: watch.channelId, botId, name, signal }),
        );
      }
      if (access.kind === "ok" && !access.readHistory) {
        logger.warn(
          { watchId: watch.id, guildId: watch.guildId, channelId: watch.channelId },
          "cannot look for an earlier alert without Read Message History; relying on the nonce",
        );
        return null;
      }
      const recent = await askDiscord<APIMessage[]>(() =>
        rest.get(Routes.channelMessages(watch.channelId), {
          query: new URLSearchParams({ limit: String(SEARCH_LIMIT) }),
          signal,
        }),
      );
      return recent.find(isOurs)?.id ?? null;
    },
    classifyError: classifyDigestError,
  };
}
