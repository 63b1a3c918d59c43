import type {
  APIEmbed,
  RESTPostAPIChannelMessageJSONBody,
  RESTPostAPIGuildForumThreadsJSONBody,
} from "discord.js";
import type { ChartRenderer, RenderSize } from "../services/charts/renderer.js";
import { footerText } from "../services/charts/text.js";
import { type ComposedDigest, composeDigest, digestStatsQuery } from "../services/digests/compose-digest.js";
import type { Digest } from "../services/digests/digest-store.js";
import type { CollectionStatus } from "../services/snapshots/collection-schedule.js";
import type { TrendsService } from "../services/snapshots/trends-service.js";
import { type Answer, type AnswerFile, answerEmbed, chartFileName, pngFile } from "./answers.js";
import { DISCORD_LIMITS, safeText } from "./discord-text.js";
import { THREAD_NAME_MAX, threadName } from "./forum-posts.js";
import { alertMentions } from "./watch-message.js";

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

/**
 * Composes (pure) and renders a digest. Digests due in the same minute mostly share a region and
 * language, so they share a chart: `renderer` is the bot's shared renderer, which draws equal specs
 * once per snapshot (a thousand digests cost a handful of renders, about 20 ms of CPU each).
 */
export function createDigestMessages(deps: {
  trends: TrendsService;
  collection: CollectionStatus;
  renderer: ChartRenderer;
  size: RenderSize;
  clock: () => Date;
}): DigestMessages {
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
        hub: {
          failing,
          lastSuccessAt: failing ? deps.collection.lastSuccessAt() : null,
          failure: deps.collection.lastFailureKind(),
        },
      });
      const png = await deps.renderer.render(composed.spec, deps.size);
      const fileName = chartFileName(composed.fileStem);
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
export function digestAnswer(rendered: RenderedDigest): Answer {
  return { embeds: [rendered.embed], files: [pngFile(rendered.fileName, rendered.png)] };
}

/**
 * The digest as a channel post: the body of `POST /channels/{id}/messages` with the delivery's
 * nonce enforced (a repeat within Discord's window returns the first message instead of a second
 * one), no mentions but the digest's role, and the chart as `files[0]`.
 */
export function digestPost(
  rendered: RenderedDigest,
  nonce: string,
  roleId: string | null = null,
): { body: RESTPostAPIChannelMessageJSONBody; files: AnswerFile[] } {
  return {
    body: { ...digestMessage(rendered, roleId), nonce, enforce_nonce: true },
    files: [pngFile(rendered.fileName, rendered.png)],
  };
}

/**
 * The digest as a forum post (`POST /channels/{forum}/threads`): named by
 * {@link digestThreadName} (the title names the week, so each week's post has its own name), its
 * starter message the channel post without the nonce (thread
 * creation takes none), the chart as `files[0]`.
 */
export function digestForumPost(
  rendered: RenderedDigest,
  digest: Pick<Digest, "id" | "roleId">,
): { body: RESTPostAPIGuildForumThreadsJSONBody; files: AnswerFile[] } {
  return {
    body: {
      name: digestThreadName(rendered.composed.title, digest.id),
      message: digestMessage(rendered, digest.roleId),
    },
    files: [pngFile(rendered.fileName, rendered.png)],
  };
}

/**
 * A week's forum post name: the digest's title for that week, then its id, so that two digests
 * of one scope and language in one forum do not share a name (crash recovery finds a post by
 * its name). The title is cut, never the id, to keep within Discord's limit.
 */
export function digestThreadName(title: string, digestId: number): string {
  const suffix = ` · #${digestId}`;
  return `${threadName(title, THREAD_NAME_MAX - suffix.length)}${suffix}`;
}

function digestMessage(rendered: RenderedDigest, roleId: string | null): RESTPostAPIChannelMessageJSONBody {
  return {
    // The digest's role, when it has one, is the only mention the post may make.
    ...(roleId === null ? {} : { content: `<@&${roleId}>` }),
    embeds: [rendered.embed],
    attachments: [{ id: "0", filename: rendered.fileName }],
    allowed_mentions: alertMentions(roleId),
  };
}
