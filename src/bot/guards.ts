import { type ChatInputCommandInteraction, PermissionFlagsBits, type PermissionResolvable } from "discord.js";
import type { Cooldowns } from "./cooldowns.js";
import { UserFacingError } from "./user-facing-error.js";

const PERMISSION_NAMES: Record<string, string> = {
  [String(PermissionFlagsBits.ViewChannel)]: "View Channel",
  [String(PermissionFlagsBits.SendMessages)]: "Send Messages",
  [String(PermissionFlagsBits.EmbedLinks)]: "Embed Links",
  [String(PermissionFlagsBits.AttachFiles)]: "Attach Files",
};

/** The permissions an answer with a chart needs in the channel it is given in. */
export const CHART_ANSWER_PERMISSIONS = [
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
] as const;

/** Human names of the permissions in `needed` that `has` lacks. */
export function missingPermissionNames(
  has: { has(permission: PermissionResolvable, checkAdmin?: boolean): boolean },
  needed: readonly bigint[],
): string[] {
  return needed.filter((p) => !has.has(p)).map((p) => PERMISSION_NAMES[String(p)] ?? `permission ${p}`);
}

/**
 * Refuses, naming what is missing, when the bot cannot embed or attach in this channel. Discord
 * sends the bot's permissions in the interaction (`app_permissions`), so this costs no request.
 */
export function requireAnswerPermissions(interaction: ChatInputCommandInteraction): void {
  requireAppPermissions(interaction, CHART_ANSWER_PERMISSIONS, "post charts");
}

/** Refuses, naming it, when the bot may not embed links here (answers without a chart need only that). */
export function requireEmbedPermission(interaction: ChatInputCommandInteraction): void {
  requireAppPermissions(interaction, [PermissionFlagsBits.EmbedLinks], "answer");
}

/** Refuses, naming what is missing, when the bot lacks any of `needed` in this channel. */
function requireAppPermissions(
  interaction: ChatInputCommandInteraction,
  needed: readonly bigint[],
  doing: string,
): void {
  const missing = missingPermissionNames(interaction.appPermissions, needed);
  if (missing.length > 0) {
    throw new UserFacingError(
      "missing-permission",
      `I can't ${doing} in this channel: I am missing the ${missing.join(" and ")} permission${missing.length > 1 ? "s" : ""}. ` +
        "Ask a server admin to grant it to my role here, or try another channel.",
    );
  }
}

/** Applies a per-user cooldown; refuses with the time left. Call after the input is validated. */
export function requireCooldown(
  interaction: ChatInputCommandInteraction,
  cooldowns: Cooldowns,
  seconds: number,
): void {
  const leftMs = cooldowns.take(interaction.commandName, interaction.user.id, seconds * 1000);
  if (leftMs > 0) {
    const left = Math.ceil(leftMs / 1000);
    throw new UserFacingError(
      "cooldown",
      `Please wait ${left} second${left === 1 ? "" : "s"} before using /${interaction.commandName} again.`,
    );
  }
}
