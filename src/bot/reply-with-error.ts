import { randomBytes } from "node:crypto";
import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { Logger } from "pino";
import { StorageUnavailableError } from "../services/storage/errors.js";
import { storageRefusal } from "./fault-text.js";
import { localeFor } from "./locale.js";
import { UserFacingError } from "./user-facing-error.js";

/**
 * The one place a command failure becomes an answer (commands throw, they do not catch). Expected
 * failures show their message; anything else is logged with an error id the user can quote.
 * Follows the interaction's state: followUp if replied, editReply if deferred, else reply.
 */
export async function replyWithError(
  interaction: ChatInputCommandInteraction,
  error: unknown,
  logger: Logger,
): Promise<string> {
  let content: string;
  let outcome: string;
  if (error instanceof UserFacingError) {
    content = error.message;
    outcome = error.code;
  } else if (error instanceof StorageUnavailableError) {
    // Not a bug to report with an id: the operator must act, and the user must know nothing was kept.
    logger.error({ err: error, command: interaction.commandName }, "command could not save its change");
    content = storageRefusal(error.problem, localeFor(interaction.locale));
    outcome = `storage-${error.problem}`;
  } else {
    const errorId = randomBytes(4).toString("hex");
    logger.error({ err: error, errorId, command: interaction.commandName }, "command failed");
    content = `Sorry, something went wrong on our side (error id \`${errorId}\`). Please try again in a minute.`;
    outcome = "error";
  }
  const allowedMentions = { parse: [] };
  try {
    if (interaction.replied) {
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions });
    } else if (interaction.deferred) {
      await interaction.editReply({ content, embeds: [], files: [], allowedMentions });
    } else {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions });
    }
  } catch (replyError) {
    logger.error({ err: replyError, command: interaction.commandName }, "could not deliver the error answer");
  }
  return outcome;
}
