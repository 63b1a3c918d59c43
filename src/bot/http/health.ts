import { sql } from "kysely";
import type { Registry } from "prom-client";
import type { Database } from "../../services/storage/database.js";
import type { HttpHandler } from "./http-server.js";

/** What `GET /healthz` reports: ready to serve, and why not. */
export interface Health {
  ready: boolean;
  /** The database answered a query within STORE_CHECK_MS. */
  store: boolean;
  gateway: "connected" | "disconnected" | "not used";
}

/** A database that takes longer than this is as good as down for a health check. */
const STORE_CHECK_MS = 2_000;

/** Whether the store answers a trivial query in time. */
export async function storeAnswers(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), STORE_CHECK_MS);
  });
  const query = sql`select 1`
    .execute(database.db)
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([query, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** 200 when ready, 503 otherwise; the body says which check failed. */
export function healthRoute(health: () => Promise<Health>): HttpHandler {
  return async (_req, _body, reply) => {
    const report = await health();
    await reply({
      status: report.ready ? 200 : 503,
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
      body: JSON.stringify(report),
    });
  };
}

/** The registry in Prometheus's text format. */
export function metricsRoute(registry: Registry): HttpHandler {
  return async (_req, _body, reply) => {
    await reply({
      status: 200,
      headers: { "Content-Type": registry.contentType },
      body: await registry.metrics(),
    });
  };
}
