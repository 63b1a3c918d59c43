import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import {
  DEFAULT_LOCALE,
  type Locale,
  localizations,
  type PlainKey,
  type Translator,
  translate,
} from "../locales/index.js";
import type { Answer } from "./answers.js";
import type { CommandServices } from "./command-services.js";
import type { Needs } from "./guards.js";
import type { ChoiceSpec, OptionSpec, ValueOf } from "./options.js";
import type { Visibility } from "./reply-path.js";

/**
 * How to write a command: declare its options, what it needs (guards), who sees the answer and
 * whether it may be slow, then `check` the input (optional) and `run` it, returning the answer or
 * throwing a UserFacingError. The router (router.ts) does everything else, in one place: reading
 * the options, the guards, the reply (one step or defer-then-edit) and the error path.
 */

/** A command's options by name, in the order Discord shows them (required ones first). */
export type OptionSpecs = { readonly [name: string]: OptionSpec<unknown> };

/** The typed values of a command's options. */
export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]: ValueOf<O[K]> };

/** What `check` and `run` get. */
export interface CommandContext<O extends OptionSpecs = OptionSpecs, N extends Needs = Needs> {
  options: OptionValues<O>;
  /** Writes in the language of the person who ran the command. */
  t: Translator;
  locale: Locale;
  /** The server's language (a digest's default), or the user's outside a server. */
  guildLocale: Locale;
  userId: string;
  /** Never null for a command that needs a server (the router refused it elsewhere). */
  guildId: N extends { guildOnly: object } ? string : string | null;
  channelId: string | null;
  services: CommandServices;
}

/**
 * A check that cannot be made from memory (no snapshot is stored yet, say): the router
 * acknowledges the interaction first (applying the guards before), then waits for it.
 */
export class Later<Plan> {
  constructor(readonly load: () => Promise<Plan>) {}
}

export function later<Plan>(load: () => Promise<Plan>): Later<Plan> {
  return new Later(load);
}

/**
 * List `check` before `privately` and `run`: TypeScript infers the plan's type from the first
 * function that mentions it.
 */
interface HandlerBase<O extends OptionSpecs, N extends Needs, Plan> {
  options?: O;
  needs?: N;
  /** Who sees the answer (refusals are always ephemeral). */
  visibility: Visibility;
  /** Answers this plan privately whatever `visibility` says (one that may end in "not found"). */
  privately?(plan: Plan): boolean;
  /**
   * Checks the input against what the bot knows, before the guards that cost something (the
   * cooldown), so that a bad input gets an answer at once and costs nothing: returns the plan
   * `run` follows, or throws a UserFacingError. Memory, or a promise of a database read (awaited
   * within the answer budget before anything is sent); `later(…)` when it must wait for more
   * (the Hub), which acknowledges first.
   */
  check?(context: CommandContext<O, N>): Plan | Later<Plan> | Promise<Plan>;
}

/**
 * Whether the answer may take long (the Hub, a chart): then `run` returns a promise, and the router
 * answers in one step when it is ready within the budget, else defers and edits it in. A quick
 * command's `run` returns its answer at once, which the compiler holds it to, and is sent at once.
 */
type Respond<O extends OptionSpecs, N extends Needs, Plan> =
  | { mayBeSlow: false; run(context: CommandContext<O, N>, plan: Plan): Answer }
  | { mayBeSlow: true; run(context: CommandContext<O, N>, plan: Plan): Promise<Answer> };

/** One command without subcommands, or one subcommand. */
export type HandlerSpec<O extends OptionSpecs, N extends Needs, Plan> = HandlerBase<O, N, Plan> &
  Respond<O, N, Plan>;

/** A handler as the router runs it: its types were checked when it was defined. */
export interface RoutedHandler {
  /** `trends`, `digest set`. */
  readonly path: string;
  readonly options: OptionSpecs;
  readonly needs: Needs;
  readonly visibility: Visibility;
  readonly mayBeSlow: boolean;
  privately(plan: unknown): boolean;
  check(context: CommandContext): unknown;
  run(context: CommandContext, plan: unknown): Answer | Promise<Answer>;
}

/** A slash command: its registration data and its handlers. */
export interface Command {
  readonly name: string;
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** By subcommand (`set`, `group name`), or under "" for a command without subcommands. */
  readonly handlers: ReadonlyMap<string, RoutedHandler>;
}

/** One subcommand of a parent command (`/digest set`). */
export interface Subcommand {
  readonly name: string;
  readonly data: APIApplicationCommandSubcommandOption;
  readonly handler: (parent: string) => RoutedHandler;
}

