import { type APIInteraction, InteractionResponseType, InteractionType, type REST } from "discord.js";
import type { Logger } from "pino";
import type { InteractionRouter } from "../router.js";
import { createHttpResponder } from "./http-responder.js";
import type { HttpHandler, HttpReply } from "./http-server.js";
import type { SignatureVerifier } from "./signature.js";

const JSON_HEADERS = { "Content-Type": "application/json" };

/**
 * `POST /interactions`, Discord's Interactions Endpoint URL. The signature is checked before
 * anything else reads the body: a request that fails it gets 401 and nothing else happens (Discord
 * sends such requests on purpose when the URL is saved, and drops a URL that accepts them). PING
 * gets PONG; every other interaction goes to the same router as over the gateway, whose first
 * response becomes the HTTP response (see http-responder.ts).
 */
export function interactionsEndpoint(deps: {
  verify: SignatureVerifier;
  router: InteractionRouter;
  rest: REST;
  logger: Logger;
  /** Told of every interaction under way, so that stopping can wait for them. */
  track: (handled: Promise<void>) => void;
}): HttpHandler {
  const { verify, router, rest, logger } = deps;
  return async (req, body, reply) => {
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const verdict = verify(header("x-signature-ed25519"), header("x-signature-timestamp"), body);
    if (verdict !== "ok") {
      logger.debug({ verdict }, "refused an interaction request whose signature does not hold");
      await reply({ status: 401, headers: JSON_HEADERS, body: '{"message":"invalid request signature"}' });
      return;
    }
    let interaction: APIInteraction;
    try {
      interaction = JSON.parse(body.toString("utf8")) as APIInteraction;
    } catch {
      await reply({ status: 400, headers: JSON_HEADERS, body: '{"message":"invalid JSON"}' });
      return;
    }
    if (interaction.type === InteractionType.Ping) {
      await reply(jsonReply(200, { type: InteractionResponseType.Pong }));
      return;
    }
    const http = createHttpResponder(rest, interaction, (status, response) =>
      reply(status === 202 ? { status } : jsonReply(status, response)),
    );
    const handled = router.handle(interaction, http.responder).catch((error: unknown) => {
      logger.error({ err: error }, "interaction handler failed");
    });
    deps.track(handled);
    await handled;
    // An interaction no command handles (or one already answered here): say so rather than hang.
    if (!http.answered())
      await reply({ status: 400, headers: JSON_HEADERS, body: '{"message":"not handled"}' });
  };
}

function jsonReply(status: number, body: unknown): HttpReply {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(body) };
}
