import { snowflake } from "./ids.js";
import type { StoredOverwrite } from "./permissions.js";
import { computePermissions, DEFAULT_EVERYONE_PERMISSIONS, toBits } from "./permissions.js";
import type { FakeGuildInit, FakeUserInit, RecordedFile } from "./types.js";

/** A user known to the fake. */
export interface UserState {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

/** A role of a guild. */
export interface RoleState {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
}

/** A guild channel. */
export interface ChannelState {
  id: string;
  guildId: string;
  name: string;
  type: number;
  position: number;
  parentId: string | null;
  topic: string | null;
  overwrites: StoredOverwrite[];
  lastMessageId: string | null;
  /** Who opened a thread (a forum post); absent for other channels. */
  ownerId?: string;
}

/** A guild member. */
export interface MemberState {
  userId: string;
  roleIds: string[];
  joinedAt: string;
}

/** A guild and everything in it. */
export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  joinedAt: string;
  roles: Map<string, RoleState>;
  channels: Map<string, ChannelState>;
  members: Map<string, MemberState>;
}

/** A message as stored: the API object the fake answers with plus the uploaded bytes of its attachments. */
export interface StoredMessage {
  channelId: string;
  api: Record<string, unknown>;
  files: Map<string, RecordedFile>;
}

/** An application command as Discord returns it. */
export type StoredCommand = Record<string, unknown> & { id: string; name: string; type: number };

/** Fills in a user the way Discord describes one. */
export function makeUser(init: FakeUserInit | undefined, fallbackName: string): UserState {
  return {
    id: init?.id ?? snowflake(),
    username: init?.username ?? fallbackName,
    globalName: init?.globalName === undefined ? null : init.globalName,
    bot: init?.bot ?? false,
  };
}

/** The mutable world behind the fake: guilds, channels, users, commands and messages. */
export class World {
  readonly guilds = new Map<string, GuildState>();
  readonly users = new Map<string, UserState>();
  readonly messages = new Map<string, StoredMessage>();
  /** Commands per scope: `"global"` or a guild id. */
  readonly commands = new Map<string, StoredCommand[]>();

  constructor(
    readonly bot: UserState,
    readonly applicationId: string,
  ) {
    this.users.set(bot.id, bot);
  }

  /** Adds a guild with the bot as a member; `@everyone` is created when the init does not define it. */
  addGuild(init: FakeGuildInit): GuildState {
    const now = new Date().toISOString();
    const roles = new Map<string, RoleState>();
    for (const [i, r] of (init.roles ?? []).entries()) {
      roles.set(r.id, {
        id: r.id,
        name: r.name,
        permissions: toBits(r.permissions),
        position: r.position ?? i + 1,
      });
    }
    if (!roles.has(init.id)) {
      const permissions =
        init.everyonePermissions === undefined
          ? DEFAULT_EVERYONE_PERMISSIONS
          : toBits(init.everyonePermissions);
      roles.set(init.id, { id: init.id, name: "@everyone", permissions, position: 0 });
    }
    const guild: GuildState = {
      id: init.id,
      name: init.name,
      ownerId: init.ownerId ?? snowflake(),
      preferredLocale: init.preferredLocale ?? "en-US",
      joinedAt: now,
      roles,
      channels: new Map(),
      members: new Map([
        [this.bot.id, { userId: this.bot.id, roleIds: init.botRoleIds ?? [], joinedAt: now }],
      ]),
    };
    for (const [position, c] of init.channels.entries()) {
      const overwrites: StoredOverwrite[] = (c.permissionOverwrites ?? []).map((o) => ({
        id: o.id,
        type: o.type,
        allow: toBits(o.allow),
        deny: toBits(o.deny),
      }));
      if (c.botPermissions) {
        overwrites.push({
          id: this.bot.id,
          type: 1,
          allow: toBits(c.botPermissions.allow),
          deny: toBits(c.botPermissions.deny),
        });
      }
      guild.channels.set(c.id, {
        id: c.id,
        guildId: init.id,
        name: c.name,
        type: c.type,
        position,
        parentId: c.parentId ?? null,
        topic: c.topic ?? null,
        overwrites,
        lastMessageId: null,
      });
    }
    this.guilds.set(guild.id, guild);
    return guild;
  }

  /** A live channel, or `undefined` when unknown, deleted, or in a guild the bot left. */
  channel(id: string): ChannelState | undefined {
    for (const guild of this.guilds.values()) {
      const channel = guild.channels.get(id);
      if (channel) return channel;
    }
    return undefined;
  }

  /** Removes a channel; later lookups fail as Discord's 10003 Unknown Channel. */
  deleteChannel(id: string): ChannelState | undefined {
    const channel = this.channel(id);
    if (!channel) return undefined;
    this.guilds.get(channel.guildId)?.channels.delete(id);
    return channel;
  }

  /** Makes sure a user is a member of the guild (interaction authors become members as on Discord). */
  ensureMember(guild: GuildState, user: UserState, roleIds: readonly string[]): MemberState {
    this.users.set(user.id, user);
    const existing = guild.members.get(user.id);
    if (existing && roleIds.length === 0) return existing;
    const member = {
      userId: user.id,
      roleIds: [...roleIds],
      joinedAt: existing?.joinedAt ?? new Date().toISOString(),
    };
    guild.members.set(user.id, member);
    return member;
  }

  /** Effective permissions of a member, in a channel when one is given. */
  permissionsOf(guild: GuildState, userId: string, channel?: ChannelState): bigint {
    const rolePermissions = new Map([...guild.roles.values()].map((r) => [r.id, r.permissions]));
    const roleIds = guild.members.get(userId)?.roleIds ?? [];
    return computePermissions(
      { guildId: guild.id, ownerId: guild.ownerId, rolePermissions },
      userId,
      roleIds,
      channel?.overwrites,
    );
  }

  /** The bot's permissions in a channel. */
  botPermissionsIn(channel: ChannelState): bigint {
    const guild = this.guilds.get(channel.guildId);
    return guild ? this.permissionsOf(guild, this.bot.id, channel) : 0n;
  }

  /**
   * Bulk-overwrites the commands of a scope. Like Discord, a command keeps its id when one with the same name
   * and type existed, so ids registered earlier stay valid.
   */
  overwriteCommands(scope: string, bodies: readonly Record<string, unknown>[]): StoredCommand[] {
    const previous = this.commands.get(scope) ?? [];
    const stored = bodies.map((body): StoredCommand => {
      const type = typeof body.type === "number" ? body.type : 1;
      const name = String(body.name);
      const kept = previous.find((c) => c.name === name && c.type === type);
      return {
        ...body,
        id: kept?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        type,
        name,
        description: typeof body.description === "string" ? body.description : "",
        default_member_permissions: body.default_member_permissions ?? null,
        nsfw: body.nsfw ?? false,
        integration_types: body.integration_types ?? [0],
        contexts: body.contexts ?? null,
        ...(scope === "global" ? {} : { guild_id: scope }),
      };
    });
    this.commands.set(scope, stored);
    return stored;
  }

  /** The registered chat-input command a guild member would see under this name (guild scope first). */
  findCommand(guildId: string, name: string, type: number): StoredCommand | undefined {
    const match = (c: StoredCommand): boolean => c.name === name && c.type === type;
    return this.commands.get(guildId)?.find(match) ?? this.commands.get("global")?.find(match);
  }
}
