import { createServer } from "node:http";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createRetryingFetch,
  HubUnavailableError,
  parseRateLimitReset,
  parseRetryAfter,
  type RetryingFetchOptions,
} from "../../src/services/hub/retrying-fetch.js";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubModels } from "../fixtures/generate-hub-models.js";
import { recordingSleep, rejectionOf } from "./helpers.js";

const logger = pino({ level: "silent" });
const { rows } = generateHubModels({ count: 20, now: new Date("2026-05-04T00:00:00Z") });
let hub: FakeHub;
let listUrl: string;

beforeAll(async () => {
  hub = await startFakeHub({ models: rows });
  listUrl = `${hub.url}/api/models?limit=5&sort=downloads`;
});
afterEach(() => {
  hub.setFault(null);
  hub.requests.length = 0;
});
afterAll(() => hub.close());

function retrying(options: Partial<RetryingFetchOptions> = {}) {
  const { sleep, waits } = recordingSleep();
  const attempts: number[] = [];
  const fetcher = createRetryingFetch({
    fetch,
    logger,
    sleep,
    random: () => 0.5,
    onRequest: ({ attempt }) => attempts.push(attempt),
    ...options,
  });
  return { fetcher, waits, attempts };
}

describe("createRetryingFetch", () => {
  it("waits as long as Retry-After says after a 429, then returns the answer", async () => {
    hub.setFault({ kind: "429", retryAfterSeconds: 3, times: 1 });
    const { fetcher, waits, attempts } = retrying();
    const response = await fetcher(listUrl);
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(5);
    expect(waits).toEqual([3000]);
    expect(attempts).toEqual([1, 2]);
  });

  it("waits for the t= of the Hub's RateLimit header when a 429 has no Retry-After", async () => {
    hub.setFault({ kind: "429", resetSeconds: 7, times: 1 });
    const { fetcher, waits } = retrying();
    expect((await fetcher(listUrl)).status).toBe(200);
    expect(hub.requests[0]?.status).toBe(429);
    expect(waits).toEqual([7000]);
  });

  it("backs off exponentially with jitter on 5xx, then returns the success", async () => {
    hub.setFault({ kind: "500", times: 2 });
    const { fetcher, waits, attempts } = retrying({ baseDelayMs: 100 });
    expect((await fetcher(listUrl)).status).toBe(200);
    // Equal jitter with random 0.5: three quarters of 100, then of 200.
    expect(waits).toEqual([75, 150]);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("gives up after maxAttempts with status, url and the last request id in the error", async () => {
    hub.setFault({ kind: "500" });
    const { fetcher, waits } = retrying({ maxAttempts: 3 });
    const error = await rejectionOf(fetcher(listUrl));
    expect(error).toBeInstanceOf(HubUnavailableError);
    const lastId = hub.requests.at(-1)?.requestId;
    expect(hub.requests).toHaveLength(3);
    expect(error).toMatchObject({ status: 500, url: listUrl, requestId: lastId, attempts: 3 });
    const message = (error as Error).message;
    expect(message).toContain("500");
    expect(message).toContain(listUrl);
    expect(message).toContain(`request id ${lastId}`);
    expect(waits).toHaveLength(2);
  });

  it("does not retry a 404 and hands it back to the caller", async () => {
    const { fetcher, waits } = retrying();
    const response = await fetcher(`${hub.url}/api/models/nobody/nothing/revision/HEAD`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Repository not found" });
    expect(hub.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("gives up at once when the Hub asks for a longer wait than the cap, saying how long", async () => {
    hub.setFault({ kind: "429", retryAfterSeconds: 120 });
    const { fetcher, waits } = retrying({ maxDelayMs: 30_000 });
    const error = await rejectionOf(fetcher(listUrl));
    expect(error).toBeInstanceOf(HubUnavailableError);
    expect(error).toMatchObject({ status: 429, requestedWaitMs: 120_000, attempts: 1 });
    expect((error as Error).message).toContain("wait 120 s");
    expect(hub.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("never waits more in total than maxDelayMs", async () => {
    hub.setFault({ kind: "500" });
    const { fetcher, waits } = retrying({ maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 1000 });
    const error = await rejectionOf(fetcher(listUrl));
    expect(error).toBeInstanceOf(HubUnavailableError);
    expect(waits).toEqual([375, 625]); // the second backoff (750) is cut to what is left
    expect(hub.requests).toHaveLength(3);
  });

  it("times an attempt out and retries it", async () => {
    // Generous margins: the healthy second attempt must beat the timeout on a busy 2-core machine.
    hub.setFault({ kind: "slow", delayMs: 2000, times: 1 });
    const { fetcher, waits } = retrying({ timeoutMs: 250 });
    const response = await fetcher(listUrl);
    expect(response.status).toBe(200);
    expect(waits).toHaveLength(1);
    expect(hub.requests).toHaveLength(2);
  });

  it("reports a timeout in the give-up error", async () => {
    hub.setFault({ kind: "slow", delayMs: 2000 });
    const { fetcher } = retrying({ timeoutMs: 100, maxAttempts: 2 });
    const error = await rejectionOf(fetcher(listUrl));
    expect(error).toBeInstanceOf(HubUnavailableError);
    expect(error).toMatchObject({ status: null, requestId: null, attempts: 2 });
    expect((error as Error).message).toContain("timed out after 100 ms");
  });

  it("retries network errors and gives up with the cause", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    if (address === null || typeof address === "string") throw new Error("no port");
    const { fetcher, attempts } = retrying({ maxAttempts: 2 });
    const error = await rejectionOf(fetcher(`http://127.0.0.1:${address.port}/api/models`));
    expect(error).toBeInstanceOf(HubUnavailableError);
    expect(error).toMatchObject({ status: null, attempts: 2 });
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(attempts).toEqual([1, 2]);
  });

  it("does not retry once the caller aborts", async () => {
    const { fetcher, attempts } = retrying();
    const controller = new AbortController();
    controller.abort(new Error("caller gave up"));
    const error = await rejectionOf(fetcher(listUrl, { signal: controller.signal }));
    expect((error as Error).message).toBe("caller gave up");
    expect(attempts).toEqual([]);
  });
});

describe("retry headers", () => {
  const now = Date.parse("2026-05-04T12:00:00Z");

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("42", now)).toBe(42_000);
    expect(parseRetryAfter("Mon, 04 May 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 04 May 2026 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it("reads the reset time from the Hub's RateLimit header", () => {
    expect(parseRateLimitReset('"api";r=0;t=55')).toBe(55_000);
    expect(parseRateLimitReset('"api";r=12')).toBeNull();
    expect(parseRateLimitReset(null)).toBeNull();
  });
});
