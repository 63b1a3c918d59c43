import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Scratch PostgreSQL databases on the server `adminUrl` points at (TEST_DATABASE_URL): one per test
 * file or benchmark, created empty and dropped afterwards, so that files run in parallel without
 * seeing each other's rows, locks or schema.
 */
export interface ScratchPostgres {
  /** The scratch database's URL: the admin URL with its database name replaced. */
  readonly url: string;
  readonly name: string;
  /** Empties the database (every table, sequence and lock-free), for a fresh start per test. */
  reset(): Promise<void>;
  /** Ends the sessions still connected to it and drops it. */
  drop(): Promise<void>;
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database named after `label`, the process and a random part. */
export async function createScratchPostgres(adminUrl: string, label: string): Promise<ScratchPostgres> {
  const name = `hubtrends_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const target = new URL(adminUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  return {
    url,
    name,
    async reset() {
      await withAdmin(url, async (client) => {
        await client.query("DROP SCHEMA public CASCADE");
        await client.query("CREATE SCHEMA public");
      });
    },
    async drop() {
      // WITH (FORCE) ends sessions a test left open (a killed child's, say) instead of failing.
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Runs `work` on a scratch database, dropping it afterwards whatever happens. */
export async function withScratchPostgres<T>(
  adminUrl: string,
  label: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchPostgres(adminUrl, label);
  try {
    return await work(scratch.url);
  } finally {
    await scratch.drop();
  }
}
