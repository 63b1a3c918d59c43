import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDigestScheduler, type TickReport } from "../../src/services/digests/digest-scheduler.js";
import { createDigestStore } from "../../src/services/digests/digest-store.js";
import { createLeadership } from "../../src/services/storage/leadership.js";
import { type NodeRun, runNode } from "../support/run-node.js";
import { targetArg } from "../support/target-arg.js";
import { onEachDatabase } from "../support/test-databases.js";
import { newDigest, silentLogger } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, "..", "..");
const childScript = join(here, "scheduler-child.ts");

const CREATED = "2026-11-24T00:00:00.000Z";
const DUE = "2026-11-30T01:00:00.000Z";
const PERIOD = "2026-W49";

interface ChannelLine {
  messageId: string;
  digestId: number;
  period: string;
  nonce: string;
  pid: number;
}

function runChild(args: string[]): Promise<NodeRun> {
  return runNode(["--import", "tsx", childScript, ...args], { cwd: projectRoot });
}

let dir: string;
let channelFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-digest-processes-"));
  channelFile = join(dir, "channel.jsonl");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function channel(): ChannelLine[] {
  if (!existsSync(channelFile)) return [];
  return readFileSync(channelFile, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ChannelLine);
}

onEachDatabase((testDatabase) => {
  const where = () => targetArg(testDatabase.target());

  /** Sets up digests in the database, as an admin's commands would have, and closes the connection. */
  async function seedDigests(count: number): Promise<number[]> {
    const database = await testDatabase.open();
    const store = createDigestStore(database, { clock: () => new Date(CREATED) });
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        (await store.create(newDigest({ guildId: String(100000000000000000n + BigInt(Math.floor(i / 5))) })))
          .id,
      );
    }
    await database.close();
    return ids;
  }

  describe("digest scheduling across real processes", () => {
    it("recovers a post made by a process killed before it could record it, without posting again", async () => {
      const [digestId] = await seedDigests(1);

      const crashed = await runChild([where(), channelFile, DUE, "crash-after-post"]);
      expect(crashed.signal).toBe("SIGKILL");
      expect(channel()).toMatchObject([{ digestId, period: PERIOD }]);

      // The bot comes back ten minutes later, in a new process, with its own lease holder.
      const now = new Date("2026-11-30T01:10:00.000Z");
      const database = await testDatabase.open();
      const store = createDigestStore(database, { clock: () => now });
      let delivered = 0;
      const scheduler = createDigestScheduler({
        store,
        leadership: createLeadership(database, {
          name: "digest-scheduler",
          holder: "restarted",
          ttlMs: 60_000,
          clock: () => now,
          logger: silentLogger,
        }),
        clock: () => now,
        logger: silentLogger,
        async deliver() {
          delivered++;
          return { messageId: "should-not-happen" };
        },
        async findExisting(digest, request) {
          const line = channel().find((m) => m.digestId === digest.id && m.period === request.period);
          return line?.messageId ?? null;
        },
        classifyError: () => "retry",
      });
      expect(await scheduler.tick()).toMatchObject({ recovered: 1, posted: 0 });
      expect(delivered).toBe(0);
      expect(channel()).toHaveLength(1);
      expect(await store.getDelivery(digestId ?? 0, PERIOD)).toMatchObject({
        status: "posted",
        messageId: channel()[0]?.messageId,
      });
    });

    it("posts each digest exactly once when three processes tick at the same moment", async () => {
      const ids = await seedDigests(20);
      const startAt = String(Date.now() + 2_500);
      const results = await Promise.all(
        [1, 2, 3].map(() => runChild([where(), channelFile, DUE, "tick", startAt])),
      );
      for (const result of results) {
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
      }
      const reports = results.map((result) => JSON.parse(result.stdout.trim()) as TickReport);
      expect(reports.filter((report) => report.leader)).toHaveLength(1);
      expect(reports.reduce((sum, report) => sum + report.posted, 0)).toBe(20);
      expect(
        channel()
          .map((line) => line.digestId)
          .sort((a, b) => a - b),
      ).toEqual(ids);
    });
  });
});
