import {
  type APIChannel,
  type APIMessage,
  ChannelType,
  type Client,
  DiscordAPIError,
  type REST,
  RESTJSONErrorCodes,
  Routes,
} from "discord.js";
import type { Logger } from "pino";
import { DEFAULT_LOCALE, type Message, type PermissionName, render } from "../locales/index.js";
import { digestTitle, parseDigestMarker } from "../services/digests/compose-digest.js";
import type {
  DeliverDigest,
  ErrorDisposition,
  FindExistingPost,
} from "../services/digests/digest-scheduler.js";
import type { Digest } from "../services/digests/digest-store.js";
import type { DigestMessages } from "./digest-message.js";
import { digestForumPost, digestPost, digestThreadName } from "./digest-message.js";
import { findForumPost, openForumPost } from "./forum-posts.js";
import { missingPermissions } from "./guards.js";

/** What the bot needs in a digest's channel to post it. */
export const DIGEST_POST_PERMISSIONS: readonly PermissionName[] = [
  "ViewChannel",
  "SendMessages",
  "EmbedLinks",
  "AttachFiles",
];

/** How a post would fare in a channel, judged from the gateway cache without asking Discord. */
export type ChannelAccess =
  /**
   * `readHistory`: whether the bot can look for an earlier post after a crash (in a forum it
   * looks among active threads, which needs no Read Message History). `forum`: each week's
   * digest is a forum post of its own.
   */
  | { kind: "ok"; readHistory: boolean; forum: boolean }
  /** `reason` is written for admins in their language; `missing` names what to grant. */
  | { kind: "refused"; reason: Message; missing: PermissionName[] }
  /** The guild is not cached (an outage, or another shard): let Discord answer. */
  | { kind: "unknown" };

/** Channel types the bot posts digests in: text and announcement channels, threads, forums. */
export const POSTABLE_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
  ChannelType.GuildForum,
] as const;

const THREAD_TYPES: readonly ChannelType[] = [
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
];

/**
 * The bot's standing in a channel, from the gateway cache: whether it exists, is a text or
 * announcement channel, a thread or a forum, and what the bot may do there. Not from an interaction's resolved
 * channel: Discord fills its `permissions` with the invoking member's permissions, not the bot's.
 */
export function channelAccess(client: Client, guildId: string, channelId: string): ChannelAccess {
  const guild = client.guilds.cache.get(guildId);
  if (guild === undefined || !guild.available) return { kind: "unknown" };
  const channel = guild.channels.cache.get(channelId);
  if (channel === undefined)
    return { kind: "refused", reason: { key: "channel.deleted", args: [] }, missing: [] };
  if (!(POSTABLE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type)) {
    return { kind: "refused", reason: { key: "channel.not-text", args: [] }, missing: [] };
  }
  const me = guild.members.me;
  if (me === null) return { kind: "unknown" };
  const permissions = channel.permissionsFor(me);
  const has = (permission: bigint) => permissions.has(permission);
  // In a thread Discord asks for Send Messages in Threads instead of Send Messages.
  const needed = THREAD_TYPES.includes(channel.type)
    ? DIGEST_POST_PERMISSIONS.map(
        (name): PermissionName => (name === "SendMessages" ? "SendMessagesInThreads" : name),
      )
    : DIGEST_POST_PERMISSIONS;
  // In a forum, Send Messages is what lets the bot create posts (Discord's "Create Posts").
  const missing = missingPermissions(has, needed);
  if (missing.length > 0) {
    return { kind: "refused", reason: { key: "channel.missing-permissions", args: [{ missing }] }, missing };
  }
  const forum = channel.type === ChannelType.GuildForum;
  return {
    kind: "ok",
    readHistory: forum || missingPermissions(has, ["ReadMessageHistory"]).length === 0,
    forum,
  };
}

/**
 * The channel will not take the digest until an admin acts. `reason` is what `/digest` tells
 * admins; the message, its English text, is what the scheduler records as the pause reason.
 */
export class ChannelRefusedError extends Error {
  override readonly name = "ChannelRefusedError";

  constructor(
    readonly reason: Message,
    options?: ErrorOptions,
  ) {
    super(render(DEFAULT_LOCALE, reason), options);
  }
}

/** Discord's answers that no retry can change: retrying only earns invalid requests (an IP ban at 10,000). */
const REFUSALS: ReadonlyMap<number, Message> = new Map<number, Message>([
  [RESTJSONErrorCodes.UnknownChannel, { key: "channel.discord-unknown-channel", args: [] }],
  [RESTJSONErrorCodes.UnknownGuild, { key: "channel.discord-unknown-guild", args: [] }],
  [RESTJSONErrorCodes.MissingAccess, { key: "channel.discord-missing-access", args: [] }],
  [RESTJSONErrorCodes.MissingPermissions, { key: "channel.discord-missing-permissions", args: [] }],
  [RESTJSONErrorCodes.CannotSendMessagesInNonTextChannel, { key: "channel.discord-not-text", args: [] }],
]);

