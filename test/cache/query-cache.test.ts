import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createQueryCache, type QueryCache } from "../../src/services/cache/query-cache.js";

const START = Date.parse("2025-06-01T00:00:00.000Z");
const TTL_SECONDS = 60;

let nowMs: number;
let logLines: { level: number; msg: string; key?: string; ageMs?: number }[];
let cache: QueryCache;

function advance(ms: number): void {
  nowMs += ms;
}

function makeCache(extra: { maxStaleSeconds?: number } = {}): QueryCache {
  const logger = pino(
    { level: "debug" },
    {
      write(line: string) {
        logLines.push(JSON.parse(line));
      },
    },
  );
  return createQueryCache({ ttlSeconds: TTL_SECONDS, clock: () => new Date(nowMs), logger, ...extra });
}

/** A promise the test settles by hand, to hold a load in flight. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  nowMs = START;
  logLines = [];
  cache = makeCache();
});
afterEach(() => {
  cache.close();
});

describe("hits and misses", () => {
  it("loads on a miss and serves the cached value without loading while fresh", async () => {
    const load = vi.fn(async () => ({ top: ["Qwen/Qwen3-8B"] }));
    const first = await cache.get("top:models", load);
    advance(30_000);
    const second = await cache.get("top:models", load);

    expect(load).toHaveBeenCalledTimes(1);
    expect(first).toEqual({
      value: { top: ["Qwen/Qwen3-8B"] },
      fetchedAt: new Date(START),
      stale: false,
      ageMs: 0,
    });
    expect(second).toEqual({ value: first.value, fetchedAt: new Date(START), stale: false, ageMs: 30_000 });
    // Values are shared, not cloned.
    expect(second.value).toBe(first.value);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, loads: 1 });
  });

  it("keeps keys apart", async () => {
    await cache.get("a", async () => "A");
    const b = await cache.get("b", async () => "B");
    expect(b.value).toBe("B");
  });

  it("reloads once the TTL has passed on the injected clock, and not a millisecond before", async () => {
    let version = 0;
    const load = vi.fn(async () => ++version);
    await cache.get("k", load);

    advance(TTL_SECONDS * 1000 - 1);
    expect((await cache.get("k", load)).value).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);

    advance(1);
    const reloaded = await cache.get("k", load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(reloaded).toEqual({ value: 2, fetchedAt: new Date(nowMs), stale: false, ageMs: 0 });
  });
});

describe("single flight", () => {
  it("calls the loader exactly once for 100 concurrent identical queries on a cold cache", async () => {
    const gate = deferred<string>();
    const load = vi.fn(() => gate.promise);
    const pending = Array.from({ length: 100 }, () => cache.get("top:models:30d", load));
    gate.resolve("result");
    const results = await Promise.all(pending);

    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.value === "result" && !r.stale)).toBe(true);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 100, loads: 1 });
    // Later callers are hits.
    await cache.get("top:models:30d", load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("shares one reload between concurrent callers of an expired key", async () => {
    await cache.get("k", async () => "old");
    advance(TTL_SECONDS * 1000);
    const load = vi.fn(async () => "new");
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get("k", load)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.value)).toEqual(Array(20).fill("new"));
  });

  it("does not share a load between different keys", async () => {
    const load = vi.fn(async () => "v");
    await Promise.all([cache.get("a", load), cache.get("b", load)]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("failures", () => {
  it("serves the last good value as stale, with its age and the error, when a reload fails", async () => {
    await cache.get("k", async () => "good");
    advance(90_000);
    const failure = new Error("database is locked");
    const result = await cache.get("k", async () => {
      throw failure;
    });

    expect(result).toEqual({
      value: "good",
      fetchedAt: new Date(START),
      stale: true,
      ageMs: 90_000,
      error: failure,
    });
    expect(cache.stats()).toMatchObject({ loadErrors: 1, staleServed: 1 });
    expect(logLines).toContainEqual(
      expect.objectContaining({
        level: 40,
        key: "k",
        ageMs: 90_000,
        msg: "query failed; serving the last good value",
      }),
    );
  });

  it("gives every concurrent caller of a failed reload the stale value, and counts each", async () => {
    await cache.get("k", async () => "good");
    advance(TTL_SECONDS * 1000);
    const load = vi.fn(async () => {
      throw new Error("boom");
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.get("k", load)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.every((r) => r.stale && r.value === "good")).toBe(true);
    expect(cache.stats().staleServed).toBe(5);
  });

  it("tries the loader again on the next call after a failed reload, and caches its success", async () => {
    await cache.get("k", async () => "good");
    advance(TTL_SECONDS * 1000);
    await cache.get("k", async () => {
      throw new Error("boom");
    });
    const recovered = await cache.get("k", async () => "better");
    expect(recovered).toMatchObject({ value: "better", stale: false, ageMs: 0 });
    expect(recovered.error).toBeUndefined();
  });

  it("rejects with the loader's own error when there is no value to fall back on", async () => {
    const failure = new Error("no such snapshot");
    await expect(
      cache.get("k", async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(cache.stats()).toMatchObject({ loadErrors: 1, staleServed: 0, keys: 0 });
  });

  it("does not cache a failure: the next call loads again", async () => {
    await expect(cache.get("k", () => Promise.reject(new Error("first")))).rejects.toThrow("first");
    expect((await cache.get("k", async () => "second")).value).toBe("second");
  });

  it("treats a loader that throws synchronously like one that rejects, and does not get stuck", async () => {
    const throwsNow = (): Promise<string> => {
      throw new Error("sync");
    };
    await expect(cache.get("k", throwsNow)).rejects.toThrow("sync");
    expect((await cache.get("k", async () => "ok")).value).toBe("ok");
  });

  it("wraps a non-Error rejection into an Error on the stale result", async () => {
    await cache.get("k", async () => "good");
    advance(TTL_SECONDS * 1000);
    const result = await cache.get("k", () => Promise.reject("plain string"));
    expect(result.stale).toBe(true);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.error?.message).toBe("plain string");
  });

  it("does not serve a value older than maxStaleSeconds: rejects instead", async () => {
    cache.close();
    cache = makeCache({ maxStaleSeconds: 3600 });
    await cache.get("k", async () => "good");

    advance(3600 * 1000);
    expect((await cache.get("k", () => Promise.reject(new Error("down")))).stale).toBe(true);

    advance(1);
    await expect(cache.get("k", () => Promise.reject(new Error("still down")))).rejects.toThrow("still down");
  });
});

describe("invalidate", () => {
  it("makes matching keys reload and leaves others fresh", async () => {
    const load = vi.fn(async () => "v");
    await cache.get("top:models:7d", load);
    await cache.get("top:models:30d", load);
    await cache.get("model:Qwen/Qwen3-8B", load);

    expect(cache.invalidate("top:")).toBe(2);
    await cache.get("top:models:7d", load);
    await cache.get("top:models:30d", load);
    await cache.get("model:Qwen/Qwen3-8B", load);
    expect(load).toHaveBeenCalledTimes(5);
  });

  it("without a prefix, makes every key reload", async () => {
    const load = vi.fn(async () => "v");
    await cache.get("a", load);
    await cache.get("b", load);
    expect(cache.invalidate()).toBe(2);
    await cache.get("a", load);
    await cache.get("b", load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("keeps the invalidated value as the stale fallback if the reload fails", async () => {
    await cache.get("top:models", async () => "before the new snapshot");
    cache.invalidate("top:");
    const result = await cache.get("top:models", () => Promise.reject(new Error("query failed")));
    expect(result).toMatchObject({ value: "before the new snapshot", stale: true });
  });

  it("does not cache the result of a load that was under way when invalidated", async () => {
    const gate = deferred<string>();
    const inFlight = cache.get("top:models", () => gate.promise);
    cache.invalidate("top:");

    // A caller after the invalidation starts its own load rather than joining the old one.
    const fresh = cache.get("top:models", async () => "from new snapshot");
    gate.resolve("from old snapshot");
    expect((await inFlight).value).toBe("from old snapshot");
    expect((await fresh).value).toBe("from new snapshot");

    const later = await cache.get("top:models", async () => "unexpected load");
    expect(later.value).toBe("from new snapshot");
  });
});

describe("options", () => {
  it("rejects a TTL that is not a positive number", () => {
    const logger = pino({ level: "silent" });
    expect(() => createQueryCache({ ttlSeconds: 0, clock: () => new Date(nowMs), logger })).toThrow(
      /ttlSeconds/,
    );
    expect(() => createQueryCache({ ttlSeconds: Number.NaN, clock: () => new Date(nowMs), logger })).toThrow(
      /ttlSeconds/,
    );
  });
});
