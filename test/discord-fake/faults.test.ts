import type { Client } from "discord.js";
import { AttachmentBuilder, DiscordAPIError, Events, HTTPError, RESTEvents, Routes } from "discord.js";
import { describe, expect, it } from "vitest";
import type { DispatchInteractionArgs, FakeDiscord } from "../fakes/discord/index.js";
import { CHANNEL_MESSAGE_RATE_LIMIT } from "../fakes/discord/index.js";
import {
  fakeDiscordHarness,
  GUILD_ID,
  MUTED_CHANNEL_ID,
  onNextInteraction,
  PNG_1X1,
  TEXT_CHANNEL_ID,
  USER,
} from "./helpers.js";

const harness = fakeDiscordHarness();
const chatInput: DispatchInteractionArgs = {
  guildId: GUILD_ID,
  channelId: TEXT_CHANNEL_ID,
  user: USER,
  name: "trends",
};

async function deferThenEdit(discord: FakeDiscord, client: Client, content: string) {
  const handled = onNextInteraction(client, async (interaction) => {
    if (!interaction.isChatInputCommand()) throw new Error("expected a command");
    await interaction.deferReply();
    await interaction.editReply({ content });
  });
  const dispatched = await discord.dispatchChatInput(chatInput);
  return { handled, dispatched };
}

