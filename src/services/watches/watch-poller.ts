import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { HubClient } from "../hub/hub-client.js";
import type { ModelRecord } from "../hub/types.js";
import type { Leadership } from "../storage/leadership.js";
import type { AlertOutcome, AttemptAlert } from "./alert-attempt.js";
import type { Alert } from "./alert-log.js";
import { type PlannedAlert, planOrgPoll, type SnapshotView, snapshotViewOf } from "./plan-alerts.js";
import type { Watch } from "./watch-settings.js";
import type { WatchStore } from "./watch-store.js";

/** Newest models asked for per org and poll: an org rarely releases more between two polls. */
export const NEWEST_LIMIT = 50;

/** What one org poll did. */
export interface OrgPollReport {
  org: string;
  /** Hub requests made (retries included). */
  requests: number;
  baselined: number;
  held: number;
  outcomes: Record<AlertOutcome, number>;
  /** The poll could not read the Hub: nothing was lost, the next poll sees the same models. */
  hubFailed: boolean;
}

/** What one cycle over every watched org did. */
export interface CycleReport {
  orgs: number;
  requests: number;
  outcomes: Record<AlertOutcome, number>;
  /** False when this process does not lead: it polled nothing. */
  led: boolean;
}

/** Dependencies of {@link createWatchPoller}. */
export interface WatchPollerDeps {
  store: WatchStore;
  hub: Pick<HubClient, "listNewestModels">;
  /** The newest stored snapshot's models, from memory (null when none is loaded). */
  snapshotModels: () => readonly ModelRecord[] | null;
  /** Only the leader polls and posts (as for digests); claims keep it exactly once regardless. */
  leadership: Leadership;
  attempt: AttemptAlert;
  clock: () => Date;
  logger: Logger;
  /** A claim older than this with no post recorded is taken over (after a crash). 5 min. */
  claimTimeoutMs?: number;
  newNonce?: () => string;
}

/** The watch poller: one Hub request per distinct org per cycle, however many watches share it. */
export interface WatchPoller {
  pollOrg(org: string): Promise<OrgPollReport>;
  /** Retries due failures and takes over stale claims (finding the post first). */
  recover(): Promise<Record<AlertOutcome, number>>;
  /**
   * Recovers, then polls every watched org once, `spreadMs` spread evenly between them, waiting
   * longer when the Hub's `RateLimit` header says its window is nearly spent.
   */
  cycle(options: { spreadMs: number; sleep: (ms: number) => Promise<void> }): Promise<CycleReport>;
}

const emptyOutcomes = (): Record<AlertOutcome, number> => ({
  posted: 0,
  recovered: 0,
  retrying: 0,
  paused: 0,
});

/** Requests kept back from the Hub's window for collections and commands. */
const RATE_LIMIT_RESERVE = 50;

