import { describe, expect, it } from "vitest";
import digestCommand from "../../src/commands/digest/index.js";
import { readPngSize } from "../../src/services/charts/png.js";
import {
  answeredPrivately,
  DIGEST_CHANNELS,
  digest,
  footerOf,
  NEWS_CHANNEL_ID,
  NO_ATTACH_CHANNEL_ID,
  postsIn,
  SECOND_CHANNEL_ID,
  setCommand,
  setDigest,
  VOICE_CHANNEL_ID,
} from "./digest-helpers.js";
import {
  botHarness,
  CHANNEL_ID,
  contentOf,
  embedsOf,
  GUILD_ID,
  INTERACTIONS_MODES,
  isEphemeral,
} from "./harness.js";

/** Wednesday 25 November 2026, 12:00 in Shanghai. */
const WEDNESDAY = "2026-11-25T04:00:00.000Z";

// Over the gateway and over the Interactions Endpoint URL alike: one router, one reply path.
describe.each(INTERACTIONS_MODES)("/digest through a loopback Discord (%s)", (mode) => {
  const harness = botHarness(mode);
  it("sets a digest, answering privately with its id and the next three post times in its zone", async () => {
    const h = await harness.start({ clock: WEDNESDAY, channels: DIGEST_CHANNELS });
    const command = setCommand({ day: "thu", time: "9:00", timezone: "asia/shanghai", region: "cn" });
    const outcome = await h.run("digest", command.options, command.extra);

    expect(outcome.callbackType).toBe(4);
    expect(isEphemeral(outcome.json)).toBe(true);
    const text = contentOf(outcome.json);
    expect(text).toContain(
      `Digest #1 created: it posts to <#${CHANNEL_ID}> every Thursday at 09:00 (Asia/Shanghai), about China, in English.`,
    );
    // Thursday 09:00 in Shanghai is 01:00 UTC: Nov 26, Dec 3, Dec 10.
    for (const iso of ["2026-11-26T01:00:00Z", "2026-12-03T01:00:00Z", "2026-12-10T01:00:00Z"]) {
      expect(text).toContain(`<t:${Date.parse(iso) / 1000}:F>`);
    }
    expect(text).toContain("(Thu, Nov 26, 2026, 09:00 Asia/Shanghai)");
    expect((outcome.json as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    const [saved] = await h.bot.services.digests.store.listByGuild(GUILD_ID);
    expect(saved).toMatchObject({ day: "thu", time: "09:00", timezone: "Asia/Shanghai", region: "china" });
  });

  it("refuses a member without Manage Server, whatever the command's visibility says", async () => {
    const h = await harness.start({ channels: DIGEST_CHANNELS });
    const command = setCommand({});
    const outcome = await h.run("digest", command.options, { ...command.extra, memberPermissions: "3072" });
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain("Only members with the **Manage Server** permission");
    expect(await h.bot.services.digests.store.listByGuild(GUILD_ID)).toEqual([]);
  });

  it("names the permission the bot lacks in the channel, and saves nothing", async () => {
    const h = await harness.start({ channels: DIGEST_CHANNELS });
    const text = await setDigest(h, { channel: NO_ATTACH_CHANNEL_ID });
    expect(text).toBe(
      `I can't post the digest in <#${NO_ATTACH_CHANNEL_ID}>: I am missing the Attach Files permission in the channel. Give my role Attach Files in <#${NO_ATTACH_CHANNEL_ID}> (channel settings → Permissions), then run this again. Nothing was saved.`,
    );
    expect(await h.bot.services.digests.store.listByGuild(GUILD_ID)).toEqual([]);
  });

  it("suggests IANA zones for a city or an abbreviation, and saves nothing", async () => {
    const h = await harness.start({ channels: DIGEST_CHANNELS });
    expect(await setDigest(h, { timezone: "Beijing" })).toContain(
      '"Beijing" is not a time zone I know. Did you mean **Asia/Shanghai**?',
    );
    expect(await setDigest(h, { timezone: "PST" })).toContain("Did you mean **America/Los_Angeles**?");
    expect(await setDigest(h, { time: "9am" })).toContain('"9am" is not a time I can read');
    expect(await h.bot.services.digests.store.listByGuild(GUILD_ID)).toEqual([]);
  });

  it("accepts an announcement channel and refuses a voice channel", async () => {
    const h = await harness.start({ channels: DIGEST_CHANNELS });
    expect(await setDigest(h, { channel: NEWS_CHANNEL_ID })).toContain("Digest #1 created");
    expect(await setDigest(h, { channel: VOICE_CHANNEL_ID })).toBe(
      `<#${VOICE_CHANNEL_ID}> is not a text or announcement channel, a thread or a forum: pick one of those for the digest.`,
    );
    expect((await h.bot.services.digests.store.listByGuild(GUILD_ID)).map((d) => d.channelId)).toEqual([
      NEWS_CHANNEL_ID,
    ]);
  });

  it("allows five digests per server and says how to change one instead of a sixth", async () => {
    const h = await harness.start({ channels: DIGEST_CHANNELS });
    for (let i = 1; i <= 5; i++) expect(await setDigest(h, {})).toContain(`Digest #${i} created`);
    expect(await setDigest(h, {})).toContain("This server already has 5 digests, the most allowed.");
  });

  it("shows every digest, previews one privately, posts it now once, and turns it off and on", async () => {
    const h = await harness.start({ clock: WEDNESDAY, channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { day: "fri", time: "18:30", timezone: "Europe/Paris", language: "zh-CN" });
    await setDigest(h, { channel: SECOND_CHANNEL_ID, region: "europe" });

    const shown = await h.run("digest", [{ name: "show", type: 1 }], digestAdmin());
    expect(isEphemeral(shown.json)).toBe(true);
    const [list] = embedsOf(shown.json);
    expect(list?.fields?.map((f) => f.name)).toEqual(["#1 · on", "#2 · on"]);
    expect(list?.fields?.[0]?.value).toContain(
      `<#${CHANNEL_ID}> · every Friday at 18:30 (Europe/Paris) · all regions, in Chinese (简体中文)`,
    );
    expect(list?.fields?.[0]?.value).toContain(
      `Next post: <t:${Date.parse("2026-11-27T17:30:00Z") / 1000}:F>`,
    );
    expect(list?.fields?.[0]?.value).toContain("Last post: none yet");

    const preview = await digest(h, "preview", 1);
    expect(answeredPrivately(h, preview)).toBe(true);
    const [previewEmbed] = embedsOf(preview.json);
    expect(previewEmbed?.title).toBe("开源 AI 周报 · 总览 · 2026 年第 48 周");
    expect(previewEmbed?.footer?.text).toMatch(/^digest #1 · 2026-W48 · /);
    expect(readPngSize(preview.files[0]?.bytes ?? new Uint8Array())).toEqual({ width: 400, height: 400 });
    expect(postsIn(h, CHANNEL_ID)).toEqual([]);

    const sent = await digest(h, "send-now", 1);
    expect(answeredPrivately(h, sent)).toBe(true);
    const posts = postsIn(h, CHANNEL_ID);
    expect(posts).toHaveLength(1);
    const link = `https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${String(posts[0]?.id)}`;
    expect(contentOf(sent.json)).toContain(`Digest #1 is posted in <#${CHANNEL_ID}>: ${link}.`);
    expect(footerOf(posts[0] ?? {})).toMatch(/^digest #1 · 2026-W48 · /);
    const [post] = h.discord.callsTo("POST", `/channels/${CHANNEL_ID}/messages`);
    expect(post?.json).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(typeof (post?.json as { nonce?: unknown } | undefined)?.nonce).toBe("string");

    const again = await digest(h, "send-now", 1);
    expect(contentOf(again.json)).toContain(`Digest #1 was already posted this week (2026-W48): ${link}.`);
    expect(postsIn(h, CHANNEL_ID)).toHaveLength(1);

    const afterPost = embedsOf((await digest(h, "show")).json)[0]?.fields?.[0]?.value ?? "";
    expect(afterPost).toContain(`(2026-W48) · [open](${link})`);
    // This week is done: the next post is a week after Friday's.
    expect(afterPost).toContain(`Next post: <t:${Date.parse("2026-12-04T17:30:00Z") / 1000}:F>`);

    expect(contentOf((await digest(h, "off")).json)).toContain("This server has 2 digests (#1, #2)");
    expect(contentOf((await digest(h, "off", 2)).json)).toContain("Digest #2 is off");
    const offList = embedsOf((await digest(h, "show")).json)[0]?.fields ?? [];
    expect(offList[1]?.name).toBe("#2 · off");
    expect((await h.bot.services.digests.store.listEnabled()).map((d) => d.id)).toEqual([1]);

    expect(await setDigest(h, { channel: SECOND_CHANNEL_ID, id: 2 })).toContain(
      "Digest #2 updated and back on",
    );
    expect((await h.bot.services.digests.store.listEnabled()).map((d) => d.id)).toEqual([1, 2]);
    expect((await h.bot.services.digests.store.get(GUILD_ID, 2))?.region).toBe("europe");
  });

  it("stores the by and cohort an admin sets, says them, keeps them when left out, and posts under them", async () => {
    const h = await harness.start({ clock: WEDNESDAY, channels: DIGEST_CHANNELS });
    // Registered, the fake Discord checks every option sent against the command's definition.
    await h.register([digestCommand]);
    await h.services.collector.collect();
    const created = await setDigest(h, { by: "uploader", cohort: "generative" });
    expect(created).toContain("Digest #1 created");
    expect(created).toContain("\nCounting: by uploader · generative models\n");
    expect(await h.bot.services.digests.store.get(GUILD_ID, 1)).toMatchObject({
      by: "uploader",
      cohort: "generative",
    });

    // Changed with id: what is left out is kept, what is given replaces it.
    await setDigest(h, { id: 1, time: "10:00" });
    expect(await h.bot.services.digests.store.get(GUILD_ID, 1)).toMatchObject({
      by: "uploader",
      cohort: "generative",
    });
    const updated = await setDigest(h, { id: 1, cohort: "new" });
    expect(updated).toContain("Counting: by uploader · created in the last 12 months");
    expect(await h.bot.services.digests.store.get(GUILD_ID, 1)).toMatchObject({
      by: "uploader",
      cohort: "new",
    });
    // A new digest without them counts the default way.
    expect(await setDigest(h, { channel: SECOND_CHANNEL_ID })).toContain(
      "Counting: by base model's developer · all models",
    );

    const fields = embedsOf((await digest(h, "show")).json)[0]?.fields ?? [];
    expect(fields[0]?.value.split("\n")[1]).toBe("Counting: by uploader · created in the last 12 months");
    expect(fields[1]?.value.split("\n")[1]).toBe("Counting: by base model's developer · all models");
    const zh = embedsOf((await digest(h, "show", undefined, { locale: "zh-CN" })).json)[0]?.fields ?? [];
    expect(zh[0]?.value.split("\n")[1]).toBe("统计方式：按上传者 · 近 12 个月创建");

    await digest(h, "send-now", 1);
    const [post] = postsIn(h, CHANNEL_ID);
    expect(footerOf(post ?? {})).toContain(
      "30-day downloads of the models created in the last 12 months among the top 300, credited to the uploader",
    );
  });

  it("answers /digest show, preview and off with a hint when the server has no digest", async () => {
    const h = await harness.start();
    expect(contentOf((await digest(h, "show")).json)).toContain("This server has no digests yet.");
    expect(contentOf((await digest(h, "preview")).json)).toContain("Create one with `/digest set`");
    expect(contentOf((await digest(h, "off", 7)).json)).toContain("This server has no digest #7.");
  });

  it("suggests time zones as the admin types", async () => {
    const h = await harness.start();
    const sent = await h.discord.dispatchAutocomplete({
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      name: "digest",
      options: [
        { name: "set", type: 1, options: [{ name: "timezone", type: 3, value: "pst", focused: true }] },
      ],
    });
    const outcome = await sent.waitForFinal();
    const choices = (outcome.json as { choices: { value: string }[] }).choices;
    expect(choices[0]?.value).toBe("America/Los_Angeles");
  });
});

function digestAdmin() {
  return setCommand({}).extra;
}
