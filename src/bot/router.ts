import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionDataResolved,
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
} from "discord.js";
import type { Logger } from "pino";
import { localeFor, translator } from "../locales/index.js";
import { formatInteger } from "../services/format/numbers.js";
import type { Command, CommandContext, RoutedHandler } from "./command.js";
import { Later } from "./command.js";
import type { CommandServices } from "./command-services.js";
import type { Cooldowns } from "./cooldowns.js";
import { applyGuards, type GuardSubject } from "./guards.js";
import { createSeenInteractions } from "./interaction-once.js";
import { type ReadOptions, readOptions } from "./interaction-options.js";
import { overlongOption } from "./option-bounds.js";
import type { Choice } from "./options.js";
import { createReplyPath, QUICK_ANSWER_MS } from "./reply-path.js";
import type { Responder } from "./responder.js";
import { UserFacingError } from "./user-facing-error.js";

/** Routes interactions, from whichever transport, to commands. */
export interface InteractionRouter {
  /** Answers one interaction through `responder`. Never rejects: failures are answered and logged. */
  handle(interaction: APIInteraction, responder: Responder): Promise<void>;
}

/** Most choices Discord accepts for one autocomplete. */
const MAX_CHOICES = 25;

/** What the router is built from. */
export interface RouterDeps {
  commands: readonly Command[];
  services: CommandServices;
  cooldowns: Cooldowns;
  logger: Logger;
  clock: () => Date;
  /** How long an answer may take before a deferral goes out instead (default 1 s). */
  budgetMs?: number;
  /** Told of every answered command and autocomplete (the metrics). */
  observe?: (kind: "command" | "autocomplete", command: string, outcome: string, latencyMs: number) => void;
}

interface Routes extends RouterDeps {
  budgetMs: number;
  handlerOf(name: string, subcommand: string | undefined): RoutedHandler | undefined;
}

/**
 * The router over raw interaction payloads (discord-api-types' `APIInteraction`), so that it serves
 * the gateway and an Interactions Endpoint URL alike. For a command it reads the options, applies
 * the declared guards, runs the command's check and then its answer, and replies through the one
 * reply path (reply-path.ts), which also owns the error path. Autocomplete goes through it too and
 * never errors (an empty list is a valid answer).
 */
export function createInteractionRouter(deps: RouterDeps): InteractionRouter {
  const byName = new Map(deps.commands.map((command) => [command.name, command]));
  const routes: Routes = {
    ...deps,
    budgetMs: deps.budgetMs ?? QUICK_ANSWER_MS,
    handlerOf: (name, subcommand) => byName.get(name)?.handlers.get(subcommand ?? ""),
  };
  const seen = createSeenInteractions({ clock: deps.clock });
  return {
    async handle(interaction, responder) {
      // Every interaction, however it arrived, enters here: a repeated delivery of the same id
      // (the gateway delivers at least once) is dropped, so two answers never race for one.
      if (!seen.firstTime(interaction.id)) {
        deps.logger.warn(
          { interactionId: interaction.id, type: interaction.type, guildId: interaction.guild_id },
          "interaction delivered again; already handled, ignoring the repeat",
        );
        return;
      }
      switch (interaction.type) {
        case InteractionType.Ping:
          await responder.respond({ type: InteractionResponseType.Pong });
          return;
        case InteractionType.ApplicationCommandAutocomplete:
          await answerAutocomplete(routes, interaction, responder);
          return;
        case InteractionType.ApplicationCommand:
          if (interaction.data.type === ApplicationCommandType.ChatInput) {
            await answerCommand(routes, interaction as APIChatInputApplicationCommandInteraction, responder);
            return;
          }
          break;
        default:
          break;
      }
      deps.logger.debug({ type: interaction.type }, "ignoring an interaction no command handles");
    },
  };
}

