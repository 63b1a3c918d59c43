/**
 * Why the store cannot keep a write, whatever the database behind it:
 * - `replaced`: the database the process opened is no longer the one configured (its file was
 *   deleted or swapped while running); anything written now would be lost at the next start;
 * - `read-only`: the database or its directory does not take writes (permissions, a read-only
 *   mount, a PostgreSQL standby or read-only transaction);
 * - `full`: the disk (or quota) holding it is full;
 * - `io`: the storage answered with an I/O error;
 * - `unreachable`: the database server cannot be reached or dropped the connection (PostgreSQL):
 *   nothing was read or kept, and the next attempt may well work.
 */
export type StorageProblem = "replaced" | "read-only" | "full" | "io" | "unreachable";

/**
 * A write the store could not make durable (or, for `unreachable`, a query the server never
 * answered), so nothing of it may be confirmed to anyone. The message is for logs (it names the
 * file or server, never a password); what a user is told depends on `problem` alone.
 */
export class StorageUnavailableError extends Error {
  override readonly name = "StorageUnavailableError";

  constructor(
    readonly problem: StorageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The database's schema does not fit this build: written by a newer version of hubtrends, or its
 * recorded history disagrees with the code's. Opening it anyway could corrupt data.
 */
export class SchemaMismatchError extends Error {
  override readonly name = "SchemaMismatchError";
}

/**
 * The database cannot be opened or set up: for SQLite, its directory cannot be created, it is not
 * a database, it or its directory is read-only...; for PostgreSQL, the server does not answer,
 * refuses the user, or has no such database. `reason` says which, in words an operator can act on.
 */
export class DatabaseOpenError extends Error {
  override readonly name = "DatabaseOpenError";

  constructor(
    /** The file's absolute path, or the server's URL without its password. */
    readonly location: string,
    /** The setting that names it, for the operator to fix. */
    readonly setting: "DATABASE_PATH" | "DATABASE_URL",
    readonly reason: string,
    options: { cause: unknown },
  ) {
    super(`cannot open the database ${location}: ${reason}`, options);
  }
}
