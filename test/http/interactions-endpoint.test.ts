import { connect } from "node:net";
import { REST } from "discord.js";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, type RunningHttpServer, startHttpServer } from "../../src/bot/http/http-server.js";
import { interactionsEndpoint } from "../../src/bot/http/interactions-endpoint.js";
import { createSignatureVerifier } from "../../src/bot/http/signature.js";
import type { InteractionRouter } from "../../src/bot/router.js";
import { createInteractionSigner } from "../fakes/discord/signing.js";

const signer = createInteractionSigner();
const otherSigner = createInteractionSigner();
let server: RunningHttpServer | undefined;

/** A router that records what reaches it and answers with a fixed message. */
function recordingRouter(): InteractionRouter & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    seen,
    async handle(interaction, responder) {
      seen.push(interaction);
      await responder.respond({ type: 4, data: { content: "hello" } });
    },
  };
}

async function startEndpoint(
  router: InteractionRouter,
  timeouts?: { headersMs: number; requestMs: number },
): Promise<string> {
  const logger = pino({ level: "silent" });
  const endpoint = interactionsEndpoint({
    verify: createSignatureVerifier(signer.publicKeyHex, () => new Date()),
    router,
    rest: new REST(),
    logger,
    track: () => undefined,
  });
  server = await startHttpServer({
    port: 0,
    host: "127.0.0.1",
    routes: new Map([["POST /interactions", endpoint]]),
    logger,
    ...(timeouts === undefined ? {} : { timeouts }),
  });
  return `http://127.0.0.1:${server.port}/interactions`;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const command = JSON.stringify({
  id: "1",
  type: 2,
  token: "t",
  application_id: "2",
  data: { name: "about" },
});
const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

describe("POST /interactions", () => {
  it("answers PING with PONG when the signature holds", async () => {
    const router = recordingRouter();
    const url = await startEndpoint(router);
    const body = JSON.stringify({ id: "1", type: 1, token: "t", application_id: "2", version: 1 });
    const response = await post(url, body, signer.headers(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
    expect(router.seen).toEqual([]);
  });

  it("hands a signed command to the router and returns its first response as the HTTP body", async () => {
    const router = recordingRouter();
    const url = await startEndpoint(router);
    const response = await post(url, command, signer.headers(command));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 4, data: { content: "hello" } });
    expect(router.seen).toHaveLength(1);
  });

  it("refuses a tampered body with 401 and routes nothing", async () => {
    const router = recordingRouter();
    const url = await startEndpoint(router);
    const headers = signer.headers(command);
    const response = await post(url, command.replace("about", "trends"), headers);
    expect(response.status).toBe(401);
    expect(router.seen).toEqual([]);
  });

  it("refuses a signature made with another key with 401", async () => {
    const router = recordingRouter();
    const url = await startEndpoint(router);
    const response = await post(url, command, otherSigner.headers(command));
    expect(response.status).toBe(401);
    expect(router.seen).toEqual([]);
  });

  it("refuses a correctly signed request older than five minutes (a replay) with 401", async () => {
    const router = recordingRouter();
    const url = await startEndpoint(router);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await post(url, command, signer.headers(command, sixMinutesAgo));
    expect(response.status).toBe(401);
    // Four minutes old is still Discord's request.
    const fourMinutesAgo = Math.floor(Date.now() / 1000) - 4 * 60;
    expect((await post(url, command, signer.headers(command, fourMinutesAgo))).status).toBe(200);
    expect(router.seen).toHaveLength(1);
  });

  it("refuses requests without the signature headers, or with a malformed signature, with 401", async () => {
    const router = recordingRouter();
    const url = await startEndpoint(router);
    const headers = signer.headers(command);
    expect((await post(url, command, {})).status).toBe(401);
    expect(
      (await post(url, command, { "x-signature-timestamp": headers["x-signature-timestamp"] })).status,
    ).toBe(401);
    expect((await post(url, command, { "x-signature-ed25519": headers["x-signature-ed25519"] })).status).toBe(
      401,
    );
    expect((await post(url, command, { ...headers, "x-signature-ed25519": "zz" })).status).toBe(401);
    expect(router.seen).toEqual([]);
  });

  it("refuses a body over the limit with 413 before reading it, declared or streamed", async () => {
    const router = recordingRouter();
    const url = await startEndpoint(router);
    const big = "x".repeat(MAX_BODY_BYTES + 1);
    const declared = await post(url, big, signer.headers(big));
    expect(declared.status).toBe(413);
    // Chunked: no Content-Length to refuse up front, so the limit holds while reading.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++)
          controller.enqueue(new TextEncoder().encode("y".repeat(MAX_BODY_BYTES / 4)));
        controller.close();
      },
    });
    const streamed = await fetch(url, { method: "POST", body: chunks, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(router.seen).toEqual([]);
  });

  it("answers 405 to another method on the endpoint and 404 elsewhere", async () => {
    const url = await startEndpoint(recordingRouter());
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url.replace("/interactions", "/nowhere"))).status).toBe(404);
  });

  it("drops a sender that trickles its request past the timeout with 408, routing nothing", async () => {
    const router = recordingRouter();
    const url = new URL(await startEndpoint(router, { headersMs: 300, requestMs: 600 }));
    const socket = connect(Number(url.port), "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("utf8");
    });
    // Headers complete, the body promised and never sent: a slow-loris sender.
    socket.write(`POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"type":`);
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once("close", () => resolve()));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(router.seen).toEqual([]);
  });
});
