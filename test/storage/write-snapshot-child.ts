/**
 * Run by snapshot-restart.test.ts in a separate Node process:
 *   node --import tsx write-snapshot-child.ts <db-path> <takenAt-iso> <close|crash> [start-at-ms]
 * Saves sampleModels() as one snapshot and prints its meta as JSON. "crash" kills the process
 * with SIGKILL right after the save, without closing the database. With start-at-ms, waits until
 * then before opening, so that several children open a fresh file at the same moment.
 */
import pino from "pino";
import { openDatabase } from "../../src/services/storage/database.js";
import { createSnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { sampleModels } from "./fixtures.js";

const [dbPath, takenAt, mode, startAt] = process.argv.slice(2);
if (dbPath === undefined || takenAt === undefined || (mode !== "close" && mode !== "crash")) {
  throw new Error("usage: write-snapshot-child.ts <db-path> <takenAt-iso> <close|crash> [start-at-ms]");
}
if (startAt !== undefined) {
  while (Date.now() < Number(startAt)) {
    // Busy-wait: a timer's resolution would spread the children's starts further apart.
  }
}

const db = openDatabase(dbPath, { logger: pino({ level: "silent" }) });
const store = createSnapshotStore(db, { clock: () => new Date(takenAt) });
const meta = store.save({
  takenAt: new Date(takenAt),
  source: "collect",
  models: sampleModels(),
  skipped: 2,
  note: `written by pid ${process.pid}`,
});
process.stdout.write(`${JSON.stringify(meta)}\n`, () => {
  if (mode === "crash") process.kill(process.pid, "SIGKILL");
  db.close();
});