/** A Discord refusal as a {@link ChannelRefusedError}; anything else unchanged (watches use it too). */
export function explainRefusal(error: unknown): unknown {
  if (error instanceof DiscordAPIError && typeof error.code === "number") {
    const reason = REFUSALS.get(error.code);
    if (reason !== undefined) return new ChannelRefusedError(reason, { cause: error });
  }
  return error;
}

/** Refusal: pause. Rate limits, 5xx, network trouble, time-outs, no data yet: retry. */
export function classifyDigestError(error: unknown): ErrorDisposition {
  return explainRefusal(error) instanceof ChannelRefusedError ? "pause" : "retry";
}

/** `work`, or a rejection once `ms` have passed. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** `work`'s answer, Discord's refusals as {@link ChannelRefusedError} (watches use it too). */
export async function askDiscord<T>(work: () => Promise<unknown>): Promise<T> {
  try {
    return (await work()) as T;
  } catch (error) {
    throw explainRefusal(error);
  }
}

/** What the scheduler gets from the Discord layer. */
export interface DigestDelivery {
  deliver: DeliverDigest;
  findExisting: FindExistingPost;
  classifyError: (error: unknown) => ErrorDisposition;
}

/** Recent messages searched for an earlier post: Discord's largest page. */
const SEARCH_LIMIT = 50;

/**
 * Posts digests through a REST manager under Discord's global rate limit (its per-route queues
 * and rate-limit handling apply) and finds them again. Composing and each request are given up after
 * `timeoutMs` (60 s by default), well inside the scheduler's 5-minute claim timeout, so a delivery
 * settles before anyone takes its claim over. (A request aborted after Discord took it is what
 * the nonce and `findExisting` are for.)
 */
export function createDigestDelivery(deps: {
  client: Client;
  rest: REST;
  messages: DigestMessages;
  logger: Logger;
  timeoutMs?: number;
}): DigestDelivery {
  const { client, rest, messages, logger } = deps;
  const timeoutMs = deps.timeoutMs ?? 60_000;

  /** Refuses, without a request, a post the cache says Discord would refuse. */
  function check(digest: Digest): ChannelAccess {
    const access = channelAccess(client, digest.guildId, digest.channelId);
    if (access.kind === "refused") throw new ChannelRefusedError(access.reason);
    return access;
  }

  /**
   * Whether the digest's channel is a forum: from the cache, else (the guild not cached, during
   * an outage) from Discord, so that a forum's digest is not sent as a channel message.
   */
  async function isForum(digest: Digest, access: ChannelAccess): Promise<boolean> {
    if (access.kind === "ok") return access.forum;
    const channel = await askDiscord<APIChannel>(() =>
      rest.get(Routes.channel(digest.channelId), { signal: AbortSignal.timeout(timeoutMs) }),
    );
    return channel.type === ChannelType.GuildForum;
  }

  return {
    async deliver(digest, delivery) {
      const access = check(digest);
      // Nothing is posted while composing, so giving up on a slow one (the Hub, when no
      // snapshot is stored yet) is safe; the scheduler retries.
      const rendered = await within(
        timeoutMs,
        "composing the digest",
        messages.render(digest, delivery.period),
      );
      const signal = AbortSignal.timeout(timeoutMs);
      if (await isForum(digest, access)) {
        // A forum post's starter message has the thread's id.
        const messageId = await askDiscord<string>(() =>
          openForumPost(rest, digest.channelId, { ...digestForumPost(rendered, digest), signal }),
        );
        return { messageId };
      }
      const { body, files } = digestPost(rendered, delivery.nonce, digest.roleId);
      const message = await askDiscord<APIMessage>(() =>
        rest.post(Routes.channelMessages(digest.channelId), { body, files, signal }),
      );
      return { messageId: message.id };
    },

    async findExisting(digest, delivery) {
      const access = check(digest);
      const botId = client.user?.id;
      if (await isForum(digest, access)) {
        // This week's forum post: an active thread the bot opened in the forum, named for the week.
        const name = digestThreadName(
          digestTitle(digest.region, digest.language, delivery.period),
          digest.id,
        );
        return askDiscord<string | null>(() =>
          findForumPost(rest, {
            guildId: digest.guildId,
            forumId: digest.channelId,
            botId,
            name,
            signal: AbortSignal.timeout(timeoutMs),
          }),
        );
      }
      if (access.kind === "ok" && !access.readHistory) {
        // Discord lists no messages without Read Message History; the nonce is all we have.
        logger.warn(
          {
            digestId: digest.id,
            guildId: digest.guildId,
            channelId: digest.channelId,
            period: delivery.period,
          },
          "cannot look for an earlier digest post without Read Message History; relying on the nonce",
        );
        return null;
      }
      const recent = await askDiscord<APIMessage[]>(() =>
        rest.get(Routes.channelMessages(digest.channelId), {
          query: new URLSearchParams({ limit: String(SEARCH_LIMIT) }),
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
      const found = recent.find(
        (message) =>
          message.author.id === botId &&
          message.embeds.some((embed) => {
            const key = parseDigestMarker(embed.footer?.text ?? "");
            return key?.digestId === digest.id && key.period === delivery.period;
          }),
      );
      return found?.id ?? null;
    },

    classifyError: classifyDigestError,
  };
}
