import type { ApplicationCommandOptionChoiceData, ChatInputCommandInteraction } from "discord.js";
import type { Locale } from "../services/format/locale.js";
import { regionLabel } from "../services/format/locale.js";
import {
  normaliseRegionInput,
  parseRegion,
  REGION_ALIASES,
  suggestRegions,
} from "../services/regions/parse-region.js";
import { REGIONS, type Region } from "../services/regions/types.js";
import { safeText } from "./discord-text.js";
import { UserFacingError } from "./user-facing-error.js";

/** The valid values, as a person reads them in an error message. */
export const VALID_REGIONS_TEXT = `${REGIONS.join(", ")} (aliases like cn, usa, eu work too)`;

/**
 * Reads a free-text region option (choices are suggested by autocomplete, but aliases may be typed).
 * Unknown input is refused with a "did you mean" and the valid list.
 */
export function readRegion(interaction: ChatInputCommandInteraction, name: string): Region | null {
  const raw = interaction.options.getString(name);
  if (raw === null || raw.trim() === "" || normaliseRegionInput(raw) === "all") return null;
  return regionOrThrow(raw);
}

export function regionOrThrow(raw: string): Region {
  const region = parseRegion(raw);
  if (region !== null) return region;
  const guesses = suggestRegions(raw);
  const hint = guesses.length > 0 ? ` Did you mean **${guesses.join("** or **")}**?` : "";
  throw new UserFacingError(
    "unknown-region",
    `I don't know the region "${safeText(raw, 50)}".${hint} Valid regions: ${VALID_REGIONS_TEXT}.`,
  );
}

/** Autocomplete: regions whose name, label or an alias starts with what was typed. */
export function regionChoices(typed: string, locale: Locale): ApplicationCommandOptionChoiceData<string>[] {
  const query = normaliseRegionInput(typed);
  const matches = REGIONS.filter(
    (region) =>
      query === "" ||
      region.startsWith(query) ||
      normaliseRegionInput(regionLabel(region, locale)).startsWith(query) ||
      REGION_ALIASES[region].some((alias) => alias.startsWith(query)),
  );
  const ranked = matches.length > 0 ? matches : suggestRegions(typed);
  return ranked.map((region) => ({ name: regionLabel(region, locale), value: region }));
}
