import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Delivery, Digest, DigestStore } from "./digest-store.js";
import type { Lease } from "./lease.js";
import { type DigestSchedule, latestOccurrenceAtOrBefore, nextPostTimes, periodOf } from "./schedule.js";

/** What the Discord layer gets to post one period's digest, the same on every attempt. */
export interface DeliveryRequest {
  /** ISO week in the digest's zone (`2026-W48`); put it in the message so it can be found again. */
  period: string;
  /** Send as Discord's `nonce` with `enforce_nonce: true`: a repeat within minutes is a no-op. */
  nonce: string;
  /** The occurrence being delivered (or, for send-now, when it was asked for). */
  scheduledFor: Date;
}

/** Posts the digest; resolves with the new message's id. Must settle (time out) on its own. */
export type DeliverDigest = (digest: Digest, delivery: DeliveryRequest) => Promise<{ messageId: string }>;

/**
 * Looks in the digest's channel for a message this bot posted for `delivery.period`; its id or
 * null. Used before any attempt that follows an earlier one, whose outcome is unknown.
 */
export type FindExistingPost = (digest: Digest, delivery: DeliveryRequest) => Promise<string | null>;

/**
 * `retry`: transient (rate limit, 5xx, network); `pause`: the channel will not take posts until
 * an admin acts (deleted channel, missing access or permissions), so retrying only earns invalid
 * requests, which Discord counts towards an IP ban.
 */
export type ErrorDisposition = "retry" | "pause";

/** Dependencies and settings of {@link createDigestScheduler}. */
export interface DigestSchedulerDeps {
  store: DigestStore;
  lease: Lease;
  clock: () => Date;
  logger: Logger;
  deliver: DeliverDigest;
  findExisting: FindExistingPost;
  classifyError: (error: unknown) => ErrorDisposition;
  /** How late an occurrence may still be posted; later ones are recorded as skipped. 12 h. */
  graceMs?: number;
  /** Waits after the 1st, 2nd, … failed attempt; the last repeats. 1, 2, 5, 10 minutes. */
  retryBackoffMs?: readonly number[];
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
  /** False when another process holds the lease: this tick did nothing. */
  leader: boolean;
  /** True when the lease was lost during the tick, so some work was left to the new holder. */
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
  /** Digests paused because their channel refuses posts. */
  paused: number;
  /** Unexpected failures (the database, a bug); logged, and retried on a later tick. */
  errors: number;
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
const DEFAULT_BACKOFF_MS = [1, 2, 5, 10].map((minutes) => minutes * MINUTE_MS);

type Outcome = "posted" | "recovered" | "skipped" | "retrying" | "paused" | "nothing";

interface Job {
  digest: Digest;
  period: string;
  occurrence: Date;
  /** The row as planned from, when there is one: taken over only if it is still like this. */
  seen: Delivery | null;
}

/** A schedule's latest occurrence and its period, valid from `latest` until `next`. */
interface Window {
  latest: Date;
  period: string;
  next: Date;
}

/**
 * Creates the digest scheduler. See README.md in this folder for why each period is posted
 * exactly once, crashes and several processes included.
 */
export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const { store, lease, clock, logger, deliver, findExisting } = deps;
  const graceMs = deps.graceMs ?? 12 * HOUR_MS;
  const backoffMs = deps.retryBackoffMs ?? DEFAULT_BACKOFF_MS;
  const claimTimeoutMs = deps.claimTimeoutMs ?? 5 * MINUTE_MS;
  const newNonce = deps.newNonce ?? (() => randomBytes(12).toString("base64url"));
  if (backoffMs.length === 0 || backoffMs.some((ms) => !(ms > 0))) {
    throw new RangeError("retryBackoffMs needs at least one positive wait");
  }
  const limit = createLimiter(deps.concurrency ?? 5);

  /** Periods this process is working on, so overlapping ticks and send-now leave them alone. */
  const inFlight = new Set<string>();
  /**
   * Occurrence windows by schedule. Asking croner and Intl costs about a millisecond (they build
   * time-zone formatters), which 1,000 digests a minute would turn into a second of blocked event
   * loop; digests share schedules, and a window holds for a week.
   */
  const windows = new Map<string, Window>();

