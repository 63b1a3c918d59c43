/**
 * Public types of the loopback Discord. Everything a test passes in or reads back is declared here so the
 * other modules can share them without importing each other in circles.
 */

/** A permission set as discord.js's `PermissionFlagsBits` gives it (bigint) or as Discord sends it (decimal string). */
export type PermissionInput = bigint | string;

/** A permission overwrite on a channel, as in Discord's API (`type` 0 = role, 1 = member). */
export interface OverwriteInit {
  id: string;
  type: 0 | 1;
  allow?: PermissionInput;
  deny?: PermissionInput;
}

/** A channel of a fake guild. */
export interface FakeChannelInit {
  id: string;
  name: string;
  /** Discord channel type: 0 text, 2 voice, 4 category, 5 announcement, 15 forum. */
  type: number;
  parentId?: string;
  topic?: string;
  /** Raw overwrites, as Discord stores them. */
  permissionOverwrites?: OverwriteInit[];
  /** Shorthand for a member overwrite on the bot user in this channel. */
  botPermissions?: { allow?: PermissionInput; deny?: PermissionInput };
}

/** A role of a fake guild. The `@everyone` role has the guild's id and is created when not given. */
export interface FakeRoleInit {
  id: string;
  name: string;
  permissions: PermissionInput;
  position?: number;
}

/** A guild the bot is in when it logs in. */
export interface FakeGuildInit {
  id: string;
  name: string;
  channels: FakeChannelInit[];
  roles?: FakeRoleInit[];
  /** Permissions of `@everyone` when `roles` does not define it; defaults to {@link DEFAULT_EVERYONE_PERMISSIONS}. */
  everyonePermissions?: PermissionInput;
  /** Role ids the bot member holds (besides `@everyone`). */
  botRoleIds?: string[];
  ownerId?: string;
  preferredLocale?: string;
}

/** A user as Discord describes one; only `id` is required, the rest is filled in. */
export interface FakeUserInit {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

/** Options of {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  guilds?: FakeGuildInit[];
  applicationId?: string;
  botUser?: FakeUserInit;
  /** The bot token the fake accepts; a random realistic one when omitted (read it back from `discord.token`). */
  token?: string;
  /** Application flags sent in READY and `GET /applications/@me`. */
  applicationFlags?: number;
  /**
   * Discord's wall clock (epoch ms) for what it stamps, such as `X-Signature-Timestamp`: a test
   * whose bot lives at another date passes the bot's clock, as the real peers share real time.
   */
  wallClock?: () => number;
  /** Time to acknowledge an interaction before Discord forgets it (10062). Default 3,000 ms. */
  ackDeadlineMs?: number;
  /** Lifetime of an interaction token. Default 15 minutes. */
  tokenLifetimeMs?: number;
  /**
   * Clock in epoch milliseconds, used for interaction deadlines, token expiry and recorded timings. Inject one
   * to test expiry without waiting. Rate-limit windows always use real time, because discord.js sleeps in real time.
   */
  clock?: () => number;
  /** Heartbeat interval announced in HELLO. Default 41,250 ms like Discord. */
  heartbeatIntervalMs?: number;
  /** Per-route rate limits (opt-in), e.g. {@link CHANNEL_MESSAGE_RATE_LIMIT}. */
  rateLimits?: RouteRateLimit[];
  /** Global limit on bot-authenticated requests per second (Discord's is 50); off when omitted. */
  globalRequestsPerSecond?: number;
}

/** A per-route fixed-window rate limit, keyed by the route's major parameter (channel, guild or webhook). */
export interface RouteRateLimit {
  method: string;
  /** Matched against the decoded path below `/api/v10`, e.g. `/channels/123/messages`. */
  path: RegExp;
  limit: number;
  windowMs: number;
}

/** Matches a request: a regex on `"METHOD /path"` or an explicit method plus path regex. */
export type RequestMatcher = RegExp | { method?: string; path: RegExp | string };

