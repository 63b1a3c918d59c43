import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createDigestStore, MAX_DIGESTS_PER_GUILD } from "../../src/services/digests/digest-store.js";
import { type NodeRun, runNode } from "../support/run-node.js";
import { targetArg } from "../support/target-arg.js";
import { onEachDatabase } from "../support/test-databases.js";
import { fakeClock, newDigest } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, "..", "..");
const childScript = join(here, "store-child.ts");
const GUILD = "100000000000000001";

/** Runs `count` children with `args`, all acting at the same moment; their JSON outputs. */
async function atOnce<T>(count: number, args: string[]): Promise<T[]> {
  // Children take a few hundred ms to start tsx (more on a busy machine); a common start after that.
  const startAt = String(Date.now() + 2_500);
  const runs: NodeRun[] = await Promise.all(
    Array.from({ length: count }, () =>
      runNode(["--import", "tsx", childScript, args[0] ?? "", startAt, ...args.slice(1)], {
        cwd: projectRoot,
      }),
    ),
  );
  return runs.map((run) => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout.trim()) as T;
  });
}

onEachDatabase((testDatabase) => {
  describe("the digest store across processes acting at the same moment", () => {
    it(`lets a guild with ${MAX_DIGESTS_PER_GUILD - 1} digests get exactly one more when three processes add two each`, async () => {
      const store = createDigestStore(await testDatabase.open(), {
        clock: fakeClock("2026-11-20T10:00:00.000Z"),
      });
      for (let i = 1; i < MAX_DIGESTS_PER_GUILD; i++) await store.create(newDigest({ guildId: GUILD }));

      const results = await atOnce<{ created: number; refused: number }>(3, [
        targetArg(testDatabase.target()),
        "create",
        GUILD,
        "2",
      ]);
      expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(1);
      expect(results.reduce((sum, r) => sum + r.refused, 0)).toBe(5);
      expect(await store.listByGuild(GUILD)).toHaveLength(MAX_DIGESTS_PER_GUILD);
    }, 60_000);

    it("gives each period to exactly one of three processes claiming all of them at once", async () => {
      const store = createDigestStore(await testDatabase.open(), {
        clock: fakeClock("2026-11-20T10:00:00.000Z"),
      });
      const digest = await store.create(newDigest({ guildId: GUILD }));
      const periods = Array.from({ length: 20 }, (_, i) => `2026-W${String(i + 10).padStart(2, "0")}`);

      const results = await atOnce<{ won: string[] }>(3, [
        targetArg(testDatabase.target()),
        "claim",
        String(digest.id),
        periods.join(","),
      ]);
      expect(results.flatMap((r) => r.won).sort()).toEqual(periods);
      const pending = await store.pendingClaims();
      expect(pending).toHaveLength(periods.length);
    }, 60_000);
  });
});
