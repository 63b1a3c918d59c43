import type { OptionSpecs } from "./command.js";
import type { RawValue } from "./options.js";

/** A string option longer than its command allows. */
export interface OverlongOption {
  name: string;
  maxLength: number;
  length: number;
}

/** Discord's own ceiling for a string option without `max_length`. */
const DISCORD_MAX_STRING_OPTION = 6000;

/**
 * The first string option whose value is longer than the handler's `max_length` for it, or null.
 * Discord's clients enforce `max_length`, but nothing makes every client do so: a value past it
 * is refused where the interaction arrives, before any command reads or matches it (fuzzy matching
 * of a 6,000-character time zone took over half a second of CPU). Lengths are counted in
 * characters (code points).
 */
export function overlongOption(
  specs: OptionSpecs,
  values: ReadonlyMap<string, RawValue>,
): OverlongOption | null {
  for (const [name, value] of values) {
    if (typeof value !== "string") continue;
    const declared = specs[name]?.data;
    const maxLength =
      declared !== undefined && "max_length" in declared && declared.max_length !== undefined
        ? declared.max_length
        : DISCORD_MAX_STRING_OPTION;
    // UTF-16 length bounds the character count from above: count only when it might be over.
    if (value.length <= maxLength) continue;
    const length = [...value].length;
    if (length > maxLength) return { name, maxLength, length };
  }
  return null;
}
