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
  /** Waits after the 1st, 2nd, … failed attempt; the last repeats. */
  retryBackoffMs: readonly number[];
}

const MINUTE_MS = 60_000;

/** 1, 2, 5, 10, 10, … minutes. */
export const DEFAULT_RETRY_BACKOFF_MS: readonly number[] = [1, 2, 5, 10].map(
  (minutes) => minutes * MINUTE_MS,
);

/** How long to wait after a delivery's `attempts`-th failed attempt: the last wait repeats. */
export function retryWaitMs(backoffMs: readonly number[], attempts: number): number {
  return backoffMs[Math.min(attempts, backoffMs.length) - 1] ?? MINUTE_MS;
}

/**
 * Creates the attempt that the scheduler and send-now make at a delivery they have claimed. When
 * an earlier attempt may have reached Discord, the channel is searched first. A delivery error is
 * recorded (and rethrown for send-now, whose caller explains it); store errors after a successful
 * post propagate, leaving the row claimed, so the recovery after the claim timeout finds the
 * message instead of posting again.
 */
export function createDeliveryAttempt(deps: DeliveryAttemptDeps): AttemptDelivery {
  const { store, clock, logger, deliver, findExisting, retryBackoffMs: backoffMs } = deps;
  if (backoffMs.length === 0 || backoffMs.some((ms) => !(ms > 0))) {
    throw new RangeError("retryBackoffMs needs at least one positive wait");
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
  function recordFailure(
    digest: Digest,
    delivery: Delivery,
    error: unknown,
    giveUpAt: Date | null,
  ): AttemptOutcome {
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
    const nextAttemptAt = new Date(now.getTime() + retryWaitMs(backoffMs, delivery.attempts));
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
  };
}

/** The request for a claimed delivery: every attempt at a period sends the same nonce. */
function requestFor(delivery: Delivery): DeliveryRequest {
  if (delivery.nonce === null) {
    throw new Error(`Claimed delivery of digest ${delivery.digestId} for ${delivery.period} has no nonce`);
  }
  return { period: delivery.period, nonce: delivery.nonce, scheduledFor: new Date(delivery.scheduledFor) };
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
