import { randomBytes } from "node:crypto";
import { createLimiter } from "../concurrency-limit.js";
import type { Leadership } from "../storage/leadership.js";
import {
  type AttemptOutcome,
  createDeliveryAttempt,
  DEFAULT_RETRY_POLICY,
  type DeliveryAttemptDeps,
  type RetryPolicy,
} from "./delivery-attempt.js";
import type { Delivery, Digest } from "./digest-store.js";
import { createOccurrenceCache } from "./occurrence-cache.js";
import { periodOf } from "./schedule.js";

export type {
  DeliverDigest,
  DeliveryRequest,
  ErrorDisposition,
  FindExistingPost,
} from "./delivery-attempt.js";

/**
 * Dependencies and settings of {@link createDigestScheduler}: those of a delivery attempt (the
 * store, clock, logger and the Discord layer's `deliver`, `findExisting`, `classifyError`), and
 * who leads scheduled work and the timings below.
 */
export interface DigestSchedulerDeps extends Omit<DeliveryAttemptDeps, "retry"> {
  /** Only the leader posts scheduled digests; send-now posts from any process. */
  leadership: Leadership;
  /** How late an occurrence may still be posted; later ones are recorded as skipped. 12 h. */
  graceMs?: number;
  /** How transient failures are retried; DEFAULT_RETRY_POLICY (1, 5, 15, 30, 60 min; 8 attempts). */
  retry?: Partial<RetryPolicy>;
  /** Most deliveries in flight at once, per process. 5. */
  concurrency?: number;
  /**
   * A `claimed` row older than this is taken to be left by a crash and is recovered (looked for
   * in the channel, then posted). Must be longer than `deliver` can take. 5 minutes.
   */
  claimTimeoutMs?: number;
  /** Makes a Discord nonce (at most 25 characters). Random by default. */
  newNonce?: () => string;
}

/** What one tick did. */
export interface TickReport {
  /** False when another process leads: this tick did nothing. */
  leader: boolean;
  /** True when leadership was lost during the tick, so some work was left to the new leader. */
  leaseLost: boolean;
  /** Running digests looked at. */
  considered: number;
  /** New messages posted. */
  posted: number;
  /** Periods found already posted in the channel (a crash between posting and recording). */
  recovered: number;
  /** Periods given up: missed beyond the grace window, or retries ran out. */
  skipped: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  /** Digests paused: their channel refuses posts, or Discord failed every attempt the policy allows. */
  paused: number;
  /** Unexpected failures (the database, a bug); logged, and retried on a later tick. */
  errors: number;
}

/** A tick that did nothing (yet): not the leader, nothing considered. */
export function emptyTickReport(): TickReport {
  return {
    leader: false,
    leaseLost: false,
    considered: 0,
    posted: 0,
    recovered: 0,
    skipped: 0,
    retrying: 0,
    paused: 0,
    errors: 0,
  };
}

/** What `/digest send-now` did. */
export type SendNowResult =
  | { status: "posted"; period: string; messageId: string }
  /** This period's digest is in the channel already; `messageId` null if it was never recorded. */
  | { status: "already-posted"; period: string; messageId: string | null }
  /** A scheduled delivery of this period is being posted right now. */
  | { status: "in-progress"; period: string };

/** Runs digests on their schedules. */
export interface DigestScheduler {
  /**
   * Does whatever is due at `clock()`: call it about once a minute. Ticks may overlap (a slow
   * tick does not hold up the next); a period being worked on is never started twice.
   */
  tick(): Promise<TickReport>;
  /**
   * Posts the digest now as the current period's post (the ISO week of now, in the digest's
   * zone), so the scheduled post of that week does not follow. Does not post a second time in a
   * period that already has its post. A delivery error is recorded like a scheduled one (retry
   * later, or pause) and then thrown, for the command to explain.
   */
  sendNow(digest: Digest): Promise<SendNowResult>;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

type Outcome = AttemptOutcome | "nothing";

interface Job {
  digest: Digest;
  period: string;
  occurrence: Date;
  /** The row as planned from, when there is one: taken over only if it is still like this. */
  seen: Delivery | null;
}

/**
 * Creates the digest scheduler. See README.md in this folder for why each period is posted
 * exactly once, crashes and several processes included.
 */
export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const { store, leadership, clock, logger } = deps;
  const graceMs = deps.graceMs ?? 12 * HOUR_MS;
  const claimTimeoutMs = deps.claimTimeoutMs ?? 5 * MINUTE_MS;
  const newNonce = deps.newNonce ?? (() => randomBytes(12).toString("base64url"));
  const attempt = createDeliveryAttempt({
    ...deps,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
  });
  const limit = createLimiter(deps.concurrency ?? 5);

  /** Periods this process is working on, so overlapping ticks and send-now leave them alone. */
  const inFlight = new Set<string>();
  const occurrences = createOccurrenceCache();

