import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandChannelOption,
  type APIApplicationCommandOptionChoice,
  type APIInteractionDataResolved,
  ApplicationCommandOptionType,
  type ChannelType,
} from "discord.js";
import type { Locale, PlainKey, Translator } from "../locales/index.js";
import type { CommandServices } from "./command-services.js";
import { UserFacingError } from "./user-facing-error.js";

/**
 * Option builders: each declares one option's registration data and how its raw value becomes a
 * typed one, so that a command reads `options.region` as a `Region` and never `getString("region")`.
 * Shared options (region, digest id, channel, …) are built from these in src/commands/shared-options.ts.
 */

/** A raw value as the interaction carries it (a channel option carries the channel's id). */
export type RawValue = string | number | boolean;

/** An autocomplete choice. */
export type Choice = APIApplicationCommandOptionChoice<string>;

/** What an option's parser may look at besides its value. */
export interface ParseContext {
  /** The option's name, as registered (for refusals that name it). */
  name: string;
  /** Users, channels, … the interaction resolved (a channel option's channel is there). */
  resolved: APIInteractionDataResolved | undefined;
}

/** What autocomplete may use: memory only, answered within ~100 ms. */
export interface AutocompleteContext {
  locale: Locale;
  t: Translator;
  services: CommandServices;
}

/** `Omit` over each member of a union (plain `Omit` keeps only the keys all members share). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The registration data of an option, less its name (the key the command lists it under) and text. */
export type OptionData = DistributiveOmit<
  APIApplicationCommandBasicOption,
  "name" | "name_localizations" | "description" | "description_localizations" | "choices"
>;

/** Channel types a channel option may offer (Discord's guild channel types). */
export type OptionChannelType = NonNullable<APIApplicationCommandChannelOption["channel_types"]>[number];

/** One option of a command. `Required` decides whether its value may be `undefined`. */
export interface OptionSpec<Value, Required extends boolean = boolean> {
  readonly data: OptionData;
  readonly required: Required;
  readonly description: PlainKey;
  /** The option's name in other locales; without it the name is the same everywhere. */
  readonly nameKey?: PlainKey;
  /** The fixed values a choice option offers, with their shown names. */
  readonly choices?: readonly ChoiceSpec<string | number>[];
  /** The typed value of a raw one; throws a UserFacingError for a bad one. */
  parse(raw: RawValue, context: ParseContext): Value;
  /** Choices for what has been typed so far; must be fast and must not throw on odd input. */
  autocomplete?(typed: string, context: AutocompleteContext): Choice[];
}

/** The value type of an option: `undefined` when it is optional and not given. */
export type ValueOf<S> =
  S extends OptionSpec<infer V, infer R> ? (R extends true ? V : V | undefined) : never;

interface Common<Required extends boolean> {
  description: PlainKey;
  nameKey?: PlainKey;
  required?: Required;
}

function badOption(context: ParseContext): UserFacingError {
  return new UserFacingError("error.bad-option", { option: context.name });
}

/** A free-text option; `parse` turns the text into the value (trimmed text by default). */
export function stringOption<Value = string, const Required extends boolean = false>(
  spec: Common<Required> & {
    maxLength?: number;
    autocomplete?: NoInfer<OptionSpec<Value>["autocomplete"]>;
    parse?: (text: string) => Value;
  },
): OptionSpec<NoInfer<Value>, Required> {
  const parse = spec.parse ?? ((text: string) => text.trim() as Value);
  return {
    data: {
      type: ApplicationCommandOptionType.String,
      ...(spec.required === true ? { required: true } : {}),
      ...(spec.autocomplete === undefined ? {} : { autocomplete: true }),
      ...(spec.maxLength === undefined ? {} : { max_length: spec.maxLength }),
    },
    required: (spec.required ?? false) as Required,
    description: spec.description,
    ...(spec.nameKey === undefined ? {} : { nameKey: spec.nameKey }),
    parse(raw, context) {
      if (typeof raw !== "string") throw badOption(context);
      return parse(raw);
    },
    ...(spec.autocomplete === undefined ? {} : { autocomplete: spec.autocomplete }),
  };
}

