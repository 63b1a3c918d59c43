/**
 * A loopback Discord for tests: a real HTTP server and WebSocket gateway on 127.0.0.1 that an unmodified
 * discord.js `Client` logs into. Every REST call is recorded; bodies are checked against Discord's OpenAPI
 * schemas (closed to unknown keys) and the documented limits the schemas lack; breaches answer Discord's
 * error and land in `violations`.
 *
 * @example
 * ```ts
 * const discord = await startFakeDiscord({ guilds: [{ id, name, channels: [{ id: channelId, name: "general", type: 0 }] }] });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
 * client.on("error", onError);
 * const ready = once(client, Events.ClientReady);
 * await client.login(discord.token);
 * await ready;
 * const sent = await discord.dispatchChatInput({ guildId: id, channelId, name: "trends",
 *   options: [{ name: "region", type: 3, value: "china" }] });
 * const { callbackType, files, timings } = await sent.waitForFinal();
 * discord.assertNoViolations();
 * await client.destroy();
 * await discord.close();
 * ```
 */
import { BotCredentials } from "./credentials.js";
import { Gateway } from "./gateway.js";
import { deliverOverHttp, firstResponseOf } from "./http-delivery.js";
import { botToken } from "./ids.js";
import { interactionRoutes } from "./interaction-routes.js";
import { InteractionRegistry } from "./interactions.js";
import { channelPayload, guildPayload } from "./payloads.js";
import { toBits } from "./permissions.js";
import { RateLimiter } from "./rate-limits.js";
import { restRoutes } from "./rest-routes.js";
import { startHttp } from "./server.js";
import { createInteractionSigner } from "./signing.js";
import type { StoredCommand } from "./state.js";
import { makeUser, World } from "./state.js";
import type {
  DispatchedInteraction,
  DispatchInteractionArgs,
  FakeDiscordOptions,
  FakeGuildInit,
  FaultHandle,
  FaultSpec,
  InteractionTimings,
  PermissionInput,
  RecordedCall,
  RouteRateLimit,
  Violation,
} from "./types.js";

export { HTTP_RESPONSE_ROUTE } from "./http-delivery.js";
export { ALL_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, Permission } from "./permissions.js";
export type * from "./types.js";

/** Discord's limit on posting in one channel: 5 messages per 5 seconds. Pass it in `rateLimits` to enforce it. */
export const CHANNEL_MESSAGE_RATE_LIMIT: RouteRateLimit = {
  method: "POST",
  path: /^\/channels\/\d+\/messages$/,
  limit: 5,
  windowMs: 5000,
};

