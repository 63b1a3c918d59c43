import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLease } from "../../src/services/digests/lease.js";
import { openDatabase, type SqliteDatabase } from "../../src/services/storage/database.js";
import { type FakeClock, fakeClock, silentLogger } from "./helpers.js";

const TTL_MS = 30_000;

let dir: string;
let one: SqliteDatabase;
let two: SqliteDatabase;
let clock: FakeClock;

// Two connections to one file: two processes' worth of scheduler.
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-lease-"));
  const path = join(dir, "hubtrends.db");
  one = openDatabase(path, { logger: silentLogger });
  two = openDatabase(path, { logger: silentLogger });
  clock = fakeClock("2026-11-30T01:00:00.000Z");
});
afterEach(() => {
  one.close();
  two.close();
  rmSync(dir, { recursive: true, force: true });
});

function leases() {
  return {
    a: createLease(one, { name: "digests", holder: "process-a", ttlMs: TTL_MS, clock }),
    b: createLease(two, { name: "digests", holder: "process-b", ttlMs: TTL_MS, clock }),
  };
}

describe("lease", () => {
  it("goes to exactly one of two holders asking at once", () => {
    const { a, b } = leases();
    expect([a.acquire(), b.acquire()]).toEqual([true, false]);
    expect([b.acquire(), a.acquire()]).toEqual([false, true]);
  });

  it("is renewed by its holder, so a holder that keeps ticking keeps it", () => {
    const { a, b } = leases();
    expect(a.acquire()).toBe(true);
    for (let i = 0; i < 5; i++) {
      clock.advance(TTL_MS - 1_000);
      expect(a.acquire()).toBe(true);
      expect(b.acquire()).toBe(false);
    }
  });

  it("passes to another holder once it expires, and the old holder then loses it", () => {
    const { a, b } = leases();
    expect(a.acquire()).toBe(true);
    clock.advance(TTL_MS - 1);
    expect(b.acquire()).toBe(false);
    clock.advance(1);
    expect(b.acquire()).toBe(true);
    expect(a.acquire()).toBe(false);
  });

  it("is free at once after release, and release by a non-holder changes nothing", () => {
    const { a, b } = leases();
    expect(a.acquire()).toBe(true);
    b.release();
    expect(b.acquire()).toBe(false);
    a.release();
    expect(b.acquire()).toBe(true);
  });

  it("keeps leases of different names apart", () => {
    const a = createLease(one, { name: "digests", holder: "process-a", ttlMs: TTL_MS, clock });
    const other = createLease(two, { name: "collector", holder: "process-b", ttlMs: TTL_MS, clock });
    expect([a.acquire(), other.acquire()]).toEqual([true, true]);
  });
});
