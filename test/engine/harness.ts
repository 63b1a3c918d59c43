import { pino } from "pino";
import { type Config, parseConfig } from "../../src/config.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubDatasets } from "../fixtures/generate-hub-datasets.js";
import { generateHubModels } from "../fixtures/generate-hub-models.js";

/** A mutable clock for tests: starts at `start`, moves only when told. */
export function testClock(start: string): {
  now: () => Date;
  advance: (ms: number) => void;
  set: (iso: string) => void;
} {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (iso) => {
      current = Date.parse(iso);
    },
  };
}

export interface EngineHarness {
  hub: FakeHub;
  services: Services;
  config: Config;
  clock: ReturnType<typeof testClock>;
  close(): Promise<void>;
}

/**
 * The real services (SQLite in memory, real @huggingface/hub) against a fake Hub on loopback.
 * Retries are made instant so fault tests do not wait.
 */
export async function startEngine(options: {
  models?: number;
  datasets?: number;
  env?: Record<string, string>;
  now?: string;
}): Promise<EngineHarness> {
  const clock = testClock(options.now ?? "2026-11-26T12:00:00.000Z");
  const hub = await startFakeHub({
    models: generateHubModels({ count: options.models ?? 300, now: clock.now(), seed: 7 }).rows,
    datasets: generateHubDatasets({ count: options.datasets ?? 50, now: clock.now(), seed: 7 }).rows,
  });
  const parsed = parseConfig({
    HUB_URL: hub.url,
    DATABASE_PATH: ":memory:",
    SNAPSHOT_TOP_N: "200",
    SNAPSHOT_TRENDING_N: "50",
    SNAPSHOT_NEW_LIMIT: "50",
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const services = await createServices(parsed.config, {
    logger: pino({ level: "silent" }),
    clock: clock.now,
    fetch: globalThis.fetch,
    hubRetry: { sleep: async () => {}, maxAttempts: 2 },
  });
  return {
    hub,
    services,
    config: parsed.config,
    clock,
    async close() {
      await services.close();
      await hub.close();
    },
  };
}
