import { parseArgs } from "node:util";
import type { PlainKey, Translator } from "../locales/index.js";
import { type CliContext, UsageError } from "./context.js";

/** A catalogue key of the command line's own words. */
export type CliText = Extract<PlainKey, `cli.${string}`>;

/** One option of a command, as its help describes it and its parser checks it. */
export interface CliOption {
  kind: "string" | "boolean";
  /** What the value is called in the usage line: `R` in `--region R`. */
  placeholder?: string;
  help: CliText;
  /** The valid values, listed in the help and in a refusal; the option's own check applies them. */
  values?: readonly string[];
  /** The value when the option is left out, as the help says it. */
  defaultValue?: string;
  /** Said in the help; the command checks it, with a refusal that says what the value is for. */
  required?: boolean;
}

export type CliOptions = Readonly<Record<string, CliOption>>;

/** The values a command's options came with, typed by the options' kinds. */
export type ValuesOf<O extends CliOptions> = {
  readonly [K in keyof O]?: O[K]["kind"] extends "boolean" ? boolean : string;
};

/** A command: its name, what it takes, what it is for, and what it does. */
export interface CliCommandSpec<O extends CliOptions = CliOptions> {
  name: string;
  /** The positional arguments as the usage line writes them: `FILE`, `list|delete ID`. */
  positionals?: { usage: string; min: number; max: number };
  summary: CliText;
  options: O;
  run(context: CliContext, input: { values: ValuesOf<O>; positionals: string[] }): Promise<number>;
}

/** Declares a command; the options' types carry through to `run`. */
export function defineCliCommand<const O extends CliOptions>(spec: CliCommandSpec<O>): CliCommandSpec<O> {
  return spec;
}

/** What every command takes besides its own options. */
export const COMMON_OPTIONS = {
  locale: { kind: "string", placeholder: "L", help: "cli.option.locale", defaultValue: "en-US" },
  help: { kind: "boolean", help: "cli.option.help" },
} as const satisfies CliOptions;

/** `hubtrends stats [--region R] [--window W] ...`: the command as its usage line writes it. */
export function usageLine(command: CliCommandSpec): string {
  const options = Object.entries(command.options).map(([name, option]) => {
    const text = option.kind === "boolean" ? `--${name}` : `--${name} ${option.placeholder ?? "VALUE"}`;
    return option.required === true ? text : `[${text}]`;
  });
  return ["hubtrends", command.name, command.positionals?.usage, ...options].filter(Boolean).join(" ");
}

/**
 * "--region R" and what it is: its valid values first (with the default), then what it is for:
 * `china | us | europe | asia | other | all (default all): aliases such as cn, usa, eu work`.
 */
function optionLines(options: CliOptions, t: Translator): [string, string][] {
  return Object.entries(options).map(([name, option]) => {
    const flag = option.kind === "boolean" ? `--${name}` : `--${name} ${option.placeholder ?? "VALUE"}`;
    const marks = [
      option.defaultValue === undefined ? null : t("cli.help.default", { value: option.defaultValue }),
      option.required === true ? t("cli.help.required") : null,
    ].filter((mark): mark is string => mark !== null);
    const values = option.values === undefined ? "" : t("cli.help.values", { values: option.values });
    const head = [values, marks.length === 0 ? "" : t("cli.help.marks", { marks })].filter(Boolean).join(" ");
    return [flag, head === "" ? t(option.help) : t("cli.help.described", { head, help: t(option.help) })];
  });
}

/** Two columns, the first padded to its widest entry. */
function columns(rows: readonly [string, string][], indent: string): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`);
}

/** `--locale` with the locales there are. */
function commonOptions(locales: readonly string[]): CliOptions {
  return { ...COMMON_OPTIONS, locale: { ...COMMON_OPTIONS.locale, values: locales } };
}

/** The help of one command: its usage, what it does, and every option with its valid values. */
export function commandHelp(command: CliCommandSpec, t: Translator, locales: readonly string[]): string {
  return [
    t("cli.help.usage", { usage: usageLine(command) }),
    "",
    t(command.summary),
    "",
    ...columns(optionLines({ ...command.options, ...commonOptions(locales) }, t), "  "),
  ].join("\n");
}

/** The help of the whole tool: every command with every option and its valid values. */
export function toolHelp(
  commands: readonly CliCommandSpec[],
  t: Translator,
  locales: readonly string[],
): string {
  const blocks = commands.map((command) =>
    [
      `  ${usageLine(command)}`,
      `      ${t(command.summary)}`,
      ...columns(optionLines(command.options, t), "      "),
    ].join("\n"),
  );
  return [
    t("cli.help.intro"),
    "",
    t("cli.help.usage", { usage: "hubtrends <command> [options]" }),
    "",
    blocks.join("\n\n"),
    "",
    t("cli.help.every-command"),
    ...columns(optionLines(commonOptions(locales), t), "  "),
    "",
    t("cli.help.more"),
    t("cli.help.exit"),
  ].join("\n");
}

/**
 * Reads a command's arguments. Unknown options, options missing their value, values given to
 * switches and extra or missing arguments are refused in one line that says what is valid;
 * `node:util`'s own messages would speak of "tokens" and say nothing of the valid options.
 * The common options (`--locale`, `--help`) are taken out by the caller first.
 */
export function parseCommandArgs<O extends CliOptions>(
  command: CliCommandSpec<O>,
  args: readonly string[],
  t: Translator,
): { values: ValuesOf<O>; positionals: string[] } {
  const declared: Record<string, { type: "string" | "boolean" }> = {};
  for (const [name, option] of Object.entries(command.options)) declared[name] = { type: option.kind };
  const { tokens } = parseArgs({
    args: [...args],
    options: declared,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const known = [...Object.keys(command.options), ...Object.keys(COMMON_OPTIONS)].map((name) => `--${name}`);
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      positionals.push(token.value);
      continue;
    }
    const option = command.options[token.name];
    if (option === undefined) {
      throw new UsageError(
        t("cli.error.unknown-option", { option: token.rawName, command: command.name, options: known }),
      );
    }
    if (option.kind === "boolean") {
      if (token.inlineValue === true)
        throw new UsageError(t("cli.error.takes-no-value", { option: token.rawName }));
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || (token.inlineValue !== true && token.value.startsWith("--"))) {
      throw new UsageError(
        t("cli.error.needs-value", { option: token.rawName, values: option.values ?? null }),
      );
    }
    values[token.name] = token.value;
  }
  const limits = command.positionals ?? { usage: "", min: 0, max: 0 };
  const usage = usageLine(command);
  const extra = positionals[limits.max];
  if (extra !== undefined)
    throw new UsageError(t("cli.error.unexpected-argument", { argument: extra, usage }));
  if (positionals.length < limits.min) throw new UsageError(t("cli.error.missing-argument", { usage }));
  // Each value was stored under its option's kind (a string for a string option, true for a
  // switch), which is what ValuesOf<O> says; the record is built by name, hence the cast.
  return { values: values as ValuesOf<O>, positionals };
}
