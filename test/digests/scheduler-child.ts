/**
 * Run by scheduler-processes.test.ts in a separate Node process:
 *   node --import tsx scheduler-child.ts <db-path-or-url> <channel-file> <now-iso> <tick|crash-after-post> [start-at-ms]
 * Runs one digest scheduler tick at <now-iso> as holder "pid-<pid>", leading through the
 * database's own leadership (the lease on SQLite, an advisory lock on PostgreSQL). Its deliver appends the
 * message to <channel-file> (one JSON line each: the stand-in for a Discord channel shared by all
 * processes). "crash-after-post" kills the process with SIGKILL right after the first message is
 * written, before the scheduler can record it. With start-at-ms, waits until then before ticking,
 * so that several children tick at the same moment. Prints the tick report as JSON.
 */
import { appendFileSync } from "node:fs";
import pino from "pino";
import { createDigestScheduler } from "../../src/services/digests/digest-scheduler.js";
import { createDigestStore } from "../../src/services/digests/digest-store.js";
import { openDatabase } from "../../src/services/storage/database.js";
import { createLeadership } from "../../src/services/storage/leadership.js";
import { targetOf } from "../support/target-arg.js";

const [where, channelFile, nowIso, mode, startAt] = process.argv.slice(2);
if (
  where === undefined ||
  channelFile === undefined ||
  nowIso === undefined ||
  (mode !== "tick" && mode !== "crash-after-post")
) {
  throw new Error(
    "usage: scheduler-child.ts <db-path> <channel-file> <now-iso> <tick|crash-after-post> [start-at-ms]",
  );
}

const clock = () => new Date(nowIso);
/** How long after the common start a child keeps its connection (see the end). */
const HOLD_MS = 4_000;
const logger = pino({ level: "silent" });
const database = await openDatabase(targetOf(where), { logger });
const store = createDigestStore(database, { clock });
const leadership = createLeadership(database, {
  name: "digest-scheduler",
  holder: `pid-${process.pid}`,
  ttlMs: 60_000,
  clock,
  logger,
});
const scheduler = createDigestScheduler({
  store,
  leadership,
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
if (startAt !== undefined) {
  // Stay connected a while: on PostgreSQL, closing gives up the advisory lock at once, and a
  // sibling that started late would then lead after us (legitimately, but not "at the same moment").
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) + HOLD_MS - Date.now())));
}
process.stdout.write(`${JSON.stringify(report)}\n`, () => void database.close());
