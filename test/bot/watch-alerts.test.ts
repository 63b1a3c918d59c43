import { describe, expect, it } from "vitest";
import type { InteractionOptionInit } from "../fakes/discord/index.js";
import { hubModelRow } from "../watches/hub-rows.js";
import { ADMIN, footerOf, postsIn, untilUncached } from "./digest-helpers.js";
import {
  type BotHarness,
  botHarness,
  CHANNEL_ID,
  contentOf,
  embedsOf,
  GUILD_ID,
  type RunExtra,
} from "./harness.js";

const harness = botHarness();
const THREAD_ID = "1190000000000000031";
const FORUM_ID = "1190000000000000032";
const ROLE_ID = "1190000000000000041";
const CHANNELS = [
  { id: THREAD_ID, name: "releases-thread", type: 11, parentId: CHANNEL_ID },
  { id: FORUM_ID, name: "releases", type: 15 },
];
const START = "2026-11-20T10:00:00.000Z";
const CHANNEL_TYPE: Record<string, number> = { [CHANNEL_ID]: 0, [THREAD_ID]: 11, [FORUM_ID]: 15 };

/** `/watch add` as Discord sends it, with the channel (and role) resolved. */
function addWatch(
  h: BotHarness,
  options: { org?: string; channel?: string; minDownloads?: number; role?: { mentionable: boolean } } = {},
) {
  const channel = options.channel ?? CHANNEL_ID;
  const given: InteractionOptionInit[] = [
    { name: "org", type: 3, value: options.org ?? "Qwen" },
    { name: "channel", type: 7, value: channel },
  ];
  if (options.minDownloads !== undefined)
    given.push({ name: "min-downloads", type: 4, value: options.minDownloads });
  if (options.role !== undefined) given.push({ name: "role", type: 8, value: ROLE_ID });
  const extra: RunExtra = {
    memberPermissions: ADMIN,
    resolved: {
      channels: {
        [channel]: { id: channel, name: "c", type: CHANNEL_TYPE[channel] ?? 0, permissions: ADMIN },
      },
      ...(options.role === undefined
        ? {}
        : {
            roles: {
              [ROLE_ID]: {
                id: ROLE_ID,
                name: "releases",
                color: 0,
                hoist: false,
                position: 1,
                permissions: "0",
                managed: false,
                mentionable: options.role.mentionable,
                flags: 0,
              },
            },
          }),
    },
  };
  return h.run("watch", [{ name: "add", type: 1, options: given }], extra);
}

/** A Qwen model created `minutesAfterStart` after the test's start. */
function release(h: BotHarness, name: string, minutesAfterStart = 60, downloads = 10) {
  const createdAt = new Date(Date.parse(START) + minutesAfterStart * 60_000).toISOString();
  h.hub.putModel(hubModelRow(`Qwen/${name}`, { createdAt, downloads }));
}

async function ready(options: Parameters<typeof harness.start>[0] = {}): Promise<BotHarness> {
  const h = await harness.start({ clock: START, channels: CHANNELS, ...options });
  await h.services.collector.collect();
  return h;
}

/** Bodies the bot sent to create messages in a channel. */
function postBodies(h: BotHarness, channelId: string): Record<string, unknown>[] {
  return h.discord
    .callsTo("POST", `/channels/${channelId}/messages`)
    .map((c) => c.json as Record<string, unknown>);
}