  /** Decides, from its delivery row alone, whether a digest needs work now. */
  async function plan(digest: Digest, now: Date, report: TickReport): Promise<Job | null> {
    const { latest: occurrence, period } = occurrences.latest(digest, now);
    if (occurrence.getTime() < Date.parse(digest.scheduleFrom)) return null;
    if (inFlight.has(key(digest.id, period))) return null;
    const late = now.getTime() - occurrence.getTime() > graceMs;
    const row = await store.getDelivery(digest.id, period);

    if (row === null) {
      if (!late) return { digest, period, occurrence, seen: null };
      const reason = `missed: more than ${describeDuration(graceMs)} late when the scheduler saw it`;
      if (await store.skipUnclaimed(digest.id, period, occurrence, reason)) {
        report.skipped++;
        logger.warn(
          { digestId: digest.id, guildId: digest.guildId, period, scheduledFor: occurrence },
          "digest skipped: missed by more than the grace window",
        );
      }
      return null;
    }
    switch (row.status) {
      case "posted":
      case "skipped":
        return null;
      case "claimed":
        // A young claim is someone's attempt in progress (or a crash not yet timed out).
        return row.claimedAt !== null && now.getTime() - Date.parse(row.claimedAt) < claimTimeoutMs
          ? null
          : { digest, period, occurrence, seen: row };
      case "failed":
        return row.nextAttemptAt !== null && Date.parse(row.nextAttemptAt) > now.getTime()
          ? null
          : { digest, period, occurrence, seen: row };
    }
  }

  async function runJob(job: Job, report: TickReport): Promise<Outcome> {
    const { digest, period, occurrence, seen } = job;
    // Renew before each claim: a long tick must not outlive its leadership and then race the new leader.
    if (!(await leadership.acquire())) {
      report.leaseLost = true;
      return "nothing";
    }
    const delivery =
      seen === null
        ? await store.claim(digest.id, period, occurrence, newNonce())
        : await store.reclaim(digest.id, period, seen, newNonce());
    if (delivery === null) return "nothing";
    const giveUpAt = new Date(occurrence.getTime() + graceMs);
    return (await attempt(digest, delivery, { giveUpAt, onRequest: false })).outcome;
  }

  async function withInFlight<T>(id: string, work: () => Promise<T>): Promise<T> {
    inFlight.add(id);
    try {
      return await work();
    } finally {
      inFlight.delete(id);
    }
  }

  return {
    async tick() {
      const report = emptyTickReport();
      if (!(await leadership.acquire())) return report;
      report.leader = true;
      const now = clock();
      occurrences.prune(now);

      const digests = await store.listEnabled();
      report.considered = digests.length;
      const jobs: Job[] = [];
      for (const digest of digests) {
        try {
          const job = await plan(digest, now, report);
          if (job !== null) jobs.push(job);
        } catch (error) {
          report.errors++;
          logger.error(
            { err: error, digestId: digest.id, guildId: digest.guildId },
            "digest planning failed",
          );
        }
      }

      await Promise.all(
        jobs.map((job) =>
          withInFlight(key(job.digest.id, job.period), () => limit(() => runJob(job, report))).then(
            (outcome) => {
              if (outcome !== "nothing") report[outcome]++;
            },
            (error: unknown) => {
              report.errors++;
              logger.error(
                { err: error, digestId: job.digest.id, guildId: job.digest.guildId, period: job.period },
                "digest delivery bookkeeping failed",
              );
            },
          ),
        ),
      );
      if (jobs.length > 0 || report.skipped > 0) logger.info({ ...report }, "digest tick");
      return report;
    },

    async sendNow(digest) {
      const now = clock();
      const period = periodOf(digest, now);
      const id = key(digest.id, period);
      if (inFlight.has(id)) return { status: "in-progress", period };

      let delivery = await store.claim(digest.id, period, now, newNonce());
      if (delivery === null) {
        const row = await store.getDelivery(digest.id, period);
        if (row === null) return { status: "in-progress", period };
        if (row.status === "posted") return { status: "already-posted", period, messageId: row.messageId };
        const youngClaim =
          row.status === "claimed" &&
          row.claimedAt !== null &&
          now.getTime() - Date.parse(row.claimedAt) < claimTimeoutMs;
        if (youngClaim) return { status: "in-progress", period };
        delivery = await store.reclaim(digest.id, period, row, newNonce());
        if (delivery === null) return { status: "in-progress", period };
      }
      const claimed = delivery;
      const { outcome, messageId } = await withInFlight(id, () =>
        attempt(digest, claimed, { giveUpAt: null, onRequest: true }),
      );
      if (messageId === null) throw new Error(`send-now of digest ${digest.id} ended without a message`);
      return outcome === "posted"
        ? { status: "posted", period, messageId }
        : { status: "already-posted", period, messageId };
    },
  };
}

function key(digestId: number, period: string): string {
  return `${digestId}:${period}`;
}

function describeDuration(ms: number): string {
  return ms >= HOUR_MS
    ? `${Number((ms / HOUR_MS).toFixed(1))} h`
    : `${Number((ms / MINUTE_MS).toFixed(1))} min`;
}
