import { randomToken, snowflake } from "./ids.js";
import { channelPayload, memberPayload, userPayload } from "./payloads.js";
import { toBits } from "./permissions.js";
import type { UserState, World } from "./state.js";
import { makeUser } from "./state.js";
import type {
  DispatchedInteraction,
  DispatchInteractionArgs,
  InteractionOptionInit,
  InteractionOutcome,
  InteractionTimings,
  RecordedCall,
  RecordedFile,
} from "./types.js";

/** Everything the fake knows about one dispatched interaction. */
export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 application command, 4 autocomplete. */
  type: number;
  commandName: string;
  guildId: string;
  channelId: string;
  user: UserState;
  /** Type of the focused option of an autocomplete. */
  focusedType: number | undefined;
  payload: Record<string, unknown>;
  dispatchedAt: number;
  acknowledgedAt?: number;
  callbackType?: number;
  originalMessageId?: string;
  messageIds: Set<string>;
  final?: { at: number; call: RecordedCall; json: unknown; files: RecordedFile[] };
  calls: RecordedCall[];
  listeners: Set<() => void>;
}

function findFocused(
  options: readonly InteractionOptionInit[] | undefined,
): InteractionOptionInit | undefined {
  for (const option of options ?? []) {
    if (option.focused) return option;
    const nested = findFocused(option.options);
    if (nested) return nested;
  }
  return undefined;
}

/** Checks dispatched options against the registered command, so a test cannot send what Discord never would. */
function checkOptions(given: readonly InteractionOptionInit[], declared: unknown, where: string): void {
  const list = Array.isArray(declared) ? (declared as Record<string, unknown>[]) : [];
  for (const option of given) {
    const match = list.find((d) => d.name === option.name);
    if (!match)
      throw new Error(`${where}: option "${option.name}" is not declared by the registered command`);
    if (match.type !== option.type) {
      throw new Error(
        `${where}: option "${option.name}" is declared with type ${String(match.type)}, not ${option.type}`,
      );
    }
    if (option.options) checkOptions(option.options, match.options, `${where} ${option.name}`);
  }
}

const timingsOf = (r: InteractionRecord): InteractionTimings => ({
  interactionId: r.id,
  commandName: r.commandName,
  interactionType: r.type,
  dispatchedAt: r.dispatchedAt,
  acknowledgedAt: r.acknowledgedAt,
  finalAt: r.final?.at,
});

