import type { Interaction } from "discord.js";
import { Client, Events, GatewayIntentBits } from "discord.js";
import { afterEach, expect } from "vitest";
import type { FakeDiscord, FakeDiscordOptions, FakeGuildInit } from "../fakes/discord/index.js";
import { Permission, startFakeDiscord } from "../fakes/discord/index.js";

export const GUILD_ID = "1180000000000000001";
export const TEXT_CHANNEL_ID = "1180000000000000011";
/** The bot may read but not send here. */
export const MUTED_CHANNEL_ID = "1180000000000000012";
export const APPLICATION_ID = "1180000000000000100";
export const USER = { id: "1180000000000000200", username: "ada" };

/** A 1×1 PNG, so discord.js's file-type sniffing labels it image/png as it would a real chart. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** One guild with a writable text channel and one where the bot may not send. */
export function testGuild(): FakeGuildInit {
  return {
    id: GUILD_ID,
    name: "Test Guild",
    channels: [
      { id: TEXT_CHANNEL_ID, name: "general", type: 0 },
      {
        id: MUTED_CHANNEL_ID,
        name: "announcements",
        type: 0,
        botPermissions: { deny: Permission.SendMessages },
      },
    ],
  };
}

/** A fake started with the test guild, and a discord.js client logged into it. */
export interface Harness {
  start(options?: FakeDiscordOptions): Promise<FakeDiscord>;
  connect(): Promise<Client>;
  readonly discord: FakeDiscord;
  /** Errors the client emitted; the harness fails the test if any are left at the end. */
  readonly clientErrors: unknown[];
}

/**
 * Registers an afterEach that destroys the client, closes the fake, and fails the test on any client error
 * or any request Discord would have rejected (tests that provoke one take it with `takeViolations`).
 */
export function fakeDiscordHarness(): Harness {
  let discord: FakeDiscord | undefined;
  let client: Client | undefined;
  let clientErrors: unknown[] = [];
  afterEach(async () => {
    const [d, c, errors] = [discord, client, clientErrors];
    discord = undefined;
    client = undefined;
    clientErrors = [];
    await c?.destroy();
    await d?.close();
    d?.assertNoViolations();
    expect(errors).toEqual([]);
  });
  return {
    async start(options) {
      discord = await startFakeDiscord({ guilds: [testGuild()], applicationId: APPLICATION_ID, ...options });
      return discord;
    },
    async connect() {
      if (!discord) throw new Error("start the fake first");
      const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
      client = c;
      c.on(Events.Error, (error) => clientErrors.push(error));
      // Attach before login: the event may fire before login() resolves.
      const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
      await c.login(discord.token);
      await ready;
      return c;
    },
    get discord() {
      if (!discord) throw new Error("start the fake first");
      return discord;
    },
    get clientErrors() {
      return clientErrors;
    },
  };
}

/** Runs a handler on the next interaction; the promise settles with the handler, so tests see its errors. */
export function onNextInteraction<T>(
  client: Client,
  handler: (interaction: Interaction) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
}
