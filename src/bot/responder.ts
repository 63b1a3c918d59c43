import {
  type APIInteraction,
  type APIInteractionResponse,
  type REST,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
  Routes,
} from "discord.js";
import type { AnswerFile } from "./answers.js";

/**
 * How answers reach Discord for one interaction, whichever way it arrived. Over the gateway the
 * first response is a REST callback; over the Interactions Endpoint URL it is the body of the HTTP
 * response Discord is waiting for. Later edits and follow-ups go through REST either way (the
 * interaction's token, no bot token). The router calls `respond` once, then the others. A
 * responder that cannot carry files in its first response may send a deferral with the same flags
 * instead and edit the message in: the router need not know.
 */
export interface Responder {
  /** The first response: a message, a deferral, autocomplete choices or a pong. */
  respond(response: APIInteractionResponse, files?: readonly AnswerFile[]): Promise<void>;
  /** Edits the first response's message (the answer after a deferral). */
  editOriginal(
    body: RESTPatchAPIWebhookWithTokenMessageJSONBody,
    files?: readonly AnswerFile[],
  ): Promise<void>;
  /** A further message in the interaction's channel (an error after the answer went out). */
  followUp(body: RESTPostAPIWebhookWithTokenJSONBody, files?: readonly AnswerFile[]): Promise<void>;
}

/**
 * A responder that sends everything through a REST client: `@discordjs/rest` (discord.js's own,
 * with its rate-limit queues and 429 retries) and the `Routes` of discord-api-types. Chosen over
 * `@discordjs/core`'s `http-only` API because these are its only three calls here and the REST
 * client is already in the process (discord.js's); core 2.x would also bring `@discordjs/ws` 2
 * next to discord.js's 1.x. The same responder serves gateway interactions and, in HTTP mode,
 * the edits after the first response.
 */
export function createRestResponder(
  rest: REST,
  interaction: Pick<APIInteraction, "id" | "token" | "application_id">,
): Responder {
  const { id, token, application_id: applicationId } = interaction;
  // Interaction callbacks and webhook calls carry no bot token: the interaction's token is the key.
  const options = (body: unknown, files: readonly AnswerFile[] | undefined) => ({
    body,
    auth: false,
    ...(files === undefined || files.length === 0 ? {} : { files: [...files] }),
  });
  return {
    async respond(response, files) {
      await rest.post(Routes.interactionCallback(id, token), options(response, files));
    },
    async editOriginal(body, files) {
      await rest.patch(Routes.webhookMessage(applicationId, token, "@original"), options(body, files));
    },
    async followUp(body, files) {
      await rest.post(Routes.webhook(applicationId, token), options(body, files));
    },
  };
}