/** A whole number; `parse` turns it into the value (the number by default). */
export function integerOption<Value = number, const Required extends boolean = false>(
  spec: Common<Required> & { minValue?: number; parse?: (value: number) => Value },
): OptionSpec<NoInfer<Value>, Required> {
  const parse = spec.parse ?? ((value: number) => value as Value);
  return {
    data: {
      type: ApplicationCommandOptionType.Integer,
      ...(spec.required === true ? { required: true } : {}),
      ...(spec.minValue === undefined ? {} : { min_value: spec.minValue }),
    },
    required: (spec.required ?? false) as Required,
    description: spec.description,
    ...(spec.nameKey === undefined ? {} : { nameKey: spec.nameKey }),
    parse(raw, context) {
      if (typeof raw !== "number" || !Number.isInteger(raw)) throw badOption(context);
      return parse(raw);
    },
  };
}

/** One choice of a choice option: its value, and its shown name (a catalogue key, or a fixed text). */
export type ChoiceSpec<Value extends string | number> = { value: Value } & (
  | { nameKey: PlainKey; name?: never }
  | { name: string; nameKey?: never }
);

/**
 * An option with a fixed list of values: the value type is the union of the listed values (list
 * them `as const`). Discord only offers the listed ones, but a stale client could send another,
 * which gets a refusal naming the valid ones.
 */
export function choiceOption<const Value extends string | number, const Required extends boolean = false>(
  spec: Common<Required> & { choices: readonly ChoiceSpec<Value>[] },
): OptionSpec<Value, Required> {
  const values = spec.choices.map((choice) => choice.value);
  return {
    data:
      typeof values[0] === "number"
        ? {
            type: ApplicationCommandOptionType.Integer,
            ...(spec.required === true ? { required: true } : {}),
          }
        : {
            type: ApplicationCommandOptionType.String,
            ...(spec.required === true ? { required: true } : {}),
          },
    required: (spec.required ?? false) as Required,
    description: spec.description,
    ...(spec.nameKey === undefined ? {} : { nameKey: spec.nameKey }),
    choices: spec.choices,
    parse(raw, context) {
      const found = values.find((value) => value === raw);
      if (found !== undefined) return found;
      throw new UserFacingError("error.bad-choice", { option: context.name, choices: values.map(String) });
    },
  };
}

/** The channel a channel option names, as the interaction resolved it. */
export interface ResolvedChannel {
  id: string;
  type: ChannelType;
}

/** A channel of one of `channelTypes`; `parse` may refuse one the bot cannot use. */
export function channelOption<Value = ResolvedChannel, const Required extends boolean = false>(
  spec: Common<Required> & {
    channelTypes: readonly OptionChannelType[];
    parse?: (channel: ResolvedChannel) => Value;
  },
): OptionSpec<NoInfer<Value>, Required> {
  const parse = spec.parse ?? ((channel: ResolvedChannel) => channel as Value);
  return {
    data: {
      type: ApplicationCommandOptionType.Channel,
      channel_types: [...spec.channelTypes],
      ...(spec.required === true ? { required: true } : {}),
    },
    required: (spec.required ?? false) as Required,
    description: spec.description,
    ...(spec.nameKey === undefined ? {} : { nameKey: spec.nameKey }),
    parse(raw, context) {
      const channel = typeof raw === "string" ? context.resolved?.channels?.[raw] : undefined;
      // Discord always resolves the channel it sends; without it there is nothing to check.
      if (channel === undefined) throw badOption(context);
      return parse({ id: channel.id, type: channel.type });
    },
  };
}

/** The role a role option names, as the interaction resolved it. */
export interface ResolvedRole {
  id: string;
  /** Whether anyone may mention it (else only members allowed to mention every role). */
  mentionable: boolean;
  /** Managed by an integration (a bot's own role): never a sensible mention. */
  managed: boolean;
}

/** A role; `parse` may refuse one the bot cannot use. */
export function roleOption<Value = ResolvedRole, const Required extends boolean = false>(
  spec: Common<Required> & { parse?: (role: ResolvedRole) => Value },
): OptionSpec<NoInfer<Value>, Required> {
  const parse = spec.parse ?? ((role: ResolvedRole) => role as Value);
  return {
    data: { type: ApplicationCommandOptionType.Role, ...(spec.required === true ? { required: true } : {}) },
    required: (spec.required ?? false) as Required,
    description: spec.description,
    ...(spec.nameKey === undefined ? {} : { nameKey: spec.nameKey }),
    parse(raw, context) {
      const role = typeof raw === "string" ? context.resolved?.roles?.[raw] : undefined;
      if (role === undefined) throw badOption(context);
      return parse({ id: role.id, mentionable: role.mentionable, managed: role.managed });
    },
  };
}
