import { Client, GatewayIntentBits } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StartupError } from "../../src/bot/create-bot.js";
import { loginWithRetry, unreachableReason } from "../../src/bot/login.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { freePort, startRelay } from "../support/tcp-relay.js";

let discord: FakeDiscord;
const clients: Client[] = [];

beforeEach(async () => {
  discord = await startFakeDiscord({ guilds: [{ id: "1200000000000000001", name: "g", channels: [] }] });
});

afterEach(async () => {
  for (const client of clients.splice(0)) await client.destroy();
  await discord.close();
});

function clientAt(api: string): Client {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api } });
  client.on("error", () => undefined);
  clients.push(client);
  return client;
}

describe("logging in while Discord cannot be reached", () => {
  it("says so in one line naming the host and what to check, backs off, and logs in once Discord answers", async () => {
    const port = await freePort();
    const client = clientAt(`http://127.0.0.1:${port}/api`);
    const notices: string[] = [];
    const waits: number[] = [];
    let relay: { close(): Promise<void> } | null = null;
    await loginWithRetry(client, discord.token, {
      notice: (line) => notices.push(line),
      delaysMs: [10, 20, 40],
      // Discord "comes back" after the second failure: the third attempt reaches it.
      sleep: async (ms) => {
        waits.push(ms);
        if (waits.length === 2) relay = await startRelay(port, Number(new URL(discord.apiUrl).port));
      },
    });
    expect(client.isReady()).toBe(true);
    expect(waits).toEqual([10, 20]);
    expect(notices).toEqual([
      `cannot reach Discord at 127.0.0.1:${port} (ECONNREFUSED): check the network and DISCORD_API_URL; trying again in 0 s`,
      `cannot reach Discord at 127.0.0.1:${port} (ECONNREFUSED): check the network and DISCORD_API_URL; trying again in 0 s`,
    ]);
    await (relay as { close(): Promise<void> } | null)?.close();
  });

  it("stops at once, without retrying, when Discord rejects the token", async () => {
    const client = clientAt(discord.apiUrl);
    const notices: string[] = [];
    await expect(
      loginWithRetry(client, "not-the-real-token", {
        notice: (line) => notices.push(line),
        sleep: async () => {},
      }),
    ).rejects.toThrow(StartupError);
    expect(notices).toEqual([]);
    discord.takeViolations();
  });
});

describe("unreachableReason", () => {
  it("names network failures and Discord's 5xx, and nothing else", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(unreachableReason(refused)).toBe("ECONNREFUSED");
    expect(unreachableReason(new Error("fetch failed", { cause: { code: "ENOTFOUND" } }))).toBe("ENOTFOUND");
    expect(unreachableReason({ status: 502 })).toBe("HTTP 502");
    expect(unreachableReason(Object.assign(new Error("aborted"), { name: "AbortError" }))).toBe("timeout");
    expect(unreachableReason({ status: 403 })).toBeNull();
    expect(unreachableReason(new Error("Used disallowed intents"))).toBeNull();
  });
});
