import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/services/storage/database.js";
import { MIGRATIONS } from "../../src/services/storage/migrations.js";
import { createSnapshotStore, type SnapshotMeta } from "../../src/services/storage/snapshot-store.js";
import { type NodeRun, runNode } from "../support/run-node.js";
import { sampleModels } from "./fixtures.js";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, "..", "..");
const childScript = join(here, "write-snapshot-child.ts");
const logger = pino({ level: "silent" });

function runChild(args: string[]): Promise<NodeRun> {
  return runNode(["--import", "tsx", childScript, ...args], { cwd: projectRoot });
}

function parseMeta(stdout: string): SnapshotMeta {
  return JSON.parse(stdout.trim()) as SnapshotMeta;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-restart-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("snapshots outlive the process that wrote them", () => {
  it("reads back, in a fresh connection, a snapshot another process saved and closed", async () => {
    const path = join(dir, "data", "hubtrends.db");
    const result = await runChild([path, "2025-05-31T06:00:00.000Z", "close"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const written = parseMeta(result.stdout);

    const db = openDatabase(path, { logger });
    try {
      const store = createSnapshotStore(db, { clock: () => new Date() });
      expect(store.list()).toEqual([written]);
      expect(store.latest()).toEqual({ ...written, models: sampleModels() });
    } finally {
      db.close();
    }
  });

  it("keeps a committed snapshot when the writing process is killed without closing", async () => {
    const path = join(dir, "hubtrends.db");
    const result = await runChild([path, "2025-05-31T06:00:00.000Z", "crash"]);
    expect(result.signal).toBe("SIGKILL");
    const written = parseMeta(result.stdout);

    const db = openDatabase(path, { logger });
    try {
      const store = createSnapshotStore(db, { clock: () => new Date() });
      expect(store.load(written.id)).toEqual({ ...written, models: sampleModels() });
    } finally {
      db.close();
    }
  });

  // Six tsx processes starting at once on a busy 2-core machine can take well over the default 30 s.
  it("lets several processes open a fresh file at the same moment: one migration, every snapshot", async () => {
    const path = join(dir, "hubtrends.db");
    // Children take a few hundred ms to start tsx; give them a common start time after that.
    const startAt = String(Date.now() + 1_500);
    const times = ["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", "2025-05-06"].map(
      (day) => `${day}T00:00:00.000Z`,
    );
    const results = await Promise.all(times.map((takenAt) => runChild([path, takenAt, "close", startAt])));
    for (const result of results) {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    }

    const db = openDatabase(path, { logger });
    try {
      const versions = db.prepare<[], number>("SELECT version FROM schema_migrations").pluck().all();
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
      const store = createSnapshotStore(db, { clock: () => new Date() });
      expect(store.list().map((m) => m.takenAt)).toEqual([...times].reverse());
    } finally {
      db.close();
    }
  }, 90_000);
});