  function latestOccurrence(schedule: DigestSchedule, now: Date): Omit<Window, "next"> {
    const key = `${schedule.day} ${schedule.time} ${schedule.timezone}`;
    const cached = windows.get(key);
    if (cached !== undefined && cached.latest <= now && now < cached.next) return cached;
    const latest = latestOccurrenceAtOrBefore(schedule, now);
    const period = periodOf(schedule, latest);
    const [next] = nextPostTimes(schedule, now, 1);
    if (next !== undefined) windows.set(key, { latest, period, next });
    return { latest, period };
  }

  function classify(error: unknown): ErrorDisposition {
    try {
      return deps.classifyError(error);
    } catch (classifyFailure) {
      logger.error({ err: classifyFailure }, "classifyError threw; treating the error as transient");
      return "retry";
    }
  }

  function recordPosted(digest: Digest, period: string, messageId: string): void {
    if (!store.markPosted(digest.id, period, messageId)) {
      // Only reachable if two posts were made for one period, which the claim should prevent.
      const row = store.getDelivery(digest.id, period);
      logger.error(
        { digestId: digest.id, guildId: digest.guildId, period, messageId, recorded: row?.messageId },
        "digest period was already recorded as posted",
      );
    }
  }

  /**
   * Records a failed attempt. `pause` stops the digest; its delivery stays failed and due at
   * once, so re-enabling within the grace window still posts it. `retry` waits per the backoff,
   * or gives up when the next attempt would fall past `giveUpAt`.
   */
  function recordFailure(digest: Digest, delivery: Delivery, error: unknown, giveUpAt: Date | null): Outcome {
    const disposition = classify(error);
    const message = describeError(error);
    const now = clock();
    const context = { digestId: digest.id, guildId: digest.guildId, period: delivery.period, err: error };
    store.recordError(digest.id, message);
    if (disposition === "pause") {
      store.markFailed(digest.id, delivery.period, message, now);
      store.pause(digest.id, message);
      logger.warn(context, "digest paused: its channel refuses posts");
      return "paused";
    }
    const wait = backoffMs[Math.min(delivery.attempts, backoffMs.length) - 1] ?? MINUTE_MS;
    const nextAttemptAt = new Date(now.getTime() + wait);
    if (giveUpAt !== null && nextAttemptAt > giveUpAt) {
      store.markSkipped(
        digest.id,
        delivery.period,
        `gave up after ${delivery.attempts} attempts: ${message}`,
      );
      logger.warn(context, "digest skipped: still failing at the end of its grace window");
      return "skipped";
    }
    store.markFailed(digest.id, delivery.period, message, nextAttemptAt);
    logger.warn({ ...context, nextAttemptAt }, "digest delivery failed; will retry");
    return "retrying";
  }

