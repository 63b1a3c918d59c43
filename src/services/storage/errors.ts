/**
 * Why the store cannot keep a write, whatever the database behind it:
 * - `replaced`: the database the process opened is no longer the one configured (its file was
 *   deleted or swapped while running); anything written now would be lost at the next start;
 * - `read-only`: the database or its directory does not take writes (permissions, a read-only mount);
 * - `full`: the disk (or quota) holding it is full;
 * - `io`: the storage answered with an I/O error.
 */
export type StorageProblem = "replaced" | "read-only" | "full" | "io";

/**
 * A write the store could not make durable, so nothing of it may be confirmed to anyone. The
 * message is for logs (it names the file); what a user is told depends on `problem` alone.
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
