import type { APIAllowedMentions, APIEmbed, APIEmbedField } from "discord.js";
import type { Locale, Translator } from "../locales/index.js";
import type { ChartRenderer, RenderSize } from "../services/charts/renderer.js";
import { liveFooter } from "../services/charts/specs/ranking.js";
import { footerText } from "../services/charts/text.js";
import type { ChartSpec } from "../services/charts/types.js";
import type { SnapshotSource } from "../services/snapshots/profiles.js";
import { DISCORD_LIMITS, safeText } from "./discord-text.js";

/**
 * Building blocks of every answer and post: an embed kept within Discord's limits, optionally
 * with a chart attached. Callers escape Hub names (`safeText`) in the markdown they pass; the title
 * is plain text and escaped here.
 */

/** Brand colour of the embeds (Hugging Face yellow). */
export const EMBED_COLOR = 0xffd21e;

/** Nobody is pinged by anything we send: Hub names are untrusted text (`@everyone`, `<@&role>`). */
export const NO_MENTIONS: APIAllowedMentions = Object.freeze({ parse: [] });

/** A file sent with an answer (a chart's PNG). */
export interface AnswerFile {
  name: string;
  data: Buffer;
  contentType: string;
}

/**
 * What a command answers: text, embeds and files. Plain data, not a discord.js object, so that the
 * router can send it however the interaction arrived; nobody is ever pinged by it.
 */
export interface Answer {
  content?: string;
  embeds?: APIEmbed[];
  files?: AnswerFile[];
}

export interface AnswerEmbedInput {
  /** Plain text. */
  title: string;
  /** Discord markdown, with every untrusted part already escaped. */
  description: string;
  fields?: APIEmbedField[];
  /** Plain text (footers do not render markdown). */
  footer: string;
  /** ISO time the figures are from. */
  timestamp: string;
  url?: string;
}

export function answerEmbed(input: AnswerEmbedInput): APIEmbed {
  const fields = (input.fields ?? []).slice(0, 25).map((field) => ({
    name: field.name.slice(0, DISCORD_LIMITS.embedFieldName),
    value: field.value.slice(0, DISCORD_LIMITS.embedFieldValue),
    ...(field.inline === undefined ? {} : { inline: field.inline }),
  }));
  const title = safeText(input.title, DISCORD_LIMITS.embedTitle);
  const footer = input.footer.slice(0, DISCORD_LIMITS.embedFooter);
  const used = title.length + footer.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  // All embeds of a message share 6,000 characters: the description gives way first.
  const room = Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - used);
  const description = input.description.slice(0, Math.max(0, room));
  return {
    title,
    // Discord refuses an empty description: leave it out instead.
    ...(description === "" ? {} : { description }),
    color: EMBED_COLOR,
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: footer },
    timestamp: new Date(input.timestamp).toISOString(),
    ...(input.url === undefined ? {} : { url: input.url }),
  };
}

/** The footer of an answer from a snapshot, plus a note (e.g. that collection is failing). */
export function snapshotFooter(source: SnapshotSource, locale: Locale, note?: string): string {
  return [footerText(source, locale), note].filter(Boolean).join(" · ");
}

const HOUR_MS = 3_600_000;

/** "3 h" / "2 d": how old data is, for footers. */
export function formatAge(ms: number, t: Translator): string {
  if (ms < HOUR_MS) return t("age.minutes", { count: Math.max(1, Math.round(ms / 60_000)) });
  if (ms < 48 * HOUR_MS) return t("age.hours", { count: Math.round(ms / HOUR_MS) });
  return t("age.days", { count: Math.round(ms / (24 * HOUR_MS)) });
}

/** The footer of an answer read live from the Hub; says how old it is when the Hub failed since. */
export function liveAnswerFooter(
  fetched: { fetchedAt: Date; stale: boolean; ageMs: number },
  t: Translator,
): string {
  const base = liveFooter(fetched.fetchedAt.toISOString(), t.locale);
  if (!fetched.stale) return base;
  return `${base} · ${t("data.live-stale", { age: formatAge(fetched.ageMs, t) })}`;
}

/** An answer of one embed. */
export function embedMessage(embed: APIEmbed): Answer {
  return { embeds: [embed] };
}

/**
 * The file name of a chart: letters, digits and dashes of `stem`, at most 60 of them. Hub names go
 * into stems, and Discord refers to the file by this name (`attachment://…`) from the embed.
 */
export function chartFileName(stem: string): string {
  return `${stem.replace(/[^a-z0-9-]+/gi, "-").slice(0, 60) || "chart"}.png`;
}

/** A PNG chart as a file to attach. */
export function pngFile(name: string, data: Buffer): AnswerFile {
  return { name, data, contentType: "image/png" };
}

/** An answer of one embed showing `spec` as its image (rendered here, attached as a PNG). */
export async function chartMessage(
  embed: APIEmbed,
  chart: { spec: ChartSpec; fileStem: string },
  deps: { renderer: ChartRenderer; chartSize: RenderSize },
): Promise<Answer> {
  const png = await deps.renderer.render(chart.spec, deps.chartSize);
  const fileName = chartFileName(chart.fileStem);
  return {
    embeds: [{ ...embed, image: { url: `attachment://${fileName}` } }],
    files: [pngFile(fileName, png)],
  };
}

/** `https://huggingface.co/<id>` (datasets under `/datasets/`), each part of the id URL-encoded. */
export function hubUrlOf(id: string, kind: "models" | "datasets" = "models"): string {
  const path = id.split("/").map(encodeURIComponent).join("/");
  return `https://huggingface.co/${kind === "datasets" ? "datasets/" : ""}${path}`;
}

/** A masked link to a repo, its text escaped: `[Qwen/Qwen3-8B](https://huggingface.co/Qwen/Qwen3-8B)`. */
export function repoLink(id: string, kind: "models" | "datasets" = "models", max = 80): string {
  return `[${safeText(id, max)}](${hubUrlOf(id, kind)})`;
}
