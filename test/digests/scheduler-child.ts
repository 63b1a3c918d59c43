/**
 * Run by scheduler-processes.test.ts in a separate Node process:
 *   node --import tsx scheduler-child.ts <db-path> <channel-file> <now-iso> <tick|crash-after-post> [start-at-ms]
 * Runs one digest scheduler tick at <now-iso> as holder "pid-<pid>". Its deliver appends the
 * message to <channel-file> (one JSON line each: the stand-in for a Discord channel shared by all
 * processes). "crash-after-post" kills the process with SIGKILL right after the first message is
 * written, before the scheduler can record it. With start-at-ms, waits until then before ticking,
 * so that several children tick at the same moment. Prints the tick report as JSON.
 */
import { appendFileSync } from "node:fs";
import pino from "pino";
import { createDigestScheduler } from "../../src/services/digests/digest-scheduler.js";
import { createDigestStore } from "../../src/services/digests/digest-store.js";
import { createLease } from "../../src/services/digests/lease.js";
import { openDatabase } from "../../src/services/storage/database.js";

const [dbPath, channelFile, nowIso, mode, startAt] = process.argv.slice(2);
if (
  dbPath === undefined ||
  channelFile === undefined ||
  nowIso === undefined ||
  (mode !== "tick" && mode !== "crash-after-post")
) {
  throw new Error(
    "usage: scheduler-child.ts <db-path> <channel-file> <now-iso> <tick|crash-after-post> [start-at-ms]",
  );
}

const clock = () => new Date(nowIso);
const logger = pino({ level: "silent" });
const db = openDatabase(dbPath, { logger });
const store = createDigestStore(db, { clock });
const lease = createLease(db, {
  name: "digest-scheduler",
  holder: `pid-${process.pid}`,
  ttlMs: 60_000,
  clock,
});
const scheduler = createDigestScheduler({
  store,
  lease,
  clock,
  logger,
  async deliver(digest, request) {
    const messageId = `${process.pid}-${digest.id}`;
    const line = {
      messageId,
      digestId: digest.id,
      period: request.period,
      nonce: request.nonce,
      pid: process.pid,
    };
    appendFileSync(channelFile, `${JSON.stringify(line)}\n`);
    if (mode === "crash-after-post") process.kill(process.pid, "SIGKILL");
    return { messageId };
  },
  async findExisting() {
    throw new Error("the child never recovers; the parent does");
  },
  classifyError: () => "retry",
});

if (startAt !== undefined) {
  while (Date.now() < Number(startAt)) {
    // Busy-wait: a timer's resolution would spread the children's starts further apart.
  }
}
const report = await scheduler.tick();
process.stdout.write(`${JSON.stringify(report)}\n`, () => db.close());
