import { escapeMarkdown } from "discord.js";
import { ellipsize } from "../services/format/numbers.js";

/** Discord's documented limits that our messages must stay within. */
export const DISCORD_LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedTotal: 6000,
  content: 2000,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
} as const;

/**
 * Hub names are untrusted text: escape Discord markdown and neutralise mention syntax, then cut to
 * `max` characters. Escaping can lengthen text, so the cut comes after it, never splitting an
 * escape sequence (a trailing lone backslash is dropped).
 */
export function safeText(text: string, max: number): string {
  const escaped = escapeMarkdown(text)
    .replace(/@(everyone|here)/g, "@\u200b$1")
    .replace(/<([@#])/g, "<\u200b$1");
  const cut = ellipsize(escaped, max);
  return cut.endsWith("\\…") ? `${cut.slice(0, -2)}…` : cut;
}

/** The choice label for autocomplete: plain text (not rendered as markdown), within 1..100 chars. */
export function choiceName(text: string): string {
  const cut = ellipsize(text.replace(/\s+/g, " ").trim(), DISCORD_LIMITS.choiceName);
  return cut.length > 0 ? cut : "?";
}
