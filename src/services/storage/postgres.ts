import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryResult,
  sql,
  type TransactionSettings,
} from "kysely";
import pg from "pg";
import type { OpenDatabaseOptions, PostgresBackedDatabase, SessionSettings } from "./database.js";
import {
  DatabaseOpenError,
  SchemaMismatchError,
  type StorageProblem,
  StorageUnavailableError,
} from "./errors.js";
import { latestVersion, migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations.js";
import type { Tables } from "./tables.js";

/** How long opening a connection may take before the server counts as unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;
/** TCP keepalive on every connection: a server that vanished is noticed, not waited on for ever. */
const KEEPALIVE_DELAY_MS = 10_000;

const INT8_OID = 20;

/**
 * bigint columns (downloads, parameters) and `count(*)` come back from pg as strings, to be safe
 * beyond 2^53. Every value hubtrends stores is far below that, so they are read as numbers, as
 * SQLite gives them, and a value that would lose precision is an error rather than a wrong figure.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`bigint ${text} does not fit a JavaScript number`);
  return value;
}

const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? parseInt8
      : pg.types.getTypeParser(oid, format ?? "text")) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * SQLSTATEs (and Node socket errors) that mean the database cannot keep or answer anything now,
 * whatever the query: the same refusals as SQLite's disk full or read-only, plus a lost server.
 * Anything else (a constraint, a bug in a query) is the caller's, and stays as it is.
 */
const PROBLEMS: ReadonlyMap<string, { problem: StorageProblem; what: string }> = new Map([
  [
    "25006",
    { problem: "read-only", what: "the database is read-only (a standby, or read-only transactions)" },
  ],
  ["53100", { problem: "full", what: "the disk holding the database is full" }],
  ["58030", { problem: "io", what: "the server answered with an I/O error" }],
  ["XX001", { problem: "io", what: "the server found corrupt data" }],
  ["57P01", { problem: "unreachable", what: "the server ended the connection (administrator command)" }],
  ["57P02", { problem: "unreachable", what: "the server crashed" }],
  ["57P03", { problem: "unreachable", what: "the server is starting up or shutting down" }],
  ["08000", { problem: "unreachable", what: "the connection failed" }],
  ["08003", { problem: "unreachable", what: "the connection does not exist" }],
  ["08006", { problem: "unreachable", what: "the connection failed" }],
  ["ECONNREFUSED", { problem: "unreachable", what: "nothing answers at the server's address" }],
  ["ECONNRESET", { problem: "unreachable", what: "the connection was reset" }],
  ["ETIMEDOUT", { problem: "unreachable", what: "the server did not answer in time" }],
  ["EPIPE", { problem: "unreachable", what: "the connection was closed" }],
  ["EHOSTUNREACH", { problem: "unreachable", what: "the server's host cannot be reached" }],
  ["ENOTFOUND", { problem: "unreachable", what: "the server's host name does not resolve" }],
  ["EAI_AGAIN", { problem: "unreachable", what: "the server's host name does not resolve" }],
]);

/** pg's own messages for a connection that ended or never came, which carry no code. */
const LOST =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed/i;

/** A database error that means the database cannot serve now, as a StorageUnavailableError. */
export function asStorageError(error: unknown, location: string): unknown {
  if (!(error instanceof Error) || error instanceof StorageUnavailableError) return error;
  const code = (error as { code?: unknown }).code;
  const known = typeof code === "string" ? PROBLEMS.get(code) : undefined;
  const found =
    known ??
    (code === undefined && LOST.test(error.message)
      ? { problem: "unreachable" as const, what: "the connection to the server was lost" }
      : undefined);
  if (found === undefined) return error;
  const detail = typeof code === "string" ? `${code}: ${error.message}` : error.message;
  return new StorageUnavailableError(found.problem, `the database ${location}: ${found.what} (${detail})`, {
    cause: error,
  });
}

/**
 * Kysely's PostgreSQL driver with every error mapped by {@link asStorageError}, so that each store
 * on the database is covered without knowing (as the SQLite file guard covers the file's). The
 * connections handed out are wrappers; the wrapped driver gets its own back.
 */
class MappedErrorsDriver implements Driver {
  readonly #inner: Driver;
  readonly #map: (error: unknown) => unknown;
  readonly #unwrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(inner: Driver, map: (error: unknown) => unknown) {
    this.#inner = inner;
    this.#map = map;
  }

  #unwrap(connection: DatabaseConnection): DatabaseConnection {
    const inner = this.#unwrapped.get(connection);
    if (inner === undefined) throw new Error("a connection this driver did not hand out");
    return inner;
  }

  async #mapped<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.#map(error);
    }
  }

  init(): Promise<void> {
    return this.#mapped(() => this.#inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.#mapped(() => this.#inner.acquireConnection());
    const wrapper: DatabaseConnection = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> =>
        this.#mapped(() => inner.executeQuery<R>(query)),
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => inner.streamQuery<R>(query, chunkSize),
    };
    this.#unwrapped.set(wrapper, inner);
    return wrapper;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#mapped(() => this.#inner.beginTransaction(this.#unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#mapped(() => this.#inner.commitTransaction(this.#unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#mapped(() => this.#inner.rollbackTransaction(this.#unwrap(connection)));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const inner = this.#unwrap(connection);
    this.#unwrapped.delete(connection);
    return this.#inner.releaseConnection(inner);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

