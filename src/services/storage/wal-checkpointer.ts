import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";
import type { Logger } from "pino";

/**
 * Copies an SQLite file's write-ahead log back into the database (a checkpoint) on a thread of its
 * own, so that the bot's event loop never does it.
 *
 * SQLite checkpoints automatically inside the COMMIT that takes the WAL past 1,000 pages, on the
 * committing connection's thread: writing those pages into the database file and syncing it. For
 * the bot that is the event loop, and a snapshot's models or aggregates (a few MB) cross that line
 * every few commits: such commits held the loop 60–236 ms, against ≤ 4 ms without the checkpoint
 * (`npm run bench scale`, the backfill of 180 snapshots). So the bot's connection turns automatic
 * checkpoints off and, after each of its write transactions, asks a worker thread, with a
 * connection of its own to the same file, to checkpoint PASSIVE (it never waits for, nor blocks,
 * a reader or a writer; frames still in use by a reader are copied by a later one).
 *
 * If the worker cannot start or fails, the connection gets its automatic checkpoints back and a
 * warning says so: the WAL never grows without bound, and nothing is lost either way (a checkpoint
 * only moves committed pages from one file to the other).
 */
export interface WalCheckpointer {
  /** A write transaction committed: checkpoint soon (requests made while one runs become one). */
  afterWrite(): void;
  /** Ends the worker after the checkpoint under way, if any. */
  close(): Promise<void>;
}

/** What the worker runs: CommonJS, handed the driver's resolved path so it loads the same one. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: workerData.busyTimeoutMs, fileMustExist: true });
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ ok: true });
  } catch (error) {
    parentPort.postMessage({ ok: false, code: error && error.code, message: String(error && error.message) });
  }
});
`;

type WorkerReply = { ok: true } | { ok: false; code?: string; message: string };

/** Automatic checkpoints' threshold, in pages: SQLite's default, restored on failure. */
const AUTOMATIC_PAGES = 1000;

export function startWalCheckpointer(options: {
  connection: BetterSqlite3.Database;
  path: string;
  busyTimeoutMs: number;
  logger: Logger;
}): WalCheckpointer {
  const { connection, path, logger } = options;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    // Not the parent's flags (tsx's loader, when run from sources): the worker needs none.
    execArgv: [],
    workerData: {
      driver: createRequire(import.meta.url).resolve("better-sqlite3"),
      path,
      busyTimeoutMs: options.busyTimeoutMs,
    },
  });
  // A checkpoint left undone is done by the next process to open the file: never wait for one.
  worker.unref();
  connection.pragma("wal_autocheckpoint = 0");
  let running = false;
  let again = false;
  let failed = false;
  let closed = false;

  function fallBack(reason: string, error?: unknown): void {
    if (failed) return;
    failed = true;
    if (!closed) connection.pragma(`wal_autocheckpoint = ${AUTOMATIC_PAGES}`);
    logger.warn(
      { path, err: error },
      `SQLite checkpoints run on the bot's own thread again (${reason}): writes may hold the event loop longer`,
    );
    void worker.terminate();
  }

  function request(): void {
    running = true;
    again = false;
    worker.postMessage("checkpoint");
  }

  worker.on("message", (reply: WorkerReply) => {
    running = false;
    if (!reply.ok) {
      // Busy is the one expected refusal (another process checkpointing): the next write retries.
      if (reply.code === "SQLITE_BUSY") return;
      fallBack(`the checkpoint failed: ${reply.message}`);
      return;
    }
    if (again && !closed) request();
  });
  worker.on("error", (error) => fallBack("its worker failed", error));

  return {
    afterWrite() {
      if (failed || closed) return;
      if (running) again = true;
      else request();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (failed) return;
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      // Waited for now: unreferenced, the worker would let a process whose last work is this
      // close end its event loop first (a top-level await left unsettled: exit code 13).
      worker.ref();
      worker.postMessage("close");
      await exited;
    },
  };
}
