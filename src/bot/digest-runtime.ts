import type { Client, REST } from "discord.js";
import type { Logger } from "pino";
import type { ChartRenderer, RenderSize } from "../services/charts/renderer.js";
import {
  createDigestScheduler,
  type DigestScheduler,
  emptyTickReport,
  type TickReport,
} from "../services/digests/digest-scheduler.js";
import { createDigestStore, type DigestStore } from "../services/digests/digest-store.js";
import type { CollectionStatus } from "../services/snapshots/collection-schedule.js";
import type { TrendsService } from "../services/snapshots/trends-service.js";
import type { Database } from "../services/storage/database.js";
import type { Leadership } from "../services/storage/leadership.js";
import { type ChannelAccess, channelAccess, createDigestDelivery } from "./digest-delivery.js";
import { createDigestMessages, type DigestMessages } from "./digest-message.js";

/** What `/digest` uses. */
export interface DigestServices {
  store: DigestStore;
  scheduler: DigestScheduler;
  messages: DigestMessages;
  /** The bot's standing in a channel, from the gateway cache. */
  access(guildId: string, channelId: string): ChannelAccess;
}

/** The digest machinery of one bot process. */
export interface DigestRuntime {
  services: DigestServices;
  /** Ticks now, then every `tickMs` (when not null). Call once the client is ready. */
  start(): void;
  /** One scheduler tick; never rejects (failures are logged and reported as errors). */
  tick(): Promise<TickReport>;
  /** The bot was removed from a guild: its digests go too. Never rejects (failures are logged). */
  forgetGuild(guildId: string): Promise<void>;
  /**
   * Stops ticking, waits for running ticks, and gives up leadership so another process need not
   * wait (the bot stops its collection schedule first: this is the last user of it).
   */
  stop(): Promise<void>;
}

/** Wires the digest store, scheduler and Discord delivery (see src/services/digests/README.md). */
export function createDigestRuntime(deps: {
  database: Database;
  /** Who leads scheduled work: only the leader posts scheduled digests. */
  leadership: Leadership;
  client: Client;
  /** REST client for channel posts, under Discord's global rate limit (see createChannelRest). */
  rest: REST;
  trends: TrendsService;
  collection: CollectionStatus;
  renderer: ChartRenderer;
  size: RenderSize;
  clock: () => Date;
  logger: Logger;
  /** Null: no timer (tests tick by hand). */
  tickMs: number | null;
  /** A post missed by at most this long (downtime) is still made; older ones are skipped and recorded. */
  graceMs: number;
  /** Limit on each Discord request of a delivery. */
  deliveryTimeoutMs?: number;
  /** A claim this old that never posted is retried (default 5 minutes). */
  claimTimeoutMs?: number;
  /** Told what every tick did (the metrics). */
  onTick?: (report: TickReport) => void;
}): DigestRuntime {
  const { client, clock, logger } = deps;
  const { leadership } = deps;
  const store = createDigestStore(deps.database, { clock });
  const messages = createDigestMessages({
    trends: deps.trends,
    collection: deps.collection,
    renderer: deps.renderer,
    size: deps.size,
    clock,
  });
  const delivery = createDigestDelivery({
    client,
    rest: deps.rest,
    messages,
    logger,
    ...(deps.deliveryTimeoutMs === undefined ? {} : { timeoutMs: deps.deliveryTimeoutMs }),
  });
  const scheduler = createDigestScheduler({
    store,
    leadership,
    clock,
    logger,
    graceMs: deps.graceMs,
    ...(deps.claimTimeoutMs === undefined ? {} : { claimTimeoutMs: deps.claimTimeoutMs }),
    ...delivery,
  });

  const running = new Set<Promise<TickReport>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  function tick(): Promise<TickReport> {
    const run = scheduler.tick().catch((error: unknown): TickReport => {
      logger.error({ err: error }, "digest tick failed");
      return { ...emptyTickReport(), errors: 1 };
    });
    void run.then((report) => deps.onTick?.(report));
    running.add(run);
    void run.finally(() => running.delete(run));
    return run;
  }

  return {
    services: {
      store,
      scheduler,
      messages,
      access: (guildId, channelId) => channelAccess(client, guildId, channelId),
    },
    start() {
      if (deps.tickMs === null || stopped || timer !== undefined) return;
      void tick();
      timer = setInterval(() => void tick(), deps.tickMs);
      timer.unref();
    },
    tick,
    async forgetGuild(guildId) {
      try {
        const removed = await store.deleteByGuild(guildId);
        if (removed > 0) logger.info({ guildId, removed }, "left a guild; deleted its digests");
      } catch (error) {
        logger.error({ err: error, guildId }, "could not delete the digests of a guild the bot left");
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...running]);
      try {
        await leadership.release();
      } catch (error) {
        logger.warn({ err: error }, "could not give up leadership of scheduled work");
      }
    },
  };
}
