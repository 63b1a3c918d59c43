import { botToken } from "./ids.js";

/** How a token presented to the fake fares. */
export type TokenCheck = "valid" | "revoked" | "wrong";

/**
 * The bot token Discord accepts now. Resetting it in the developer portal (or Discord revoking a
 * leaked one) makes the old token fail everywhere at once: REST answers 401, and the gateway closes
 * IDENTIFY and RESUME with 4004 Authentication failed.
 */
export class BotCredentials {
  private current: string;
  private readonly revoked = new Set<string>();

  constructor(
    token: string,
    private readonly botUserId: string,
  ) {
    this.current = token;
  }

  get token(): string {
    return this.current;
  }

  /** `revoked` for a token that was valid once: the bot is not wrong to have it, only late. */
  check(token: unknown): TokenCheck {
    if (token === this.current) return "valid";
    return typeof token === "string" && this.revoked.has(token) ? "revoked" : "wrong";
  }

  /** Revokes the current token and issues a new one (which the bot does not have). */
  reset(): string {
    this.revoked.add(this.current);
    this.current = botToken(this.botUserId);
    return this.current;
  }
}
