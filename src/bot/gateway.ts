import { type APIInteraction, type Client, GatewayDispatchEvents } from "discord.js";
import type { Logger } from "pino";
import { createRestResponder } from "./responder.js";
import type { InteractionRouter } from "./router.js";

/**
 * Serves the interactions that arrive over the gateway: the raw `INTERACTION_CREATE` payload goes
 * to the router, and the answers go through REST (the client's own REST manager). discord.js's
 * WebSocketManager emits every dispatch by name with its raw data before building its objects, so
 * the router never sees a discord.js `Interaction`: the same router serves the HTTP endpoint.
 */
export function serveGatewayInteractions(
  client: Client,
  router: InteractionRouter,
  logger: Logger,
  /** Told of every answer under way, so that stopping can wait for them. */
  track: (handled: Promise<void>) => void = () => undefined,
): void {
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: APIInteraction) => {
    track(
      router
        .handle(data, createRestResponder(client.rest, data))
        .catch((error: unknown) => logger.error({ err: error }, "interaction handler failed")),
    );
  });
}
