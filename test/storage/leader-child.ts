/**
 * Run by leadership.test.ts and the storage bench in a separate Node process:
 *   node --import tsx leader-child.ts <db-path-or-url> <holder>
 * Takes leadership of scheduled work, prints "leading" or "following" on stdout, then keeps its
 * leadership (acquiring again every 200 ms) until it is killed.
 */
import { pino } from "pino";
import { openDatabase } from "../../src/services/storage/database.js";
import { createLeadership } from "../../src/services/storage/leadership.js";
import { targetOf } from "../support/target-arg.js";

const [where, holder] = process.argv.slice(2);
if (where === undefined || holder === undefined) throw new Error("usage: leader-child.ts <db> <holder>");
const logger = pino({ level: "silent" });
const database = await openDatabase(targetOf(where), { logger });
const leadership = createLeadership(database, {
  name: "scheduler-test",
  holder,
  ttlMs: 60_000,
  clock: () => new Date(),
  logger,
});
process.stdout.write(`${(await leadership.acquire()) ? "leading" : "following"}\n`);
setInterval(() => void leadership.acquire(), 200);
