import {
  type APIEmbed,
  AttachmentBuilder,
  type BaseMessageOptions,
  type RESTPostAPIChannelMessageJSONBody,
} from "discord.js";
import type { ChartRenderer, RenderSize } from "../services/charts/renderer.js";
import { footerText } from "../services/charts/text.js";
import {
  type ComposedDigest,
  composeDigest,
  digestChartKey,
  digestStatsQuery,
} from "../services/digests/compose-digest.js";
import type { Digest } from "../services/digests/digest-store.js";
import type { CollectionStatus } from "../services/snapshots/collection-schedule.js";
import type { TrendsService } from "../services/snapshots/trends-service.js";
import { answerEmbed, NO_MENTIONS } from "./answers.js";
import { DISCORD_LIMITS, safeText } from "./discord-text.js";

/** A digest ready to send: its embed and the chart it shows. */
export interface RenderedDigest {
  composed: ComposedDigest;
  embed: APIEmbed;
  fileName: string;
  png: Buffer;
}

/** Builds digest posts from the newest snapshot: for the scheduler, send-now and preview alike. */
export interface DigestMessages {
  /** @throws {NoDataError} when nothing is stored and the Hub cannot be read. */
  render(
    digest: Pick<Digest, "id" | "region" | "language" | "by" | "cohort">,
    period: string,
  ): Promise<RenderedDigest>;
}

/** Charts kept: one per region and language of the current snapshot is all a posting minute needs. */
const MAX_CACHED_CHARTS = 16;

/**
 * Composes (pure) and renders a digest. Digests due in the same minute mostly share a region and
 * language, so the chart of one snapshot is rendered once and reused: a thousand digests then
 * cost a handful of renders, not a thousand (about 20 ms of CPU each).
 */
export function createDigestMessages(deps: {
  trends: TrendsService;
  collection: CollectionStatus;
  renderer: ChartRenderer;
  size: RenderSize;
  clock: () => Date;
}): DigestMessages {
  const charts = new Map<string, Promise<Buffer>>();

  function chart(key: string, composed: ComposedDigest): Promise<Buffer> {
    const cached = charts.get(key);
    if (cached !== undefined) return cached;
    const rendering = deps.renderer.render(composed.spec, deps.size);
    charts.set(key, rendering);
    rendering.catch(() => charts.delete(key));
    for (const old of charts.keys()) {
      if (charts.size <= MAX_CACHED_CHARTS) break;
      charts.delete(old);
    }
    return rendering;
  }

  return {
    async render(digest, period) {
      const { stats } = await deps.trends.stats(digestStatsQuery(digest));
      const failing = deps.collection.lastError() !== null;
      const composed = composeDigest({
        digestId: digest.id,
        stats,
        locale: digest.language,
        period,
        now: deps.clock(),
        hub: { failing, lastSuccessAt: failing ? deps.collection.lastSuccessAt() : null },
      });
      const png = await chart(digestChartKey(digest, stats.asOf), composed);
      const fileName = `${composed.fileStem.replace(/[^a-z0-9-]+/gi, "-").slice(0, 60)}.png`;
      return { composed, embed: digestEmbed(composed, fileName), fileName, png };
    },
  };
}

/** The embed: title, escaped summary, the chart, and a footer that starts with the digest's key. */
function digestEmbed(composed: ComposedDigest, fileName: string): APIEmbed {
  const { locale, source } = composed;
  // The key goes first so that no cut of a long footer can lose it.
  const footer = `${composed.marker} · ${footerText(source, locale)}`;
  return {
    ...answerEmbed({
      title: composed.title,
      description: safeText(composed.text, DISCORD_LIMITS.embedDescription),
      footer,
      timestamp: source.asOf,
    }),
    image: { url: `attachment://${fileName}` },
  };
}

/** The digest as an interaction answer (`/digest preview`). */
export function digestAnswer(rendered: RenderedDigest): BaseMessageOptions {
  return {
    embeds: [rendered.embed],
    files: [new AttachmentBuilder(rendered.png, { name: rendered.fileName })],
    allowedMentions: NO_MENTIONS,
  };
}

/** A file part of a REST request, as `@discordjs/rest` takes it. */
export interface DigestFile {
  name: string;
  data: Buffer;
  contentType: string;
}

/**
 * The digest as a channel post: the body of `POST /channels/{id}/messages` with the delivery's
 * nonce enforced (a repeat within Discord's window returns the first message instead of a second
 * one), no mentions, and the chart as `files[0]`.
 */
export function digestPost(
  rendered: RenderedDigest,
  nonce: string,
): { body: RESTPostAPIChannelMessageJSONBody; files: DigestFile[] } {
  return {
    body: {
      embeds: [rendered.embed],
      attachments: [{ id: "0", filename: rendered.fileName }],
      allowed_mentions: { parse: [] },
      nonce,
      enforce_nonce: true,
    },
    files: [{ name: rendered.fileName, data: rendered.png, contentType: "image/png" }],
  };
}
