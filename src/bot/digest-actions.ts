import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { CommandServices } from "../commands/command.js";
import type { Digest } from "../services/digests/digest-store.js";
import { periodOf } from "../services/digests/schedule.js";
import { NoDataError } from "../services/snapshots/trends-service.js";
import { NO_MENTIONS } from "./answers.js";
import { withData } from "./data-notes.js";
import { ChannelRefusedError } from "./digest-delivery.js";
import { digestAnswer } from "./digest-message.js";
import { pickDigest, requireManageServer } from "./digest-options.js";
import { messageLink } from "./digest-text.js";
import { UserFacingError } from "./user-facing-error.js";

/** `/digest preview [id]`: the digest as it would be posted now, shown to the admin only. */
export async function digestPreview(
  interaction: ChatInputCommandInteraction,
  services: CommandServices,
): Promise<void> {
  const guildId = requireManageServer(interaction);
  const digest = pickDigest(interaction, services.digests.store, guildId);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const period = periodOf(digest, services.clock());
  const rendered = await withData(
    () => services.digests.messages.render(digest, period),
    services.collection,
    services.clock,
  );
  await interaction.editReply({
    content: `Preview of digest #${digest.id}, as it would be posted in <#${digest.channelId}> now:`,
    ...digestAnswer(rendered),
  });
}

/**
 * `/digest send-now [id]`: posts the digest now as this week's post, through the scheduler, so
 * the scheduled post of the week does not follow (and a week already posted is not posted again).
 */
export async function digestSendNow(
  interaction: ChatInputCommandInteraction,
  services: CommandServices,
): Promise<void> {
  const guildId = requireManageServer(interaction);
  const { store, access } = services.digests;
  const digest = pickDigest(interaction, store, guildId);
  if (digest.pausedReason !== null) {
    throw new UserFacingError(
      "digest-paused",
      `Digest #${digest.id} is paused: ${digest.pausedReason}. Fix that, then \`/digest set id:${digest.id}\` resumes it; send-now works again after that.`,
    );
  }
  if (!digest.enabled) {
    throw new UserFacingError(
      "digest-off",
      `Digest #${digest.id} is off. \`/digest set id:${digest.id}\` turns it back on.`,
    );
  }
  const standing = access(guildId, digest.channelId);
  if (standing.kind === "refused") {
    throw new UserFacingError(
      "digest-missing-permission",
      `I can't post digest #${digest.id} in <#${digest.channelId}>: ${standing.reason}. Nothing was posted.`,
    );
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await withData(() => sendNow(digest, services), services.collection, services.clock);
  const where = `<#${digest.channelId}>`;
  const content =
    result.status === "posted"
      ? `Digest #${digest.id} is posted in ${where}: ${messageLink(guildId, digest.channelId, result.messageId)}. It counts as this week's post (${result.period}), so the scheduled one will not follow.`
      : result.status === "already-posted"
        ? `Digest #${digest.id} was already posted this week (${result.period})${result.messageId === null ? "" : `: ${messageLink(guildId, digest.channelId, result.messageId)}`}. The next one follows on schedule.`
        : `Digest #${digest.id} is being posted for this week (${result.period}) right now; it will appear in ${where} in a moment.`;
  await interaction.editReply({ content, allowedMentions: NO_MENTIONS });
}

/** The scheduler's send-now, with its delivery errors explained (it has recorded them already). */
async function sendNow(digest: Digest, services: CommandServices) {
  try {
    return await services.digests.scheduler.sendNow(digest);
  } catch (error) {
    if (error instanceof ChannelRefusedError) {
      throw new UserFacingError(
        "digest-refused",
        `Discord refused the post in <#${digest.channelId}>: ${error.message}. Digest #${digest.id} is paused until you fix that and run \`/digest set id:${digest.id}\`.`,
      );
    }
    // No snapshot and no Hub: withData explains that.
    if (error instanceof UserFacingError || error instanceof NoDataError) throw error;
    services.logger.warn({ err: error, digestId: digest.id, guildId: digest.guildId }, "send-now failed");
    throw new UserFacingError(
      "digest-send-failed",
      `Discord did not take the post just now (${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}). Try again in a minute; the scheduler also retries on its own.`,
    );
  }
}

/** `/digest off [id]`: stops posting; the settings stay, and `/digest set id:…` turns it back on. */
export async function digestOff(
  interaction: ChatInputCommandInteraction,
  services: CommandServices,
): Promise<void> {
  const guildId = requireManageServer(interaction);
  const { store } = services.digests;
  const digest = pickDigest(interaction, store, guildId);
  store.setEnabled(guildId, digest.id, false);
  await interaction.reply({
    content: `Digest #${digest.id} is off: nothing more goes to <#${digest.channelId}>. Its settings are kept; \`/digest set id:${digest.id}\` with the same options turns it back on.`,
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
