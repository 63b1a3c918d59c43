import { describe, expect, it } from "vitest";
import { ADMIN, setCommand } from "../bot/digest-helpers.js";
import { botHarness, contentOf } from "../bot/harness.js";

const harness = botHarness();
/** Past Discord's `max_length`, which only well-behaved clients enforce. */
const LONG = "Europe/Pari".padEnd(6000, "sx");

function timezoneAutocomplete(value: string) {
  return [
    {
      name: "set",
      type: 1,
      options: [{ name: "timezone", type: 3, value, focused: true }],
    },
  ];
}

describe("an option value of 6,000 characters", () => {
  it("does not hold up anyone: eight such autocompletes at once and another user's command all get answered in time", async () => {
    const h = await harness.start();
    await h.services.collector.collect();
    const flood = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.discord.dispatchAutocomplete({
          guildId: "1190000000000000001",
          channelId: "1190000000000000011",
          user: { id: "1190000000000000201", username: "flood" },
          name: "digest",
          options: timezoneAutocomplete(LONG),
          memberPermissions: ADMIN,
        }),
      ),
    );
    const bystander = await h.send("about");
    const answers = await Promise.all([...flood, bystander].map((sent) => sent.waitForFinal(10_000)));
    for (const answer of answers) {
      expect(answer.timings.acknowledgedAt - answer.timings.dispatchedAt).toBeLessThan(3000);
    }
    expect(answers.slice(0, 8).map((a) => (a.json as { choices: unknown[] }).choices)).toEqual(
      Array.from({ length: 8 }, () => []),
    );
  });

  it("is refused where it arrives, saying which option and how long it may be, in the user's language", async () => {
    const h = await harness.start();
    const { options, extra } = setCommand({ timezone: LONG });
    const outcome = await h.run("digest", options, extra);
    expect(contentOf(outcome.json)).toBe(
      "The option `timezone` takes at most 64 characters, and this one has 6,000. Nothing was done: please shorten it and try again.",
    );
    const chinese = await h.run("digest", options, { ...extra, locale: "zh-CN" });
    expect(contentOf(chinese.json)).toBe(
      "选项 `timezone` 最多 64 个字符，而这次有 6,000 个。未执行任何操作，请缩短后重试。",
    );
    expect(await h.bot.services.digests.store.listByGuild("1190000000000000001")).toEqual([]);
  });
});
