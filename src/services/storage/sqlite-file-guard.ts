import { statSync } from "node:fs";
import type BetterSqlite3 from "better-sqlite3";
import type { Logger } from "pino";
import { type StorageProblem, StorageUnavailableError } from "./errors.js";

/** Options of {@link guardWrites}. */
export interface GuardWritesOptions {
  /** The file the connection opened; null for an in-memory database (nothing to watch). */
  path: string | null;
  logger: Logger;
  /**
   * Called once, when the file turns out to have been deleted or replaced; without it, that is
   * logged as an error here.
   */
  onReplaced?: (error: StorageUnavailableError) => void;
  /** How often the file is looked at when nothing writes. */
  checkEveryMs?: number;
  /** Called after each outermost write that landed (a lone statement, or a transaction's COMMIT). */
  onWritten?: () => void;
}

const DEFAULT_CHECK_EVERY_MS = 5_000;

/** Statements that may end a transaction (`ROLLBACK TO` a savepoint does not: checked after). */
const TRANSACTION_END = /^\s*(COMMIT|END|ROLLBACK)\b/i;

/** SQLite's primary result codes that mean the write cannot be kept, and what that is. */
const PROBLEMS: ReadonlyMap<string, { problem: StorageProblem; what: string }> = new Map([
  ["SQLITE_FULL", { problem: "full", what: "the disk is full" }],
  ["SQLITE_READONLY", { problem: "read-only", what: "the file or its directory is read-only" }],
  ["SQLITE_IOERR", { problem: "io", what: "the disk answered with an I/O error" }],
  ["SQLITE_CANTOPEN", { problem: "io", what: "a file next to it (its -wal or -shm) could not be opened" }],
]);

/**
 * Makes every write on `db` either durable or an error, so that nothing is confirmed that the next
 * start will not find.
 *
 * SQLite keeps writing through its open descriptors after the file at `path` is deleted or
 * replaced (in WAL mode it does not notice at all), so a running bot would go on answering "saved"
 * into a file nobody will open again. Before and after each outermost write (a statement outside a
 * transaction, or a whole transaction: its `BEGIN IMMEDIATE` and its `COMMIT`) the file at `path`
 * is compared with the one opened, by device and inode; once they differ, that write and every
 * later one throw a
 * {@link StorageUnavailableError} `replaced`, and `onReplaced` is told. The check after the commit
 * is what matters: a write that landed in the orphaned file is reported as not kept. SQLite's own
 * errors that mean the same (disk full, read-only, I/O) become that error too, with their problem.
 *
 * Statements are wrapped on the connection itself, so every store on it is covered without
 * knowing, whether it goes through the query builder (which prepares each statement, and begins
 * and commits transactions with statements of their own) or better-sqlite3's `transaction()`. A
 * stat costs a few microseconds; a snapshot of 10,000 models is one transaction, one check either
 * side.
 */
export function guardWrites(db: BetterSqlite3.Database, options: GuardWritesOptions): void {
  const { path, logger, onReplaced, onWritten } = options;
  const opened = path === null ? null : identityOf(path);
  let replaced: StorageUnavailableError | null = null;

  function checkFile(): void {
    if (replaced !== null) throw replaced;
    if (path === null || opened === null) return;
    const now = identityOf(path);
    if (now !== null && now.dev === opened.dev && now.ino === opened.ino) return;
    replaced = new StorageUnavailableError(
      "replaced",
      `The database file ${path} was ${now === null ? "deleted" : "replaced by another file"} while the bot was running; every write is refused, since it would be lost at the next start.`,
    );
    if (onReplaced === undefined) logger.error({ path }, replaced.message);
    else onReplaced(replaced);
    throw replaced;
  }

  /** Set while an open transaction has written (or began IMMEDIATE, to write). */
  let writing = false;

  function guarded<T>(write: () => T): T {
    const outermost = !db.inTransaction;
    if (outermost) checkFile();
    let result: T;
    try {
      result = write();
    } catch (error) {
      throw asStorageError(error, path ?? db.name);
    }
    if (db.inTransaction) writing = true;
    else if (outermost) {
      checkFile();
      onWritten?.();
    }
    return result;
  }

  /**
   * A COMMIT (or ROLLBACK) ends a transaction; after a COMMIT of one that wrote, the file is
   * checked, as after a lone statement: that is where its writes landed. A read-only transaction
   * is not refused for it, as reads are not.
   */
  function ending<T>(end: () => T, commit: boolean): T {
    let result: T;
    try {
      result = end();
    } catch (error) {
      throw asStorageError(error, path ?? db.name);
    }
    if (!db.inTransaction) {
      const wrote = writing;
      writing = false;
      if (wrote && commit) {
        checkFile();
        onWritten?.();
      }
    }
    return result;
  }

  const prepare = db.prepare.bind(db);
  const guardedPrepare = (source: string) => {
    const statement = prepare(source);
    // SQLite calls COMMIT and ROLLBACK read-only (they change no data by themselves), yet a COMMIT
    // is where a transaction's writes land; BEGIN IMMEDIATE is a write, and guarded like one.
    const end = TRANSACTION_END.exec(source);
    const wrap =
      end !== null
        ? <T>(run: () => T) => ending(run, end[1]?.toUpperCase() !== "ROLLBACK")
        : statement.readonly
          ? null
          : guarded;
    if (wrap !== null) {
      // `pluck()`, `raw()` and `bind()` return the statement itself, so these stay in place.
      const { run, get, all } = statement;
      statement.run = (...params) => wrap(() => run.apply(statement, params));
      statement.get = (...params) => wrap(() => get.apply(statement, params));
      statement.all = (...params) => wrap(() => all.apply(statement, params));
    }
    return statement;
  };
  db.prepare = guardedPrepare as typeof db.prepare;

  const exec = db.exec.bind(db);
  db.exec = (source) => guarded(() => exec(source));

  const transaction = db.transaction.bind(db);
  const guardedTransaction = (fn: (...args: never[]) => unknown) => {
    const made = transaction(fn);
    const wrap =
      (variant: (...args: never[]) => unknown) =>
      (...args: never[]) =>
        guarded(() => variant(...args));
    const main = wrap(made);
    Object.defineProperties(main, {
      default: { value: main },
      deferred: { value: wrap(made.deferred) },
      immediate: { value: wrap(made.immediate) },
      exclusive: { value: wrap(made.exclusive) },
      database: { value: db, enumerable: true },
    });
    return main;
  };
  db.transaction = guardedTransaction as typeof db.transaction;

  if (opened !== null) {
    // Noticed even while nothing writes: the owner may want to stop rather than serve from a ghost.
    const timer = setInterval(() => {
      try {
        checkFile();
      } catch {
        clearInterval(timer);
      }
    }, options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
    timer.unref();
    const close = db.close.bind(db);
    db.close = () => {
      clearInterval(timer);
      return close();
    };
  }
}

interface FileIdentity {
  dev: number;
  ino: number;
}

function identityOf(path: string): FileIdentity | null {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch {
    return null;
  }
}

/** SQLite's "cannot keep this" errors as a {@link StorageUnavailableError}; anything else as is. */
function asStorageError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return error;
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) share their primary code's meaning.
  const known = [...PROBLEMS].find(([primary]) => code === primary || code.startsWith(`${primary}_`));
  if (known === undefined) return error;
  const [, { problem, what }] = known;
  return new StorageUnavailableError(
    problem,
    `could not write the database file ${file}: ${what} (${code}: ${(error as Error).message})`,
    { cause: error },
  );
}
