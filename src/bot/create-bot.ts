import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Client } from "discord.js";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { type ChartRenderer, DEFAULT_RENDER_SIZE } from "../services/charts/renderer.js";
import { createSharedRenderer } from "../services/charts/shared-renderer.js";
import type { Services } from "../services/create-services.js";
import {
  type CollectionSchedule,
  createCollectionSchedule,
} from "../services/snapshots/collection-schedule.js";
import { createLeadership } from "../services/storage/leadership.js";
import type { Command } from "./command.js";
import type { CommandServices } from "./command-services.js";
import { createCooldowns } from "./cooldowns.js";
import { createDigestRuntime, DIGEST_TICK_MS, type DigestRuntime } from "./digest-runtime.js";
import { createChannelRest, createDiscordClient } from "./discord-client.js";
import { createInteractionRouter, type InteractionRouter } from "./router.js";
import { createWatchRuntime, type WatchRuntime } from "./watch-runtime.js";

/**
 * What the leadership of scheduled work is called: the name the lease had when it led digests
 * alone, kept so that a process of the previous version and one of this version, side by side
 * during an upgrade, never both lead.
 */
const SCHEDULER_LEADERSHIP = "digest-scheduler";
/**
 * Three digest ticks: a leader that stops renewing is replaced within 90 s (on SQLite, the lease's
 * expiry; on PostgreSQL, the leadership session's idle timeout; a leader that dies is replaced at
 * the next tick there, see leadership.ts).
 */
const LEADERSHIP_TTL_MS = 90_000;

/** Why the bot could not start, in words an operator can act on. */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

/** The bot's parts, wired but not connected: {@link startBot} logs in and runs them. */
export interface BotParts {
  token: string;
  client: Client;
  router: InteractionRouter;
  /** What commands get (tests read the digest store through it). */
  services: CommandServices;
  collection: CollectionSchedule;
  digests: DigestRuntime;
  watches: WatchRuntime;
  /** Loads the stored stats into the cache (no Hub involved). */
  warm(): Promise<void>;
}

/**
 * The bot's composition, next to `createServices`: the shared chart renderer, the collection
 * schedule, the Discord client, the digest machinery, what commands get, and the router over
 * `commands` (src/index.ts passes the list in). Connects to nothing.
 */
export function createBot(deps: {
  config: Config;
  services: Services;
  renderer: ChartRenderer;
  commands: readonly Command[];
  logger: Logger;
  clock: () => Date;
  /** How often the digest scheduler ticks; null for never (tests call `digestTick`). 30 s. */
  digestTickMs?: number | null;
  /** Watch polling period; null for no loop (tests call `watchCycle`). WATCH_POLL_SECONDS. */
  watchPollMs?: number | null;
}): BotParts {
  const { config, services, logger, clock } = deps;
  const token = config.discord.token;
  if (token === undefined)
    throw new StartupError("DISCORD_TOKEN is not set: the bot token from the Discord developer portal");
  // Two renders at a time keep both cores' worth of work going without starving acknowledgements.
  const renderer = createSharedRenderer(deps.renderer, { cache: services.cache, concurrency: 2 });
  // One leader among every bot process on the database, for all scheduled work.
  const leadership = createLeadership(services.database, {
    name: SCHEDULER_LEADERSHIP,
    holder: `${hostname()}:${process.pid}:${randomUUID()}`,
    ttlMs: LEADERSHIP_TTL_MS,
    clock,
    logger,
  });
  const collection = createCollectionSchedule({
    collector: services.collector,
    leadership,
    follow: () => services.trends.refresh(),
    everyMs: config.collection.everyHours * 3_600_000,
    clock,
    logger,
    onNewSnapshot: () => services.trends.warm(),
  });
  const chartSize = { ...DEFAULT_RENDER_SIZE, devicePixelRatio: config.charts.devicePixelRatio };
  const client = createDiscordClient({ apiUrl: config.discord.apiUrl });
  // One REST client for every channel post (digests and watches), under one global rate limit.
  const channelRest = createChannelRest({ apiUrl: config.discord.apiUrl, token });
  const digests = createDigestRuntime({
    database: services.database,
    leadership,
    client,
    rest: channelRest,
    trends: services.trends,
    collection,
    renderer,
    size: chartSize,
    clock,
    logger,
    tickMs: deps.digestTickMs === undefined ? DIGEST_TICK_MS : deps.digestTickMs,
    graceMs: config.digests.graceHours * 3_600_000,
  });
  const watches = createWatchRuntime({
    database: services.database,
    leadership,
    client,
    rest: channelRest,
    hub: services.hub,
    regions: services.lookup,
    snapshotModels: () => services.trends.newestStored()?.models ?? null,
    hubUrl: config.hub.url,
    pollMs: deps.watchPollMs === undefined ? config.watches.pollSeconds * 1000 : deps.watchPollMs,
    clock,
    logger,
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
    digests: digests.services,
    watches: watches.services,
    clock,
    logger,
  };
  const router = createInteractionRouter({
    commands: deps.commands,
    services: commandServices,
    cooldowns: createCooldowns(clock),
    logger,
    clock,
  });
  return {
    token,
    client,
    router,
    services: commandServices,
    collection,
    digests,
    watches,
    warm: () => services.trends.warm(),
  };
}
