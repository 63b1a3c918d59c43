import { Writable } from "node:stream";
import { DiscordAPIError, HTTPError, REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/services/logger.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";

let discord: FakeDiscord | undefined;

afterEach(async () => {
  await discord?.close();
  discord = undefined;
});

/** A logger as the bot makes it, writing its lines here instead of stderr. */
function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: () => string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger("info", sink), lines: () => lines };
}

/** A 300 KB "PNG": what a chart attachment weighs at 2× pixel ratio. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(300_000, 7)]);
const INTERACTION_TOKEN = `aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTA6${"x".repeat(120)}`;

/** A real discord.js REST error for an edit of an interaction's answer, with a chart attached. */
async function failedEdit(status: "404" | "500"): Promise<unknown> {
  discord = await startFakeDiscord({ applicationId: "1190000000000000100" });
  if (status === "500") {
    discord.failNext({ route: { method: "PATCH", path: /@original$/ }, status: 500, times: 10 });
  }
  const rest = new REST({ api: discord.apiUrl, retries: 0 }).setToken(discord.token);
  try {
    await rest.patch(Routes.webhookMessage("1190000000000000100", INTERACTION_TOKEN, "@original"), {
      body: { content: "chart", attachments: [{ id: 0, filename: "chart.png" }] },
      files: [{ name: "chart.png", data: PNG, contentType: "image/png" }],
      auth: false,
    });
  } catch (error) {
    return error;
  }
  throw new Error("the edit succeeded");
}

describe("log lines", () => {
  it.each([
    ["404 (DiscordAPIError)", "404" as const, DiscordAPIError],
    ["500 (HTTPError)", "500" as const, HTTPError],
  ])(
    "carry neither the interaction token nor the file's bytes of a failed webhook edit: %s",
    async (_, status, type) => {
      const error = await failedEdit(status);
      expect(error).toBeInstanceOf(type);
      expect(JSON.stringify(error)).toContain(INTERACTION_TOKEN);

      const { logger, lines } = capturedLogger();
      logger.error({ err: error, command: "trends" }, "could not deliver the answer");
      logger.warn({ error, url: (error as { url: string }).url }, "logged under other keys too");
      logger.info(`failed at ${(error as { url: string }).url}`);
      logger.flush();

      expect(lines()).toHaveLength(3);
      for (const line of lines()) {
        expect(line).not.toContain(INTERACTION_TOKEN);
        expect(line.length).toBeLessThan(4000);
        expect(line).toContain("/webhooks/1190000000000000100/[redacted]/messages/%40original");
      }
      const [first] = lines();
      const logged = JSON.parse(first ?? "{}") as {
        err: { type: string; requestBody: { files: unknown[] } };
      };
      expect(logged.err.type).toBe(type.name);
      expect(logged.err.requestBody.files).toEqual([
        { name: "chart.png", contentType: "image/png", data: "[300004 bytes]" },
      ]);
    },
  );

  it("redact a bot token wherever it appears in a string", () => {
    const { logger, lines } = capturedLogger();
    // A made-up token of the bot-token shape (base64 of the application id, a timestamp, an HMAC),
    // assembled here so that no token-looking literal sits in the tree.
    const token = [Buffer.from("1190000000000000200").toString("base64url"), "GhxYzA", "x".repeat(38)].join(
      ".",
    );
    logger.warn({ note: `sent Bot ${token}` }, `the token ${token} leaked`);
    logger.flush();
    expect(lines().join("\n")).not.toContain(token);
    expect(lines().join("\n")).toContain("[redacted]");
  });
});
