import type { Logger } from "pino";
import type { Delivery, Digest, DigestStore } from "./digest-store.js";

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

/** How one attempt ended; `retrying` and `paused` were recorded as failures. */
export type AttemptOutcome = "posted" | "recovered" | "skipped" | "retrying" | "paused";

/** Where an attempt stands in its period's life. */
export interface AttemptOptions {
  /** After this the period is given up rather than posted or retried; null for send-now. */
  giveUpAt: Date | null;
  /** True for send-now: a delivery error is recorded and then thrown, for the command to explain. */
  onRequest: boolean;
}

/**
 * One attempt at a claimed delivery: `posted` and `recovered` come with the message's id.
 * @throws a delivery error when `onRequest` (after recording it), and store errors.
 */
export type AttemptDelivery = (
  digest: Digest,
  delivery: Delivery,
  options: AttemptOptions,
) => Promise<{ outcome: AttemptOutcome; messageId: string | null }>;

/** Dependencies of {@link createDeliveryAttempt}. */
export interface DeliveryAttemptDeps {
  store: DigestStore;
  clock: () => Date;
  logger: Logger;
  deliver: DeliverDigest;
  findExisting: FindExistingPost;
  classifyError: (error: unknown) => ErrorDisposition;
  retry: RetryPolicy;
}

const MINUTE_MS = 60_000;

/**
 * How transient failures of a delivery are retried: the waits after the 1st, 2nd, … failed
 * attempt (the last repeats), and how many attempts in a row may fail before the delivery stops
 * and someone must look. Nothing here is about digests: any post the bot retries can use it.
 */
export interface RetryPolicy {
  backoffMs: readonly number[];
  maxAttempts: number;
}

/**
 * Waits of 1, 5, 15, 30, then 60 minutes, and 8 attempts: a blip costs a minute, an outage is
 * tried for about four hours (most of Discord's incidents are shorter), and a channel that keeps
 * failing costs 8 attempts rather than one every few minutes for the whole grace window.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  backoffMs: [1, 5, 15, 30, 60].map((minutes) => minutes * MINUTE_MS),
  maxAttempts: 8,
};

/** What to do after a transient failure. */
export type RetryDecision =
  /** Try again at `at`. */
  | { kind: "retry"; at: Date }
  /** The next try would come too late for this period: give the period up. */
  | { kind: "give-up" }
  /** `maxAttempts` failed in a row: stop until someone acts. */
  | { kind: "stop" };

/**
 * The step after the `attempts`-th attempt failed transiently at `now`; `giveUpAt` is when the
 * period stops being worth posting (null: never).
 */
export function decideRetry(
  policy: RetryPolicy,
  attempts: number,
  now: Date,
  giveUpAt: Date | null,
): RetryDecision {
  if (attempts >= policy.maxAttempts) return { kind: "stop" };
  const wait = policy.backoffMs[Math.min(attempts, policy.backoffMs.length) - 1] ?? MINUTE_MS;
  const at = new Date(now.getTime() + wait);
  return giveUpAt !== null && at > giveUpAt ? { kind: "give-up" } : { kind: "retry", at };
}

/** Checks a policy once, where it is given, rather than misbehave at the first failure. */
function checkPolicy(policy: RetryPolicy): void {
  if (policy.backoffMs.length === 0 || policy.backoffMs.some((ms) => !(ms > 0))) {
    throw new RangeError("retry.backoffMs needs at least one positive wait");
  }
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`retry.maxAttempts must be a positive integer, got ${policy.maxAttempts}`);
  }
}

/**
 * Creates the attempt that the scheduler and send-now make at a delivery they have claimed. When
 * an earlier attempt may have reached Discord, the channel is searched first. A delivery error is
 * recorded (and rethrown for send-now, whose caller explains it); store errors after a successful
 * post propagate, leaving the row claimed, so the recovery after the claim timeout finds the
 * message instead of posting again.
 */
