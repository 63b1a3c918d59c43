import { type Client, Events, Status } from "discord.js";
import type { Logger } from "pino";
import { emptyTickReport, type TickReport } from "../services/digests/digest-scheduler.js";
import type { CycleReport } from "../services/watches/watch-poller.js";
import type { CommandServices } from "./command-services.js";
import { type BotParts, StartupError } from "./create-bot.js";
import { serveGatewayInteractions } from "./gateway.js";
import { type FatalGatewayCloseError, onFatalGatewayClose } from "./gateway-fatal.js";
import { type Health, healthRoute, metricsRoute, storeAnswers } from "./http/health.js";
import { type HttpHandler, type RunningHttpServer, startHttpServer } from "./http/http-server.js";
import { interactionsEndpoint } from "./http/interactions-endpoint.js";
import { createSignatureVerifier } from "./http/signature.js";
import { loginWithRetry } from "./login.js";

export { StartupError };

export interface RunningBot {
  client: Client;
  services: CommandServices;
  /** Runs one collection check now (the bot does it every minute). */
  collectionTick(): Promise<void>;
  /** Runs one digest scheduler tick now (the bot does it every 30 s unless told not to). */
  digestTick(): Promise<TickReport>;
  /** Runs one watch poll cycle now, without spreading (the bot polls every WATCH_POLL_SECONDS). */
  watchCycle(): Promise<CycleReport | null>;
  /** The port of the HTTP server (interactions, health, metrics); null when there is none. */
  httpPort: number | null;
  /** Whether the process can serve now (what GET /healthz answers). */
  health(): Promise<Health>;
  stop(): Promise<void>;
}

export interface StartBotOptions {
  /**
   * Called when the bot can no longer serve and will not recover by itself (the gateway closed for
   * good, e.g. the token was revoked): the composition root stops the process so that a
   * supervisor restarts it or someone is told. Default: log it.
   */
  onFatal?: (error: Error) => void;
  /** How start-up tells a person that Discord cannot be reached; logged as a warning by default. */
  notice?: (line: string) => void;
}

const COLLECTION_TICK_MS = 60_000;

/**
 * Runs what the process's roles and mode ask for (see BotRuntime): interactions over the gateway
 * or on `POST /interactions`; collection and digests under leadership in a scheduler process; an
 * interactions-only process follows the snapshots the scheduler stores and never collects or
 * posts scheduled digests. Logs in and serves interactions (built by `createBot`). Resolves once the client is ready;
 * rejects with a StartupError when the token is rejected or the gateway closes for good during
 * login. While Discord cannot be reached, it keeps trying (see `loginWithRetry`), and the
 * collection schedule already runs: the first start's snapshot is taken whether or not Discord
 * answers. Start-up does not register commands (`npm run register`).
 */
export async function startBot(
  bot: BotParts,
  logger: Logger,
  options: StartBotOptions = {},
): Promise<RunningBot> {
  const { client, digests, watches, runtime } = bot;
  const answersInteractions = runtime.roles.has("interactions");
  const schedules = runtime.roles.has("scheduler");
  // Rejections inside listeners surface here; without a listener they would crash the process.
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ message }, "discord client warning"));
  // Removed from a guild (not an outage: that is `guildUnavailable`): its digests have nowhere to go.
  client.on(Events.GuildDelete, (guild) => {
    void digests.forgetGuild(guild.id);
    void watches.forgetGuild(guild.id);
  });
  // Answers under way are let finish on stop, so that nobody who asked is left without one.
  const answering = new Set<Promise<void>>();
  const track = (handled: Promise<void>) => {
    answering.add(handled);
    void handled.finally(() => answering.delete(handled));
  };
  if (runtime.mode === "gateway" && answersInteractions)
    serveGatewayInteractions(client, bot.router, logger, track);

  const health = async (): Promise<Health> => {
    const store = await storeAnswers(bot.database);
    const gateway = !runtime.gateway
      ? "not used"
      : client.isReady() && client.ws.status === Status.Ready
        ? "connected"
        : "disconnected";
    // In http mode the gateway only cleans up after guilds: interactions are served without it.
    const ready = store && (runtime.mode === "http" || gateway === "connected");
    return { ready, store, gateway };
  };
  let server: RunningHttpServer | null = null;
  if (runtime.httpPort !== null) {
    const routes = new Map<string, HttpHandler>([
      ["GET /healthz", healthRoute(health)],
      ["GET /metrics", metricsRoute(bot.metrics.registry)],
    ]);
    if (runtime.mode === "http" && answersInteractions && runtime.publicKey !== undefined) {
      const verify = createSignatureVerifier(runtime.publicKey, bot.services.clock);
      routes.set(
        "POST /interactions",
        interactionsEndpoint({ verify, router: bot.router, rest: client.rest, logger, track }),
      );
    }
    server = await startHttpServer({ port: runtime.httpPort, routes, logger });
    logger.info(
      { port: server.port, mode: runtime.mode, roles: [...runtime.roles] },
      "http server listening",
    );
  }

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

  // Background work runs one piece at a time on one chain, so that stop() can wait for what is
  // under way before the database closes, and a failure is logged rather than left unhandled.
  let background: Promise<void> = Promise.resolve();
  const inBackground = (what: string, work: () => Promise<void>): Promise<void> => {
    background = background
      .then(work)
      .catch((error: unknown) => logger.warn({ err: error }, `${what} failed`));
    return background;
  };
  const tick = () => inBackground("collection tick", () => bot.collection.tick());
  // Warm the stored stats first (no Hub involved), then collect if a snapshot is due: before the
  // login, so that a bot that cannot reach Discord yet still takes its snapshots.
  void inBackground("warming stats", bot.warm);
  void tick();
  const timer = setInterval(() => void tick(), COLLECTION_TICK_MS);
  timer.unref();

  if (runtime.gateway) {
    try {
      await loginWithRetry(client, bot.token, {
        notice: options.notice ?? ((line) => logger.warn(line)),
        closedForGood: closedAtLogin,
      });
    } catch (error) {
      clearInterval(timer);
      await background;
      await server?.close();
      if (closedForGood.error !== null) throw new StartupError(closedForGood.error.message);
      throw error;
    }
    logger.info({ guilds: client.guilds.cache.size, user: client.user?.tag }, "bot ready");
  }
  fatal = options.onFatal ?? ((error) => logger.fatal({ err: error }, error.message));
  if (schedules) {
    digests.start();
    watches.start();
  }

  return {
    client,
    services: bot.services,
    collectionTick: tick,
    // Only a scheduler process ticks (an interactions-only one never posts scheduled digests).
    digestTick: () => (schedules ? digests.tick() : Promise.resolve(emptyTickReport())),
    // Likewise for watches: only a scheduler polls and posts.
    watchCycle: () => (schedules ? watches.cycle() : Promise.resolve(null)),
    httpPort: server?.port ?? null,
    health,
    async stop() {
      clearInterval(timer);
      // No new interactions from here; those under way are answered first.
      const closing = server?.close();
      await Promise.all([...answering]);
      await closing;
      await background;
      // Before the digests: their stop gives up the leadership both share.
      await watches.stop();
      await digests.stop();
      await client.destroy();
    },
  };
}
