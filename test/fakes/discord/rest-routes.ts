import { commandProblems, duplicateCommandProblems } from "./command-limits.js";
import { messageProblems } from "./limits.js";
import {
  applyMessageBody,
  channelPayload,
  guildPayload,
  memberPayload,
  rolePayload,
  userPayload,
} from "./payloads.js";
import { Permission } from "./permissions.js";
import type { RequestContext, RouteDef, RouteResponse } from "./router.js";
import { discordError, Errors, emptyMessage, invalidFormBody, json, noContent } from "./router.js";
import type { ChannelState, World } from "./state.js";
import {
  normalizeCommandForSchema,
  Schemas,
  schemaProblems,
  withoutToleratedDefaults,
} from "./validation.js";

/** Settings the bot-authenticated endpoints need. */
export interface RestRouteConfig {
  world: World;
  applicationFlags: number;
  gatewayUrl: () => string;
  cdnBase: () => string;
  /** Identify budget reported by `GET /gateway/bot`; decremented by the gateway. */
  sessionStartRemaining: () => number;
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};
const has = (perms: bigint, bit: bigint): boolean => (perms & bit) !== 0n;
/** Channel types a bot can post messages in: text, announcement, voice text chat, threads. */
const TEXT_TYPES = new Set([0, 2, 5, 10, 11, 12, 13]);

/** A command, option or choice without `name_localizations` and `description_localizations`, all the way down. */
function withoutLocalizations(value: Json): Json {
  const { name_localizations: _n, description_localizations: _d, ...rest } = value;
  for (const key of ["options", "choices"] as const) {
    const list = rest[key];
    if (Array.isArray(list)) rest[key] = list.map((item) => withoutLocalizations(asObject(item)));
  }
  return rest;
}