describe("watch alerts through the loopback Discord and the fake Hub", () => {
  it("posts one alert for a model released after the watch, in its channel, mentioning only the role", async () => {
    const h = await ready();
    const added = await addWatch(h, { role: { mentionable: true } });
    expect(contentOf(added.json)).toMatch(/Watch #1 set up/);
    await h.bot.watchCycle();
    expect(postsIn(h, CHANNEL_ID)).toEqual([]);
    release(h, "Qwen4-8B");
    await h.bot.watchCycle();
    await h.bot.watchCycle();
    const posts = postsIn(h, CHANNEL_ID);
    expect(posts).toHaveLength(1);
    expect(footerOf(posts[0] ?? {})).toMatch(/^watch #1 · new · Qwen\/Qwen4-8B/);
    const [body] = postBodies(h, CHANNEL_ID);
    expect(body).toMatchObject({
      content: `<@&${ROLE_ID}>`,
      allowed_mentions: { parse: [], roles: [ROLE_ID] },
      enforce_nonce: true,
    });
    const fields = (embedsOf(posts[0] ?? {})[0]?.fields ?? []) as { name: string; value: string }[];
    expect(fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(["Task", "Size", "Licence", "Base model (lineage)"]),
    );
  });

  it("never alerts for models that existed when the watch was added", async () => {
    const h = await ready();
    release(h, "Before-Watch", -60 * 24 * 30);
    await addWatch(h);
    await h.bot.watchCycle();
    await h.bot.watchCycle();
    expect(postsIn(h, CHANNEL_ID)).toEqual([]);
  });

  it("does not post again after a restart", async () => {
    const h = await ready({ databaseFile: true });
    await addWatch(h);
    await h.bot.watchCycle();
    release(h, "Qwen4-8B");
    await h.bot.watchCycle();
    await h.restart();
    await h.bot.watchCycle();
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
  });

  it("after a crash between post and record, finds the post in the channel instead of posting again", async () => {
    const h = await ready();
    await addWatch(h);
    await h.bot.watchCycle();
    release(h, "Qwen4-8B");
    await h.bot.watchCycle();
    const [posted] = postsIn(h, CHANNEL_ID);
    // What a crash right after Discord took the post leaves: the claim, no message id.
    await h.services.database.db
      .updateTable("watch_alerts")
      .set({ status: "claimed", message_id: null, posted_at: null })
      .where("model_id", "=", "Qwen/Qwen4-8B")
      .execute();
    h.clock.advance(6 * 60_000);
    const report = await h.bot.watchCycle();
    expect(report?.outcomes).toMatchObject({ recovered: 1, posted: 0 });
    expect(h.discord.callsTo("GET", `/channels/${CHANNEL_ID}/messages`)).toHaveLength(1);
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
    const alert = await h.bot.services.watches.store.getAlert({
      watchId: 1,
      modelId: "Qwen/Qwen4-8B",
      kind: "new",
    });
    expect(alert).toMatchObject({ status: "posted", messageId: posted?.id });
  });

  it("posts once with two bot processes on one database", async () => {
    const h = await ready({ databaseFile: true });
    await addWatch(h);
    // Started after the command: both processes would answer an interaction sent to both.
    const second = await h.startInstance();
    await h.bot.watchCycle();
    release(h, "Qwen4-8B");
    await Promise.all([h.bot.watchCycle(), second.bot.watchCycle()]);
    await Promise.all([h.bot.watchCycle(), second.bot.watchCycle()]);
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
  });

  it("posts in a thread when the watch's channel is one", async () => {
    const h = await ready();
    await addWatch(h, { channel: THREAD_ID });
    await h.bot.watchCycle();
    release(h, "Qwen4-8B");
    await h.bot.watchCycle();
    expect(postsIn(h, THREAD_ID)).toHaveLength(1);
    expect(postsIn(h, CHANNEL_ID)).toEqual([]);
  });

  it("opens a forum post per alert in a forum channel", async () => {
    const h = await ready();
    await addWatch(h, { channel: FORUM_ID });
    await h.bot.watchCycle();
    release(h, "Qwen4-8B");
    release(h, "Qwen4-32B", 90);
    await h.bot.watchCycle();
    await h.bot.watchCycle();
    const created = h.discord.callsTo("POST", `/channels/${FORUM_ID}/threads`);
    expect(created.map((c) => (c.json as { name: string }).name).sort()).toEqual([
      "Qwen/Qwen4-32B",
      "Qwen/Qwen4-8B",
    ]);
    expect(created[0]?.json).toMatchObject({ message: { allowed_mentions: { parse: [] } } });
  });

  it("holds an alert under min-downloads, then releases it once the model passes", async () => {
    const h = await ready();
    await addWatch(h, { minDownloads: 1000 });
    await h.bot.watchCycle();
    release(h, "Qwen4-8B", 60, 10);
    await h.bot.watchCycle();
    expect(postsIn(h, CHANNEL_ID)).toEqual([]);
    h.hub.updateModel("Qwen/Qwen4-8B", { downloads: 4000 });
    await h.bot.watchCycle();
    await h.bot.watchCycle();
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);
  });

  it("pauses the watch when its channel is deleted, and says why in /watch list", async () => {
    const h = await ready();
    await addWatch(h, { channel: THREAD_ID });
    await h.bot.watchCycle();
    h.discord.deleteChannel(THREAD_ID);
    await untilUncached(h, THREAD_ID);
    release(h, "Qwen4-8B");
    await h.bot.watchCycle();
    const listed = await h.run("watch", [{ name: "list", type: 1 }], { memberPermissions: ADMIN });
    const description = String(embedsOf(listed.json)[0]?.description ?? "");
    expect(description).toMatch(/Paused: the channel no longer exists/);
    // Paused: the next cycle does not ask the Hub for the org at all.
    const asked = h.hub.authorListRequests("Qwen").length;
    await h.bot.watchCycle();
    expect(h.hub.authorListRequests("Qwen").length).toBe(asked);
  });

  it("escapes Hub text in the alert", async () => {
    const h = await ready();
    await addWatch(h);
    await h.bot.watchCycle();
    release(h, "__bold__");
    await h.bot.watchCycle();
    const [post] = postsIn(h, CHANNEL_ID);
    expect(String(embedsOf(post ?? {})[0]?.title)).toBe("New model: Qwen/\\_\\_bold\\_\\_");
  });
});

describe("/watch add refusals", () => {
  it("refuses a name the Hub does not know, with a suggestion from the name index", async () => {
    const h = await ready();
    const outcome = await addWatch(h, { org: "Qwem" });
    expect(contentOf(outcome.json)).toMatch(
      /The Hub has no organisation or user called \*\*Qwem\*\*\. Did you mean \*\*Qwen\*\*/,
    );
    expect(await h.bot.services.watches.store.listByGuild(GUILD_ID)).toEqual([]);
  });

  it("refuses a role the bot may not mention", async () => {
    const h = await ready();
    const outcome = await addWatch(h, { role: { mentionable: false } });
    expect(contentOf(outcome.json)).toMatch(/not allowed to mention/);
  });

  it("answers in Chinese for a Chinese client", async () => {
    const h = await ready();
    const outcome = await h.run("watch", [{ name: "list", type: 1 }], {
      memberPermissions: ADMIN,
      locale: "zh-CN",
    });
    expect(contentOf(outcome.json)).toMatch(/本服务器还没有关注/);
  });
});
