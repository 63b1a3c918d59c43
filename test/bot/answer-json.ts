import { expect } from "vitest";
import type { FakeDiscord } from "../fakes/discord/index.js";

/** The embeds of an answer's JSON body. */
export function embedsOf(json: unknown): {
  title?: string;
  description?: string;
  url?: string;
  image?: { url: string };
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}[] {
  expect(json).toHaveProperty("embeds");
  return (json as { embeds: [] }).embeds;
}

/** The text content of an answer's JSON body. */
export function contentOf(json: unknown): string {
  return (json as { content?: string }).content ?? "";
}

/** Whether the answer is ephemeral (flag 64). */
export function isEphemeral(json: unknown): boolean {
  return (((json as { flags?: number }).flags ?? 0) & 64) === 64;
}

/** Every piece of text of an answer, for checks that must hold everywhere (mentions, escaping). */
export function allText(json: unknown): string {
  return JSON.stringify(json);
}

/** `allowed_mentions` of an answer's JSON body. */
export function allowedMentionsOf(json: unknown): unknown {
  return (json as { allowed_mentions?: unknown }).allowed_mentions;
}

/**
 * Whether an interaction's first callback was ephemeral (flag 64): then the whole answer is, deferred
 * or not, though a deferred answer's edit carries no flags of its own.
 */
export function ackIsEphemeral(
  bot: { discord: Pick<FakeDiscord, "firstResponse"> },
  interactionId: string,
): boolean {
  const callback = bot.discord.firstResponse(interactionId);
  const data = (callback?.json as { data?: { flags?: number } } | undefined)?.data;
  return ((data?.flags ?? 0) & 64) === 64;
}