export function createWatchPoller(deps: WatchPollerDeps): WatchPoller {
  const { store, hub, leadership, attempt, clock, logger } = deps;
  const claimTimeoutMs = deps.claimTimeoutMs ?? 5 * 60_000;
  const newNonce = deps.newNonce ?? (() => randomBytes(12).toString("base64url"));
  /** Alerts being posted by this process: overlapping cycles and recoveries leave them alone. */
  const inFlight = new Set<string>();
  let lastRateLimit: { remaining: number; resetMs: number } | null = null;
  const flightKey = (a: Pick<Alert, "watchId" | "modelId" | "kind">) =>
    `${a.watchId}\u0000${a.kind}\u0000${a.modelId}`;

  async function run(
    watch: Watch,
    alert: Alert,
    outcomes: Record<AlertOutcome, number>,
  ): Promise<AlertOutcome | null> {
    const key = flightKey(alert);
    if (inFlight.has(key)) return null;
    inFlight.add(key);
    try {
      const { outcome } = await attempt(watch, alert);
      outcomes[outcome]++;
      return outcome;
    } finally {
      inFlight.delete(key);
    }
  }

  async function post(planned: PlannedAlert, watch: Watch, outcomes: Record<AlertOutcome, number>) {
    // Re-checked before every claim: leadership may have passed during a slow poll.
    if (!(await leadership.acquire())) return null;
    const claimed =
      planned.held === null
        ? await store.claim(planned.key, newNonce(), planned.model)
        : await store.reclaim(planned.key, planned.held, newNonce(), planned.model);
    return claimed === null ? null : run(watch, claimed, outcomes);
  }

  async function pollWith(org: string, view: SnapshotView) {
    const report: OrgPollReport = {
      org,
      requests: 0,
      baselined: 0,
      held: 0,
      outcomes: emptyOutcomes(),
      hubFailed: false,
    };
    const watches = (await store.listActive()).filter((w) => w.org.toLowerCase() === org.toLowerCase());
    if (watches.length === 0) return report;
    let listed: ModelRecord[];
    try {
      const answer = await hub.listNewestModels(org, NEWEST_LIMIT);
      listed = answer.models;
      report.requests = answer.requests;
      lastRateLimit = answer.rateLimit ?? lastRateLimit;
    } catch (error) {
      report.hubFailed = true;
      // At least the one; the retrying fetch's own retries are in its log.
      report.requests = 1;
      logger.warn(
        { org, err: error },
        "watch poll could not read the Hub; the next poll will see the same models",
      );
      return report;
    }
    const trending = view.trendingOf(org);
    const known = await store.knownAlerts(
      watches.map((w) => w.id),
      [...listed, ...trending].map((m) => m.id),
    );
    for (const plan of planOrgPoll({ org, watches, listed, snapshot: view, known })) {
      if (plan.kind === "baseline") {
        report.baselined += await store.recordBaseline(plan.watch.id, plan.entries);
        await store.markBaselineDone(plan.watch.id);
        continue;
      }
      const models = new Map(listed.map((m) => [m.id, m]));
      for (const key of plan.holds) {
        const model = models.get(key.modelId);
        if (model !== undefined && (await store.hold(key, model))) report.held++;
      }
      for (const planned of plan.posts) {
        // A refusal paused the watch: its other alerts wait for an admin too (unclaimed, so a
        // watch set up again later still posts them).
        if ((await post(planned, plan.watch, report.outcomes)) === "paused") break;
      }
    }
    return report;
  }

  async function recover(): Promise<Record<AlertOutcome, number>> {
    const outcomes = emptyOutcomes();
    const now = clock();
    const stale = (await store.pendingClaims()).filter(
      (a) =>
        !inFlight.has(flightKey(a)) &&
        (a.claimedAt === null || now.getTime() - Date.parse(a.claimedAt) >= claimTimeoutMs),
    );
    for (const alert of [...stale, ...(await store.dueRetries(now))]) {
      if (inFlight.has(flightKey(alert)) || !(await leadership.acquire())) continue;
      const watch = await store.byId(alert.watchId);
      if (watch === null || watch.pausedReason !== null) continue;
      const taken = await store.reclaim(alert, alert, newNonce());
      if (taken !== null) await run(watch, taken, outcomes);
    }
    return outcomes;
  }

  return {
    pollOrg: (org) => pollWith(org, snapshotViewOf(deps.snapshotModels())),
    recover,
    async cycle({ spreadMs, sleep }) {
      const report: CycleReport = { orgs: 0, requests: 0, outcomes: emptyOutcomes(), led: false };
      if (!(await leadership.acquire())) return report;
      report.led = true;
      const add = (outcomes: Record<AlertOutcome, number>) => {
        for (const [k, v] of Object.entries(outcomes) as [AlertOutcome, number][]) report.outcomes[k] += v;
      };
      add(await recover());
      // One request per distinct org (case-insensitive, as the Hub's namespaces are).
      const orgs = [...new Map((await store.listActive()).map((w) => [w.org.toLowerCase(), w.org])).values()];
      const view = snapshotViewOf(deps.snapshotModels());
      const gap = orgs.length > 0 ? spreadMs / orgs.length : 0;
      for (const [index, org] of orgs.entries()) {
        if (index > 0) {
          const spent = lastRateLimit !== null && lastRateLimit.remaining < RATE_LIMIT_RESERVE;
          await sleep(spent && lastRateLimit !== null ? Math.max(gap, lastRateLimit.resetMs) : gap);
          if (spent) lastRateLimit = null;
        }
        if (!(await leadership.acquire())) break;
        const polled = await pollWith(org, view);
        report.orgs++;
        report.requests += polled.requests;
        add(polled.outcomes);
      }
      return report;
    },
  };
}