/** A fault to inject with `failNext`. */
export interface FaultSpec {
  route: RequestMatcher;
  /** 429 for a rate limit, or a 5xx status. */
  status: number;
  /** Seconds, for 429 (header `Retry-After` and body `retry_after`). Fractions are allowed to keep tests fast. */
  retryAfter?: number;
  global?: boolean;
  /** How many matching requests fail. Default 1. */
  times?: number;
}

/** Handle of an injected fault. */
export interface FaultHandle {
  /** How many requests this fault has answered so far. */
  readonly hits: number;
  /** How many more requests it will answer. */
  readonly remaining: number;
}

/** A file part of a multipart request. */
export interface RecordedFile {
  /** Form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** One REST request the bot made, as the fake received and answered it. */
export interface RecordedCall {
  seq: number;
  /** Clock time the request was received. */
  at: number;
  method: string;
  /** Decoded path below `/api/v10` (`%40original` reads `@original`). */
  path: string;
  /** Route template, e.g. `PATCH /webhooks/:app/:token/messages/:message`, or `undefined` for unknown routes. */
  route: string | undefined;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The JSON body, or `payload_json` of a multipart body. */
  json: unknown;
  files: RecordedFile[];
  status: number;
  response: unknown;
  /** Id of the interaction this call answered, for callbacks and webhook calls. */
  interactionId?: string;
}

/** A request the real Discord would reject (or silently mangle), with the error the fake answered. */
export interface Violation {
  method: string;
  path: string;
  route: string | undefined;
  /** Discord's error code (50035 Invalid Form Body, 50006 empty message, ...). */
  code: number;
  /** Human-readable, one line per problem, with the JSON path. */
  problems: string[];
  body: unknown;
}

/** Timings of one interaction, in clock milliseconds. */
export interface InteractionTimings {
  interactionId: string;
  commandName: string;
  interactionType: number;
  dispatchedAt: number;
  /** First accepted callback. */
  acknowledgedAt: number | undefined;
  /** When the user saw the full answer: a type 4/7/8/9 callback, or the first edit/follow-up after a defer. */
  finalAt: number | undefined;
}

/** The answer an interaction got. */
export interface InteractionOutcome {
  callbackType: number;
  timings: InteractionTimings & { acknowledgedAt: number; finalAt: number };
  /** The call that completed the answer (the callback, or the edit of `@original`). */
  finalCall: RecordedCall;
  /** JSON of the final answer (callback `data`, or the edit body). */
  json: unknown;
  files: RecordedFile[];
}

/** What {@link FakeDiscord.dispatchChatInput} and `dispatchAutocomplete` return. */
export interface DispatchedInteraction {
  id: string;
  token: string;
  /** The INTERACTION_CREATE payload that was sent. */
  payload: Record<string, unknown>;
  readonly timings: InteractionTimings;
  /** REST calls made for this interaction so far. */
  calls(): RecordedCall[];
  /** Resolves on the first accepted callback. */
  waitForAck(timeoutMs?: number): Promise<InteractionTimings>;
  /** Resolves when the interaction is answered in full; rejects after `timeoutMs` (default 10 s). */
  waitForFinal(timeoutMs?: number): Promise<InteractionOutcome>;
}

/** An option of a dispatched command, as Discord sends it. */
export interface InteractionOptionInit {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOptionInit[];
}

/** Arguments of `dispatchChatInput` / `dispatchAutocomplete`. */
export interface DispatchInteractionArgs {
  guildId: string;
  channelId: string;
  user?: FakeUserInit;
  /** Role ids of the invoking member. */
  roleIds?: string[];
  name: string;
  options?: InteractionOptionInit[];
  locale?: string;
  /** Overrides the bot's computed permissions in the channel. */
  appPermissions?: PermissionInput;
  /** Overrides the member's computed permissions in the channel. */
  memberPermissions?: PermissionInput;
  resolved?: Record<string, unknown>;
}
