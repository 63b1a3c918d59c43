/**
 * Discord's rules for application commands that `discord-api-spec` does not encode: the name pattern,
 * lowercase names, description lengths, locale keys, option order and uniqueness.
 */
import type { Json, Problem } from "./limits.js";
import { badLength, isObject, text, tooLong } from "./limits.js";

/** Locales Discord accepts as keys of `name_localizations` / `description_localizations`. */
export const DISCORD_LOCALES = new Set([
  "id",
  "da",
  "de",
  "en-GB",
  "en-US",
  "es-ES",
  "es-419",
  "fr",
  "hr",
  "it",
  "lt",
  "hu",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "fi",
  "sv-SE",
  "vi",
  "tr",
  "cs",
  "el",
  "bg",
  "ru",
  "uk",
  "hi",
  "th",
  "zh-CN",
  "ja",
  "zh-TW",
  "ko",
]);
/** Discord's pattern for chat-input command and option names (it also admits Devanagari and Thai marks). */
const NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
function localizationProblems(
  value: unknown,
  path: Problem["path"],
  checkValue: (v: string) => boolean,
): Problem[] {
  if (!isObject(value)) return [];
  const problems: Problem[] = [];
  for (const [locale, localized] of Object.entries(value)) {
    if (!DISCORD_LOCALES.has(locale)) {
      problems.push({
        path: [...path, locale],
        code: "LOCALE_INVALID",
        message: `Invalid locale "${locale}".`,
      });
    } else if (!checkValue(text(localized))) {
      problems.push({
        path: [...path, locale],
        code: "APPLICATION_COMMAND_INVALID_LOCALIZATION",
        message: "Invalid localization.",
      });
    }
  }
  return problems;
}

const validName = (name: string): boolean => NAME_PATTERN.test(name) && name === name.toLowerCase();
const validDescription = (d: string): boolean => d.length >= 1 && d.length <= 100;

function optionProblems(options: unknown, path: Problem["path"]): Problem[] {
  if (!Array.isArray(options)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let optionalSeen = false;
  for (const [i, option] of options.entries()) {
    if (!isObject(option)) continue;
    const at = [...path, i];
    const name = text(option.name);
    if (!validName(name))
      problems.push({
        path: [...at, "name"],
        code: "APPLICATION_COMMAND_INVALID_NAME",
        message: "Command name is invalid",
      });
    if (seen.has(name))
      problems.push({
        path: [...at, "name"],
        code: "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
        message: "Option names must be unique",
      });
    seen.add(name);
    if (!validDescription(text(option.description))) problems.push(badLength([...at, "description"], 1, 100));
    problems.push(
      ...localizationProblems(option.name_localizations, [...at, "name_localizations"], validName),
    );
    problems.push(
      ...localizationProblems(
        option.description_localizations,
        [...at, "description_localizations"],
        validDescription,
      ),
    );
    const isSub = option.type === 1 || option.type === 2;
    if (!isSub && option.required === true && optionalSeen) {
      problems.push({
        path: [...at, "required"],
        code: "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        message: "Required options must be placed before non-required options",
      });
    }
    if (!isSub && option.required !== true) optionalSeen = true;
    const choices = Array.isArray(option.choices) ? option.choices : [];
    if (option.autocomplete === true && choices.length > 0) {
      problems.push({
        path: [...at, "autocomplete"],
        code: "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID",
        message: "Autocomplete cannot be set with choices",
      });
    }
    if (choices.length > 25) problems.push(tooLong([...at, "choices"], 25));
    for (const [j, choice] of choices.entries()) {
      if (isObject(choice) && typeof choice.value === "string" && choice.value.length > 100)
        problems.push(tooLong([...at, "choices", j, "value"], 100));
    }
    if (Array.isArray(option.options) && option.options.length > 25)
      problems.push(tooLong([...at, "options"], 25));
    problems.push(...optionProblems(option.options, [...at, "options"]));
  }
  return problems;
}

/** Problems of one command of a bulk overwrite (path prefixed with its index). */
export function commandProblems(command: Json, index: number): Problem[] {
  const type = typeof command.type === "number" ? command.type : 1;
  const at = (...rest: (string | number)[]): Problem["path"] => [index, ...rest];
  const name = text(command.name);
  const description = text(command.description);
  if (type !== 1) {
    // User and message commands: free-form names, no description, no options.
    const problems: Problem[] = [];
    if (description !== "")
      problems.push({
        path: at("description"),
        code: "APPLICATION_COMMAND_DESCRIPTION_INVALID",
        message: "Context menu commands cannot have a description",
      });
    if (Array.isArray(command.options) && command.options.length > 0)
      problems.push({
        path: at("options"),
        code: "APPLICATION_COMMAND_OPTIONS_INVALID",
        message: "Context menu commands cannot have options",
      });
    return problems;
  }
  const problems: Problem[] = [];
  if (!validName(name))
    problems.push({
      path: at("name"),
      code: "APPLICATION_COMMAND_INVALID_NAME",
      message: "Command name is invalid",
    });
  if (!validDescription(description)) problems.push(badLength(at("description"), 1, 100));
  problems.push(...localizationProblems(command.name_localizations, at("name_localizations"), validName));
  problems.push(
    ...localizationProblems(
      command.description_localizations,
      at("description_localizations"),
      validDescription,
    ),
  );
  problems.push(...optionProblems(command.options, at("options")));
  return problems;
}
/** Problems of a bulk overwrite beyond each command on its own: duplicate names per type. */
export function duplicateCommandProblems(commands: readonly unknown[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const [i, command] of commands.entries()) {
    if (!isObject(command)) continue;
    const key = `${typeof command.type === "number" ? command.type : 1}:${text(command.name)}`;
    if (seen.has(key))
      problems.push({
        path: [i, "name"],
        code: "APPLICATION_COMMAND_ALREADY_EXISTS",
        message: "Application command names must be unique",
      });
    seen.add(key);
  }
  return problems;
}