  /** Decides, without waiting on anything, whether a digest needs work now. */
  function plan(digest: Digest, now: Date, report: TickReport): Job | null {
    const { latest: occurrence, period } = latestOccurrence(digest, now);
    if (occurrence.getTime() < Date.parse(digest.scheduleFrom)) return null;
    if (inFlight.has(key(digest.id, period))) return null;
    const late = now.getTime() - occurrence.getTime() > graceMs;
    const row = store.getDelivery(digest.id, period);

    if (row === null) {
      if (!late) return { digest, period, occurrence, seen: null };
      const reason = `missed: more than ${describeDuration(graceMs)} late when the scheduler saw it`;
      if (store.skipUnclaimed(digest.id, period, occurrence, reason)) {
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
    // Renew before each claim: a long tick must not outlive the lease and then race its new holder.
    if (!lease.acquire()) {
      report.leaseLost = true;
      return "nothing";
    }
    const delivery =
      seen === null
        ? store.claim(digest.id, period, occurrence, newNonce())
        : store.reclaim(digest.id, period, seen, newNonce());
    if (delivery === null) return "nothing";
    const giveUpAt = new Date(occurrence.getTime() + graceMs);
    return (await attempt(digest, delivery, { giveUpAt, onRequest: false })).outcome;
  }

  /**
   * One attempt at a claimed delivery. When an earlier attempt may have reached Discord, the
   * channel is searched first. A delivery error is recorded (and rethrown for send-now, whose
   * caller explains it); store errors after a successful post propagate, leaving the row
   * claimed, so the recovery after `claimTimeoutMs` finds the message instead of posting again.
   */
  async function attempt(
    digest: Digest,
    delivery: Delivery,
    { giveUpAt, onRequest }: { giveUpAt: Date | null; onRequest: boolean },
  ): Promise<{ outcome: Outcome; messageId: string | null }> {
    const { period } = delivery;
    const request = requestFor(delivery);
    const context = { digestId: digest.id, guildId: digest.guildId, channelId: digest.channelId, period };
    let posted: { messageId: string; outcome: "posted" | "recovered" };
    try {
      const existing = delivery.attempts > 1 ? await findExisting(digest, request) : null;
      if (existing !== null) {
        posted = { messageId: existing, outcome: "recovered" };
      } else if (giveUpAt !== null && clock() > giveUpAt) {
        store.markSkipped(digest.id, period, "not posted within the grace window");
        logger.warn(context, "digest skipped: its grace window ended before it could be posted");
        return { outcome: "skipped", messageId: null };
      } else {
        const { messageId } = await deliver(digest, request);
        posted = { messageId, outcome: "posted" };
      }
    } catch (error) {
      const outcome = recordFailure(digest, delivery, error, giveUpAt);
      if (onRequest) throw error;
      return { outcome, messageId: null };
    }
    recordPosted(digest, period, posted.messageId);
    logger.info(
      { ...context, messageId: posted.messageId, attempts: delivery.attempts, onRequest },
      posted.outcome === "posted" ? "digest posted" : "digest found already posted; recorded it",
    );
    return posted;
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
      const report: TickReport = {
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
      if (!lease.acquire()) return report;
      report.leader = true;
      const now = clock();
      for (const [schedule, window] of windows) if (window.next <= now) windows.delete(schedule);

      const digests = store.listEnabled();
      report.considered = digests.length;
      const jobs: Job[] = [];
      for (const digest of digests) {
        try {
          const job = plan(digest, now, report);
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

      let delivery = store.claim(digest.id, period, now, newNonce());
      if (delivery === null) {
        const row = store.getDelivery(digest.id, period);
        if (row === null) return { status: "in-progress", period };
        if (row.status === "posted") return { status: "already-posted", period, messageId: row.messageId };
        const youngClaim =
          row.status === "claimed" &&
          row.claimedAt !== null &&
          now.getTime() - Date.parse(row.claimedAt) < claimTimeoutMs;
        if (youngClaim) return { status: "in-progress", period };
        delivery = store.reclaim(digest.id, period, row, newNonce());
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

/** The request for a claimed delivery: every attempt at a period sends the same nonce. */
function requestFor(delivery: Delivery): DeliveryRequest {
  if (delivery.nonce === null) {
    throw new Error(`Claimed delivery of digest ${delivery.digestId} for ${delivery.period} has no nonce`);
  }
  return { period: delivery.period, nonce: delivery.nonce, scheduledFor: new Date(delivery.scheduledFor) };
}

function key(digestId: number, period: string): string {
  return `${digestId}:${period}`;
}

function describeDuration(ms: number): string {
  return ms >= HOUR_MS
    ? `${Number((ms / HOUR_MS).toFixed(1))} h`
    : `${Number((ms / MINUTE_MS).toFixed(1))} min`;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

/**
 * At most `max` tasks at once. A finishing task hands its slot straight to the next waiter, so a
 * task arriving in between cannot take it and push the count past `max`.
 */
function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`concurrency must be at least 1, got ${max}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) active--;
      else next();
    }
  };
}