export function createDeliveryAttempt(deps: DeliveryAttemptDeps): AttemptDelivery {
  const { store, clock, logger, deliver, findExisting, retry } = deps;
  checkPolicy(retry);

  function classify(error: unknown): ErrorDisposition {
    try {
      return deps.classifyError(error);
    } catch (classifyFailure) {
      logger.error({ err: classifyFailure }, "classifyError threw; treating the error as transient");
      return "retry";
    }
  }

  async function recordPosted(digest: Digest, period: string, messageId: string): Promise<void> {
    if (!(await store.markPosted(digest.id, period, messageId))) {
      // Only reachable if two posts were made for one period, which the claim should prevent.
      const row = await store.getDelivery(digest.id, period);
      logger.error(
        { digestId: digest.id, guildId: digest.guildId, period, messageId, recorded: row?.messageId },
        "digest period was already recorded as posted",
      );
    }
  }

  /**
   * Records a failed attempt. `pause` stops the digest; its delivery stays failed and due at
   * once, so re-enabling within the grace window still posts it. `retry` waits per the policy,
   * gives up the period when the next attempt would fall past `giveUpAt`, and pauses the digest
   * the same way, with the reason, once the policy's attempts have all failed.
   */
  async function recordFailure(
    digest: Digest,
    delivery: Delivery,
    error: unknown,
    giveUpAt: Date | null,
  ): Promise<AttemptOutcome> {
    const disposition = classify(error);
    const message = describeError(error);
    const now = clock();
    const context = { digestId: digest.id, guildId: digest.guildId, period: delivery.period, err: error };
    await store.recordError(digest.id, message);
    if (disposition === "pause") {
      await store.markFailed(digest.id, delivery.period, message, now);
      await store.pause(digest.id, message);
      logger.warn(context, "digest paused: its channel refuses posts");
      return "paused";
    }
    const decision = decideRetry(retry, delivery.attempts, now, giveUpAt);
    if (decision.kind === "stop") {
      const since = formatDuration(now.getTime() - Date.parse(delivery.scheduledFor));
      const reason = `Discord failed ${delivery.attempts} attempts in a row over ${since} (last: ${statusAndMessage(error)})`;
      await store.markFailed(digest.id, delivery.period, message, now);
      await store.pause(digest.id, reason);
      logger.error(
        { ...context, attempts: delivery.attempts, reason },
        "digest paused: Discord kept failing its posts",
      );
      return "paused";
    }
    if (decision.kind === "give-up") {
      await store.markSkipped(
        digest.id,
        delivery.period,
        `gave up after ${delivery.attempts} attempts: ${message}`,
      );
      logger.warn(context, "digest skipped: still failing at the end of its grace window");
      return "skipped";
    }
    await store.markFailed(digest.id, delivery.period, message, decision.at);
    logger.warn({ ...context, nextAttemptAt: decision.at }, "digest delivery failed; will retry");
    return "retrying";
  }

  return async (digest, delivery, { giveUpAt, onRequest }) => {
    const { period } = delivery;
    const request = requestFor(delivery);
    const context = { digestId: digest.id, guildId: digest.guildId, channelId: digest.channelId, period };
    let posted: { messageId: string; outcome: "posted" | "recovered" };
    try {
      const existing = delivery.attempts > 1 ? await findExisting(digest, request) : null;
      if (existing !== null) {
        posted = { messageId: existing, outcome: "recovered" };
      } else if (giveUpAt !== null && clock() > giveUpAt) {
        await store.markSkipped(digest.id, period, "not posted within the grace window");
        logger.warn(context, "digest skipped: its grace window ended before it could be posted");
        return { outcome: "skipped", messageId: null };
      } else {
        const { messageId } = await deliver(digest, request);
        posted = { messageId, outcome: "posted" };
      }
    } catch (error) {
      const outcome = await recordFailure(digest, delivery, error, giveUpAt);
      if (onRequest) throw error;
      return { outcome, messageId: null };
    }
    await recordPosted(digest, period, posted.messageId);
    logger.info(
      { ...context, messageId: posted.messageId, attempts: delivery.attempts, onRequest },
      posted.outcome === "posted" ? "digest posted" : "digest found already posted; recorded it",
    );
    return posted;
  };
}

/** The request for a claimed delivery: every attempt at a period sends the same nonce. */
function requestFor(delivery: Delivery): DeliveryRequest {
  if (delivery.nonce === null) {
    throw new Error(`Claimed delivery of digest ${delivery.digestId} for ${delivery.period} has no nonce`);
  }
  return { period: delivery.period, nonce: delivery.nonce, scheduledFor: new Date(delivery.scheduledFor) };
}

/** "500 Internal Server Error" when the error carries an HTTP status, else its message (watches use it too). */
export function statusAndMessage(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const message = describeError(error);
  return typeof status === "number" && !message.startsWith(String(status)) ? `${status} ${message}` : message;
}

/** "3 h 51 min", "12 min". */
function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  const hours = Math.floor(minutes / 60);
  return hours === 0 ? `${minutes} min` : `${hours} h ${minutes % 60} min`;
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
