import { setTimeout as delay } from "node:timers/promises";
import type { Client, REST } from "discord.js";
import type { Logger } from "pino";
import type { HubClient } from "../services/hub/hub-client.js";
import type { ModelRecord } from "../services/hub/types.js";
import type { RegionAttributor } from "../services/regions/attribution.js";
import type { Database } from "../services/storage/database.js";
import type { Leadership } from "../services/storage/leadership.js";
import { createAlertAttempt } from "../services/watches/alert-attempt.js";
import { type CycleReport, createWatchPoller, type WatchPoller } from "../services/watches/watch-poller.js";
import { createWatchStore, type WatchStore } from "../services/watches/watch-store.js";
import {
  createWatchDelivery,
  type WatchChannelAccess,
  type WatchDelivery,
  watchChannelAccess,
} from "./watch-delivery.js";

/** What `/watch` uses. */
export interface WatchServices {
  store: WatchStore;
  compose: WatchDelivery["compose"];
  /** The bot's standing in a channel, from the gateway cache. */
  access(guildId: string, channelId: string): WatchChannelAccess;
}

/** The watch machinery of one bot process. */
export interface WatchRuntime {
  services: WatchServices;
  poller: WatchPoller;
  /** Polls every watched org, spread over the poll period, again and again. Call once ready. */
  start(): void;
  /** One cycle now, with no spread (tests); never rejects. */
  cycle(): Promise<CycleReport | null>;
  forgetGuild(guildId: string): Promise<void>;
  /** Stops polling and waits for the cycle under way to finish its current org. */
  stop(): Promise<void>;
}

/** Wires the watch store, poller and Discord delivery (see src/services/watches/). */
export function createWatchRuntime(deps: {
  database: Database;
  leadership: Leadership;
  client: Client;
  rest: REST;
  hub: Pick<HubClient, "listNewestModels">;
  regions: RegionAttributor;
  snapshotModels: () => readonly ModelRecord[] | null;
  hubUrl: string;
  /** Each org is asked once per period; null: no loop (tests call `cycle`). */
  pollMs: number | null;
  clock: () => Date;
  logger: Logger;
  /** Told what every cycle did (the process's metrics). */
  onCycle?: (report: CycleReport) => void;
}): WatchRuntime {
  const { clock, logger } = deps;
  const store = createWatchStore(deps.database, { clock });
  const delivery = createWatchDelivery({
    client: deps.client,
    rest: deps.rest,
    regions: deps.regions,
    snapshotModels: deps.snapshotModels,
    hubUrl: deps.hubUrl,
    clock,
    logger,
  });
  const poller = createWatchPoller({
    store,
    hub: deps.hub,
    snapshotModels: deps.snapshotModels,
    leadership: deps.leadership,
    attempt: createAlertAttempt({ store, clock, logger, ...delivery }),
    clock,
    logger,
  });
  const stopping = new AbortController();
  let loop: Promise<void> | null = null;
  const sleep = (ms: number) => delay(ms, undefined, { signal: stopping.signal });

  async function cycleSafely(spreadMs: number): Promise<CycleReport | null> {
    try {
      const report = await poller.cycle({ spreadMs, sleep });
      deps.onCycle?.(report);
      return report;
    } catch (error) {
      if (!stopping.signal.aborted) logger.error({ err: error }, "watch poll cycle failed");
      return null;
    }
  }

  return {
    services: {
      store,
      compose: delivery.compose,
      access: (guildId, channelId) => watchChannelAccess(deps.client, guildId, channelId),
    },
    poller,
    start() {
      const pollMs = deps.pollMs;
      if (pollMs === null || loop !== null) return;
      loop = (async () => {
        while (!stopping.signal.aborted) {
          const started = clock().getTime();
          const report = await cycleSafely(pollMs);
          if (report !== null && report.orgs > 0) logger.info(report, "watch poll cycle done");
          // A cycle that led spreads its orgs over the period; one that did not waits it out.
          const left = pollMs - (clock().getTime() - started);
          await sleep(Math.max(1000, left)).catch(() => undefined);
        }
      })();
    },
    cycle: () => cycleSafely(0),
    async forgetGuild(guildId) {
      try {
        await store.deleteByGuild(guildId);
      } catch (error) {
        logger.error({ err: error, guildId }, "could not delete the watches of a guild the bot left");
      }
    },
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