class MappedErrorsPostgresDialect extends PostgresDialect {
  readonly #map: (error: unknown) => unknown;

  constructor(pool: pg.Pool, map: (error: unknown) => unknown) {
    super({ pool });
    this.#map = map;
  }

  override createDriver(): Driver {
    return new MappedErrorsDriver(super.createDriver(), this.#map);
  }
}

/** `url` with its password replaced, for every message and log line that names the database. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}

/**
 * Opens a pool of connections to the PostgreSQL database at `url` and brings its schema up to
 * date (the same migrations as SQLite's, in PostgreSQL's words; see migrations.ts).
 *
 * Each pooled connection has TCP keepalive on, and an error on an idle one (the server restarted,
 * an administrator ended the session) is logged and the connection dropped: the pool opens another
 * when next asked. A query that meets a lost or refusing server fails with a
 * StorageUnavailableError (`unreachable`, `read-only`, `full` or `io`).
 */
export async function openPostgres(
  url: string,
  options: OpenDatabaseOptions,
): Promise<PostgresBackedDatabase> {
  const { logger, migrations = MIGRATIONS } = options;
  const location = redactUrl(url);
  const clientConfig: pg.ClientConfig = {
    connectionString: url,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    types: TYPES,
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 10 });
  pool.on("error", (error) =>
    logger.warn(
      { err: asStorageError(error, location), database: location },
      "an idle database connection failed; the pool will open another",
    ),
  );
  // An error on a connection that is checked out between two queries would otherwise be thrown
  // as an unhandled 'error' event; pg then refuses its next query and the pool drops it.
  pool.on("connect", (client) => {
    client.on("error", (error) =>
      logger.warn(
        { err: asStorageError(error, location), database: location },
        "a database connection failed",
      ),
    );
  });
  const map = (error: unknown) => asStorageError(error, location);
  const db = new Kysely<Tables>({ dialect: new MappedErrorsPostgresDialect(pool, map) });
  // Sessions handed out by connectSession, ended with the pool if their owner has not.
  const sessions = new Set<pg.Client>();
  const database: PostgresBackedDatabase = {
    dialect: "postgres",
    db,
    location,
    write: (work, writeOptions) =>
      db
        .transaction()
        .setAccessMode("read write")
        .execute(async (trx) => {
          if (writeOptions?.lock !== undefined) {
            // A 64-bit key from the name, held until this transaction ends.
            await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`hubtrends:${writeOptions.lock}`}, 0))`.execute(
              trx,
            );
          }
          return work(trx);
        }),
    read: (work) =>
      db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute(work),
    async connectSession(settings: SessionSettings) {
      const client = new pg.Client({
        ...clientConfig,
        application_name: settings.applicationName,
        ...(settings.queryTimeoutMs === undefined ? {} : { query_timeout: settings.queryTimeoutMs }),
        ...(settings.parameters === undefined ? {} : { options: startupOptions(settings.parameters) }),
      });
      try {
        await client.connect();
      } catch (error) {
        await client.end().catch(() => undefined);
        throw map(error);
      }
      sessions.add(client);
      client.once("end", () => sessions.delete(client));
      return client;
    },
    async close() {
      await Promise.all([...sessions].map((client) => client.end().catch(() => undefined)));
      await db.destroy();
    },
  };
  try {
    await migrate(database, migrations, logger);
  } catch (error) {
    await database.close().catch(() => undefined);
    if (error instanceof SchemaMismatchError) throw error;
    throw new DatabaseOpenError(location, "DATABASE_URL", describeOpenFailure(url, error), { cause: error });
  }
  logger.debug({ database: location, version: latestVersion(migrations) }, "database open");
  return database;
}

/** `-c name=value` startup parameters (values are numbers or plain words: nothing to escape). */
function startupOptions(parameters: Record<string, string | number>): string {
  return Object.entries(parameters)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(" ");
}

/** Why the database at `url` could not be opened, in an operator's words, never with its password. */
function describeOpenFailure(url: string, error: unknown): string {
  const cause = error instanceof StorageUnavailableError ? error.cause : error;
  const code = (cause as { code?: unknown }).code;
  const said = cause instanceof Error ? cause.message : String(cause);
  const { host, port, user, database } = connectionParts(url);
  const server = `${host}:${port}`;
  switch (code) {
    case "ECONNREFUSED":
      return `nothing answers at ${server} (${code}): is PostgreSQL running there, on that port?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host name ${host} does not resolve (${code})`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return `the server ${server} cannot be reached (${code})`;
    case "28P01":
      return `the server refused the password of user "${user}" (${code})`;
    case "28000":
      return `the server refused user "${user}": ${said} (${code})`;
    case "3D000":
      return `the server ${server} has no database "${database}" (${code}): create it, or fix the URL`;
    case "42501":
      return `user "${user}" may not create the tables hubtrends needs: ${said} (${code})`;
    case "57P03":
      return `the server ${server} is starting up or shutting down (${code}): try again shortly`;
    default:
      break;
  }
  if (typeof code !== "string" && /timeout/i.test(said)) {
    return `the server ${server} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`;
  }
  return typeof code === "string" ? `${said} (${code})` : said;
}

function connectionParts(url: string): { host: string; port: string; user: string; database: string } {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port === "" ? "5432" : parsed.port,
    user: parsed.username === "" ? "(the default)" : decodeURIComponent(parsed.username),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")),
  };
}