/** Dispatched interactions by id and token, with their answers and timings. */
export class InteractionRegistry {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly world: World,
    private readonly clock: () => number,
  ) {}

  /** Builds an INTERACTION_CREATE payload like Discord's for a guild text channel and registers it. */
  create(type: 2 | 4, args: DispatchInteractionArgs): InteractionRecord {
    const guild = this.world.guilds.get(args.guildId);
    if (!guild) throw new Error(`unknown guild ${args.guildId}`);
    const channel = guild.channels.get(args.channelId);
    if (!channel) throw new Error(`unknown channel ${args.channelId} in guild ${guild.id}`);
    const user = makeUser(args.user, "tester");
    const member = this.world.ensureMember(guild, user, args.roleIds ?? []);
    const command = this.world.findCommand(guild.id, args.name, 1);
    if (command) checkOptions(args.options ?? [], command.options, `/${args.name}`);
    const focused = findFocused(args.options);
    if (type === 4 && !focused)
      throw new Error("an autocomplete interaction needs one option with focused: true");
    const memberPermissions =
      args.memberPermissions === undefined
        ? this.world.permissionsOf(guild, user.id, channel)
        : toBits(args.memberPermissions);
    const appPermissions =
      args.appPermissions === undefined ? this.world.botPermissionsIn(channel) : toBits(args.appPermissions);
    const id = snowflake();
    const token = randomToken("aW50ZXJhY3Rpb246");
    const payload: Record<string, unknown> = {
      id,
      application_id: this.world.applicationId,
      type,
      data: {
        id: command?.id ?? snowflake(),
        name: args.name,
        type: 1,
        ...(args.options ? { options: args.options } : {}),
        ...(args.resolved ? { resolved: args.resolved } : {}),
        ...(command && "guild_id" in command ? { guild_id: command.guild_id } : {}),
      },
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      guild_id: guild.id,
      channel: { ...channelPayload(channel), permissions: memberPermissions.toString() },
      channel_id: channel.id,
      member: {
        ...memberPayload(this.world, member),
        user: userPayload(user),
        permissions: memberPermissions.toString(),
      },
      token,
      version: 1,
      locale: args.locale ?? "en-US",
      guild_locale: guild.preferredLocale,
      app_permissions: appPermissions.toString(),
      entitlements: [],
      entitlement_sku_ids: [],
      authorizing_integration_owners: { "0": guild.id },
      context: 0,
      attachment_size_limit: 10_485_760,
    };
    const record: InteractionRecord = {
      id,
      token,
      type,
      commandName: args.name,
      guildId: guild.id,
      channelId: channel.id,
      user,
      focusedType: focused?.type,
      payload,
      dispatchedAt: this.clock(),
      messageIds: new Set(),
      calls: [],
      listeners: new Set(),
    };
    this.byId.set(id, record);
    this.byToken.set(token, record);
    return record;
  }

  get(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  byWebhookToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  /** Marks the first accepted callback. */
  acknowledge(record: InteractionRecord, callbackType: number, at: number): void {
    record.acknowledgedAt = at;
    record.callbackType = callbackType;
    this.notify(record);
  }

  /** Marks the moment the user saw the whole answer (only the first one counts). */
  finish(
    record: InteractionRecord,
    call: RecordedCall,
    json: unknown,
    files: RecordedFile[],
    at: number,
  ): void {
    if (record.final) return;
    record.final = { at, call, json, files };
    this.notify(record);
  }

  notify(record: InteractionRecord): void {
    for (const listener of record.listeners) listener();
  }

  /** Timings of every interaction, in dispatch order. */
  timings(): InteractionTimings[] {
    return [...this.byId.values()].map(timingsOf);
  }

  /** The handle tests hold. */
  handle(record: InteractionRecord): DispatchedInteraction {
    const waitFor = <T>(ready: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const check = (): void => {
          const value = ready();
          if (value === undefined) return;
          clearTimeout(timer);
          record.listeners.delete(check);
          resolve(value);
        };
        const timer = setTimeout(() => {
          record.listeners.delete(check);
          reject(
            new Error(
              `/${record.commandName} (${record.id}) ${what} within ${timeoutMs} ms; ${this.explain(record)}`,
            ),
          );
        }, timeoutMs);
        record.listeners.add(check);
        check();
      });
    return {
      id: record.id,
      token: record.token,
      payload: record.payload,
      get timings() {
        return timingsOf(record);
      },
      calls: () => [...record.calls],
      waitForAck: (timeoutMs = 10_000) =>
        waitFor(
          () => (record.acknowledgedAt === undefined ? undefined : timingsOf(record)),
          timeoutMs,
          "was not acknowledged",
        ),
      waitForFinal: (timeoutMs = 10_000) =>
        waitFor(
          (): InteractionOutcome | undefined => {
            const { final, acknowledgedAt, callbackType } = record;
            if (!final || acknowledgedAt === undefined || callbackType === undefined) return undefined;
            return {
              callbackType,
              timings: { ...timingsOf(record), acknowledgedAt, finalAt: final.at },
              finalCall: final.call,
              json: final.json,
              files: final.files,
            };
          },
          timeoutMs,
          "was not answered in full",
        ),
    };
  }

  /** What happened so far, for a timeout message that says where the answer got stuck. */
  private explain(record: InteractionRecord): string {
    const ack =
      record.acknowledgedAt === undefined
        ? "no accepted callback"
        : `acknowledged with type ${record.callbackType} after ${(record.acknowledgedAt - record.dispatchedAt).toFixed(1)} ms`;
    const calls = record.calls.map((c) => `${c.method} ${c.route ?? c.path} → ${c.status}`).join(", ");
    return `${ack}; calls: ${calls || "none"}`;
  }
}
