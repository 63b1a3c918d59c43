import type { InteractionRecord, InteractionRegistry } from "./interactions.js";
import type { Problem } from "./limits.js";
import { autocompleteProblems, messageProblems } from "./limits.js";
import type { MessageOrigin } from "./payloads.js";
import { applyMessageBody, MESSAGE_FLAG_LOADING } from "./payloads.js";
import type { RequestContext, RouteDef, RouteResponse } from "./router.js";
import { Errors, emptyMessage, invalidFormBody, json, noContent, protocolViolation } from "./router.js";
import type { StoredMessage, World } from "./state.js";
import { Schemas, schemaProblems, withoutToleratedDefaults } from "./validation.js";

/** Settings the interaction endpoints need. */
export interface InteractionRouteConfig {
  world: World;
  registry: InteractionRegistry;
  cdnBase: () => string;
  ackDeadlineMs: number;
  tokenLifetimeMs: number;
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : {};

/** Callback types Discord accepts per interaction type (2 command, 4 autocomplete). */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = { 2: [4, 5, 9, 12], 4: [8] };

function callbackProblems(record: InteractionRecord, body: Json, fileNames: string[]): Problem[] | "empty" {
  const type = body.type;
  const allowed = ALLOWED_CALLBACKS[record.type] ?? [];
  if (typeof type !== "number" || !allowed.includes(type)) {
    return [
      {
        path: ["type"],
        code: "BASE_TYPE_CHOICES",
        message: `Value must be one of ${JSON.stringify(allowed)} for interaction type ${record.type}.`,
      },
    ];
  }
  const data = withoutToleratedDefaults(body.data);
  const checked = { ...body, ...(body.data === undefined ? {} : { data }) };
  switch (type) {
    case 4: {
      const problems = schemaProblems(Schemas.messageCallback, checked);
      const limits = messageProblems(asObject(data), {
        attachmentNames: new Set(fileNames),
        creates: true,
        fileCount: fileNames.length,
      });
      if (problems.length === 0 && limits.problems.length === 0 && limits.empty) return "empty";
      return [...problems, ...limits.problems.map((p) => ({ ...p, path: ["data", ...p.path] }))];
    }
    case 5:
      return schemaProblems(Schemas.messageCallback, checked);
    case 8:
      return [
        ...schemaProblems(Schemas.autocompleteCallback, checked),
        ...autocompleteProblems(data, record.focusedType),
      ];
    case 9:
      return schemaProblems(Schemas.modalCallback, checked);
    default:
      return schemaProblems(Schemas.launchActivityCallback, checked);
  }
}

/** The webhook messages of an interaction are authored by the bot, sent by the application's webhook. */
function originOf(world: World, record: InteractionRecord): MessageOrigin {
  return {
    channelId: record.channelId,
    guildId: record.guildId,
    author: world.bot,
    type: 20,
    webhookId: world.applicationId,
    applicationId: world.applicationId,
    interaction: { id: record.id, type: record.type, name: record.commandName, user: record.user },
  };
}

/** What answers a first response that came in the HTTP response to an interaction's POST. */
export type AcceptCallback = (
  record: InteractionRecord,
  body: Record<string, unknown>,
  ctx: Pick<RequestContext, "call" | "files" | "at" | "query">,
) => RouteResponse;

/** Routes for `POST /interactions/:id/:token/callback` and the interaction webhook. */
export function interactionRoutes(config: InteractionRouteConfig): {
  routes: RouteDef[];
  acceptCallback: AcceptCallback;
} {
  const { world, registry } = config;

  const live = (ctx: RequestContext): InteractionRecord | RouteResponse => {
    const record = registry.byWebhookToken(ctx.params.token ?? "");
    if (!record || ctx.params.app !== world.applicationId) return Errors.unknownWebhook();
    record.calls.push(ctx.call);
    ctx.call.interactionId = record.id;
    const age = ctx.at - record.dispatchedAt;
    if (age > config.tokenLifetimeMs) {
      return protocolViolation(
        Errors.unknownWebhook(),
        `interaction token used ${Math.round(age)} ms after dispatch; it lives ${config.tokenLifetimeMs} ms`,
      );
    }
    // Before the first callback there is no webhook message to edit or follow.
    if (record.acknowledgedAt === undefined) {
      return protocolViolation(
        Errors.unknownWebhook(),
        "webhook call before the interaction was acknowledged",
      );
    }
    return record;
  };

  const messageOf = (record: InteractionRecord, ref: string | undefined): StoredMessage | undefined => {
    const id = ref === "@original" ? record.originalMessageId : ref;
    return id && record.messageIds.has(id) ? world.messages.get(id) : undefined;
  };

  const store = (record: InteractionRecord, message: StoredMessage, original: boolean): void => {
    const id = String(message.api.id);
    world.messages.set(id, message);
    record.messageIds.add(id);
    if (original) record.originalMessageId = id;
  };

  const callback: RouteDef = {
    method: "POST",
    template: "/interactions/:id/:token/callback",
    auth: false,
    handle(ctx) {
      const record = registry.get(ctx.params.id ?? "");
      if (!record || record.token !== ctx.params.token) return Errors.unknownInteraction();
      return acceptCallback(record, asObject(ctx.json), ctx);
    },
  };

  /**
   * The first response to an interaction, through the callback route or (HTTP delivery) as the
   * body of the HTTP response to Discord's POST: the same rules for both.
   */
  function acceptCallback(
    record: InteractionRecord,
    body: Json,
    ctx: Pick<RequestContext, "call" | "files" | "at" | "query">,
  ): RouteResponse {
    record.calls.push(ctx.call);
    ctx.call.interactionId = record.id;
    if (record.acknowledgedAt !== undefined) {
      return protocolViolation(Errors.alreadyAcknowledged(), `second callback (type ${String(body.type)})`);
    }
    const age = ctx.at - record.dispatchedAt;
    if (age > config.ackDeadlineMs) {
      return protocolViolation(
        Errors.unknownInteraction(),
        `callback ${Math.round(age)} ms after dispatch; Discord allows ${config.ackDeadlineMs} ms`,
      );
    }
    const problems = callbackProblems(
      record,
      body,
      ctx.files.map((f) => f.name),
    );
    if (problems === "empty") return emptyMessage();
    if (problems.length > 0) return invalidFormBody(problems);
    const type = Number(body.type);
    const data = asObject(body.data);
    registry.acknowledge(record, type, ctx.at);
    if (type === 4 || type === 5) {
      const flags =
        (typeof data.flags === "number" ? data.flags : 0) | (type === 5 ? MESSAGE_FLAG_LOADING : 0);
      const content = type === 4 ? { ...data, flags } : { flags };
      const files = type === 4 ? ctx.files : [];
      store(
        record,
        applyMessageBody(config.cdnBase(), originOf(world, record), content, files, undefined),
        true,
      );
    }
    if (type !== 5) registry.finish(record, ctx.call, body.data, ctx.files, ctx.at);
    if (ctx.query.get("with_response") !== "true") return noContent();
    const message = record.originalMessageId ? world.messages.get(record.originalMessageId) : undefined;
    return json(200, {
      interaction: {
        id: record.id,
        type: record.type,
        ...(message
          ? {
              response_message_id: message.api.id,
              response_message_loading: type === 5,
              response_message_ephemeral: (Number(message.api.flags) & 64) !== 0,
            }
          : {}),
      },
      resource: { type, ...(message ? { message: message.api } : {}) },
    });
  }

  const editMessage = (ctx: RequestContext): RouteResponse => {
    const record = live(ctx);
    if (!("id" in record)) return record;
    const existing = messageOf(record, ctx.params.message);
    if (!existing) return Errors.unknownMessage();
    const body = asObject(withoutToleratedDefaults(ctx.json));
    const loading = (Number(existing.api.flags) & MESSAGE_FLAG_LOADING) !== 0;
    const kept = Array.isArray(body.attachments)
      ? new Set(body.attachments.map((a: { id?: unknown }) => String(a.id)))
      : undefined;
    const names = new Set(ctx.files.map((f) => f.name));
    for (const [id, file] of existing.files) if (!kept || kept.has(id)) names.add(file.name);
    const limits = messageProblems(body, {
      attachmentNames: names,
      creates: loading,
      fileCount: ctx.files.length,
    });
    const problems = [...schemaProblems(Schemas.webhookEdit, body), ...limits.problems];
    if (problems.length > 0) return invalidFormBody(problems);
    if (limits.empty) return emptyMessage();
    const updated = applyMessageBody(config.cdnBase(), originOf(world, record), body, ctx.files, existing);
    store(record, updated, String(updated.api.id) === record.originalMessageId);
    if (loading) registry.finish(record, ctx.call, ctx.json, ctx.files, ctx.at);
    return json(200, updated.api);
  };

  const followUp = (ctx: RequestContext): RouteResponse => {
    const record = live(ctx);
    if (!("id" in record)) return record;
    const body = asObject(withoutToleratedDefaults(ctx.json));
    const names = new Set(ctx.files.map((f) => f.name));
    const limits = messageProblems(body, {
      attachmentNames: names,
      creates: true,
      fileCount: ctx.files.length,
    });
    const problems = [...schemaProblems(Schemas.followUp, body), ...limits.problems];
    if (problems.length > 0) return invalidFormBody(problems);
    if (limits.empty) return emptyMessage();
    // Discord: the first follow-up after a deferred response edits the "thinking" placeholder instead.
    const original = messageOf(record, "@original");
    const replacesPlaceholder =
      original !== undefined && (Number(original.api.flags) & MESSAGE_FLAG_LOADING) !== 0;
    const message = applyMessageBody(
      config.cdnBase(),
      originOf(world, record),
      body,
      ctx.files,
      replacesPlaceholder ? original : undefined,
    );
    store(record, message, replacesPlaceholder);
    registry.finish(record, ctx.call, ctx.json, ctx.files, ctx.at);
    return ctx.query.get("wait") === "true" ? json(200, message.api) : noContent();
  };

  const getMessage = (ctx: RequestContext): RouteResponse => {
    const record = live(ctx);
    if (!("id" in record)) return record;
    const message = messageOf(record, ctx.params.message);
    return message ? json(200, message.api) : Errors.unknownMessage();
  };

  const deleteMessage = (ctx: RequestContext): RouteResponse => {
    const record = live(ctx);
    if (!("id" in record)) return record;
    const message = messageOf(record, ctx.params.message);
    if (!message) return Errors.unknownMessage();
    const id = String(message.api.id);
    world.messages.delete(id);
    record.messageIds.delete(id);
    return noContent();
  };

  const messagePath = "/webhooks/:app/:token/messages/:message";
  return {
    acceptCallback,
    routes: [
      callback,
      { method: "POST", template: "/webhooks/:app/:token", auth: false, handle: followUp },
      { method: "PATCH", template: messagePath, auth: false, handle: editMessage },
      { method: "GET", template: messagePath, auth: false, handle: getMessage },
      { method: "DELETE", template: messagePath, auth: false, handle: deleteMessage },
    ],
  };
}
