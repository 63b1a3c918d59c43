import { type APIEmbed, AttachmentBuilder, type BaseMessageOptions } from "discord.js";
import type { ChartRenderer, RenderSize } from "../services/charts/renderer.js";
import { footerText } from "../services/charts/text.js";
import type { ChartSpec } from "../services/charts/types.js";
import type { Locale } from "../services/format/locale.js";
import type { Universe } from "../services/stats/types.js";
import { DISCORD_LIMITS, safeText } from "./discord-text.js";

/** Brand colour of the embeds (Hugging Face yellow). */
export const EMBED_COLOR = 0xffd21e;

/** Nobody is pinged by anything we send: Hub names are untrusted text (`@everyone`, `<@&role>`). */
export const NO_MENTIONS = { parse: [] } as const satisfies BaseMessageOptions["allowedMentions"];

export interface ChartAnswerInput {
  title: string;
  /** Plain text (a summary); escaped for Discord markdown here. */
  text: string;
  /** Extra lines that are already Discord markdown (built from escaped parts). */
  markdown?: string;
  spec: ChartSpec;
  /** File name of the attachment, without extension; the embed references it. */
  fileStem: string;
  source: { asOf: string; coverage: number; universe: Universe };
  locale: Locale;
  /** A note for the footer, e.g. that the data is stale. */
  footerNote?: string;
  url?: string;
}

/** An embed with the chart attached and referenced as its image, plus the summary and footer. */
export async function chartAnswer(
  input: ChartAnswerInput,
  deps: { renderer: ChartRenderer; size: RenderSize },
): Promise<BaseMessageOptions> {
  const png = await deps.renderer.render(input.spec, deps.size);
  const fileName = `${input.fileStem.replace(/[^a-z0-9-]+/gi, "-").slice(0, 60) || "chart"}.png`;
  return {
    embeds: [textEmbed(input, { image: { url: `attachment://${fileName}` } })],
    files: [new AttachmentBuilder(png, { name: fileName })],
    allowedMentions: NO_MENTIONS,
  };
}

/** The embed of an answer, without a chart. */
export function textEmbed(
  input: Omit<ChartAnswerInput, "spec" | "fileStem">,
  extra: Partial<APIEmbed> = {},
): APIEmbed {
  const description = [safeText(input.text, DISCORD_LIMITS.embedDescription - 1000), input.markdown]
    .filter((part) => part !== undefined && part !== "")
    .join("\n\n");
  const footer = [footerText(input.source, input.locale), input.footerNote].filter(Boolean).join(" · ");
  return {
    title: safeText(input.title, DISCORD_LIMITS.embedTitle),
    description: description.slice(0, DISCORD_LIMITS.embedDescription),
    color: EMBED_COLOR,
    footer: { text: footer.slice(0, DISCORD_LIMITS.embedFooter) },
    timestamp: new Date(input.source.asOf).toISOString(),
    ...(input.url === undefined ? {} : { url: input.url }),
    ...extra,
  };
}