/** Registration fields beyond name, description and options: who sees the command, and where. */
export type Registration = Pick<
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  "default_member_permissions" | "dm_permission" | "contexts" | "integration_types" | "nsfw"
>;

interface Naming {
  /** The name Discord registers (lowercase); the same in every locale unless `nameKey` is given. */
  name: string;
  /** The name in other locales; its English text must be `name`. */
  nameKey?: PlainKey;
  description: PlainKey;
}

/** A command without subcommands. */
export function defineCommand<
  O extends OptionSpecs = Record<never, never>,
  N extends Needs = Record<never, never>,
  Plan = undefined,
>(spec: Naming & { registration?: Registration } & HandlerSpec<O, N, Plan>): Command {
  return {
    name: spec.name,
    data: { ...heading(spec), ...spec.registration, ...optionsOf(spec) },
    handlers: new Map([["", routed(spec.name, spec)]]),
  };
}

/** One subcommand; list it in {@link defineParentCommand}. */
export function defineSubcommand<
  O extends OptionSpecs = Record<never, never>,
  N extends Needs = Record<never, never>,
  Plan = undefined,
>(spec: Naming & HandlerSpec<O, N, Plan>): Subcommand {
  return {
    name: spec.name,
    data: { type: ApplicationCommandOptionType.Subcommand, ...heading(spec), ...optionsOf(spec) },
    handler: (parent) => routed(`${parent} ${spec.name}`, spec),
  };
}

/** A command of subcommands (`/digest set|show|…`). */
export function defineParentCommand(
  spec: Naming & { registration?: Registration; subcommands: readonly Subcommand[] },
): Command {
  return {
    name: spec.name,
    data: { ...heading(spec), ...spec.registration, options: spec.subcommands.map((sub) => sub.data) },
    handlers: new Map(spec.subcommands.map((sub) => [sub.name, sub.handler(spec.name)])),
  };
}

/** The handler with its types erased, for the router; `defineCommand` checked them. */
function routed<O extends OptionSpecs, N extends Needs, Plan>(
  path: string,
  spec: HandlerSpec<O, N, Plan>,
): RoutedHandler {
  const typed = (context: CommandContext) => context as unknown as CommandContext<O, N>;
  return {
    path,
    options: spec.options ?? {},
    needs: spec.needs ?? {},
    visibility: spec.visibility,
    mayBeSlow: spec.mayBeSlow,
    privately: (plan) => spec.privately?.(plan as Plan) ?? false,
    check: (context) => spec.check?.(typed(context)),
    run: (context, plan) => spec.run(typed(context), plan as Plan),
  };
}

/** Name and description, with their localisations. */
function heading(spec: Naming) {
  return { ...named(spec.name, spec.nameKey), ...described(spec.description) };
}

function optionsOf(spec: { options?: OptionSpecs }): { options?: APIApplicationCommandBasicOption[] } {
  return spec.options === undefined ? {} : { options: optionsData(spec.options) };
}

function named(
  name: string,
  nameKey: PlainKey | undefined,
): { name: string; name_localizations?: Partial<Record<Locale, string>> } {
  if (nameKey === undefined) return { name };
  // The English text of a name key is the registered name: a translator cannot rename a command.
  if (translate(DEFAULT_LOCALE, nameKey) !== name) {
    throw new Error(
      `${nameKey} is "${translate(DEFAULT_LOCALE, nameKey)}" in ${DEFAULT_LOCALE}, not "${name}"`,
    );
  }
  return { name, name_localizations: localizations(nameKey) };
}

function described(key: PlainKey): {
  description: string;
  description_localizations: Partial<Record<Locale, string>>;
} {
  return { description: translate(DEFAULT_LOCALE, key), description_localizations: localizations(key) };
}

function optionsData(options: OptionSpecs): APIApplicationCommandBasicOption[] {
  return Object.entries(options).map(
    ([name, spec]) =>
      ({
        ...spec.data,
        ...named(name, spec.nameKey),
        ...described(spec.description),
        ...(spec.choices === undefined ? {} : { choices: spec.choices.map(choiceData) }),
      }) as APIApplicationCommandBasicOption,
  );
}

function choiceData(choice: ChoiceSpec<string | number>): APIApplicationCommandOptionChoice {
  if (choice.nameKey === undefined) return { name: choice.name, value: choice.value };
  return {
    name: translate(DEFAULT_LOCALE, choice.nameKey),
    name_localizations: localizations(choice.nameKey),
    value: choice.value,
  };
}
