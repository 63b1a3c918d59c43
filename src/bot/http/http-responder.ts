import type { APIInteraction, REST } from "discord.js";
import { createRestResponder, type Responder } from "../responder.js";

/** Writes the HTTP response Discord is waiting for: a status and, unless it is 202, a JSON body. */
export type AnswerHttp = (status: 200 | 202, body?: unknown) => Promise<void>;

/**
 * The responder of an interaction that arrived at the Interactions Endpoint URL. Its first response
 * is the body of the HTTP response (no extra round trip), except when it carries files: Discord
 * documents the inline response as JSON only, and says that an interaction answered through the
 * callback endpoint is acknowledged with "202 and no body" (docs/interactions/receiving-and-responding.mdx,
 * "Interaction Callback"). So a first response with a chart goes through REST as a multipart
 * callback, in one step like over the gateway, and the HTTP request then gets its 202. Edits and
 * follow-ups go through REST as in gateway mode.
 */
export function createHttpResponder(
  rest: REST,
  interaction: Pick<APIInteraction, "id" | "token" | "application_id">,
  answer: AnswerHttp,
): { responder: Responder; answered(): boolean } {
  const viaRest = createRestResponder(rest, interaction);
  let answered = false;
  return {
    answered: () => answered,
    responder: {
      async respond(response, files) {
        if (answered) throw new Error("the interaction was already answered");
        answered = true;
        if (files !== undefined && files.length > 0) {
          try {
            await viaRest.respond(response, files);
          } catch (error) {
            // Not acknowledged: the error path may still answer in the HTTP response.
            answered = false;
            throw error;
          }
          await answer(202);
          return;
        }
        await answer(200, response);
      },
      editOriginal: (body, files) => viaRest.editOriginal(body, files),
      followUp: (body, files) => viaRest.followUp(body, files),
    },
  };
}
