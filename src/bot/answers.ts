import {
  type APIEmbed,
  type APIEmbedField,
  AttachmentBuilder,
  type BaseMessageOptions,
  type ChatInputCommandInteraction,
} from "discord.js";
import type { ChartRenderer, RenderSize } from "../services/charts/renderer.js";
import { liveFooter } from "../services/charts/specs/ranking.js";
import { footerText } from "../services/charts/text.js";
import type { ChartSpec } from "../services/charts/types.js";
import type { Locale } from "../services/format/locale.js";
import type { SnapshotSource } from "../services/snapshots/profiles.js";
import { formatAge } from "./data-notes.js";
import { DISCORD_LIMITS, safeText } from "./discord-text.js";

/**
 * Building blocks of every answer and post: an embed kept within Discord's limits, optionally
 * with a chart attached. Callers escape Hub names (`safeText`) in the markdown they pass; the title
 * is plain text and escaped here.
 */

/** Brand colour of the embeds (Hugging Face yellow). */
export const EMBED_COLOR = 0xffd21e;

/** Nobody is pinged by anything we send: Hub names are untrusted text (`@everyone`, `<@&role>`). */
export const NO_MENTIONS = { parse: [] } as const satisfies BaseMessageOptions["allowedMentions"];
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

/** The footer of an answer read live from the Hub; says how old it is when the Hub failed since. */
export function liveAnswerFooter(
  fetched: { fetchedAt: Date; stale: boolean; ageMs: number },
  locale: Locale,
): string {
  const base = liveFooter(fetched.fetchedAt.toISOString(), locale);
  if (!fetched.stale) return base;
  const age = formatAge(fetched.ageMs);
  const note =
    locale === "zh-CN"
      ? `数据已有 ${age}：暂时无法连接 Hub`
      : `list is ${age} old: the Hub could not be reached`;
  return `${base} · ${note}`;
}

/** An answer of one embed; nobody is pinged by anything in it. */
export function embedMessage(embed: APIEmbed): BaseMessageOptions {
  return { embeds: [embed], allowedMentions: NO_MENTIONS };
}

/** An answer of one embed showing `spec` as its image (rendered here, attached as a PNG). */
export async function chartMessage(
  embed: APIEmbed,
  chart: { spec: ChartSpec; fileStem: string },
  deps: { renderer: ChartRenderer; size: RenderSize },
): Promise<BaseMessageOptions> {
  const png = await deps.renderer.render(chart.spec, deps.size);
  const fileName = `${chart.fileStem.replace(/[^a-z0-9-]+/gi, "-").slice(0, 60) || "chart"}.png`;
  return {
    embeds: [{ ...embed, image: { url: `attachment://${fileName}` } }],
    files: [new AttachmentBuilder(png, { name: fileName })],
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * How long an answer may take before we acknowledge with a deferral instead. Well inside Discord's
 * 3 s, leaving room for the upload of the chart with the first reply.
 */
export const QUICK_ANSWER_MS = 1000;

/**
 * Answers in one step when `work` is done within `budgetMs` (cached stats and chart: the usual
 * case), which saves a round trip and a request per interaction; otherwise defers, so Discord's
 * 3-second window is kept, and edits the answer in when it is ready. Errors reach the central
 * handler either way, which knows from the interaction's state how to answer.
 */
export async function replyQuicklyOrDefer(
  interaction: ChatInputCommandInteraction,
  work: Promise<BaseMessageOptions>,
  budgetMs = QUICK_ANSWER_MS,
): Promise<void> {
  // Observed now, so a failure while we defer is not an unhandled rejection; awaited below.
  work.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), budgetMs);
  });
  const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
  if (first !== "late") {
    await interaction.reply(first);
    return;
  }
  await interaction.deferReply();
  await interaction.editReply(await work);
}

/** Edits the deferred answer into `embed` with `chart` rendered and attached. */
export async function editReplyWithChart(
  interaction: ChatInputCommandInteraction,
  embed: APIEmbed,
  chart: { spec: ChartSpec; fileStem: string },
  deps: { renderer: ChartRenderer; chartSize: RenderSize },
): Promise<void> {
  await interaction.editReply(
    await chartMessage(embed, chart, { renderer: deps.renderer, size: deps.chartSize }),
  );
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
