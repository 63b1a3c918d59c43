import { ApplicationCommandOptionType } from "discord.js";

/** An option as the command declares it (the registration JSON). */
interface DeclaredOption {
  readonly name: string;
  readonly type: number;
  readonly max_length?: number;
  readonly options?: readonly DeclaredOption[];
}

/** An option as an interaction carries it (`interaction.options.data`). */
interface GivenOption {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean;
  readonly options?: readonly GivenOption[];
}

/** A string option longer than its command allows. */
export interface OverlongOption {
  name: string;
  maxLength: number;
  length: number;
}

/** Discord's own ceiling for a string option without `max_length`. */
const DISCORD_MAX_STRING_OPTION = 6000;

/**
 * The first string option whose value is longer than the command's `max_length` for it, or null.
 * Discord's clients enforce `max_length`, but nothing makes every client do so: a value past it
 * is refused where the interaction arrives, before any command reads or matches it. Lengths are
 * counted in characters (code points).
 */
export function overlongOption(
  declared: readonly DeclaredOption[] | undefined,
  given: readonly GivenOption[],
): OverlongOption | null {
  for (const option of given) {
    const declaration = declared?.find((d) => d.name === option.name);
    if (
      option.type === ApplicationCommandOptionType.Subcommand ||
      option.type === ApplicationCommandOptionType.SubcommandGroup
    ) {
      const inner = overlongOption(declaration?.options, option.options ?? []);
      if (inner !== null) return inner;
      continue;
    }
    if (typeof option.value !== "string") continue;
    const maxLength = declaration?.max_length ?? DISCORD_MAX_STRING_OPTION;
    // UTF-16 length bounds the character count from above: count only when it might be over.
    if (option.value.length <= maxLength) continue;
    const length = [...option.value].length;
    if (length > maxLength) return { name: option.name, maxLength, length };
  }
  return null;
}
