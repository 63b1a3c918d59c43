import {
  ChannelType,
  Client,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  PermissionFlagsBits,
} from "discord.js";
import { describe, expect, it, vi } from "vitest";
import { startFakeDiscord } from "../fakes/discord/index.js";
import { fakeDiscordHarness, GUILD_ID, MUTED_CHANNEL_ID, TEXT_CHANNEL_ID } from "./helpers.js";

const harness = fakeDiscordHarness();

describe("logging in", () => {
  it("fires clientReady within 2 s with the guild, its channels and the bot member cached", async () => {
    await harness.start();
    const started = Date.now();
    const client = await harness.connect();
    expect(Date.now() - started).toBeLessThan(2000);
    const guild = client.guilds.cache.get(GUILD_ID);
    expect(guild?.available).toBe(true);
    expect(guild?.members.me?.id).toBe(harness.discord.botUserId);
    expect(client.application?.id).toBe(harness.discord.applicationId);
    const general = client.channels.cache.get(TEXT_CHANNEL_ID);
    expect(general?.type).toBe(ChannelType.GuildText);
  });

  it("gives discord.js what permissionsFor(client.user) needs: @everyone, roles and overwrites", async () => {
    await harness.start();
    const client = await harness.connect();
    const me = client.user;
    if (!me) throw new Error("no client user");
    const general = client.guilds.cache.get(GUILD_ID)?.channels.cache.get(TEXT_CHANNEL_ID);
    const muted = client.guilds.cache.get(GUILD_ID)?.channels.cache.get(MUTED_CHANNEL_ID);
    expect(general?.permissionsFor(me)?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(muted?.permissionsFor(me)?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(muted?.permissionsFor(me)?.has(PermissionFlagsBits.ViewChannel)).toBe(true);
  });

  it("rejects client.login with a wrong token, answering 401 as Discord does", async () => {
    const discord = await harness.start();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
    try {
      await expect(client.login("not-the-token")).rejects.toMatchObject({
        code: DiscordjsErrorCodes.TokenInvalid,
      });
    } finally {
      await client.destroy();
    }
    const [call] = discord.callsTo("GET", "/gateway/bot");
    expect(call?.status).toBe(401);
    expect(call?.response).toEqual({ message: "401: Unauthorized", code: 0 });
  });

  it("acknowledges heartbeats so discord.js measures a ping", async () => {
    await harness.start({ heartbeatIntervalMs: 50 });
    const client = await harness.connect();
    // discord.js keeps ping at -1 until the first heartbeat ACK (op 11) arrives.
    await vi.waitFor(() => expect(client.ws.ping).toBeGreaterThanOrEqual(0), { timeout: 2000 });
  });

  it("sends no GUILD_CREATE without the Guilds intent, like Discord", async () => {
    const discord = await startFakeDiscord({ guilds: [] });
    try {
      const client = new Client({ intents: [], rest: { api: discord.apiUrl } });
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(discord.token);
      await ready;
      expect(client.guilds.cache.size).toBe(0);
      await client.destroy();
    } finally {
      await discord.close();
    }
  });
});

describe("reconnecting", () => {
  it("resumes the session after op 7 (RESUMED, not a new READY) and keeps delivering events", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    expect(discord.requestReconnect()).toBe(1);
    await resumed;
    const created = new Promise((resolve) => client.once(Events.GuildCreate, resolve));
    discord.addGuild({ id: "1180000000000000003", name: "After resume", channels: [] });
    await created;
    expect(client.guilds.cache.size).toBe(2);
  });
});

describe("changing the world", () => {
  it("deleteChannel removes it from the client's cache and later REST calls get 10003 Unknown Channel", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const deleted = new Promise((resolve) => client.once(Events.ChannelDelete, resolve));
    discord.deleteChannel(TEXT_CHANNEL_ID);
    await deleted;
    expect(client.channels.cache.has(TEXT_CHANNEL_ID)).toBe(false);
    await expect(
      client.rest.post(`/channels/${TEXT_CHANNEL_ID}/messages`, { body: { content: "hi" } }),
    ).rejects.toMatchObject({
      status: 404,
      code: 10003,
    });
  });

  it("setChannelPermissions updates what discord.js computes and what the fake enforces", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const me = client.user;
    if (!me) throw new Error("no client user");
    const updated = new Promise((resolve) => client.once(Events.ChannelUpdate, resolve));
    discord.setChannelPermissions(TEXT_CHANNEL_ID, { deny: PermissionFlagsBits.SendMessages });
    await updated;
    const channel = client.channels.cache.get(TEXT_CHANNEL_ID);
    if (!channel || channel.isDMBased()) throw new Error("no guild channel");
    expect(channel.permissionsFor(me)?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    await expect(
      client.rest.post(`/channels/${TEXT_CHANNEL_ID}/messages`, { body: { content: "hi" } }),
    ).rejects.toMatchObject({
      status: 403,
      code: 50013,
    });
  });

  it("removeGuild and addGuild reach the client as GUILD_DELETE and GUILD_CREATE", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const left = new Promise((resolve) => client.once(Events.GuildDelete, resolve));
    discord.removeGuild(GUILD_ID);
    await left;
    expect(client.guilds.cache.has(GUILD_ID)).toBe(false);
    const joined = new Promise((resolve) => client.once(Events.GuildCreate, resolve));
    discord.addGuild({
      id: "1180000000000000002",
      name: "Second",
      channels: [{ id: "1180000000000000021", name: "news", type: 0 }],
    });
    await joined;
    expect(client.channels.cache.has("1180000000000000021")).toBe(true);
  });

  it("dispatch sends any event as is", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const created = new Promise((resolve) => client.once(Events.GuildRoleCreate, resolve));
    const sessions = discord.dispatch("GUILD_ROLE_CREATE", {
      guild_id: GUILD_ID,
      role: {
        id: "1180000000000000300",
        name: "mods",
        color: 0,
        hoist: false,
        position: 1,
        permissions: "0",
        managed: false,
        mentionable: false,
        flags: 0,
      },
    });
    expect(sessions).toBe(1);
    await created;
    expect(client.guilds.cache.get(GUILD_ID)?.roles.cache.has("1180000000000000300")).toBe(true);
  });
});
