import { snowflake } from "./ids.js";
import type {
  ChannelState,
  GuildState,
  MemberState,
  RoleState,
  StoredMessage,
  UserState,
  World,
} from "./state.js";
import type { RecordedFile } from "./types.js";

/** Discord's message flag for the "is thinking..." placeholder of a deferred interaction. */
export const MESSAGE_FLAG_LOADING = 128;

/** A user object as Discord sends it. */
export function userPayload(user: UserState): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    discriminator: user.bot ? "0000" : "0",
    global_name: user.globalName,
    avatar: null,
    public_flags: 0,
    flags: 0,
    ...(user.bot ? { bot: true } : {}),
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

/** A role object. */
export function rolePayload(role: RoleState): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

/** A guild channel object (GUILD_CREATE omits `guild_id`; REST and events carry it). */
export function channelPayload(channel: ChannelState, withGuildId = true): Record<string, unknown> {
  return {
    id: channel.id,
    type: channel.type,
    ...(withGuildId ? { guild_id: channel.guildId } : {}),
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId,
    topic: channel.topic,
    nsfw: false,
    flags: 0,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    ...(channel.ownerId === undefined
      ? {}
      : {
          owner_id: channel.ownerId,
          thread_metadata: {
            archived: false,
            auto_archive_duration: 4320,
            archive_timestamp: new Date(0).toISOString(),
            locked: false,
          },
          message_count: 1,
          member_count: 1,
        }),
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
  };
}

/** A guild member object. */
export function memberPayload(world: World, member: MemberState): Record<string, unknown> {
  const user = world.users.get(member.userId);
  return {
    ...(user ? { user: userPayload(user) } : {}),
    roles: member.roleIds,
    nick: null,
    avatar: null,
    banner: null,
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A full guild object as in GUILD_CREATE (REST's `GET /guilds/:id` is the same minus the gateway extras). */
export function guildPayload(
  world: World,
  guild: GuildState,
  gatewayExtras: boolean,
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    region: "deprecated",
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    preferred_locale: guild.preferredLocale,
    features: [],
    roles: [...guild.roles.values()].map(rolePayload),
    emojis: [],
    stickers: [],
    application_id: null,
    max_members: 500000,
    max_video_channel_users: 25,
  };
  if (!gatewayExtras) return base;
  return {
    ...base,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    members: [...guild.members.values()].map((m) => memberPayload(world, m)),
    channels: [...guild.channels.values()].map((c) => channelPayload(c, false)),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
  };
}

/** Width and height from a PNG's IHDR chunk, as Discord reports them for image attachments. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Who a message comes from and what it is attached to. */
export interface MessageOrigin {
  channelId: string;
  guildId: string | undefined;
  author: UserState;
  /** 0 for a plain message, 20 for a reply to a chat-input command. */
  type: number;
  webhookId?: string;
  applicationId?: string;
  interaction?: { id: string; type: number; name: string; user: UserState };
}

/**
 * Applies a create or edit body to a stored message and returns it, the way Discord does: new files are attached,
 * `attachments` in the body decides which existing ones stay, and `attachment://name` URLs in embeds are
 * resolved to the CDN URL of the attachment (served by the fake itself).
 */
export function applyMessageBody(
  cdnBase: string,
  origin: MessageOrigin,
  body: Record<string, unknown>,
  files: readonly RecordedFile[],
  existing: StoredMessage | undefined,
): StoredMessage {
  const id = existing ? String(existing.api.id) : snowflake();
  const keptIds = Array.isArray(body.attachments)
    ? new Set(body.attachments.map((a: { id?: unknown }) => String(a.id)))
    : undefined;
  const stored: StoredMessage = { channelId: origin.channelId, api: {}, files: new Map() };
  const attachments: Record<string, unknown>[] = [];
  for (const old of (existing?.api.attachments as Record<string, unknown>[] | undefined) ?? []) {
    const oldId = String(old.id);
    const file = existing?.files.get(oldId);
    if (file && (keptIds === undefined || keptIds.has(oldId))) {
      attachments.push(old);
      stored.files.set(oldId, file);
    }
  }
  for (const file of files) {
    const attachmentId = snowflake();
    const url = `${cdnBase}/attachments/${origin.channelId}/${attachmentId}/${encodeURIComponent(file.name)}`;
    attachments.push({
      id: attachmentId,
      filename: file.name,
      size: file.bytes.byteLength,
      url,
      proxy_url: url,
      content_type: file.contentType,
      ...pngSize(file.bytes),
    });
    stored.files.set(attachmentId, file);
  }
  const byName = new Map(attachments.map((a) => [String(a.filename), a]));
  const resolveUrl = (media: unknown): unknown => {
    if (typeof media !== "object" || media === null) return media;
    const m = media as Record<string, unknown>;
    const url = typeof m.url === "string" ? m.url : undefined;
    const attachment = url?.startsWith("attachment://")
      ? byName.get(url.slice("attachment://".length))
      : undefined;
    if (!attachment) return media;
    return {
      ...m,
      url: attachment.url,
      proxy_url: attachment.proxy_url,
      width: attachment.width,
      height: attachment.height,
    };
  };
  const source = { ...(existing?.api ?? {}), ...body };
  const embeds = Array.isArray(source.embeds)
    ? source.embeds.map((e: Record<string, unknown>) => ({
        type: "rich",
        ...e,
        ...(e.image ? { image: resolveUrl(e.image) } : {}),
        ...(e.thumbnail ? { thumbnail: resolveUrl(e.thumbnail) } : {}),
      }))
    : [];
  const flags = typeof body.flags === "number" ? body.flags : Number(existing?.api.flags ?? 0);
  stored.api = {
    id,
    type: origin.type,
    content: typeof source.content === "string" ? source.content : "",
    channel_id: origin.channelId,
    ...(origin.guildId ? { guild_id: origin.guildId } : {}),
    author: userPayload(origin.author),
    attachments,
    embeds,
    components: Array.isArray(source.components) ? source.components : [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: body.tts === true,
    timestamp: existing ? existing.api.timestamp : new Date().toISOString(),
    edited_timestamp: existing ? new Date().toISOString() : null,
    // An edit of the deferred placeholder turns it into the real answer.
    flags: existing ? flags & ~MESSAGE_FLAG_LOADING : flags,
    ...(origin.webhookId ? { webhook_id: origin.webhookId } : {}),
    ...(origin.applicationId ? { application_id: origin.applicationId } : {}),
    ...(origin.interaction
      ? {
          interaction_metadata: {
            id: origin.interaction.id,
            type: origin.interaction.type,
            name: origin.interaction.name,
            user: userPayload(origin.interaction.user),
            authorizing_integration_owners: origin.guildId ? { "0": origin.guildId } : {},
          },
          interaction: {
            id: origin.interaction.id,
            type: origin.interaction.type,
            name: origin.interaction.name,
            user: userPayload(origin.interaction.user),
          },
        }
      : {}),
  };
  return stored;
}
