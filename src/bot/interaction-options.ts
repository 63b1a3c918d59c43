import { type APIApplicationCommandInteractionDataOption, ApplicationCommandOptionType } from "discord.js";
import type { RawValue } from "./options.js";

/** The options of one interaction, as read from its payload. */
export interface ReadOptions {
  /** The subcommand (with its group: `group name`), or undefined for a command without any. */
  subcommand: string | undefined;
  /** Every option's raw value by name (a channel option's value is the channel id). */
  values: ReadonlyMap<string, RawValue>;
  /** The option an autocomplete is for, with what has been typed so far. */
  focused: { name: string; typed: string } | undefined;
}

/**
 * Reads the options of an interaction's payload. This is the one place every option value
 * passes through before any command sees it (where a string can be bounded, say); commands get
 * typed values from their option specs (options.ts), never the payload.
 */
export function readOptions(
  options: readonly APIApplicationCommandInteractionDataOption[] | undefined,
): ReadOptions {
  const values = new Map<string, RawValue>();
  const path: string[] = [];
  let focused: ReadOptions["focused"];
  const walk = (list: readonly APIApplicationCommandInteractionDataOption[]) => {
    for (const option of list) {
      if (
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup
      ) {
        path.push(option.name);
        walk(option.options ?? []);
        continue;
      }
      if (!("value" in option)) continue;
      values.set(option.name, option.value);
      if ("focused" in option && option.focused === true) {
        focused = { name: option.name, typed: String(option.value) };
      }
    }
  };
  walk(options ?? []);
  return { subcommand: path.length === 0 ? undefined : path.join(" "), values, focused };
}
