import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics (prom-client, one registry per process so that tests running
 * several bots in one process do not mix their numbers). Every replica exports its own; Prometheus
 * sums them. Label values are bounded: command paths come from the command list, outcomes from
 * catalogue codes and a few fixed words.
 */
export interface Metrics {
  readonly registry: Registry;
  /** One answered interaction (a command or an autocomplete) and how long its answer took. */
  interaction(kind: "command" | "autocomplete", command: string, outcome: string, latencyMs: number): void;
  /** Wraps the Hub's fetch: every request counted, and those that fail (network error or 4xx/5xx). */
  countHubRequests(fetchImpl: typeof fetch): typeof fetch;
  /** What a digest tick did. */
  digestTick(report: {
    posted: number;
    retrying: number;
    skipped: number;
    paused: number;
    errors: number;
  }): void;
  /** What a watch poll cycle's alerts did. */
  watchCycle(outcomes: { posted: number; recovered: number; retrying: number; paused: number }): void;
  /** Whether this process led scheduled work at its last try. */
  leadership(leads: boolean): void;
  /** Reads the newest snapshot's time when scraped (null: none stored yet). */
  snapshotTakenAt(read: () => Date | null, clock: () => Date): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const interactions = new Counter({
    name: "hubtrends_interactions_total",
    help: "Interactions answered, by kind, command and outcome (ok, a refusal's code, error).",
    labelNames: ["kind", "command", "outcome"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "hubtrends_interaction_answer_seconds",
    help: "From receipt to the whole answer sent, by kind.",
    labelNames: ["kind"] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [registry],
  });
  const hubRequests = new Counter({
    name: "hubtrends_hub_requests_total",
    help: "Requests to the Hugging Face Hub.",
    registers: [registry],
  });
  const hubFailures = new Counter({
    name: "hubtrends_hub_request_failures_total",
    help: "Hub requests that failed: no answer, or a 4xx/5xx status.",
    registers: [registry],
  });
  const digests = new Counter({
    name: "hubtrends_digests_total",
    help: "Scheduled digest attempts by result: posted, failed (will retry or skipped, or an error), paused.",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const alerts = new Counter({
    name: "hubtrends_watch_alerts_total",
    help: "Watch alerts by result: posted (a post found after a crash counts too), failed (will retry), paused.",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const leader = new Gauge({
    name: "hubtrends_scheduler_leader",
    help: "1 while this process leads scheduled work (collection, digests), else 0.",
    registers: [registry],
  });
  leader.set(0);
  let snapshotClock: { read: () => Date | null; clock: () => Date } | null = null;
  new Gauge({
    name: "hubtrends_snapshot_age_seconds",
    help: "Age of the newest stored snapshot as this process sees it (absent before the first).",
    // A label so that "no snapshot yet" is no sample at all (a label-less gauge always reads 0).
    labelNames: ["snapshot"] as const,
    registers: [registry],
    // Computed at scrape time, so the age is right however long ago the snapshot came in.
    collect() {
      const takenAt = snapshotClock?.read() ?? null;
      if (takenAt === null || snapshotClock === null) this.reset();
      else this.set({ snapshot: "newest" }, (snapshotClock.clock().getTime() - takenAt.getTime()) / 1000);
    },
  });
  for (const result of ["posted", "failed", "paused"]) digests.inc({ result }, 0);
  hubRequests.inc(0);
  hubFailures.inc(0);
  return {
    registry,
    interaction(kind, command, outcome, latencyMs) {
      interactions.inc({ kind, command, outcome });
      latency.observe({ kind }, latencyMs / 1000);
    },
    countHubRequests(fetchImpl) {
      return async (input, init) => {
        hubRequests.inc();
        try {
          const response = await fetchImpl(input, init);
          if (response.status >= 400) hubFailures.inc();
          return response;
        } catch (error) {
          hubFailures.inc();
          throw error;
        }
      };
    },
    digestTick(report) {
      digests.inc({ result: "posted" }, report.posted);
      digests.inc({ result: "failed" }, report.retrying + report.skipped + report.errors);
      digests.inc({ result: "paused" }, report.paused);
    },
    watchCycle(outcomes) {
      alerts.inc({ result: "posted" }, outcomes.posted + outcomes.recovered);
      alerts.inc({ result: "failed" }, outcomes.retrying);
      alerts.inc({ result: "paused" }, outcomes.paused);
    },
    leadership: (leads) => leader.set(leads ? 1 : 0),
    snapshotTakenAt(read, clock) {
      snapshotClock = { read, clock };
    },
  };
}