/** Routes that carry `Authorization: Bot <token>`: identity, commands, channels and guilds. */
export function restRoutes(config: RestRouteConfig): RouteDef[] {
  const { world } = config;
  const route = (
    method: string,
    template: string,
    handle: (ctx: RequestContext) => RouteResponse,
  ): RouteDef => ({
    method,
    template,
    auth: true,
    handle,
  });

  const scopeOf = (ctx: RequestContext): string | RouteResponse => {
    if (ctx.params.app !== world.applicationId) return Errors.missingAccess();
    const guildId = ctx.params.guild;
    if (guildId === undefined) return "global";
    return world.guilds.has(guildId) ? guildId : Errors.missingAccess();
  };

  const putCommands = (ctx: RequestContext): RouteResponse => {
    const scope = scopeOf(ctx);
    if (typeof scope !== "string") return scope;
    if (!Array.isArray(ctx.json)) {
      return invalidFormBody([{ path: [], code: "BASE_TYPE_ARRAY", message: "Must be an array." }]);
    }
    const bodies = ctx.json.map(asObject);
    const problems = [
      ...(bodies.length > 100
        ? [{ path: [], code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." }]
        : []),
      ...bodies.flatMap((c, i) => [
        ...schemaProblems(Schemas.command, normalizeCommandForSchema(c), [i]),
        ...commandProblems(c, i),
      ]),
      ...duplicateCommandProblems(bodies),
    ];
    if (problems.length > 0) return invalidFormBody(problems);
    return json(200, world.overwriteCommands(scope, bodies));
  };

  const postCommand = (ctx: RequestContext): RouteResponse => {
    const scope = scopeOf(ctx);
    if (typeof scope !== "string") return scope;
    const body = asObject(ctx.json);
    const problems = [
      ...schemaProblems(Schemas.command, normalizeCommandForSchema(body)),
      ...commandProblems(body, 0).map((p) => ({ ...p, path: p.path.slice(1) })),
    ];
    if (problems.length > 0) return invalidFormBody(problems);
    const others = (world.commands.get(scope) ?? []).filter(
      (c) => !(c.name === body.name && c.type === (body.type ?? 1)),
    );
    const stored = world.overwriteCommands(scope, [...others, body]);
    return json(201, stored[stored.length - 1]);
  };

  // Discord lists commands without their localisation maps unless asked `with_localizations=true`.
  const getCommands = (ctx: RequestContext): RouteResponse => {
    const scope = scopeOf(ctx);
    if (typeof scope !== "string") return scope;
    const commands = world.commands.get(scope) ?? [];
    return json(
      200,
      ctx.query.get("with_localizations") === "true" ? commands : commands.map(withoutLocalizations),
    );
  };

  const commandById = (ctx: RequestContext, remove: boolean): RouteResponse => {
    const scope = scopeOf(ctx);
    if (typeof scope !== "string") return scope;
    const list = world.commands.get(scope) ?? [];
    const found = list.find((c) => c.id === ctx.params.command);
    if (!found) return Errors.unknownCommand();
    if (!remove) return json(200, found);
    world.commands.set(
      scope,
      list.filter((c) => c !== found),
    );
    return noContent();
  };

  /** Looks up a channel and checks what Discord checks before a post: access, Send Messages, Attach Files. */
  const postable = (ctx: RequestContext): ChannelState | RouteResponse => {
    const channel = world.channel(ctx.params.channel ?? "");
    if (!channel) return Errors.unknownChannel();
    const perms = world.botPermissionsIn(channel);
    if (!has(perms, Permission.ViewChannel)) return Errors.missingAccess();
    if (!TEXT_TYPES.has(channel.type))
      return discordError(400, 50008, "Cannot send messages in a non-text channel");
    if (!has(perms, Permission.SendMessages)) return Errors.missingPermissions();
    if (ctx.files.length > 0 && !has(perms, Permission.AttachFiles)) return Errors.missingPermissions();
    return channel;
  };

  // Discord's `enforce_nonce`: a second create with the same nonce by the same author returns the
  // first message instead of posting again (Discord keeps nonces for a few minutes; the fake keeps
  // them for its lifetime, which only matters for tests that outlast that window).
  const messagesByNonce = new Map<string, string>();

  const createMessage = (ctx: RequestContext): RouteResponse => {
    const channel = postable(ctx);
    if (!("id" in channel)) return channel;
    const body = asObject(ctx.json);
    const nonceKey =
      body.enforce_nonce === true && (typeof body.nonce === "string" || typeof body.nonce === "number")
        ? `${channel.id}:${String(body.nonce)}`
        : undefined;
    const earlier =
      nonceKey === undefined ? undefined : world.messages.get(messagesByNonce.get(nonceKey) ?? "");
    if (earlier !== undefined) return json(200, earlier.api);
    const names = new Set(ctx.files.map((f) => f.name));
    const limits = messageProblems(body, {
      attachmentNames: names,
      creates: true,
      fileCount: ctx.files.length,
    });
    const problems = [...schemaProblems(Schemas.channelMessage, body), ...limits.problems];
    if (problems.length > 0) return invalidFormBody(problems);
    if (limits.empty) return emptyMessage();
    // Without Embed Links Discord posts the message but drops its embeds, silently.
    const shown = has(world.botPermissionsIn(channel), Permission.EmbedLinks)
      ? body
      : { ...body, embeds: [] };
    const origin = { channelId: channel.id, guildId: channel.guildId, author: world.bot, type: 0 };
    const message = applyMessageBody(config.cdnBase(), origin, shown, ctx.files, undefined);
    world.messages.set(String(message.api.id), message);
    channel.lastMessageId = String(message.api.id);
    if (nonceKey !== undefined) messagesByNonce.set(nonceKey, String(message.api.id));
    return json(200, message.api);
  };

  /**
   * `POST /channels/{forum}/threads`: a forum post, a thread whose starter message has the thread's
   * id. Discord takes no nonce here. Checks what Discord checks: a forum, access, Send Messages
   * (which Discord calls Create Posts in a forum), Attach Files for files, the body against the
   * schema and the message limits.
   */
  const createForumPost = (ctx: RequestContext): RouteResponse => {
    const forum = world.channel(ctx.params.channel ?? "");
    if (!forum) return Errors.unknownChannel();
    const perms = world.botPermissionsIn(forum);
    if (!has(perms, Permission.ViewChannel)) return Errors.missingAccess();
    if (forum.type !== 15) return discordError(400, 50024, "Cannot execute action on this channel type");
    if (!has(perms, Permission.SendMessages)) return Errors.missingPermissions();
    if (ctx.files.length > 0 && !has(perms, Permission.AttachFiles)) return Errors.missingPermissions();
    const body = asObject(ctx.json);
    const message = asObject(body.message);
    // Files come as in a channel message: `files[n]` parts beside `payload_json`.
    const limits = messageProblems(message, {
      attachmentNames: new Set(ctx.files.map((f) => f.name)),
      creates: true,
      fileCount: ctx.files.length,
    });
    const problems = [
      ...schemaProblems(Schemas.forumThread, body),
      ...limits.problems.map((problem) => ({ ...problem, path: ["message", ...problem.path] })),
    ];
    if (problems.length > 0) return invalidFormBody(problems);
    if (limits.empty) return emptyMessage();
    const guild = world.guilds.get(forum.guildId);
    if (!guild) return Errors.unknownChannel();
    const origin = { channelId: "", guildId: forum.guildId, author: world.bot, type: 0 };
    const starter = applyMessageBody(config.cdnBase(), origin, message, ctx.files, undefined);
    const id = String(starter.api.id);
    const thread: ChannelState = {
      id,
      guildId: forum.guildId,
      name: String(body.name),
      type: 11,
      position: 0,
      parentId: forum.id,
      topic: null,
      overwrites: [],
      lastMessageId: id,
      ownerId: world.bot.id,
    };
    guild.channels.set(id, thread);
    starter.channelId = id;
    starter.api.channel_id = id;
    world.messages.set(id, starter);
    return json(201, { ...channelPayload(thread), message: starter.api });
  };

  /** `GET /guilds/{id}/threads/active`: the guild's threads (the fake never archives one). */
  const activeThreads = (ctx: RequestContext): RouteResponse => {
    const guild = world.guilds.get(ctx.params.guild ?? "");
    if (!guild) return Errors.missingAccess();
    const threads = [...guild.channels.values()].filter((c) => [10, 11, 12].includes(c.type));
    return json(200, { threads: threads.map((t) => channelPayload(t)), members: [] });
  };

  /** `GET /channels/{id}/messages`: newest first, `limit` 1–100 (default 50), `before` honoured. */
  const listMessages = (ctx: RequestContext): RouteResponse => {
    const channel = world.channel(ctx.params.channel ?? "");
    if (!channel) return Errors.unknownChannel();
    const perms = world.botPermissionsIn(channel);
    if (!has(perms, Permission.ViewChannel)) return Errors.missingAccess();
    // Without Read Message History Discord answers with no messages rather than an error.
    if (!has(perms, Permission.ReadMessageHistory)) return json(200, []);
    const limit = Number(ctx.query.get("limit") ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return invalidFormBody([
        { path: ["limit"], code: "NUMBER_TYPE_MAX", message: "must be an integer from 1 to 100" },
      ]);
    }
    const before = ctx.query.get("before");
    const ids = [...world.messages.values()]
      .filter((m) => m.channelId === channel.id)
      .map((m) => BigInt(String(m.api.id)))
      .filter((id) => before === null || id < BigInt(before))
      .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
      .slice(0, limit);
    return json(
      200,
      ids.map((id) => world.messages.get(String(id))?.api),
    );
  };

  const channelMessage = (ctx: RequestContext, action: "get" | "edit" | "delete"): RouteResponse => {
    const channel = world.channel(ctx.params.channel ?? "");
    if (!channel) return Errors.unknownChannel();
    if (!has(world.botPermissionsIn(channel), Permission.ViewChannel)) return Errors.missingAccess();
    const message = world.messages.get(ctx.params.message ?? "");
    if (!message || message.channelId !== channel.id) return Errors.unknownMessage();
    if (action === "get") return json(200, message.api);
    const ownMessage = asObject(message.api.author).id === world.bot.id;
    if (action === "delete") {
      if (!ownMessage && !has(world.botPermissionsIn(channel), Permission.ManageMessages))
        return Errors.missingPermissions();
      world.messages.delete(String(message.api.id));
      return noContent();
    }
    if (!ownMessage) return discordError(403, 50005, "Cannot edit a message authored by another user");
    const body = asObject(withoutToleratedDefaults(ctx.json));
    const names = new Set([
      ...ctx.files.map((f) => f.name),
      ...[...message.files.values()].map((f) => f.name),
    ]);
    const limits = messageProblems(body, {
      attachmentNames: names,
      creates: false,
      fileCount: ctx.files.length,
    });
    const problems = [...schemaProblems(Schemas.channelMessageEdit, body), ...limits.problems];
    if (problems.length > 0) return invalidFormBody(problems);
    const origin = {
      channelId: channel.id,
      guildId: channel.guildId,
      author: world.bot,
      type: Number(message.api.type),
    };
    const updated = applyMessageBody(config.cdnBase(), origin, body, ctx.files, message);
    world.messages.set(String(updated.api.id), updated);
    return json(200, updated.api);
  };

  const guildOf = (ctx: RequestContext) => world.guilds.get(ctx.params.guild ?? "");

  return [
    route("GET", "/gateway/bot", () =>
      json(200, {
        url: config.gatewayUrl(),
        shards: 1,
        session_start_limit: {
          total: 1000,
          remaining: config.sessionStartRemaining(),
          reset_after: 86_400_000,
          max_concurrency: 1,
        },
      }),
    ),
    route("GET", "/users/@me", () =>
      json(200, {
        ...userPayload(world.bot),
        verified: true,
        mfa_enabled: false,
        email: null,
        locale: "en-US",
        premium_type: 0,
      }),
    ),
    route("GET", "/applications/@me", () =>
      json(200, {
        id: world.applicationId,
        name: world.bot.username,
        icon: null,
        description: "",
        summary: "",
        type: null,
        hook: true,
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: "0".repeat(64),
        flags: config.applicationFlags,
        team: null,
        owner: userPayload({ id: "1", username: "owner", globalName: null, bot: false }),
        bot: userPayload(world.bot),
        approximate_guild_count: world.guilds.size,
        interactions_endpoint_url: null,
        redirect_uris: [],
        tags: [],
        integration_types_config: { "0": {} },
      }),
    ),
    route("GET", "/applications/:app/commands", getCommands),
    route("PUT", "/applications/:app/commands", putCommands),
    route("POST", "/applications/:app/commands", postCommand),
    route("GET", "/applications/:app/commands/:command", (ctx) => commandById(ctx, false)),
    route("DELETE", "/applications/:app/commands/:command", (ctx) => commandById(ctx, true)),
    route("GET", "/applications/:app/guilds/:guild/commands", getCommands),
    route("PUT", "/applications/:app/guilds/:guild/commands", putCommands),
    route("POST", "/applications/:app/guilds/:guild/commands", postCommand),
    route("GET", "/applications/:app/guilds/:guild/commands/:command", (ctx) => commandById(ctx, false)),
    route("DELETE", "/applications/:app/guilds/:guild/commands/:command", (ctx) => commandById(ctx, true)),
    route("GET", "/channels/:channel", (ctx) => {
      const channel = world.channel(ctx.params.channel ?? "");
      if (!channel) return Errors.unknownChannel();
      return has(world.botPermissionsIn(channel), Permission.ViewChannel)
        ? json(200, channelPayload(channel))
        : Errors.missingAccess();
    }),
    route("POST", "/channels/:channel/messages", createMessage),
    route("GET", "/channels/:channel/messages", listMessages),
    route("POST", "/channels/:channel/threads", createForumPost),
    route("GET", "/guilds/:guild/threads/active", activeThreads),
    route("GET", "/channels/:channel/messages/:message", (ctx) => channelMessage(ctx, "get")),
    route("PATCH", "/channels/:channel/messages/:message", (ctx) => channelMessage(ctx, "edit")),
    route("DELETE", "/channels/:channel/messages/:message", (ctx) => channelMessage(ctx, "delete")),
    route("GET", "/guilds/:guild", (ctx) => {
      const guild = guildOf(ctx);
      return guild ? json(200, guildPayload(world, guild, false)) : Errors.unknownGuild();
    }),
    route("GET", "/guilds/:guild/channels", (ctx) => {
      const guild = guildOf(ctx);
      return guild
        ? json(
            200,
            [...guild.channels.values()].map((c) => channelPayload(c)),
          )
        : Errors.unknownGuild();
    }),
    route("GET", "/guilds/:guild/roles", (ctx) => {
      const guild = guildOf(ctx);
      return guild ? json(200, [...guild.roles.values()].map(rolePayload)) : Errors.unknownGuild();
    }),
    route("GET", "/guilds/:guild/members/:user", (ctx) => {
      const guild = guildOf(ctx);
      if (!guild) return Errors.unknownGuild();
      const member = guild.members.get(ctx.params.user ?? "");
      return member ? json(200, memberPayload(world, member)) : Errors.unknownMember();
    }),
  ];
}
