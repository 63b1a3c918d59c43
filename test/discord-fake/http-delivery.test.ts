import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSignatureVerifier } from "../../src/bot/http/signature.js";
import { type FakeDiscord, HTTP_RESPONSE_ROUTE, startFakeDiscord } from "../fakes/discord/index.js";
import { GUILD_ID, TEXT_CHANNEL_ID, testGuild } from "./helpers.js";

/** An endpoint whose answers the test writes, to see what the fake makes of them. */
type Answer = (req: IncomingMessage, body: string, res: ServerResponse) => void;

let discord: FakeDiscord | undefined;
let endpoint: Server | undefined;

async function start(answer: Answer): Promise<FakeDiscord> {
  discord = await startFakeDiscord({ guilds: [testGuild()] });
  endpoint = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => answer(req, body, res));
  });
  await new Promise<void>((resolve) => endpoint?.listen(0, "127.0.0.1", () => resolve()));
  const { port } = endpoint.address() as AddressInfo;
  discord.setInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
  return discord;
}

afterEach(async () => {
  await discord?.close();
  await new Promise<void>((resolve) => (endpoint ? endpoint.close(() => resolve()) : resolve()));
  discord = undefined;
  endpoint = undefined;
});

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};
const dispatch = (d: FakeDiscord) =>
  d.dispatchChatInput({ guildId: GUILD_ID, channelId: TEXT_CHANNEL_ID, name: "about" });
const settled = () => new Promise((resolve) => setTimeout(resolve, 200));

describe("the loopback Discord delivering interactions to an endpoint URL", () => {
  it("signs each POST so that the application's public key verifies it, and takes a JSON answer as the response", async () => {
    let verdict = "";
    const d = await start((req, body, res) => {
      const verify = createSignatureVerifier(d.publicKey, () => new Date());
      verdict = verify(
        String(req.headers["x-signature-ed25519"]),
        String(req.headers["x-signature-timestamp"]),
        Buffer.from(body),
      );
      json(res, 200, { type: 4, data: { content: "hi" } });
    });
    const outcome = await (await dispatch(d)).waitForFinal();
    expect(verdict).toBe("ok");
    expect(outcome.finalCall.route).toBe(HTTP_RESPONSE_ROUTE);
    expect(outcome.json).toEqual({ content: "hi" });
    d.assertNoViolations();
  });

  it("records a violation for a response body the schemas reject", async () => {
    const d = await start((_req, _body, res) =>
      json(res, 200, { type: 4, data: { content: "x", bogus: 1 } }),
    );
    await dispatch(d);
    await settled();
    expect(d.takeViolations().map((v) => v.route)).toEqual([HTTP_RESPONSE_ROUTE]);
  });

  it("records a violation for a 202 with no callback made through REST first", async () => {
    const d = await start((_req, _body, res) => {
      res.writeHead(202);
      res.end();
    });
    await dispatch(d);
    await settled();
    expect(d.takeViolations()[0]?.problems[0]).toContain("no callback was made through REST");
  });

  it("records a violation for a multipart answer, which the docs allow only on the callback route", async () => {
    const d = await start((_req, _body, res) => {
      res.writeHead(200, { "content-type": "multipart/form-data; boundary=x" });
      res.end("--x--");
    });
    await dispatch(d);
    await settled();
    expect(d.takeViolations()[0]?.problems[0]).toContain("Discord wants 200 JSON or 202");
  });
});
