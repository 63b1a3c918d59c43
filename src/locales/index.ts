import type { Part } from "../services/summaries/parts.js";
import { enUS, type Messages } from "./en-US.js";
import { zhCN } from "./zh-CN.js";

/**
 * The message catalogues, one file per locale, keyed by Discord's locale names so that an
 * interaction's locale maps directly. The first is the default and defines the keys. Nothing here
 * imports discord.js: services, the bot and the CLI all write through it.
 */
export const CATALOGUES = {
  "en-US": enUS,
  "zh-CN": zhCN,
} as const satisfies Record<string, Messages>;

/** Locales the bot writes in. */
export type Locale = keyof typeof CATALOGUES;
export const DEFAULT_LOCALE: Locale = "en-US";
export const LOCALES = Object.keys(CATALOGUES) as readonly Locale[];

export type { Messages, PermissionName } from "./en-US.js";
/** Keys of messages that write text: plain strings, or functions of their parameters returning one. */
export type MessageKey = {
  [K in keyof Messages]: Messages[K] extends string | ((params: never) => string) ? K : never;
}[keyof Messages];
/**
 * Keys of summary phrases: a `Part` (text with the facts whose numbers it shows), or a function of
 * parts and words returning one, so that a summary in any language shows only traced numbers.
 */
export type PhraseKey = {
  [K in keyof Messages]: Messages[K] extends Part | ((params: never) => Part) ? K : never;
}[keyof Messages];
/** The parameters of a message or phrase, or `undefined` for a plain one. */
export type ParamsOf<K extends keyof Messages> = Messages[K] extends (params: infer P) => unknown
  ? P
  : undefined;
/** What a call passes after the key: the parameters, or nothing for a plain message. */
export type ArgsOf<K extends keyof Messages> = ParamsOf<K> extends undefined ? [] : [params: ParamsOf<K>];
/** The keys whose messages take exactly `P`. */
export type KeyTaking<P> = {
  [K in MessageKey]: [ParamsOf<K>] extends [P] ? ([P] extends [ParamsOf<K>] ? K : never) : never;
}[MessageKey];

/** The keys of plain-string messages (names, labels, descriptions). */
export type PlainKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];

/** A message to be written later, in a locale not known yet (a refusal's, say). */
export type Message = { [K in MessageKey]: { key: K; args: ArgsOf<K> } }[MessageKey];

/** Writes messages in one locale. */
export interface Translator {
  readonly locale: Locale;
  <K extends MessageKey>(key: K, ...args: ArgsOf<K>): string;
}

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(CATALOGUES, value);
}

/** The text of `key` in `locale`. */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...args: ArgsOf<K>): string {
  // One lookup for every key: the catalogue types guarantee that a function gets its parameters.
  const entry: string | ((params: never) => string) = CATALOGUES[locale][key];
  return typeof entry === "string" ? entry : (entry as (params: unknown) => string)(args[0]);
}

/** A summary phrase of `key` in `locale`: its text and the facts behind the numbers in it. */
export function phrase<K extends PhraseKey>(locale: Locale, key: K, ...args: ArgsOf<K>): Part {
  const entry: Part | ((params: never) => Part) = CATALOGUES[locale][key];
  return typeof entry === "function" ? (entry as (params: unknown) => Part)(args[0]) : entry;
}

/** True when `key` names a plain-string message (for keys made from data, such as a task tag). */
export function isPlainKey(key: string): key is PlainKey {
  return (
    Object.hasOwn(CATALOGUES[DEFAULT_LOCALE], key) &&
    typeof CATALOGUES[DEFAULT_LOCALE][key as keyof Messages] === "string"
  );
}

/** The text of a message held for later. */
export function render(locale: Locale, message: Message): string {
  return translate(locale, message.key, ...(message.args as ArgsOf<typeof message.key>));
}

export function translator(locale: Locale): Translator {
  return Object.assign(
    <K extends MessageKey>(key: K, ...args: ArgsOf<K>) => translate(locale, key, ...args),
    { locale },
  );
}

/**
 * The locale to write in for a Discord locale (a user's or a server's): the same one when we have
 * it, else one of the same language (`zh-TW` → `zh-CN`), else the default.
 */
export function localeFor(discordLocale: string | null | undefined): Locale {
  if (discordLocale === null || discordLocale === undefined) return DEFAULT_LOCALE;
  if (isLocale(discordLocale)) return discordLocale;
  const language = discordLocale.split("-")[0];
  return LOCALES.find((locale) => locale.split("-")[0] === language) ?? DEFAULT_LOCALE;
}

/** `key` in every locale but the default, as Discord's `*_localizations` take it. */
export function localizations(key: PlainKey): Partial<Record<Locale, string>> {
  return Object.fromEntries(
    LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).map((locale) => [locale, CATALOGUES[locale][key]]),
  );
}
