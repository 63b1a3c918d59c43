import { DiscordAPIError, HTTPError } from "discord.js";
import { describe, expect, it } from "vitest";
import { ChannelRefusedError, classifyDigestError } from "../../src/bot/digest-delivery.js";
import { Permission } from "../fakes/discord/index.js";
import { ADMIN, DIGEST_CHANNELS, postsIn, setDigest } from "./digest-helpers.js";
import { type BotHarness, botHarness, CHANNEL_ID, embedsOf, GUILD_ID } from "./harness.js";

const harness = botHarness();
const MINUTE = 60_000;
const THURSDAY_9_SHANGHAI = Date.parse("2026-11-26T01:00:00Z");
const at = (ms: number) => new Date(ms).toISOString();

/** Discord's error for a request, as @discordjs/rest throws it. */
function discordError(status: number, code: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code, message }, code, status, "POST", "/channels/1/messages", {});
}

describe("digest delivery errors", () => {
  it("pauses on Unknown Channel, Missing Access and Missing Permissions, and retries the rest", () => {
    expect(classifyDigestError(discordError(404, 10003, "Unknown Channel"))).toBe("pause");
    expect(classifyDigestError(discordError(403, 50001, "Missing Access"))).toBe("pause");
    expect(classifyDigestError(discordError(403, 50013, "Missing Permissions"))).toBe("pause");
    expect(classifyDigestError(new ChannelRefusedError({ key: "channel.deleted", args: [] }))).toBe("pause");
    expect(classifyDigestError(discordError(400, 50035, "Invalid Form Body"))).toBe("retry");
    expect(classifyDigestError(new HTTPError(503, "Service Unavailable", "POST", "/x", {}))).toBe("retry");
    expect(classifyDigestError(new DOMException("The operation was aborted", "AbortError"))).toBe("retry");
    expect(classifyDigestError(new TypeError("fetch failed"))).toBe("retry");
  });
});

/** How often the bot looked in the channel for an earlier post (`GET /channels/{id}/messages`). */
function lookups(h: BotHarness): number {
  return h.discord.callsTo("GET", `/channels/${CHANNEL_ID}/messages`).length;
}

/** Puts the week's delivery back to "claimed, never recorded", as a crash right after posting leaves it. */
async function forgetThatItWasPosted(h: BotHarness, claimedAt: number): Promise<void> {
  await h.services.database.db
    .updateTable("digest_deliveries")
    .set({ status: "claimed", message_id: null, posted_at: null, claimed_at: at(claimedAt) })
    .where("digest_id", "=", 1)
    .execute();
}

describe("digest delivery through a loopback Discord", () => {
  it("finds the post of a crashed attempt in the channel and records it instead of posting again", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    h.clock.set(at(THURSDAY_9_SHANGHAI + 5_000));
    await h.bot.digestTick();
    const [posted] = postsIn(h, CHANNEL_ID);
    await forgetThatItWasPosted(h, THURSDAY_9_SHANGHAI + 5_000);

    h.clock.advance(6 * MINUTE);
    const report = await h.bot.digestTick();
    expect(report).toMatchObject({ recovered: 1, posted: 0 });
    expect(lookups(h)).toBe(1);
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
    expect(await h.bot.services.digests.store.getDelivery(1, "2026-W48")).toMatchObject({
      status: "posted",
      messageId: posted?.id,
    });
  });

  it("without Read Message History, posts again with the same nonce instead of looking", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    h.discord.setChannelPermissions(CHANNEL_ID, { deny: Permission.ReadMessageHistory });
    await until(() => {
      const channel = h.bot.client.guilds.cache.get(GUILD_ID)?.channels.cache.get(CHANNEL_ID);
      const me = h.bot.client.guilds.cache.get(GUILD_ID)?.members.me;
      return me != null && channel?.permissionsFor(me).has(Permission.ReadMessageHistory) === false;
    });
    h.clock.set(at(THURSDAY_9_SHANGHAI + 5_000));
    await h.bot.digestTick();
    await forgetThatItWasPosted(h, THURSDAY_9_SHANGHAI + 5_000);
    h.clock.advance(6 * MINUTE);
    await h.bot.digestTick();

    // Without the permission the bot does not look (the list would be empty); the nonce guards.
    expect(lookups(h)).toBe(0);
    // Discord, within its nonce window, answers the second create with the first message.
    const nonces = h.discord
      .callsTo("POST", `/channels/${CHANNEL_ID}/messages`)
      .map((call) => (call.json as { nonce?: string }).nonce);
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).toBe(nonces[1]);
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
    expect(h.logs.some((l) => String(l.msg).includes("without Read Message History"))).toBe(true);
  });

  it("pauses, naming the permission, when the bot loses Send Messages after the digest was set", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    // After a failed attempt, the next one looks in the channel first.
    h.discord.setChannelPermissions(CHANNEL_ID, { deny: Permission.SendMessages });
    await until(() => {
      const guild = h.bot.client.guilds.cache.get(GUILD_ID);
      const me = guild?.members.me;
      return (
        me != null &&
        guild?.channels.cache.get(CHANNEL_ID)?.permissionsFor(me).has(Permission.SendMessages) === false
      );
    });
    h.clock.set(at(THURSDAY_9_SHANGHAI + 5_000));
    expect((await h.bot.digestTick()).paused).toBe(1);
    expect(h.discord.callsTo("POST", `/channels/${CHANNEL_ID}/messages`)).toEqual([]);

    const shown = await h.run("digest", [{ name: "show", type: 1 }], { memberPermissions: ADMIN });
    expect(embedsOf(shown.json)[0]?.fields?.[0]?.value).toContain(
      "**Paused**: I am missing the Send Messages permission in the channel.",
    );
    // The admin fixes it and sets the digest again: within the grace window, the week still posts.
    h.discord.setChannelPermissions(CHANNEL_ID, {});
    await until(() => {
      const guild = h.bot.client.guilds.cache.get(GUILD_ID);
      const me = guild?.members.me;
      return (
        me != null &&
        guild?.channels.cache.get(CHANNEL_ID)?.permissionsFor(me).has(Permission.SendMessages) === true
      );
    });
    expect(await setDigest(h, { id: 1, day: "thu", time: "09:00", timezone: "Asia/Shanghai" })).toContain(
      "Digest #1 updated and back on",
    );
    h.clock.advance(MINUTE);
    expect((await h.bot.digestTick()).posted).toBe(1);
    expect(lookups(h)).toBe(1);
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error("condition not met within 2 s");
}
