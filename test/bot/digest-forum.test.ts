import { describe, expect, it } from "vitest";
import { digestThreadName } from "../../src/bot/digest-message.js";
import { Permission } from "../fakes/discord/index.js";
import {
  ADMIN,
  DIGEST_CHANNELS,
  digest,
  FORUM_CHANNEL_ID,
  postsIn,
  setDigest,
  untilUncached,
} from "./digest-helpers.js";
import { type BotHarness, botHarness, embedsOf, GUILD_ID } from "./harness.js";

const harness = botHarness();
const MINUTE = 60_000;
const THURSDAY_9_SHANGHAI = Date.parse("2026-11-26T01:00:00Z");
const at = (ms: number) => new Date(ms).toISOString();
const CLOSED_FORUM_ID = "1190000000000000026";
const CHANNELS = [
  ...DIGEST_CHANNELS,
  { id: CLOSED_FORUM_ID, name: "closed", type: 15, botPermissions: { deny: Permission.SendMessages } },
];

async function ready(options: { databaseFile?: boolean } = {}): Promise<BotHarness> {
  const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: CHANNELS, ...options });
  await h.services.collector.collect();
  return h;
}

/** The forum posts the bot opened (`POST /channels/{forum}/threads`). */
function forumPosts(h: BotHarness) {
  return h.discord.callsTo("POST", `/channels/${FORUM_CHANNEL_ID}/threads`);
}

/** This week's delivery as recorded: its message id is the forum post's (the thread's) id. */
async function recordedThread(h: BotHarness): Promise<string> {
  const delivery = await h.bot.services.digests.store.getDelivery(1, "2026-W48");
  expect(delivery?.status).toBe("posted");
  return delivery?.messageId ?? "";
}

/** Sets a Thursday digest in the forum and lets this week's post go out. */
async function postThisWeek(h: BotHarness): Promise<void> {
  expect(await setDigest(h, { channel: FORUM_CHANNEL_ID, day: "thu", timezone: "Asia/Shanghai" })).toMatch(
    /Digest #1/,
  );
  h.clock.set(at(THURSDAY_9_SHANGHAI + 5_000));
  expect(await h.bot.digestTick()).toMatchObject({ posted: 1 });
}

describe("a digest's forum post name", () => {
  it("cuts a long title to Discord's 100 characters and keeps the digest's id", () => {
    const name = digestThreadName("x".repeat(150), 3);
    expect(name).toHaveLength(100);
    expect(name.endsWith("… · #3")).toBe(true);
    expect(digestThreadName("Weekly · 2026-W48", 3)).toBe("Weekly · 2026-W48 · #3");
  });
});

