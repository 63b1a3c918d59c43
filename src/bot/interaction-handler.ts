import type { Interaction } from "discord.js";
import type { Command, CommandServices } from "../commands/command.js";
import { overlongOptionAnswer } from "./fault-text.js";
import { createSeenInteractions } from "./interaction-once.js";
import { localeFor } from "./locale.js";
import { overlongOption } from "./option-bounds.js";
import { replyWithError } from "./reply-with-error.js";
import { UserFacingError } from "./user-facing-error.js";

/**
 * Routes interactions to commands. Chat-input failures go through the one error handler;
 * autocomplete never errors (an empty list is a valid answer) and answers from memory.
 */
export function createInteractionHandler(deps: {
  commands: readonly Command[];
  services: CommandServices;
}): (interaction: Interaction) => Promise<void> {
  const { services } = deps;
  const { logger, clock } = services;
  const byName = new Map(deps.commands.map((c) => [c.data.name, c]));
  const seen = createSeenInteractions({ clock });

  return async (interaction) => {
    const started = clock().getTime();
    if (!seen.firstTime(interaction.id)) {
      logger.warn(
        { interactionId: interaction.id, type: interaction.type, guildId: interaction.guildId },
        "interaction delivered again; already handled, ignoring the repeat",
      );
      return;
    }
    if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName);
      let outcome = "ok";
      let choices: ReturnType<NonNullable<Command["autocomplete"]>> = [];
      try {
        if (overlongOption(command?.data.options, interaction.options.data) !== null) outcome = "overlong";
        else choices = command?.autocomplete?.(interaction, services).slice(0, 25) ?? [];
      } catch (error) {
        outcome = "error";
        logger.warn(
          { err: error, command: interaction.commandName },
          "autocomplete failed; answering with no choices",
        );
      }
      try {
        await interaction.respond(choices);
      } catch (error) {
        outcome = "respond-failed";
        logger.warn({ err: error, command: interaction.commandName }, "could not answer autocomplete");
      }
      logger.debug(
        {
          command: interaction.commandName,
          guildId: interaction.guildId,
          latencyMs: clock().getTime() - started,
          outcome,
        },
        "autocomplete",
      );
      return;
    }
    if (!interaction.isChatInputCommand()) return;

    const command = byName.get(interaction.commandName);
    let outcome = "ok";
    try {
      if (command === undefined) {
        throw new UserFacingError(
          "unknown-command",
          "This command is not available any more; it may have been removed.",
        );
      }
      const overlong = overlongOption(command.data.options, interaction.options.data);
      if (overlong !== null) {
        throw new UserFacingError(
          "overlong-option",
          overlongOptionAnswer(overlong, localeFor(interaction.locale)),
        );
      }
      await command.execute(interaction, services);
    } catch (error) {
      outcome = await replyWithError(interaction, error, logger);
    }
    logger.info(
      {
        command: interaction.commandName,
        guildId: interaction.guildId,
        latencyMs: clock().getTime() - started,
        outcome,
      },
      "interaction",
    );
  };
}
