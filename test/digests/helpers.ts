import pino, { type Logger } from "pino";
import type { DeliveryRequest } from "../../src/services/digests/digest-scheduler.js";
import type { Digest, NewDigest } from "../../src/services/digests/digest-store.js";
import { type Database, openDatabase } from "../../src/services/storage/database.js";

export const silentLogger: Logger = pino({ level: "silent" });

/** A clock the test moves by hand. */
export interface FakeClock {
  (): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function fakeClock(startIso: string): FakeClock {
  let now = new Date(startIso);
  return Object.assign(() => new Date(now.getTime()), {
    set(iso: string) {
      now = new Date(iso);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  });
}

export function openMemoryDatabase(): Promise<Database> {
  return openDatabase({ kind: "sqlite", path: ":memory:" }, { logger: silentLogger });
}

/** Digest settings with test defaults: Mondays at 09:00 in Shanghai. */
export function newDigest(overrides: Partial<NewDigest> = {}): NewDigest {
  return {
    guildId: "100000000000000001",
    channelId: "200000000000000001",
    day: "mon",
    time: "09:00",
    timezone: "Asia/Shanghai",
    region: null,
    language: "en-US",
    createdBy: "300000000000000001",
    ...overrides,
  };
}

/** A message as the fake Discord channel keeps it. */
export interface FakeMessage {
  id: string;
  channelId: string;
  digestId: number;
  period: string;
  nonce: string;
}

/**
 * Stands in for the channels the Discord layer posts to: `deliver` adds a message (carrying its
 * period, as the real one will), `findExisting` searches for it. Nonces are recorded but NOT
 * de-duplicated, so a double post shows up as two messages instead of being hidden by the peer.
 */
export interface FakeChannels {
  messages: FakeMessage[];
  deliver(digest: Digest, request: DeliveryRequest): Promise<{ messageId: string }>;
  findExisting(digest: Digest, request: DeliveryRequest): Promise<string | null>;
  postsFor(digestId: number, period?: string): FakeMessage[];
  /** Calls to deliver so far, including failed ones. */
  deliverCalls: number;
  findCalls: number;
  /** The next deliver calls throw these, one each, in order. */
  failNext(...errors: unknown[]): void;
}

export function fakeChannels(): FakeChannels {
  const failures: unknown[] = [];
  let nextId = 1;
  const channels: FakeChannels = {
    messages: [],
    deliverCalls: 0,
    findCalls: 0,
    async deliver(digest, request) {
      channels.deliverCalls++;
      await Promise.resolve();
      if (failures.length > 0) throw failures.shift();
      const message = {
        id: `m${nextId++}`,
        channelId: digest.channelId,
        digestId: digest.id,
        period: request.period,
        nonce: request.nonce,
      };
      channels.messages.push(message);
      return { messageId: message.id };
    },
    async findExisting(digest, request) {
      channels.findCalls++;
      await Promise.resolve();
      const found = channels.messages.find(
        (message) =>
          message.channelId === digest.channelId &&
          message.digestId === digest.id &&
          message.period === request.period,
      );
      return found?.id ?? null;
    },
    postsFor(digestId, period) {
      return channels.messages.filter(
        (message) => message.digestId === digestId && (period === undefined || message.period === period),
      );
    },
    failNext(...errors) {
      failures.push(...errors);
    },
  };
  return channels;
}

/** An error shaped like discord.js's DiscordAPIError, as far as classifyError looks. */
export class FakeDiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the Discord layer is specified to do: 10003/50001/50013 pause, everything else retries. */
export function classifyFakeError(error: unknown): "retry" | "pause" {
  return error instanceof FakeDiscordError && [10003, 50001, 50013].includes(error.code) ? "pause" : "retry";
}
