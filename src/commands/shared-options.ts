import type { ChannelType } from "discord.js";
import { POSTABLE_CHANNEL_TYPES } from "../bot/digest-delivery.js";
import { safeText } from "../bot/discord-text.js";
import {
  type Choice,
  channelOption,
  choiceOption,
  integerOption,
  type OptionSpec,
  type ResolvedChannel,
  stringOption,
} from "../bot/options.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import type { KeyTaking, Locale, PlainKey } from "../locales/index.js";
import { regionLabel } from "../services/format/locale.js";
import {
  COHORTS,
  type Cohort,
  type CountingMethod,
  CREDIT_METHODS,
  type CreditMethod,
  DEFAULT_METHOD,
  isDefaultMethod,
} from "../services/method/method.js";
import {
  normaliseRegionInput,
  parseRegion,
  REGION_ALIASES,
  suggestRegions,
} from "../services/regions/parse-region.js";
import { REGIONS, type Region } from "../services/regions/types.js";

/**
 * The options several commands share, built once: a command lists `region: regionOption(…)` and
 * reads `options.region` as a `Region`. Adding one is a function here over the builders of
 * src/bot/options.ts: its registration data, how a raw value becomes the typed one (or a refusal),
 * and, for free text, its autocomplete.
 */

/** A region, typed freely (aliases work) with suggestions; null for "all" or nothing typed. */
export function regionOption(spec: {
  description: PlainKey;
  /** Whether the option's name is localised (it is not where the command's own names are not). */
  localisedName?: boolean;
}): OptionSpec<Region | null, false> {
  return stringOption({
    description: spec.description,
    ...(spec.localisedName === true ? { nameKey: "option.region.name" } : {}),
    maxLength: 40,
    autocomplete: (typed, { locale }) => regionChoices(typed, locale),
    parse: regionOrNull,
  });
}

/** A region as typed: null for "all" or nothing; unknown input is refused with a guess and the valid list. */
export function regionOrNull(raw: string): Region | null {
  if (raw.trim() === "" || normaliseRegionInput(raw) === "all") return null;
  const region = parseRegion(raw);
  if (region !== null) return region;
  throw new UserFacingError("region.unknown", {
    typed: safeText(raw, 50),
    guesses: suggestRegions(raw),
    regions: REGIONS,
  });
}

/** Autocomplete: regions whose name, label or an alias starts with what was typed. */
export function regionChoices(typed: string, locale: Locale): Choice[] {
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

/** `id`: which digest (or later, which watch) of the server; optional where the only one is meant. */
export function idOption(description: PlainKey): OptionSpec<number, false> {
  return integerOption({ description, minValue: 1 });
}

/** A text or announcement channel the bot is to post in; another kind is refused with `refusal`. */
export function postChannelOption(spec: {
  description: PlainKey;
  refusal: KeyTaking<{ channel: string }>;
}): OptionSpec<ResolvedChannel, true> {
  return channelOption({
    description: spec.description,
    required: true,
    channelTypes: POSTABLE_CHANNEL_TYPES,
    parse: (channel) => {
      if (!(POSTABLE_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type)) {
        throw new UserFacingError(spec.refusal, { channel: `<#${channel.id}>` });
      }
      return channel;
    },
  });
}

/** Where a counting-method option is used: its description, and whether its name is localised. */
interface MethodOptionSpec {
  /** The option's description; the shared one by default. */
  description?: PlainKey;
  /** Whether the option's name is localised (it is not where the command's own names are not). */
  localisedName?: boolean;
}

/**
 * `by`: who gets the credit for a download (src/services/method/method.ts). Left out, it is
 * undefined, and the services count under `DEFAULT_METHOD` (or a digest keeps what it has).
 */
export function byOption(spec: MethodOptionSpec = {}): OptionSpec<CreditMethod, false> {
  return choiceOption({
    description: spec.description ?? "option.by.description",
    ...(spec.localisedName === true ? { nameKey: "option.by.name" } : {}),
    choices: defaultFirst(CREDIT_METHODS, DEFAULT_METHOD.by).map((by) => ({
      nameKey: `option.by.${by}` as const,
      value: by,
    })),
  });
}

/** `cohort`: which models count; like {@link byOption}, undefined when left out. */
export function cohortOption(spec: MethodOptionSpec = {}): OptionSpec<Cohort, false> {
  return choiceOption({
    description: spec.description ?? "option.cohort.description",
    ...(spec.localisedName === true ? { nameKey: "option.cohort.name" } : {}),
    choices: defaultFirst(COHORTS, DEFAULT_METHOD.cohort).map((cohort) => ({
      nameKey: `option.cohort.${cohort}` as const,
      value: cohort,
    })),
  });
}

/**
 * The part of a chart's file name that tells another counting from the default ("-uploader-new"),
 * empty for the default: a chart forwarded out of context keeps a name that matches what it shows.
 */
export function methodFileSuffix(method: CountingMethod): string {
  return isDefaultMethod(method) ? "" : `-${method.by}-${method.cohort}`;
}

/** `first`, then the other values in their order: Discord lists choices as given, so the default leads. */
export function defaultFirst<T>(values: readonly T[], first: T): T[] {
  return [first, ...values.filter((value) => value !== first)];
}