/** A slash command: guards, options, check, answer, all through one reply path; then one log line. */
async function answerCommand(
  routes: Routes,
  interaction: APIChatInputApplicationCommandInteraction,
  responder: Responder,
): Promise<void> {
  const { cooldowns, logger, clock } = routes;
  const started = clock().getTime();
  const t = translator(localeFor(interaction.locale));
  const read = readOptions(interaction.data.options);
  const path = [interaction.data.name, read.subcommand].filter(Boolean).join(" ");
  const reply = createReplyPath({ responder, t, logger, command: path, clock });
  let outcome = "ok";
  try {
    const handler = routes.handlerOf(interaction.data.name, read.subcommand);
    if (handler === undefined) throw new UserFacingError("error.unknown-command");
    const overlong = overlongOption(handler.options, read.values);
    if (overlong !== null) {
      throw new UserFacingError("error.overlong-option", {
        option: overlong.name,
        maxLength: formatInteger(overlong.maxLength, t.locale),
        length: formatInteger(overlong.length, t.locale),
      });
    }
    const subject = guardSubject(interaction, handler.path);
    applyGuards("access", handler.needs, subject, { cooldowns });
    const context: CommandContext = {
      options: parseOptions(handler, read, interaction.data.resolved),
      t,
      locale: t.locale,
      guildLocale: localeFor(interaction.guild_locale ?? interaction.locale),
      userId: subject.userId,
      guildId: subject.guildId,
      channelId: interaction.channel?.id ?? null,
      services: routes.services,
    };
    let checked = handler.check(context);
    // A check that reads the database: answered at once as usual, unless the database is slow.
    if (checked instanceof Promise)
      checked = await reply.within(checked, handler.visibility, started + routes.budgetMs);
    applyGuards("answer", handler.needs, subject, { cooldowns });
    let plan = checked;
    if (checked instanceof Later) {
      // Checking needs data that is not in memory (the Hub): acknowledge first, then wait.
      await reply.defer(handler.visibility);
      plan = await checked.load();
    }
    const visibility = handler.privately(plan) ? "ephemeral" : handler.visibility;
    const answer = handler.run(context, plan);
    if (answer instanceof Promise) await reply.sendWhenReady(answer, visibility, started + routes.budgetMs);
    else await reply.send(answer, visibility);
  } catch (error) {
    outcome = await reply.fail(error);
  }
  const latencyMs = clock().getTime() - started;
  logger.info({ command: path, guildId: interaction.guild_id, latencyMs, outcome }, "interaction");
  routes.observe?.("command", path, outcome, latencyMs);
}

/** The typed value of every option the handler declares; refuses a required one that is missing. */
function parseOptions(
  handler: RoutedHandler,
  read: ReadOptions,
  resolved: APIInteractionDataResolved | undefined,
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(handler.options)) {
    const raw = read.values.get(name);
    if (raw !== undefined) options[name] = spec.parse(raw, { name, resolved });
    else if (spec.required) throw new UserFacingError("error.bad-option", { option: name });
  }
  return options;
}

/** Choices from the focused option's own suggestions; none when they fail. */
async function answerAutocomplete(
  routes: Routes,
  interaction: APIApplicationCommandAutocompleteInteraction,
  responder: Responder,
): Promise<void> {
  const { logger, clock } = routes;
  const started = clock().getTime();
  const read = readOptions(interaction.data.options);
  const locale = localeFor(interaction.locale);
  let outcome = "ok";
  let choices: Choice[] = [];
  try {
    const { focused } = read;
    const handler = routes.handlerOf(interaction.data.name, read.subcommand);
    const spec = focused && handler?.options[focused.name];
    if (handler !== undefined && overlongOption(handler.options, read.values) !== null) {
      // Past the declared length nothing is matched: no choices, at no cost.
      outcome = "overlong";
    } else if (focused !== undefined && spec?.autocomplete !== undefined) {
      const context = { locale, t: translator(locale), services: routes.services };
      choices = spec.autocomplete(focused.typed, context).slice(0, MAX_CHOICES);
    }
  } catch (error) {
    outcome = "error";
    logger.warn(
      { err: error, command: interaction.data.name },
      "autocomplete failed; answering with no choices",
    );
  }
  try {
    await responder.respond({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices },
    });
  } catch (error) {
    outcome = "respond-failed";
    logger.warn({ err: error, command: interaction.data.name }, "could not answer autocomplete");
  }
  const latencyMs = clock().getTime() - started;
  logger.debug(
    { command: interaction.data.name, guildId: interaction.guild_id, latencyMs, outcome },
    "autocomplete",
  );
  routes.observe?.("autocomplete", interaction.data.name, outcome, latencyMs);
}

/** What the guards read of an interaction: who, where, and the permissions Discord sent with it. */
function guardSubject(
  interaction: APIChatInputApplicationCommandInteraction,
  commandPath: string,
): GuardSubject {
  const member = interaction.member;
  return {
    commandPath,
    userId: member?.user.id ?? interaction.user?.id ?? "",
    guildId: interaction.guild_id ?? null,
    memberPermissions: member === undefined ? null : BigInt(member.permissions),
    appPermissions: BigInt(interaction.app_permissions),
  };
}
