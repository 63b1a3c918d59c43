import type { Logger } from "pino";
import {
  DEFAULT_RETRY_POLICY,
  decideRetry,
  describeError,
  type ErrorDisposition,
  type RetryPolicy,
  statusAndMessage,
} from "../digests/delivery-attempt.js";
import type { Alert } from "./alert-log.js";
import type { Watch } from "./watch-settings.js";
import type { WatchStore } from "./watch-store.js";

/** What the Discord layer gets to post one alert, the same on every attempt. */
export interface AlertRequest {
  alert: Alert;
  /** Send as Discord's `nonce` with `enforce_nonce: true`. */
  nonce: string;
}

/** Posts an alert; resolves with the message's id. Must settle (time out) on its own. */
export type DeliverAlert = (watch: Watch, request: AlertRequest) => Promise<{ messageId: string }>;

/** Looks for a post of this alert by the bot (its footer key); its id or null. */
export type FindExistingAlert = (watch: Watch, request: AlertRequest) => Promise<string | null>;

/** How one attempt at an alert ended. */
export type AlertOutcome = "posted" | "recovered" | "retrying" | "paused";

/** Dependencies of {@link createAlertAttempt}. */
export interface AlertAttemptDeps {
  store: WatchStore;
  clock: () => Date;
  logger: Logger;
  deliver: DeliverAlert;
  findExisting: FindExistingAlert;
  classifyError: (error: unknown) => ErrorDisposition;
  /** The digests' policy (1, 5, 15, 30, 60 … minutes; 8 attempts) unless given. */
  retry?: RetryPolicy;
}

/**
 * One attempt at a claimed alert, by the digest delivery's rules (src/services/digests/README.md):
 * an attempt after an earlier one, whose outcome is unknown, looks for the post first; a post
 * goes with the claim's nonce; a refusal (channel gone, access lost) pauses the watch with the
 * reason; a transient failure is retried with the same back-off, and the watch is paused once the
 * policy's attempts have all failed. Alerts have no grace window: a late alert is still news.
 * Store errors after a post propagate, leaving the claim for the recovery to find the post.
 */
export function createAlertAttempt(deps: AlertAttemptDeps) {
  const { store, clock, logger, deliver, findExisting } = deps;
  const retry = deps.retry ?? DEFAULT_RETRY_POLICY;

  async function recordFailure(watch: Watch, alert: Alert, error: unknown): Promise<AlertOutcome> {
    const message = describeError(error);
    const context = {
      watchId: watch.id,
      guildId: watch.guildId,
      modelId: alert.modelId,
      kind: alert.kind,
      err: error,
    };
    await store.recordError(watch.id, message);
    let disposition: ErrorDisposition;
    try {
      disposition = deps.classifyError(error);
    } catch {
      disposition = "retry";
    }
    if (disposition === "pause") {
      await store.markFailed(alert, message, clock());
      await store.pause(watch.id, message);
      logger.warn(context, "watch paused: its channel refuses posts");
      return "paused";
    }
    const now = clock();
    const decision = decideRetry(retry, alert.attempts, now, null);
    if (decision.kind === "retry") {
      await store.markFailed(alert, message, decision.at);
      logger.warn({ ...context, nextAttemptAt: decision.at }, "watch alert failed; will retry");
      return "retrying";
    }
    const reason = `Discord failed ${alert.attempts} attempts in a row (last: ${statusAndMessage(error)})`;
    await store.markFailed(alert, message, now);
    await store.pause(watch.id, reason);
    logger.error({ ...context, reason }, "watch paused: Discord kept failing its posts");
    return "paused";
  }

  return async (watch: Watch, alert: Alert): Promise<{ outcome: AlertOutcome; messageId: string | null }> => {
    if (alert.nonce === null)
      throw new Error(`Claimed alert of watch ${watch.id} for ${alert.modelId} has no nonce`);
    const request: AlertRequest = { alert, nonce: alert.nonce };
    let posted: { messageId: string; outcome: "posted" | "recovered" };
    try {
      const existing = alert.attempts > 1 ? await findExisting(watch, request) : null;
      posted =
        existing !== null
          ? { messageId: existing, outcome: "recovered" }
          : { messageId: (await deliver(watch, request)).messageId, outcome: "posted" };
    } catch (error) {
      return { outcome: await recordFailure(watch, alert, error), messageId: null };
    }
    await store.markPosted(alert, posted.messageId);
    await store.recordAlert(watch.id, clock());
    logger.info(
      {
        watchId: watch.id,
        guildId: watch.guildId,
        modelId: alert.modelId,
        kind: alert.kind,
        messageId: posted.messageId,
      },
      posted.outcome === "posted" ? "watch alert posted" : "watch alert found already posted; recorded it",
    );
    return posted;
  };
}

export type AttemptAlert = ReturnType<typeof createAlertAttempt>;