describe("/digest set in a forum", () => {
  it("opens one forum post a week, named for the week, the digest and its chart its starter message", async () => {
    const h = await ready();
    await postThisWeek(h);
    const created = forumPosts(h);
    expect(created).toHaveLength(1);
    const body = created[0]?.json as { name: string; message: Record<string, unknown> };
    expect(body.name).toMatch(/2026-W48 · #1$/);
    expect(body.name.length).toBeLessThanOrEqual(100);
    expect(body.message).not.toHaveProperty("nonce");
    const thread = await recordedThread(h);
    const [starter] = postsIn(h, thread);
    expect(starter?.id).toBe(thread);
    expect(embedsOf(starter ?? {})[0]?.footer?.text).toMatch(/^digest #1 · 2026-W48/);
    expect(starter?.attachments).toEqual([
      expect.objectContaining({ filename: expect.stringMatching(/\.png$/) }),
    ]);
    // The next tick, still within the week, posts nothing more.
    h.clock.advance(MINUTE);
    await h.bot.digestTick();
    expect(forumPosts(h)).toHaveLength(1);
  });

  it("finds the post of a crashed attempt among the forum's active threads instead of posting again", async () => {
    const h = await ready();
    await postThisWeek(h);
    const thread = await recordedThread(h);
    // A crash right after posting: claimed, never recorded.
    await h.services.database.db
      .updateTable("digest_deliveries")
      .set({
        status: "claimed",
        message_id: null,
        posted_at: null,
        claimed_at: at(THURSDAY_9_SHANGHAI + 5_000),
      })
      .where("digest_id", "=", 1)
      .execute();
    h.clock.advance(6 * MINUTE);
    expect(await h.bot.digestTick()).toMatchObject({ recovered: 1, posted: 0 });
    expect(h.discord.callsTo("GET", `/guilds/${GUILD_ID}/threads/active`)).toHaveLength(1);
    expect(forumPosts(h)).toHaveLength(1);
    expect(await h.bot.services.digests.store.getDelivery(1, "2026-W48")).toMatchObject({
      status: "posted",
      messageId: thread,
    });
  });

  it("does not post again after a restart", async () => {
    const h = await ready({ databaseFile: true });
    await postThisWeek(h);
    await h.restart();
    h.clock.advance(MINUTE);
    await h.bot.digestTick();
    expect(forumPosts(h)).toHaveLength(1);
  });

  it("names the forum in /digest show, with a link to the week's post", async () => {
    const h = await ready();
    await postThisWeek(h);
    const thread = await recordedThread(h);
    const shown = await h.run("digest", [{ name: "show", type: 1 }], { memberPermissions: ADMIN });
    const text = JSON.stringify(embedsOf(shown.json));
    expect(text).toContain(`<#${FORUM_CHANNEL_ID}>`);
    expect(text).toContain(`/${thread}/${thread}`);
  });

  it("refuses a forum where the bot may not create posts, naming Send Messages", async () => {
    const h = await ready();
    const answer = await setDigest(h, { channel: CLOSED_FORUM_ID });
    expect(answer).toMatch(/missing the Send Messages permission/);
    expect(await h.bot.services.digests.store.listByGuild(GUILD_ID)).toEqual([]);
    const zh = await setDigest(h, { channel: CLOSED_FORUM_ID }, { locale: "zh-CN" });
    expect(zh).toMatch(/缺少.*发送消息/);
    expect(zh).not.toMatch(/子区中/);
  });

  it("pauses a digest whose forum was deleted, and /digest show says why", async () => {
    const h = await ready();
    await setDigest(h, { channel: FORUM_CHANNEL_ID, day: "thu", timezone: "Asia/Shanghai" });
    h.discord.deleteChannel(FORUM_CHANNEL_ID);
    await untilUncached(h, FORUM_CHANNEL_ID);
    h.clock.set(at(THURSDAY_9_SHANGHAI + 5_000));
    expect(await h.bot.digestTick()).toMatchObject({ paused: 1, posted: 0 });
    expect(forumPosts(h)).toEqual([]);
    const shown = await h.run("digest", [{ name: "show", type: 1 }], { memberPermissions: ADMIN });
    expect(JSON.stringify(embedsOf(shown.json))).toContain("**Paused**: the channel no longer exists");
  });

  it("retries a forum post Discord answered with a 429, and opens it once", async () => {
    const h = await ready();
    await setDigest(h, { channel: FORUM_CHANNEL_ID, day: "thu", timezone: "Asia/Shanghai" });
    h.discord.failNext({
      route: { method: "POST", path: `/channels/${FORUM_CHANNEL_ID}/threads` },
      status: 429,
      retryAfter: 0.2,
    });
    h.clock.set(at(THURSDAY_9_SHANGHAI + 5_000));
    expect((await h.bot.digestTick()).posted).toBe(1);
    await h.bot.digestTick();
    expect(forumPosts(h).map((call) => call.status)).toEqual([429, 201]);
  });

  it("asks Discord whether the channel is a forum while the guild is unavailable, and posts there", async () => {
    const h = await ready();
    await setDigest(h, { channel: FORUM_CHANNEL_ID, day: "thu", timezone: "Asia/Shanghai" });
    // An outage: the gateway says the guild is unavailable, so the cache cannot judge the channel.
    h.discord.dispatch("GUILD_DELETE", { id: GUILD_ID, unavailable: true });
    for (let i = 0; i < 200 && h.bot.client.guilds.cache.get(GUILD_ID)?.available !== false; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(h.bot.client.guilds.cache.get(GUILD_ID)?.available).toBe(false);
    h.clock.set(at(THURSDAY_9_SHANGHAI + 5_000));
    expect(await h.bot.digestTick()).toMatchObject({ posted: 1 });
    expect(h.discord.callsTo("GET", `/channels/${FORUM_CHANNEL_ID}`)).toHaveLength(1);
    expect(forumPosts(h)).toHaveLength(1);
    expect(h.discord.callsTo("POST", `/channels/${FORUM_CHANNEL_ID}/messages`)).toEqual([]);
  });

  it("sends now as a forum post too", async () => {
    const h = await ready();
    await setDigest(h, { channel: FORUM_CHANNEL_ID });
    await digest(h, "send-now", 1);
    expect(forumPosts(h)).toHaveLength(1);
    expect(postsIn(h, FORUM_CHANNEL_ID)).toEqual([]);
  });
});
