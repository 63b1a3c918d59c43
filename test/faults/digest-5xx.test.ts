import { describe, expect, it } from "vitest";
import { ADMIN, DIGEST_CHANNELS, postsIn, setDigest } from "../bot/digest-helpers.js";
import { botHarness, CHANNEL_ID, embedsOf } from "../bot/harness.js";

const harness = botHarness();
const MINUTE = 60_000;
const THURSDAY_9_SHANGHAI = Date.parse("2026-11-26T01:00:00Z");

describe("a digest whose channel keeps answering 5xx", () => {
  it("backs off further, and after a bounded number of attempts pauses with the reason instead of trying all window long", async () => {
    const h = await harness.start({ clock: "2026-11-25T04:00:00Z", channels: DIGEST_CHANNELS });
    await h.services.collector.collect();
    await setDigest(h, { day: "thu", time: "09:00", timezone: "Asia/Shanghai" });
    const channelRoute = { path: `/channels/${CHANNEL_ID}/messages` };
    h.discord.failNext({ route: channelRoute, status: 500, times: 100_000 });

    // The whole 12 h grace window and a little more, a tick every 5 minutes.
    h.clock.set(new Date(THURSDAY_9_SHANGHAI + 5_000).toISOString());
    const reports = [];
    for (let minutes = 0; minutes <= 13 * 60; minutes += 5) {
      reports.push(await h.bot.digestTick());
      h.clock.advance(5 * MINUTE);
    }

    const posts = h.discord.callsTo("POST", channelRoute.path);
    const lookups = h.discord.callsTo("GET", channelRoute.path);
    // discord.js retries each 5xx three times itself: 4 requests an attempt.
    expect(posts.length + lookups.length).toBeLessThanOrEqual(8 * 4);
    expect(reports.reduce((sum, report) => sum + report.paused, 0)).toBe(1);
    expect(postsIn(h, CHANNEL_ID)).toEqual([]);

    const shown = await h.run("digest", [{ name: "show", type: 1 }], { memberPermissions: ADMIN });
    expect(embedsOf(shown.json)[0]?.fields?.[0]?.value).toMatch(
      /\*\*Paused\*\*: Discord failed 8 attempts in a row over 3 h 5\d min \(last: 500 Internal Server Error\)/,
    );
    const paused = h.logs.find((line) => line.msg === "digest paused: Discord kept failing its posts");
    expect(paused).toMatchObject({ level: 50, digestId: 1, attempts: 8 });
  });
});
