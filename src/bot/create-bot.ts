import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Client } from "discord.js";
import type { Logger } from "pino";
import type { Config, Role } from "../config.js";
import { type ChartRenderer, DEFAULT_RENDER_SIZE } from "../services/charts/renderer.js";
import { createSharedRenderer } from "../services/charts/shared-renderer.js";
import type { Services } from "../services/create-services.js";
import { createMetrics, type Metrics } from "../services/metrics.js";
import { createCollectionOutcomeStore } from "../services/snapshots/collection-outcome-store.js";
import {
  type CollectionSchedule,
  createCollectionSchedule,
} from "../services/snapshots/collection-schedule.js";
import type { Database } from "../services/storage/database.js";
import { createLeadership, type Leadership } from "../services/storage/leadership.js";
import type { Command } from "./command.js";
import type { CommandServices } from "./command-services.js";
import { createCooldowns } from "./cooldowns.js";
import { createDigestRuntime, type DigestRuntime } from "./digest-runtime.js";
import { createChannelRest, createDiscordClient } from "./discord-client.js";
import { prerenderTrendsCharts } from "./prerender-charts.js";
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
  /** How interactions arrive and what this process does (from the configuration). */
  runtime: BotRuntime;
  client: Client;
  router: InteractionRouter;
  /** What commands get (tests read the digest store through it). */
  services: CommandServices;
  collection: CollectionSchedule;
  digests: DigestRuntime;
  watches: WatchRuntime;
  /** Loads the stored stats into the cache (no Hub involved) and draws /trends' usual charts. */
  warm(): Promise<void>;
  metrics: Metrics;
  /** The store everything runs on (health checks read it). */
  database: Database;
}

/** What a process serves: see `INTERACTIONS_MODE`, `HTTP_PORT`, `ROLES` and `GATEWAY` in the README. */
export interface BotRuntime {
  mode: "gateway" | "http";
  /** The HTTP server's port (0: any free one); null for none (gateway mode without HTTP_PORT). */
  httpPort: number | null;
  /** Set whenever mode is http. */
  publicKey: string | undefined;
  roles: ReadonlySet<Role>;
  /** Whether to connect to the gateway at all. */
  gateway: boolean;
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
  /** How often the digest scheduler ticks; null for never (tests call `digestTick`). DIGEST_TICK_SECONDS. */
  digestTickMs?: number | null;
  /** Watch polling period; null for no loop (tests call `watchCycle`). WATCH_POLL_SECONDS. */
  watchPollMs?: number | null;
  /** The process's metrics (the composition root counts Hub requests into the same ones). */
  metrics?: Metrics;
}): BotParts {
  const { config, services, logger, clock } = deps;
  const token = config.discord.token;
  if (token === undefined)
    throw new StartupError("DISCORD_TOKEN is not set: the bot token from the Discord developer portal");
  // Two renders at a time keep both cores' worth of work going without starving acknowledgements.
  const renderer = createSharedRenderer(deps.renderer, { cache: services.cache, concurrency: 2 });
  // One leader among every bot process on the database, for all scheduled work.
  const metrics = deps.metrics ?? createMetrics();
  const leadership = observedLeadership(
    createLeadership(services.database, {
      name: SCHEDULER_LEADERSHIP,
      holder: `${hostname()}:${process.pid}:${randomUUID()}`,
      ttlMs: LEADERSHIP_TTL_MS,
      clock,
      logger,
    }),
    metrics,
  );
  // Only a scheduler backfills the stored aggregates: every replica would otherwise redo it.
  const warming = { backfill: config.roles.has("scheduler") };
  const chartSize = { ...DEFAULT_RENDER_SIZE, devicePixelRatio: config.charts.devicePixelRatio };
  // Stats for everyone; a process that answers commands also draws /trends' usual charts ahead.
  const warm = async () => {
    await services.trends.warm(warming);
    if (config.roles.has("interactions"))
      await prerenderTrendsCharts({ trends: services.trends, renderer, chartSize, logger });
  };
  const collection = createCollectionSchedule({
    collector: services.collector,
    // An interactions-only process follows what the scheduler stores and never collects itself.
    collects: config.roles.has("scheduler"),
    outcomes: createCollectionOutcomeStore(services.database),
    leadership,
    follow: () => services.trends.refresh(),
    everyMs: config.collection.everyHours * 3_600_000,
    clock,
    logger,
    onNewSnapshot: warm,
  });
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
    tickMs: deps.digestTickMs === undefined ? config.digests.tickSeconds * 1000 : deps.digestTickMs,
    claimTimeoutMs: config.digests.claimTimeoutSeconds * 1000,
    graceMs: config.digests.graceHours * 3_600_000,
    onTick: (report) => metrics.digestTick(report),
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
    onCycle: (report) => metrics.watchCycle(report.outcomes),
  });
  metrics.snapshotTakenAt(() => collection.lastSuccessAt(), clock);
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
    observe: (kind, command, outcome, latencyMs) => metrics.interaction(kind, command, outcome, latencyMs),
  });
  return {
    token,
    runtime: {
      mode: config.interactions.mode,
      httpPort: config.interactions.port,
      publicKey: config.interactions.publicKey,
      roles: config.roles,
      gateway: config.gateway,
    },
    client,
    router,
    services: commandServices,
    collection,
    digests,
    watches,
    warm,
    metrics,
    database: services.database,
  };
}

/** Leadership that reports, at every try, whether this process leads (the metrics' gauge). */
function observedLeadership(leadership: Leadership, metrics: Metrics): Leadership {
  return {
    holder: leadership.holder,
    async acquire() {
      const leads = await leadership.acquire();
      metrics.leadership(leads);
      return leads;
    },
    async release() {
      await leadership.release();
      metrics.leadership(false);
    },
  };
}
