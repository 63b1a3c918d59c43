import { describe, expect, it } from "vitest";
import { botHarness, embedsOf } from "../bot/harness.js";

const harness = botHarness();

describe("the same interaction delivered twice", () => {
  it("is answered once, with the real answer, never with the duplicate's cooldown", async () => {
    const h = await harness.start();
    await h.services.collector.collect();
    for (let round = 0; round < 5; round++) {
      const sent = await h.send("trends", [], {
        user: { id: `11900000000000003${String(round).padStart(2, "0")}`, username: `u${round}` },
      });
      h.discord.redeliver(sent);
      const outcome = await sent.waitForFinal();
      expect(embedsOf(outcome.json)[0]?.title).toBe("Open-source AI trends · overview");
      // A second callback would be a violation (40060), which fails the test after it.
      const callbacks = sent
        .calls()
        .filter((call) => call.route === "POST /interactions/:id/:token/callback");
      expect(callbacks).toHaveLength(1);
    }
    expect(
      h.logs.filter(
        (line) => line.msg === "interaction delivered again; already handled, ignoring the repeat",
      ),
    ).toHaveLength(5);
  });
});
