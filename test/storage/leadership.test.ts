import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { Database } from "../../src/services/storage/database.js";
import { createLeadership, type Leadership } from "../../src/services/storage/leadership.js";
import { createLease } from "../../src/services/storage/lease.js";
import { fakeClock } from "../digests/helpers.js";
import { startNode } from "../support/run-node.js";
import { targetArg } from "../support/target-arg.js";
import { onEachDatabase, onPostgres } from "../support/test-databases.js";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, "..", "..");
const logger = pino({ level: "silent" });
const TTL_MS = 30_000;

function leadershipOf(database: Database, holder: string, clock = fakeClock("2026-11-30T01:00:00.000Z")) {
  return createLeadership(database, { name: "scheduler-test", holder, ttlMs: TTL_MS, clock, logger });
}

/** Asks every 10 ms until `leadership` leads; how long that took (ms). Fails after `withinMs`. */
async function leadsWithin(leadership: Leadership, withinMs: number): Promise<number> {
  const started = performance.now();
  while (!(await leadership.acquire())) {
    if (performance.now() - started > withinMs) throw new Error(`no leadership within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

// Two connections to one database: two processes' worth of scheduler. (SQLite connections in one
// thread cannot wait for each other, so each asks in turn; the processes below ask at once.)
onEachDatabase((testDatabase) => {
  describe("leadership of scheduled work", () => {
    it("goes to exactly one of two processes, and stays with it while it keeps asking", async () => {
      const a = leadershipOf(await testDatabase.open(), "process-a");
      const b = leadershipOf(await testDatabase.open(), "process-b");
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(false);
      for (let i = 0; i < 3; i++) {
        expect(await a.acquire()).toBe(true);
        expect(await b.acquire()).toBe(false);
      }
    });

    it("passes at once when the leader gives it up, and a non-leader's release changes nothing", async () => {
      const a = leadershipOf(await testDatabase.open(), "process-a");
      const b = leadershipOf(await testDatabase.open(), "process-b");
      expect(await a.acquire()).toBe(true);
      await b.release();
      expect(await b.acquire()).toBe(false);
      await a.release();
      expect(await b.acquire()).toBe(true);
      expect(await a.acquire()).toBe(false);
    });

    it("keeps leaderships of different names apart", async () => {
      const clock = fakeClock("2026-11-30T01:00:00.000Z");
      const a = createLeadership(await testDatabase.open(), {
        name: "digests",
        holder: "a",
        ttlMs: TTL_MS,
        clock,
        logger,
      });
      const other = createLeadership(await testDatabase.open(), {
        name: "watches",
        holder: "b",
        ttlMs: TTL_MS,
        clock,
        logger,
      });
      expect([await a.acquire(), await other.acquire()]).toEqual([true, true]);
    });

    it("passes to another process within a bounded time when the leading process is killed", async () => {
      const leader = startNode(
        ["--import", "tsx", join(here, "leader-child.ts"), targetArg(testDatabase.target()), "killed-leader"],
        { cwd: projectRoot },
      );
      try {
        await waitForStdout(leader, "leading");
        const follower = leadershipOf(
          await testDatabase.open(),
          "follower",
          fakeClock(new Date().toISOString()),
        );
        expect(await follower.acquire()).toBe(false);
        leader.child.kill("SIGKILL");
        await leader.exited;
        if (testDatabase.kind === "postgres") {
          // The kernel closes the dead process's connection; the server ends its session and lock.
          expect(await leadsWithin(follower, 10_000)).toBeLessThan(10_000);
        } else {
          // SQLite: the lease lapses after its time to live (the follower's clock moves past it).
          expect(await follower.acquire()).toBe(false);
          const later = leadershipOf(
            await testDatabase.open(),
            "follower",
            fakeClock(new Date(Date.now() + 60_001).toISOString()),
          );
          expect(await later.acquire()).toBe(true);
        }
      } finally {
        leader.child.kill("SIGKILL");
      }
    }, 60_000);
  });
});

describe("the lease (how SQLite leads; the same table and queries on PostgreSQL)", () => {
  onEachDatabase((testDatabase) => {
    it("lapses after its time to live, and the old holder then loses it", async () => {
      const clock = fakeClock("2026-11-30T01:00:00.000Z");
      const options = { name: "digests", ttlMs: TTL_MS, clock };
      const a = createLease(await testDatabase.open(), { ...options, holder: "process-a" });
      const b = createLease(await testDatabase.open(), { ...options, holder: "process-b" });
      expect(await a.acquire()).toBe(true);
      clock.advance(TTL_MS - 1_000);
      expect(await a.acquire()).toBe(true);
      clock.advance(TTL_MS - 1);
      expect(await b.acquire()).toBe(false);
      clock.advance(1);
      expect(await b.acquire()).toBe(true);
      expect(await a.acquire()).toBe(false);
    });
  });
});

onPostgres((testDatabase) => {
  describe("leadership as a PostgreSQL advisory lock", () => {
    it("passes at once when the server ends the leader's session, and the old leader knows it lost", async () => {
      const watcher = await testDatabase.open();
      const a = leadershipOf(await testDatabase.open(), "session-a");
      const b = leadershipOf(await testDatabase.open(), "session-b");
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(false);

      const { rows } = await sql<{ ended: boolean }>`
        SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE application_name = 'hubtrends scheduler session-a'`.execute(watcher.db);
      expect(rows).toEqual([{ ended: true }]);

      expect(await leadsWithin(b, 5_000)).toBeLessThan(5_000);
      expect(await a.acquire()).toBe(false);
    });

    it("holds the lock on a session outside the pool, which the stores' queries never use", async () => {
      const database = await testDatabase.open();
      const a = leadershipOf(database, "pool-check");
      expect(await a.acquire()).toBe(true);
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
      const holders = await sql<{ pid: number }>`
        SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted`.execute(database.db);
      expect(holders.rows.map((row) => row.pid)).not.toContain(rows[0]?.pid);
      expect(holders.rows).toHaveLength(1);
    });
  });
});

function waitForStdout(node: ReturnType<typeof startNode>, text: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (node.stdout().includes(text)) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`no "${text}" within ${timeoutMs} ms; stderr:\n${node.stderr()}`));
      }
    }, 20);
  });
}
