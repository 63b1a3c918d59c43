import { type Client, Events, GatewayCloseCodes } from "discord.js";

/**
 * The gateway close codes after which discord.js stops reconnecting (its own list of unrecoverable
 * codes), each with what an operator can do about it. After one of these the process is alive but
 * deaf: no interaction reaches it, and nothing keeps the event loop busy, so without a word from us
 * it would idle or exit 0 and look healthy to a supervisor.
 */
const FATAL_CLOSES: ReadonlyMap<number, string> = new Map([
  [
    GatewayCloseCodes.AuthenticationFailed,
    "Authentication failed): the bot token was reset or revoked. Put the current token from the developer portal in DISCORD_TOKEN",
  ],
  [GatewayCloseCodes.InvalidShard, "Invalid shard): the shard settings do not match the application's"],
  [
    GatewayCloseCodes.ShardingRequired,
    "Sharding required): the bot is in too many servers for one connection and needs sharding",
  ],
  [
    GatewayCloseCodes.InvalidAPIVersion,
    "Invalid API version): this discord.js speaks a gateway version Discord no longer accepts; upgrade it",
  ],
  [GatewayCloseCodes.InvalidIntents, "Invalid intents): the intents the bot asks for are not valid"],
  [
    GatewayCloseCodes.DisallowedIntents,
    "Disallowed intents): the bot asks for a privileged intent the developer portal has not enabled",
  ],
]);

/** The gateway closed for good: the bot can no longer receive interactions. */
export class FatalGatewayCloseError extends Error {
  override readonly name = "FatalGatewayCloseError";

  constructor(
    readonly closeCode: number,
    readonly shardId: number,
    advice: string,
  ) {
    super(`Discord closed the gateway with ${closeCode} (${advice}.`);
  }
}

/** The error for a close code discord.js will not recover from, or null for one it reconnects after. */
export function fatalGatewayClose(closeCode: number, shardId: number): FatalGatewayCloseError | null {
  const advice = FATAL_CLOSES.get(closeCode);
  return advice === undefined ? null : new FatalGatewayCloseError(closeCode, shardId, advice);
}

/**
 * Calls `onFatal` when a shard's connection closes for good (discord.js emits `shardDisconnect`
 * only for those codes; the lookup keeps us right should that change).
 */
export function onFatalGatewayClose(client: Client, onFatal: (error: FatalGatewayCloseError) => void): void {
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const error = fatalGatewayClose(event.code, shardId);
    if (error !== null) onFatal(error);
  });
}
