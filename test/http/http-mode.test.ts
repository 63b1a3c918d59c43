import { describe, expect, it } from "vitest";
import { botHarness, contentOf, isEphemeral } from "../bot/harness.js";
import { HTTP_RESPONSE_ROUTE } from "../fakes/discord/index.js";

const harness = botHarness("http");

describe("a bot in http mode, behind the Interactions Endpoint URL", () => {
  it("answers a refusal in the HTTP response itself, with no REST callback", async () => {
    const h = await harness.start();
    const outcome = await h.run("trends", [{ name: "region", type: 3, value: "chna" }]);
    expect(outcome.finalCall.route).toBe(HTTP_RESPONSE_ROUTE);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain('I don\'t know the region "chna"');
    expect(h.discord.callsTo("POST", /\/callback$/)).toEqual([]);
  });

  it("sends an answer with a chart as one multipart callback through REST, then 202s the POST", async () => {
    const h = await harness.start();
    await h.services.collector.collect();
    const sent = await h.send("trends");
    const outcome = await sent.waitForFinal();
    expect(outcome.callbackType).toBe(4);
    expect(outcome.finalCall.route).toBe("POST /interactions/:id/:token/callback");
    expect(outcome.finalCall.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(outcome.files.map((f) => f.name)).toEqual(["trends-all-regions.png"]);
    // No deferral, no edit: one step, as over the gateway.
    expect(h.discord.callsTo("PATCH", /\/messages\/@original$/)).toEqual([]);
  });

  it("answers autocomplete in the HTTP response", async () => {
    const h = await harness.start();
    const outcome = await h.autocomplete("trends", [{ name: "region", type: 3, value: "eu", focused: true }]);
    expect(outcome.callbackType).toBe(8);
    expect(outcome.finalCall.route).toBe(HTTP_RESPONSE_ROUTE);
    expect((outcome.json as { choices: unknown }).choices).toEqual([{ name: "Europe", value: "europe" }]);
  });
});
