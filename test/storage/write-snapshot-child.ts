/**
 * Run by snapshot-restart.test.ts in a separate Node process:
 *   node --import tsx write-snapshot-child.ts <db-path-or-postgres-url> <takenAt-iso> <close|crash> [start-at-ms]
 * Saves sampleModels() as one snapshot and prints its meta as JSON. "crash" kills the process
 * with SIGKILL right after the save, without closing the database. With start-at-ms, waits until
 * then before opening, so that several children open (and migrate) a fresh database at once.
 */
import pino from "pino";
import { openDatabase } from "../../src/services/storage/database.js";
import { createSnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { targetOf } from "../support/target-arg.js";
import { sampleModels } from "./fixtures.js";

const [where, takenAt, mode, startAt] = process.argv.slice(2);
if (where === undefined || takenAt === undefined || (mode !== "close" && mode !== "crash")) {
  throw new Error(
    "usage: write-snapshot-child.ts <db-path-or-url> <takenAt-iso> <close|crash> [start-at-ms]",
  );
}
if (startAt !== undefined) {
  while (Date.now() < Number(startAt)) {
    // Busy-wait: a timer's resolution would spread the children's starts further apart.
  }
}

const database = await openDatabase(targetOf(where), { logger: pino({ level: "silent" }) });
const store = createSnapshotStore(database, { clock: () => new Date(takenAt) });
const meta = await store.save({
  takenAt: new Date(takenAt),
  source: "collect",
  models: sampleModels(),
  skipped: 2,
  note: `written by pid ${process.pid}`,
});
process.stdout.write(`${JSON.stringify(meta)}\n`, () => {
  if (mode === "crash") process.kill(process.pid, "SIGKILL");
  void database.close();
});