/** A loopback Discord: REST on `apiUrl`, the gateway at `gatewayUrl`, everything recorded and checked. */
export interface FakeDiscord {
  /** Pass as `new Client({ rest: { api: discord.apiUrl } })`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  /** The bot token the fake accepts now (a new one after `resetToken`). */
  readonly token: string;
  readonly applicationId: string;
  readonly botUserId: string;
  /** Every REST request, in arrival order. */
  readonly calls: readonly RecordedCall[];
  /** Every request the real Discord would reject, plus gateway misuse and internal failures of the fake. */
  readonly violations: readonly Violation[];
  /** 401, 403 and 429 answers so far (Discord bans an IP after 10,000 in 10 minutes). */
  readonly invalidRequestCount: number;
  /** The application's public key (hex): the bot's DISCORD_PUBLIC_KEY in http mode. */
  readonly publicKey: string;
  /**
   * Sets the application's Interactions Endpoint URL, as the developer portal does: from then on
   * interactions are POSTed there, signed, instead of sent over the gateway (Discord never does
   * both). Null goes back to the gateway.
   */
  setInteractionsEndpoint(url: string | null): void;
  /**
   * The first response the fake accepted for an interaction: its callback through REST, or the
   * body of the HTTP response to its POST (http delivery).
   */
  firstResponse(interactionId: string): RecordedCall | undefined;
  /** Sends a chat-input INTERACTION_CREATE (type 2) and returns a handle on its answer. */
  dispatchChatInput(args: DispatchInteractionArgs): Promise<DispatchedInteraction>;
  /** Sends an autocomplete INTERACTION_CREATE (type 4); one option must have `focused: true`. */
  dispatchAutocomplete(args: DispatchInteractionArgs): Promise<DispatchedInteraction>;
  /**
   * Sends an interaction's INTERACTION_CREATE again, same id and token, as the gateway may (it
   * delivers at least once: a resume can replay an event the client had already handled).
   */
  redeliver(interaction: DispatchedInteraction): number;
  /** Sends any gateway event as is (no state change); returns how many sessions got it. */
  dispatch(event: string, data: unknown): number;
  /** Asks every session to reconnect (op 7), as Discord does before maintenance; discord.js resumes (op 6). */
  requestReconnect(): number;
  /**
   * Resets the bot token, as the developer portal's "Reset Token" does (or Discord revoking a leaked
   * one): REST answers 401 to the old token, live gateway connections drop, and the RESUME and
   * IDENTIFY that follow are closed with 4004 Authentication failed. Returns the new token.
   */
  resetToken(): string;
  /** Closes every later IDENTIFY with `code` (4011 Sharding required, 4014 Disallowed intents, ...). */
  refuseIdentify(code: number, reason: string): void;
  /**
   * Stops answering anything, REST or gateway, behind connections it leaves open (a hung or
   * partitioned peer): requests already read get no answer, new connections are never read.
   */
  goSilent(): void;
  /** Deletes a channel (CHANNEL_DELETE is sent); later REST calls to it answer 404 10003. */
  deleteChannel(channelId: string): void;
  /** Sets an overwrite on a channel (the bot's member overwrite by default) and sends CHANNEL_UPDATE. */
  setChannelPermissions(
    channelId: string,
    overwrite: { allow?: PermissionInput; deny?: PermissionInput; id?: string; type?: 0 | 1 },
  ): void;
  /** Adds the bot to a guild (GUILD_CREATE). */
  addGuild(guild: FakeGuildInit): void;
  /** Removes the bot from a guild (GUILD_DELETE). */
  removeGuild(guildId: string): void;
  /** Makes the next matching request(s) fail with a 429 or 5xx. */
  failNext(spec: FaultSpec): FaultHandle;
  /** Registered commands: global, or of one guild. */
  commands(guildId?: string): StoredCommand[];
  /** Messages currently in a channel (from the bot or interaction answers), oldest first. */
  messagesIn(channelId: string): Record<string, unknown>[];
  /** Dispatch, acknowledgement and answer times of every interaction, for latency percentiles. */
  interactionTimings(): InteractionTimings[];
  /** Calls with this method whose path matches (a string matches exactly). */
  callsTo(method: string, path: RegExp | string): RecordedCall[];
  /** Resolves with the first call (already made or future) that satisfies the predicate. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Throws with every recorded violation; call it in `afterEach`. */
  assertNoViolations(): void;
  /** Returns the violations and forgets them, for tests that provoke them on purpose. */
  takeViolations(): Violation[];
  /** Closes the gateway and the HTTP server and drops every connection. */
  close(): Promise<void>;
}

