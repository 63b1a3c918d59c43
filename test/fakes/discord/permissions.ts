import type { PermissionInput } from "./types.js";

/** The permission bits the fake reasons about (values as in Discord's documentation). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission bit Discord defines today; what an administrator (or the owner) gets. */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** What `@everyone` may do in a fresh fake guild: read, write, embed, attach and use commands. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.Connect |
  Permission.Speak |
  Permission.ChangeNickname |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

/** Accepts discord.js's bigint flags or Discord's decimal strings. */
export function toBits(input: PermissionInput | undefined): bigint {
  if (input === undefined) return 0n;
  return typeof input === "bigint" ? input : BigInt(input);
}

/** An overwrite as stored by the fake. */
export interface StoredOverwrite {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

/** What permission computation needs to know about a guild. */
export interface PermissionContext {
  guildId: string;
  ownerId: string;
  rolePermissions: ReadonlyMap<string, bigint>;
}

/**
 * Discord's documented algorithm: base permissions from @everyone and the member's roles, administrator and
 * owner short-circuit, then the channel's @everyone, role and member overwrites in that order.
 */
export function computePermissions(
  guild: PermissionContext,
  userId: string,
  roleIds: readonly string[],
  overwrites: readonly StoredOverwrite[] | undefined,
): bigint {
  if (userId === guild.ownerId) return ALL_PERMISSIONS;
  let base = guild.rolePermissions.get(guild.guildId) ?? 0n;
  for (const roleId of roleIds) base |= guild.rolePermissions.get(roleId) ?? 0n;
  if ((base & Permission.Administrator) !== 0n) return ALL_PERMISSIONS;
  if (!overwrites) return base;

  let perms = base;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === guild.guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && roleIds.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const member = overwrites.find((o) => o.type === 1 && o.id === userId);
  if (member) perms = (perms & ~member.deny) | member.allow;
  return perms;
}
