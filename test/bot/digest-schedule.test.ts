import { describe, expect, it } from "vitest";
import {
  ADMIN,
  DIGEST_CHANNELS,
  footerOf,
  postsIn,
  SECOND_CHANNEL_ID,
  setDigest,
  untilUncached,
} from "./digest-helpers.js";
import { botHarness, CHANNEL_ID, embedsOf, GUILD_ID } from "./harness.js";

const harness = botHarness();
const MINUTE = 60_000;

/** Thursday 26 November 2026, 09:00 in Shanghai (UTC+8, no daylight saving time). */
const SHANGHAI_THURSDAY_9 = Date.parse("2026-11-26T01:00:00Z");
const at = (ms: number) => new Date(ms).toISOString();

describe("scheduled digests through a loopback Discord", () => {
  it("posts once at 09:00 Asia/Shanghai, not before, and not again on later ticks", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });

    h.clock.set(at(SHANGHAI_THURSDAY_9 - MINUTE));
    expect((await h.bot.digestTick()).posted).toBe(0);
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(0);

    h.clock.set(at(SHANGHAI_THURSDAY_9 + 20_000));
    expect((await h.bot.digestTick()).posted).toBe(1);
    h.clock.advance(30_000);
    await h.bot.digestTick();
    h.clock.advance(6 * 60 * MINUTE);
    await h.bot.digestTick();

    const posts = postsIn(h, CHANNEL_ID);
    expect(posts).toHaveLength(1);
    expect(footerOf(posts[0] ?? {})).toMatch(/^digest #1 · 2026-W48 · Source: Hugging Face Hub/);
    const [post] = h.discord.callsTo("POST", `/channels/${CHANNEL_ID}/messages`);
    expect(post?.files.map((f) => f.name)).toEqual(["digest-all-2026-w48.png"]);
  });

  it("follows New York across the end of daylight saving time on 1 November 2026", async () => {
    const h = await harness.start({ clock: "2026-10-28T12:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    // 01:30 happens twice on 1 November: at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    await setDigest(h, { day: "sun", time: "01:30", timezone: "America/New_York" });

    h.clock.set("2026-11-01T05:29:00Z");
    await h.bot.digestTick();
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(0);
    h.clock.set("2026-11-01T05:30:30Z");
    expect((await h.bot.digestTick()).posted).toBe(1);
    h.clock.set("2026-11-01T06:30:30Z");
    await h.bot.digestTick();
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);

    // A week later, in standard time, 01:30 is 06:30 UTC.
    h.clock.set("2026-11-08T05:30:30Z");
    await h.bot.digestTick();
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
    h.clock.set("2026-11-08T06:30:30Z");
    expect((await h.bot.digestTick()).posted).toBe(1);
    expect(
      postsIn(h, CHANNEL_ID)
        .map(footerOf)
        .map((f) => f.slice(0, 20)),
    ).toEqual(["digest #1 · 2026-W44", "digest #1 · 2026-W45"]);
  });

  it("posts late, once, when the bot was down at the scheduled time and restarts within the grace window", async () => {
    const h = await harness.start({
      clock: "2026-11-25T04:00:00Z",
      channels: DIGEST_CHANNELS,
      databaseFile: true,
    });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    h.clock.set(at(SHANGHAI_THURSDAY_9 - 10 * MINUTE));
    await h.bot.digestTick();

    h.clock.set(at(SHANGHAI_THURSDAY_9 + 3 * 60 * MINUTE));
    await h.restart();
    const report = await h.bot.digestTick();
    expect(report).toMatchObject({ leader: true, posted: 1 });
    await h.bot.digestTick();
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
    const delivery = await h.bot.services.digests.store.getDelivery(1, "2026-W48");
    expect(delivery?.scheduledFor).toBe(at(SHANGHAI_THURSDAY_9));
    expect(Date.parse(delivery?.postedAt ?? "") - SHANGHAI_THURSDAY_9).toBeGreaterThan(3 * 60 * MINUTE - 1);
  });

  it("skips, and records, a post missed by more than DIGEST_GRACE_HOURS", async () => {
    const h = await harness.start({
      clock: "2026-11-25T04:00:00Z",
      channels: DIGEST_CHANNELS,
      databaseFile: true,
      env: { DIGEST_GRACE_HOURS: "2" },
    });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });

    h.clock.set(at(SHANGHAI_THURSDAY_9 + 3 * 60 * MINUTE));
    await h.restart();
    expect(await h.bot.digestTick()).toMatchObject({ leader: true, posted: 0, skipped: 1 });
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(0);
    expect((await h.bot.services.digests.store.getDelivery(1, "2026-W48"))?.status).toBe("skipped");
  });

  it("does not post again after a restart once the week is posted", async () => {
    const h = await harness.start({
      clock: "2026-11-25T04:00:00Z",
      channels: DIGEST_CHANNELS,
      databaseFile: true,
    });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    h.clock.set(at(SHANGHAI_THURSDAY_9 + MINUTE));
    expect((await h.bot.digestTick()).posted).toBe(1);

    await h.restart();
    h.clock.advance(MINUTE);
    expect((await h.bot.digestTick()).posted).toBe(0);
    h.clock.advance(60 * MINUTE);
    await h.bot.digestTick();
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
  });

  it("posts once when two bot processes share the database and both tick", async () => {
    const h = await harness.start({
      clock: "2026-11-25T04:00:00Z",
      channels: DIGEST_CHANNELS,
      databaseFile: true,
    });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    await setDigest(h, { channel: SECOND_CHANNEL_ID, day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    // Started after the commands: both processes would answer an interaction.
    const second = await h.startInstance();

    h.clock.set(at(SHANGHAI_THURSDAY_9 + 5_000));
    for (let round = 0; round < 3; round++) {
      const reports = await Promise.all([h.bot.digestTick(), second.bot.digestTick()]);
      expect(reports.filter((r) => r.leader)).toHaveLength(1);
      h.clock.advance(30_000);
    }
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
    expect(postsIn(h, SECOND_CHANNEL_ID)).toHaveLength(1);
  });

  it("posts from the last good snapshot while the Hub is down, and says so", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    h.clock.set(at(SHANGHAI_THURSDAY_9 - 5 * MINUTE));
    h.hub.setFault({ kind: "500" });
    await h.bot.collectionTick();
    expect(h.bot.services.collection.lastError()).not.toBeNull();

    h.clock.set(at(SHANGHAI_THURSDAY_9 + 5_000));
    expect((await h.bot.digestTick()).posted).toBe(1);
    const [post] = postsIn(h, CHANNEL_ID);
    const description = (post?.embeds as { description?: string }[] | undefined)?.[0]?.description ?? "";
    expect(description).toContain("Note: the Hub has been unreachable since");
    expect(description).toContain("these figures are from the last good snapshot, taken");
  });

  it("retries a post Discord answers with a 429, and posts it once", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    h.discord.failNext({
      route: { method: "POST", path: `/channels/${CHANNEL_ID}/messages` },
      status: 429,
      retryAfter: 0.2,
    });
    h.clock.set(at(SHANGHAI_THURSDAY_9 + 5_000));
    expect((await h.bot.digestTick()).posted).toBe(1);
    await h.bot.digestTick();
    const statuses = h.discord.callsTo("POST", `/channels/${CHANNEL_ID}/messages`).map((c) => c.status);
    expect(statuses).toEqual([429, 200]);
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
  });

  it("pauses a digest whose channel was deleted, without asking Discord, and /digest show says why", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { channel: SECOND_CHANNEL_ID, day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    h.discord.deleteChannel(SECOND_CHANNEL_ID);
    await untilUncached(h, SECOND_CHANNEL_ID);

    h.clock.set(at(SHANGHAI_THURSDAY_9 + 5_000));
    expect((await h.bot.digestTick()).paused).toBe(1);
    h.clock.advance(10 * MINUTE);
    expect((await h.bot.digestTick()).considered).toBe(0);
    expect(h.discord.callsTo("POST", `/channels/${SECOND_CHANNEL_ID}/messages`)).toEqual([]);

    const digest = await h.bot.services.digests.store.get(GUILD_ID, 1);
    expect(digest?.pausedReason).toBe("the channel no longer exists (it was deleted)");
    const shown = await h.run("digest", [{ name: "show", type: 1 }], { memberPermissions: ADMIN });
    const field = embedsOf(shown.json)[0]?.fields?.[0];
    expect(field?.name).toBe("#1 · paused");
    expect(field?.value).toContain("**Paused**: the channel no longer exists (it was deleted).");
  });

  it("deletes a server's digests when the bot is removed from it", async () => {
    const h = await harness.start({ channels: DIGEST_CHANNELS });
    await setDigest(h, {});
    h.discord.removeGuild(GUILD_ID);
    for (let i = 0; i < 200 && (await h.bot.services.digests.store.listByGuild(GUILD_ID)).length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await h.bot.services.digests.store.listByGuild(GUILD_ID)).toEqual([]);
  });
});
