import { randomBytes } from "node:crypto";
import {
  type APIInteractionResponseCallbackData,
  InteractionResponseType,
  MessageFlags,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import { render, type Translator } from "../locales/index.js";
import { StorageUnavailableError } from "../services/storage/errors.js";
import { type Answer, NO_MENTIONS } from "./answers.js";
import type { Responder } from "./responder.js";
import { UserFacingError } from "./user-facing-error.js";

/** Who sees an answer. Refusals and errors are always ephemeral. */
export type Visibility = "public" | "ephemeral";

/**
 * How long an answer may take before the interaction is acknowledged with a deferral instead.
 * Well inside Discord's 3 s, leaving room for the upload of a chart with the first reply.
 */
export const QUICK_ANSWER_MS = 1000;

/**
 * The one reply path of an interaction: answers in one step when the answer is ready within the
 * budget (cached stats and chart: the usual case), which saves a round trip per interaction;
 * otherwise defers, so Discord's 3-second window is kept, and edits the answer in. It knows what
 * has been sent, so the one error path (`fail`) answers the right way: a reply, an edit of the
 * deferral, or a follow-up.
 */
export interface ReplyPath {
  defer(visibility: Visibility): Promise<void>;
  /** Sends the answer: the first response if nothing went out yet, else an edit of the deferral. */
  send(answer: Answer, visibility: Visibility): Promise<void>;
  /** Sends `work`'s answer in one step if it is ready by `deadline` (epoch ms), else defers and edits. */
  sendWhenReady(work: Promise<Answer>, visibility: Visibility, deadline: number): Promise<void>;
  /**
   * Waits for `work` (a check that reads the database, say) until `deadline`; if it is not done
   * by then, defers, so Discord's window is kept, and goes on waiting.
   */
  within<T>(work: Promise<T>, visibility: Visibility, deadline: number): Promise<T>;
  /** Tells the user what went wrong, in their language; returns the outcome to log. Never rejects. */
  fail(error: unknown): Promise<string>;
}

export function createReplyPath(deps: {
  responder: Responder;
  t: Translator;
  logger: Logger;
  /** For the logs of failures. */
  command: string;
  clock: () => Date;
}): ReplyPath {
  const { responder, logger } = deps;
  let state: "none" | "deferred" | "replied" = "none";

  const flags = (visibility: Visibility) =>
    visibility === "ephemeral" ? { flags: MessageFlags.Ephemeral } : {};

  async function defer(visibility: Visibility): Promise<void> {
    await responder.respond({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: flags(visibility),
    });
    state = "deferred";
  }

  async function within<T>(work: Promise<T>, visibility: Visibility, deadline: number): Promise<T> {
    if (state !== "none") return work;
    // Observed now, so a failure while we defer is not an unhandled rejection; awaited below.
    work.catch(() => {});
    const first = await readyBy(work, deadline - deps.clock().getTime());
    if (first !== LATE) return first;
    await defer(visibility);
    return work;
  }

  async function send(answer: Answer, visibility: Visibility): Promise<void> {
    if (state === "none") {
      const data: APIInteractionResponseCallbackData = { ...messageBody(answer), ...flags(visibility) };
      await responder.respond({ type: InteractionResponseType.ChannelMessageWithSource, data }, answer.files);
      state = "replied";
      return;
    }
    // After a deferral the edit takes its visibility from it.
    await responder.editOriginal(messageBody(answer), answer.files);
    state = "replied";
  }

  return {
    defer,
    send,
    // Acknowledged already (a check had to wait): the answer can only be edited in.
    sendWhenReady: async (work, visibility, deadline) =>
      send(await within(work, visibility, deadline), visibility),
    within,
    async fail(error) {
      const { content, outcome } = errorAnswer(error, deps);
      try {
        if (state === "replied") {
          await responder.followUp({ content, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS });
        } else if (state === "deferred") {
          // An answer with a chart may have been under way: the edit clears embeds and files.
          await responder.editOriginal({
            content,
            embeds: [],
            attachments: [],
            allowed_mentions: NO_MENTIONS,
          });
        } else {
          await responder.respond({
            type: InteractionResponseType.ChannelMessageWithSource,
            data: { content, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
          });
        }
      } catch (replyError) {
        logger.error({ err: replyError, command: deps.command }, "could not deliver the error answer");
      }
      return outcome;
    },
  };
}

/**
 * What a user is told about a failure, and the outcome to log: an expected one's own message, the
 * store's refusal to keep a change, or an apology with an error id under which anything else is
 * logged.
 */
function errorAnswer(
  error: unknown,
  deps: { t: Translator; logger: Logger; command: string },
): { content: string; outcome: string } {
  if (error instanceof UserFacingError)
    return { content: render(deps.t.locale, error.text), outcome: error.code };
  if (error instanceof StorageUnavailableError) {
    // Not a bug to report with an id: the operator must act, and the user must know nothing was kept.
    deps.logger.error({ err: error, command: deps.command }, "command could not save its change");
    return { content: deps.t(`storage.${error.problem}`), outcome: `storage-${error.problem}` };
  }
  const errorId = randomBytes(4).toString("hex");
  deps.logger.error({ err: error, errorId, command: deps.command }, "command failed");
  return { content: deps.t("error.apology", { errorId }), outcome: "error" };
}

/** The body of a message (first response or edit): its files are `files[n]` of the multipart body. */
function messageBody(
  answer: Answer,
): APIInteractionResponseCallbackData & RESTPatchAPIWebhookWithTokenMessageJSONBody {
  return {
    ...(answer.content === undefined ? {} : { content: answer.content }),
    ...(answer.embeds === undefined ? {} : { embeds: answer.embeds }),
    ...(answer.files === undefined ? {} : { attachments: answer.files.map((_, i) => ({ id: String(i) })) }),
    allowed_mentions: NO_MENTIONS,
  };
}

const LATE = Symbol("late");

/** `work`'s value if it settles within `ms`, else LATE; rejects if `work` rejects in time. */
async function readyBy<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), Math.max(0, ms));
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
