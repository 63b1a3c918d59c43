import { once } from "node:events";
import { type Client, DiscordjsErrorCodes, Events } from "discord.js";
import type { Logger } from "pino";
import type { CommandServices } from "../commands/command.js";
import { COMMANDS } from "../commands/index.js";
import type { Config } from "../config.js";
import type { ChartRenderer } from "../services/charts/renderer.js";
import { createSharedRenderer } from "../services/charts/shared-renderer.js";
import type { Services } from "../services/create-services.js";
import type { TickReport } from "../services/digests/digest-scheduler.js";
import { createCollectionSchedule } from "../services/snapshots/collection-schedule.js";
import { createCooldowns } from "./cooldowns.js";
import { createDigestRuntime, DIGEST_TICK_MS } from "./digest-runtime.js";
import { createChannelRest, createDiscordClient } from "./discord-client.js";
import { type FatalGatewayCloseError, onFatalGatewayClose } from "./gateway-fatal.js";
import { createInteractionHandler } from "./interaction-handler.js";

export interface RunningBot {
  client: Client;
  services: CommandServices;
  /** Runs one collection check now (the bot does it every minute). */
  collectionTick(): Promise<void>;
  /** Runs one digest scheduler tick now (the bot does it every 30 s unless told not to). */
  digestTick(): Promise<TickReport>;
  stop(): Promise<void>;
}

/** Why the bot could not start, in words an operator can act on. */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

const COLLECTION_TICK_MS = 60_000;

/**
 * Logs in and serves interactions. Resolves once the client is ready; rejects with a StartupError
 * when the token is missing or rejected. Start-up does not register commands (`npm run register`).
 */
export async function startBot(deps: {
  config: Config;
  services: Services;
  renderer: ChartRenderer;
  logger: Logger;
  clock: () => Date;
  /** How often the digest scheduler ticks; null for never (tests call `digestTick`). 30 s. */
  digestTickMs?: number | null;
  /**
   * Called when the bot can no longer serve and will not recover by itself (the gateway closed for
   * good, e.g. the token was revoked): the composition root stops the process so that a
   * supervisor restarts it or someone is told. Default: log it.
   */
  onFatal?: (error: Error) => void;
}): Promise<RunningBot> {
  const { config, services, logger, clock } = deps;
  // Two renders at a time keep both cores' worth of work going without starving acknowledgements.
  const renderer = createSharedRenderer(deps.renderer, { cache: services.cache, concurrency: 2 });
  const token = config.discord.token;
  if (token === undefined)
    throw new StartupError("DISCORD_TOKEN is not set: the bot token from the Discord developer portal");

  const collection = createCollectionSchedule({
    collector: services.collector,
    store: services.store,
    everyMs: config.collection.everyHours * 3_600_000,
    clock,
    logger,
    onCollected: () => services.trends.warm(),
  });
  const chartSize = { width: 800, height: 400, devicePixelRatio: config.charts.devicePixelRatio };
  const client = createDiscordClient({ apiUrl: config.discord.apiUrl });
  const digests = createDigestRuntime({
    db: services.db,
    client,
    rest: createChannelRest({ apiUrl: config.discord.apiUrl, token }),
    trends: services.trends,
    collection,
    renderer,
    size: chartSize,
    clock,
    logger,
    tickMs: deps.digestTickMs === undefined ? DIGEST_TICK_MS : deps.digestTickMs,
    graceMs: config.digests.graceHours * 3_600_000,
  });
  const commandServices: CommandServices = {
    trends: services.trends,
    store: services.store,
    cache: services.cache,
    hub: services.hub,
    hubQueries: services.hubQueries,
    lookup: services.lookup,
    renderer,
    chartSize,
    collection,
    cooldowns: createCooldowns(clock),
    digests: digests.services,
    clock,
    logger,
  };

  // Rejections inside listeners surface here; without a listener they would crash the process.
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ message }, "discord client warning"));
  const handle = createInteractionHandler({ commands: COMMANDS, services: commandServices });
  // Removed from a guild (not an outage: that is `guildUnavailable`): its digests have nowhere to go.
  client.on(Events.GuildDelete, (guild) => digests.forgetGuild(guild.id));
  // Answers under way are let finish on stop, so that nobody who asked is left without one.
  const answering = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    const handled = handle(interaction).catch((error: unknown) =>
      logger.error({ err: error }, "interaction handler failed"),
    );
    answering.add(handled);
    void handled.finally(() => answering.delete(handled));
  });

  // A fatal close during login fails the start: discord.js then rejects `login` with a bare
  // "Sharding is required", or would leave `clientReady` waiting for ever.
  const closedForGood: { error: FatalGatewayCloseError | null } = { error: null };
  let fatal: (error: FatalGatewayCloseError) => void = () => undefined;
  const closedAtLogin = new Promise<never>((_, reject) => {
    fatal = reject;
  });
  closedAtLogin.catch(() => undefined);
  onFatalGatewayClose(client, (error) => {
    closedForGood.error = error;
    fatal(error);
  });

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(token);
    await Promise.race([ready, closedAtLogin]);
  } catch (error) {
    await client.destroy();
    if (isInvalidToken(error)) {
      throw new StartupError(
        "Discord rejected DISCORD_TOKEN (401 Unauthorized): check the bot token in the developer portal",
      );
    }
    if (closedForGood.error !== null) throw new StartupError(closedForGood.error.message);
    throw error;
  }
  fatal = deps.onFatal ?? ((error) => logger.fatal({ err: error }, error.message));
  logger.info({ guilds: client.guilds.cache.size, user: client.user?.tag }, "bot ready");

  // Background work runs one piece at a time on one chain, so that stop() can wait for what is
  // under way before the database closes, and a failure is logged rather than left unhandled.
  let background: Promise<void> = Promise.resolve();
  const inBackground = (what: string, work: () => Promise<void>): Promise<void> => {
    background = background
      .then(work)
      .catch((error: unknown) => logger.warn({ err: error }, `${what} failed`));
    return background;
  };
  const tick = () => inBackground("collection tick", () => collection.tick());
  // Warm the stored stats first (no Hub involved), then collect if a snapshot is due.
  void inBackground("warming stats", () => services.trends.warm());
  void tick();
  const timer = setInterval(() => void tick(), COLLECTION_TICK_MS);
  timer.unref();
  digests.start();

  return {
    client,
    services: commandServices,
    collectionTick: tick,
    digestTick: () => digests.tick(),
    async stop() {
      clearInterval(timer);
      await Promise.all([...answering]);
      await background;
      await digests.stop();
      await client.destroy();
    },
  };
}

function isInvalidToken(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, status } = error as { code?: unknown; status?: unknown };
  return code === DiscordjsErrorCodes.TokenInvalid || status === 401;
}
