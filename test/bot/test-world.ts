import type { FakeChannelInit, FakeGuildInit } from "../fakes/discord/index.js";
import { Permission } from "../fakes/discord/index.js";
import { generateHubDatasets, type HubDatasetRow } from "../fixtures/generate-hub-datasets.js";
import { generateHubModels, type HubModelRow } from "../fixtures/generate-hub-models.js";

/**
 * What a test bot's world is made of (the guild, the clock, the Hub's rows, the configuration),
 * apart from starting anything, so that a bench can set the fakes up in another process with the
 * same data as the tests.
 */

export const GUILD_ID = "1190000000000000001";
export const CHANNEL_ID = "1190000000000000011";
/** The bot may send here but not embed or attach. */
export const PLAIN_CHANNEL_ID = "1190000000000000012";
export const APPLICATION_ID = "1190000000000000100";
export const USER = { id: "1190000000000000200", username: "ada" };

export function testGuild(extraChannels: FakeChannelInit[] = []): FakeGuildInit {
  return {
    id: GUILD_ID,
    name: "ML community",
    channels: [
      { id: CHANNEL_ID, name: "trends", type: 0 },
      {
        id: PLAIN_CHANNEL_ID,
        name: "plain",
        type: 0,
        botPermissions: { deny: Permission.EmbedLinks | Permission.AttachFiles },
      },
      ...extraChannels,
    ],
  };
}

/**
 * The clock the bot and its services read. It follows real time (discord.js and the fake
 * Discord wait in real time) shifted by an offset the test sets, so a test can jump to next
 * Monday 09:00 in Shanghai and tick.
 */
export interface TestClock {
  (): Date;
  /** From now on the clock reads `iso`, then runs on from there. */
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(startIso?: string): TestClock {
  let offset = startIso === undefined ? 0 : Date.parse(startIso) - Date.now();
  return Object.assign(() => new Date(Date.now() + offset), {
    set(iso: string) {
      offset = Date.parse(iso) - Date.now();
    },
    advance(ms: number) {
      offset += ms;
    },
  });
}

/** The fake Hub's rows: generated models and datasets (seeded, dated from `now`) plus the extra ones. */
export function testHubRows(options: {
  /** Generated model rows (default 400). */
  models?: number;
  extraModels?: HubModelRow[];
  extraDatasets?: HubDatasetRow[];
  now: Date;
}): { models: HubModelRow[]; datasets: HubDatasetRow[] } {
  const { now } = options;
  return {
    models: [
      ...generateHubModels({ count: options.models ?? 400, now, seed: 5 }).rows,
      ...(options.extraModels ?? []),
    ],
    datasets: [...generateHubDatasets({ count: 60, now, seed: 5 }).rows, ...(options.extraDatasets ?? [])],
  };
}

/** The configuration variables of a test bot talking to the given peers (small snapshots, ×1 charts). */
export function testEnv(peers: {
  token: string;
  apiUrl: string;
  hubUrl: string;
  databasePath: string;
}): Record<string, string> {
  return {
    DISCORD_TOKEN: peers.token,
    DISCORD_API_URL: peers.apiUrl,
    HUB_URL: peers.hubUrl,
    DATABASE_PATH: peers.databasePath,
    SNAPSHOT_TOP_N: "300",
    SNAPSHOT_TRENDING_N: "50",
    SNAPSHOT_NEW_LIMIT: "50",
    CHART_DEVICE_PIXEL_RATIO: "1",
  };
}