describe("injected rate limits", () => {
  it("retries a 429 on the @original edit after Retry-After, and the answer arrives exactly once", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const fault = discord.failNext({
      route: { method: "PATCH", path: /\/messages\/@original$/ },
      status: 429,
      retryAfter: 0.2,
    });
    const limited: unknown[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info.route));
    const { handled, dispatched } = await deferThenEdit(discord, client, "chart");
    const outcome = await dispatched.waitForFinal();
    await handled;
    const edits = discord.callsTo("PATCH", /@original$/);
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    expect(edits[0]?.response).toEqual({
      message: "You are being rate limited.",
      retry_after: 0.2,
      global: false,
    });
    expect((edits[1]?.at ?? 0) - (edits[0]?.at ?? 0)).toBeGreaterThanOrEqual(200);
    expect(outcome.finalCall).toBe(edits[1]);
    expect(fault.hits).toBe(1);
    // discord.js buckets the route by its encoded form.
    expect(limited).toEqual(["/webhooks/:id/:token/messages/%40original"]);
  });

  it("makes discord.js hold every request during a global 429", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    discord.failNext({
      route: /^POST \/channels\/\d+\/messages$/,
      status: 429,
      retryAfter: 0.3,
      global: true,
    });
    const first = client.rest.post(`/channels/${TEXT_CHANNEL_ID}/messages`, { body: { content: "one" } });
    await discord.waitForCall((c) => c.status === 429);
    // Give discord.js a moment to read the 429 (the fake records it as it answers).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = client.rest.get(`/channels/${TEXT_CHANNEL_ID}`);
    await Promise.all([first, other]);
    const [limited, retried] = discord.callsTo("POST", `/channels/${TEXT_CHANNEL_ID}/messages`);
    const [get] = discord.callsTo("GET", `/channels/${TEXT_CHANNEL_ID}`);
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // The GET was for another route, yet it waited out the global limit too.
    expect((get?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(290);
  });

  it("lets discord.js pace itself from X-RateLimit headers without a single 429", async () => {
    const discord = await harness.start({
      rateLimits: [{ ...CHANNEL_MESSAGE_RATE_LIMIT, limit: 2, windowMs: 400 }],
    });
    const client = await harness.connect();
    const started = Date.now();
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        client.rest.post(`/channels/${TEXT_CHANNEL_ID}/messages`, { body: { content: `#${n}` } }),
      ),
    );
    const posts = discord.callsTo("POST", `/channels/${TEXT_CHANNEL_ID}/messages`);
    expect(posts.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(discord.invalidRequestCount).toBe(0);
  });

  it("answers 429 with bucket headers past a route limit when the client ignores them", async () => {
    const discord = await harness.start({ rateLimits: [CHANNEL_MESSAGE_RATE_LIMIT] });
    const post = () =>
      fetch(`${discord.apiUrl}/v10/channels/${TEXT_CHANNEL_ID}/messages`, {
        method: "POST",
        headers: { Authorization: `Bot ${discord.token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ content: "spam" }),
      });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await post());
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[4]?.headers.get("x-ratelimit-remaining")).toBe("0");
    const limited = answers[5];
    expect(limited?.headers.get("x-ratelimit-scope")).toBe("user");
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(4);
    expect(await limited?.json()).toMatchObject({ message: "You are being rate limited.", global: false });
    expect(discord.invalidRequestCount).toBe(1);
  });
});

describe("server errors", () => {
  it("lets discord.js retry a 502 transparently", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    discord.failNext({ route: { method: "PATCH", path: /@original$/ }, status: 502 });
    const { handled, dispatched } = await deferThenEdit(discord, client, "chart");
    await dispatched.waitForFinal();
    await handled;
    expect(discord.callsTo("PATCH", /@original$/).map((c) => c.status)).toEqual([502, 200]);
  });

  it("surfaces a persistent 500 as HTTPError after discord.js's three retries", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    discord.failNext({ route: /^GET \/channels\//, status: 500, times: 10 });
    await expect(client.rest.get(`/channels/${TEXT_CHANNEL_ID}`)).rejects.toBeInstanceOf(HTTPError);
    expect(discord.callsTo("GET", `/channels/${TEXT_CHANNEL_ID}`)).toHaveLength(4);
  });
});

describe("permissions", () => {
  it("answers 403 50013 Missing Permissions to a post where the bot lacks Send Messages", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const channel = client.channels.cache.get(MUTED_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error("expected a text channel");
    const error = await channel.send({ content: "hello" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 403, code: 50013, message: "Missing Permissions" });
    expect(discord.invalidRequestCount).toBe(1);
  });

  it("refuses files without Attach Files but still posts text", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    discord.setChannelPermissions(TEXT_CHANNEL_ID, { deny: 1n << 15n });
    const channel = client.channels.cache.get(TEXT_CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error("expected a text channel");
    const file = new AttachmentBuilder(PNG_1X1, { name: "chart.png" });
    await expect(channel.send({ files: [file] })).rejects.toMatchObject({ code: 50013 });
    await expect(channel.send({ content: "text only" })).resolves.toBeDefined();
  });
});

describe("a revoked token", () => {
  it("gets 401 on REST and 4004 on the RESUME that follows the dropped connection", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    const disconnected = new Promise<number>((resolve) =>
      client.once(Events.ShardDisconnect, (event) => resolve(event.code)),
    );
    client.on(Events.ShardError, () => undefined);
    discord.resetToken();
    expect(await disconnected).toBe(4004);
    await expect(client.rest.get(Routes.user("@me"))).rejects.toMatchObject({ status: 401 });
    expect(discord.takeViolations()).toEqual([]);
  });
});

describe("closing IDENTIFY for good", () => {
  it("closes every IDENTIFY with the code given, which discord.js does not retry", async () => {
    const discord = await harness.start();
    discord.refuseIdentify(4011, "Sharding required.");
    await expect(harness.connect()).rejects.toThrow("Sharding is required");
  });
});

describe("a silent peer", () => {
  it("reads nothing more and answers nothing, so a request ends only by the client's own timeout", async () => {
    const discord = await harness.start();
    const client = await harness.connect();
    discord.goSilent();
    const started = Date.now();
    await expect(
      client.rest.get(Routes.channel(TEXT_CHANNEL_ID), { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow(/abort/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    // discord.js would wait 30 s for the gateway's answer to its close frame: hang up first.
    const destroyed = client.destroy();
    await discord.close();
    await destroyed;
  });
});
