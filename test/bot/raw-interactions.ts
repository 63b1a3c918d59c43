import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIPingInteraction,
  ApplicationCommandType,
  ChannelType,
  InteractionType,
  Locale,
} from "discord.js";
import type { AnswerFile } from "../../src/bot/answers.js";
import type { Responder } from "../../src/bot/responder.js";

/**
 * Interactions as Discord sends them (raw payloads), and a responder that records what the router
 * answers, for tests of the router without any transport.
 */

export const GUILD = "1300000000000000001";
export const CHANNEL = "1300000000000000011";
export const USER_ID = "1300000000000000200";
/** View Channel, Send Messages, Embed Links, Attach Files, Read Message History: a normal channel. */
export const ANSWER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n);
export const MANAGE_GUILD = 1n << 5n;

export interface RawInteractionArgs {
  name: string;
  options?: APIApplicationCommandInteractionDataOption[];
  resolved?: APIInteractionDataResolved;
  locale?: Locale;
  /** Null: a DM (no guild, no member). */
  guildId?: string | null;
  memberPermissions?: bigint;
  appPermissions?: bigint;
  userId?: string;
}

let next = 0;
const snowflake = () => `14000000000000${String(++next).padStart(5, "0")}`;

function base(args: RawInteractionArgs) {
  const user = {
    id: args.userId ?? USER_ID,
    username: "ada",
    discriminator: "0",
    global_name: null,
    avatar: null,
  };
  const guildId = args.guildId === undefined ? GUILD : args.guildId;
  const where =
    guildId === null
      ? { user }
      : {
          guild_id: guildId,
          guild_locale: Locale.EnglishUS,
          member: {
            user,
            roles: [],
            joined_at: "2026-01-01T00:00:00.000Z",
            deaf: false,
            mute: false,
            flags: 0,
            permissions: String(args.memberPermissions ?? ANSWER_PERMISSIONS),
          },
        };
  return {
    id: snowflake(),
    application_id: "1300000000000000100",
    token: `token-${next}`,
    version: 1 as const,
    channel: { id: CHANNEL, type: ChannelType.GuildText as const },
    channel_id: CHANNEL,
    app_permissions: String(args.appPermissions ?? ANSWER_PERMISSIONS),
    locale: args.locale ?? Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 10_485_760,
    ...where,
  };
}

/** `/name options…` as Discord sends it. */
export function chatInput(args: RawInteractionArgs): APIChatInputApplicationCommandInteraction {
  return {
    ...base(args),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name: args.name,
      type: ApplicationCommandType.ChatInput,
      ...(args.options === undefined ? {} : { options: args.options }),
      ...(args.resolved === undefined ? {} : { resolved: args.resolved }),
    },
  };
}

/** The ping Discord sends an Interactions Endpoint URL to check it. */
export function ping(): APIPingInteraction {
  return { ...base({ name: "" }), type: InteractionType.Ping };
}

/** An autocomplete for the option marked `focused`. */
export function autocomplete(args: RawInteractionArgs): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(args),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: snowflake(),
      name: args.name,
      type: ApplicationCommandType.ChatInput,
      options: (args.options ?? []) as APIApplicationCommandAutocompleteInteraction["data"]["options"],
    },
  };
}

/** One thing the router sent: the first response, an edit of it, or a follow-up. */
export interface Sent {
  kind: "respond" | "edit" | "follow-up";
  body: Record<string, unknown>;
  files: string[];
  /** Milliseconds since the responder was made. */
  at: number;
}

export interface RecordingResponder extends Responder {
  sent: Sent[];
  /** The first response's callback type (4 message, 5 deferral, 8 choices, 1 pong). */
  firstType(): number | undefined;
  /** The text of the last message sent (reply, edit or follow-up). */
  lastContent(): string;
  /** Whether the first response was ephemeral. */
  ephemeral(): boolean;
}

export function recordingResponder(): RecordingResponder {
  const started = performance.now();
  const sent: Sent[] = [];
  const record = (kind: Sent["kind"], body: unknown, files: readonly AnswerFile[] | undefined) => {
    sent.push({
      kind,
      body: body as Record<string, unknown>,
      files: (files ?? []).map((file) => file.name),
      at: performance.now() - started,
    });
    return Promise.resolve();
  };
  const dataOf = (entry: Sent | undefined) =>
    (entry?.kind === "respond" ? entry.body.data : entry?.body) as Record<string, unknown> | undefined;
  return {
    sent,
    respond: (response, files) => record("respond", response, files),
    editOriginal: (body, files) => record("edit", body, files),
    followUp: (body, files) => record("follow-up", body, files),
    firstType: () => sent[0]?.body.type as number | undefined,
    lastContent: () => String(dataOf(sent.at(-1))?.content ?? ""),
    ephemeral: () => (Number(dataOf(sent[0])?.flags ?? 0) & 64) === 64,
  };
}
