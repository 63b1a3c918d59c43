import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { CommandServices } from "../commands/command.js";
import type { CachedValue } from "../services/cache/query-cache.js";
import { HubRequestError, HubResponseFormatError, HubUnavailableError } from "../services/hub/errors.js";
import type { Snapshot } from "../services/storage/snapshot-store.js";
import { withData } from "./data-notes.js";
import { requireCooldown } from "./guards.js";
import { UserFacingError } from "./user-facing-error.js";

export interface CheckOptions<T> {
  /** Refuses before deferring when the bot lacks what the answer needs (see guards.ts). */
  guard(interaction: ChatInputCommandInteraction): void;
  /** Applied after the input is found good, so a refused input costs no cooldown. */
  cooldownSeconds?: number;
  /** Defer ephemerally for this plan (an answer that may turn out to be "not found"). */
  ephemeral?(plan: T): boolean;
}

/**
 * Checks the input against the newest snapshot *before* anything is sent, so a bad input (an
 * unknown model, task or organisation) gets an ephemeral answer at once and costs no cooldown;
 * then applies the guards and defers. Only when no snapshot is stored yet does it defer first
 * (collecting one reaches the Hub), and then a refusal edits the deferred answer instead.
 */
export async function checkThenDefer<T>(
  interaction: ChatInputCommandInteraction,
  services: CommandServices,
  options: CheckOptions<T>,
  check: (snapshot: Snapshot) => T,
): Promise<{ plan: T; snapshot: Snapshot }> {
  const stored = services.trends.newestStored();
  const plan = stored === null ? null : { value: check(stored) };
  options.guard(interaction);
  if (options.cooldownSeconds !== undefined) {
    requireCooldown(interaction, services.cooldowns, options.cooldownSeconds);
  }
  const ephemeral = plan !== null && options.ephemeral?.(plan.value) === true;
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  if (stored !== null && plan !== null) return { plan: plan.value, snapshot: stored };
  const snapshot = await withData(
    () => services.trends.latestSnapshot(),
    services.collection,
    services.clock,
  );
  return { plan: check(snapshot), snapshot };
}

/**
 * A live Hub look-up (through the query cache) whose failure the user is told about in words:
 * "the Hub can't be reached" rather than an apology with an error id, since it is not our bug.
 */
export async function fromHub<T>(load: () => Promise<CachedValue<T>>, what: string): Promise<CachedValue<T>> {
  try {
    return await load();
  } catch (error) {
    if (
      error instanceof HubUnavailableError ||
      error instanceof HubRequestError ||
      error instanceof HubResponseFormatError
    ) {
      throw new UserFacingError(
        "hub-unavailable",
        `The Hugging Face Hub can't be reached right now, so I can't ${what}. Please try again in a few minutes.`,
      );
    }
    throw error;
  }
}