/** Starts a loopback Discord on 127.0.0.1 with an ephemeral port. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const clock = options.clock ?? (() => performance.timeOrigin + performance.now());
  const bot = makeUser({ ...options.botUser, bot: true }, options.botUser?.username ?? "hubtrends");
  const world = new World(bot, options.applicationId ?? bot.id);
  for (const guild of options.guilds ?? []) world.addGuild(guild);
  const credentials = new BotCredentials(options.token ?? botToken(bot.id), bot.id);
  const applicationFlags = options.applicationFlags ?? 0;
  const calls: RecordedCall[] = [];
  const violations: Violation[] = [];
  const callListeners = new Set<(call: RecordedCall) => void>();
  const registry = new InteractionRegistry(world, clock);
  const limiter = new RateLimiter(options.rateLimits ?? [], options.globalRequestsPerSecond);
  let invalidRequestCount = 0;
  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}/gateway`;
  const cdnBase = (): string => `http://127.0.0.1:${port}`;
  const gateway = new Gateway({
    world,
    credentials,
    applicationFlags,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    url: gatewayUrl,
    onProblem: (message) =>
      violations.push({
        method: "GATEWAY",
        path: "/gateway",
        route: undefined,
        code: 0,
        problems: [message],
        body: undefined,
      }),
  });
  const interactionSide = interactionRoutes({
    world,
    registry,
    cdnBase,
    ackDeadlineMs: options.ackDeadlineMs ?? 3000,
    tokenLifetimeMs: options.tokenLifetimeMs ?? 15 * 60_000,
  });
  const signer = createInteractionSigner();
  let endpointUrl: string | null = null;
  const routes = [
    ...interactionSide.routes,
    ...restRoutes({
      world,
      applicationFlags,
      gatewayUrl,
      cdnBase,
      sessionStartRemaining: () => Math.max(1, 1000 - gateway.identifies),
    }),
  ];
  const http = await startHttp({
    routes,
    limiter,
    world,
    credentials,
    clock,
    calls,
    violations,
    onCall: (call) => {
      for (const listener of callListeners) listener(call);
    },
    onUpgrade: (req, socket, head) => gateway.handleUpgrade(req, socket, head),
    countInvalid: () => {
      invalidRequestCount++;
    },
  });
  port = http.port;

  const dispatchInteraction = async (
    type: 2 | 4,
    args: DispatchInteractionArgs,
  ): Promise<DispatchedInteraction> => {
    if (endpointUrl !== null) {
      const record = registry.create(type, args);
      void deliverOverHttp({
        url: endpointUrl,
        signer,
        signedAt: options.wallClock ?? Date.now,
        record,
        accept: interactionSide.acceptCallback,
        violations,
        clock,
      });
      return registry.handle(record);
    }
    await gateway.waitForSession(5000);
    const record = registry.create(type, args);
    gateway.dispatch("INTERACTION_CREATE", record.payload);
    return registry.handle(record);
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    get token() {
      return credentials.token;
    },
    applicationId: world.applicationId,
    botUserId: bot.id,
    calls,
    violations,
    get invalidRequestCount() {
      return invalidRequestCount;
    },
    publicKey: signer.publicKeyHex,
    setInteractionsEndpoint(url) {
      endpointUrl = url;
    },
    firstResponse: (interactionId) => firstResponseOf(registry.get(interactionId)),
    dispatchChatInput: (args) => dispatchInteraction(2, args),
    dispatchAutocomplete: (args) => dispatchInteraction(4, args),
    dispatch: (event, data) => gateway.dispatch(event, data),
    redeliver: (interaction) => gateway.dispatch("INTERACTION_CREATE", interaction.payload),
    requestReconnect: () => gateway.requestReconnect(),
    goSilent: () => http.goSilent(),
    refuseIdentify: (code, reason) => gateway.refuseIdentify(code, reason),
    resetToken() {
      const next = credentials.reset();
      gateway.dropConnections();
      return next;
    },
    deleteChannel(channelId) {
      const channel = world.deleteChannel(channelId);
      if (!channel) throw new Error(`unknown channel ${channelId}`);
      gateway.dispatch("CHANNEL_DELETE", channelPayload(channel));
    },
    setChannelPermissions(channelId, overwrite) {
      const channel = world.channel(channelId);
      if (!channel) throw new Error(`unknown channel ${channelId}`);
      const id = overwrite.id ?? bot.id;
      const type = overwrite.type ?? (id === bot.id ? 1 : 0);
      const next = { id, type, allow: toBits(overwrite.allow), deny: toBits(overwrite.deny) };
      channel.overwrites = [...channel.overwrites.filter((o) => o.id !== id), next];
      gateway.dispatch("CHANNEL_UPDATE", channelPayload(channel));
    },
    addGuild(guild) {
      const state = world.addGuild(guild);
      gateway.dispatch("GUILD_CREATE", guildPayload(world, state, true));
    },
    removeGuild(guildId) {
      if (!world.guilds.delete(guildId)) throw new Error(`unknown guild ${guildId}`);
      gateway.dispatch("GUILD_DELETE", { id: guildId });
    },
    failNext: (spec) => limiter.failNext(spec),
    commands: (guildId) => [...(world.commands.get(guildId ?? "global") ?? [])],
    messagesIn: (channelId) =>
      [...world.messages.values()].filter((m) => m.channelId === channelId).map((m) => m.api),
    interactionTimings: () => registry.timings(),
    callsTo: (method, path) =>
      calls.filter(
        (c) =>
          c.method === method.toUpperCase() &&
          (typeof path === "string" ? c.path === path : path.test(c.path)),
      ),
    waitForCall(predicate, timeoutMs = 10_000) {
      const done = calls.find(predicate);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const listener = (call: RecordedCall): void => {
          if (!predicate(call)) return;
          clearTimeout(timer);
          callListeners.delete(listener);
          resolve(call);
        };
        const timer = setTimeout(() => {
          callListeners.delete(listener);
          reject(
            new Error(
              `no matching REST call within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method} ${c.path}`).join(", ")}`,
            ),
          );
        }, timeoutMs);
        callListeners.add(listener);
      });
    },
    assertNoViolations() {
      if (violations.length === 0) return;
      const lines = violations.map(
        (v) => `${v.method} ${v.path} (${v.code}):\n    ${v.problems.join("\n    ")}`,
      );
      throw new Error(
        `the bot made ${violations.length} request(s) Discord would reject:\n  ${lines.join("\n  ")}`,
      );
    },
    takeViolations: () => violations.splice(0, violations.length),
    async close() {
      await gateway.close();
      await http.close();
    },
  };
}
