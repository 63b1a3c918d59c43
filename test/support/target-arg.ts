import type { DatabaseTarget } from "../../src/services/storage/database.js";

/** How a test names a database to a child process: a PostgreSQL URL, or an SQLite file's path. */
export function targetArg(target: DatabaseTarget): string {
  return target.kind === "postgres" ? target.url : target.path;
}

/** The database a child process was given by {@link targetArg}. */
export function targetOf(arg: string): DatabaseTarget {
  return /^postgres(ql)?:\/\//.test(arg) ? { kind: "postgres", url: arg } : { kind: "sqlite", path: arg };
}
