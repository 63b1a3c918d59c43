import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/services/storage/migrations.js";
import { createSnapshotStore, type SnapshotMeta } from "../../src/services/storage/snapshot-store.js";
import { type NodeRun, runNode } from "../support/run-node.js";
import { targetArg } from "../support/target-arg.js";
import { onEachDatabase } from "../support/test-databases.js";
import { sampleModels } from "./fixtures.js";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, "..", "..");
const childScript = join(here, "write-snapshot-child.ts");

function runChild(args: string[]): Promise<NodeRun> {
  return runNode(["--import", "tsx", childScript, ...args], { cwd: projectRoot });
}

function parseMeta(stdout: string): SnapshotMeta {
  return JSON.parse(stdout.trim()) as SnapshotMeta;
}

onEachDatabase((testDatabase) => {
  describe("snapshots outlive the process that wrote them", () => {
    const where = () => targetArg(testDatabase.target());

    it("reads back, in a fresh connection, a snapshot another process saved and closed", async () => {
      const result = await runChild([where(), "2025-05-31T06:00:00.000Z", "close"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const written = parseMeta(result.stdout);

      const store = createSnapshotStore(await testDatabase.open(), { clock: () => new Date() });
      expect(await store.list()).toEqual([written]);
      expect(await store.latest()).toEqual({ ...written, models: sampleModels() });
    });

    it("keeps a committed snapshot when the writing process is killed without closing", async () => {
      const result = await runChild([where(), "2025-05-31T06:00:00.000Z", "crash"]);
      expect(result.signal).toBe("SIGKILL");
      const written = parseMeta(result.stdout);

      const store = createSnapshotStore(await testDatabase.open(), { clock: () => new Date() });
      expect(await store.load(written.id)).toEqual({ ...written, models: sampleModels() });
    });

    // Six tsx processes starting at once on a busy 2-core machine can take well over the default 30 s.
    it("lets several processes open a fresh database at the same moment: one migration, every snapshot", async () => {
      // Children take a few hundred ms to start tsx; give them a common start time after that.
      const startAt = String(Date.now() + 1_500);
      const times = ["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-06"].map(
        (day) => `${day}T00:00:00.000Z`,
      );
      const results = await Promise.all(
        times.map((takenAt) => runChild([where(), takenAt, "close", startAt])),
      );
      for (const result of results) {
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
      }

      const database = await testDatabase.open();
      const versions = await database.db
        .selectFrom("schema_migrations")
        .select("version")
        .orderBy("version")
        .execute();
      expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const store = createSnapshotStore(database, { clock: () => new Date() });
      expect((await store.list()).map((m) => m.takenAt)).toEqual([...times].reverse());
    }, 90_000);
  });
});
