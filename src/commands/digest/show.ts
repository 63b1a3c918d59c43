import type { APIEmbedField } from "discord.js";
import { EMBED_COLOR } from "../../bot/answers.js";
import { defineSubcommand } from "../../bot/command.js";
import { DISCORD_LIMITS, safeText } from "../../bot/discord-text.js";
import type { Translator } from "../../locales/index.js";
import type { Digest, DigestStore } from "../../services/digests/digest-store.js";
import { MAX_DIGESTS_PER_GUILD } from "../../services/digests/digest-store.js";
import { upcomingPosts } from "../../services/digests/upcoming.js";
import { DIGEST_NEEDS } from "./options.js";
import { describeContent, describeMethod, describeSchedule, messageLink, postTime, stamp } from "./text.js";

/** Longest error text shown; a field holds 1,024 characters and there are up to five digests. */
const ERROR_TEXT_MAX = 300;

/** `/digest show`: every digest of the server, with its state, next post, last post and last error. */
export default defineSubcommand({
  name: "show",
  description: "digest.show.description",
  needs: DIGEST_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  async run({ services, guildId, t }) {
    const { store } = services.digests;
    const digests = await store.listByGuild(guildId);
    if (digests.length === 0) return { content: t("digest.show.none") };
    const now = services.clock();
    return {
      embeds: [
        {
          title: t("digest.show.title", { count: digests.length, max: MAX_DIGESTS_PER_GUILD }),
          color: EMBED_COLOR,
          fields: await Promise.all(
            digests.map((digest) => {
              const access = services.digests.access(guildId, digest.channelId);
              return digestField(digest, store, now, t, access.kind === "ok" && access.forum);
            }),
          ),
          footer: { text: t("digest.show.footer") },
        },
      ],
    };
  },
});

async function digestField(
  digest: Digest,
  store: DigestStore,
  now: Date,
  t: Translator,
  forum: boolean,
): Promise<APIEmbedField> {
  const lines = [
    `<#${digest.channelId}> · ${describeSchedule(digest, t)} · ${describeContent(digest, t)}`,
    describeMethod(digest, t),
  ];
  if (digest.pausedReason !== null) {
    lines.push(
      t("digest.show.paused", { id: digest.id, reason: safeText(digest.pausedReason, ERROR_TEXT_MAX) }),
    );
  } else if (!digest.enabled) {
    lines.push(t("digest.show.off", { id: digest.id }));
  } else {
    const [next] = await upcomingPosts(digest, now, 1, (period) => store.getDelivery(digest.id, period));
    lines.push(
      next === undefined ? t("digest.show.no-next") : t("digest.show.next", postTime(next.at, digest, t)),
    );
  }

  const posted = await store.lastPosted(digest.id);
  if (posted?.postedAt != null && posted.messageId !== null) {
    // A forum post is a thread of the forum whose id is its starter message's.
    const link = messageLink(digest.guildId, forum ? posted.messageId : digest.channelId, posted.messageId);
    lines.push(t("digest.show.last", { at: stamp(posted.postedAt, "f"), period: posted.period, link }));
  } else {
    lines.push(t("digest.show.no-last"));
  }

  const latest = await store.lastDelivery(digest.id);
  if (latest !== null && latest.status === "failed" && digest.pausedReason === null && latest.nextAttemptAt) {
    lines.push(t("digest.show.retrying", { period: latest.period, when: stamp(latest.nextAttemptAt, "R") }));
  } else if (latest !== null && latest.status === "skipped" && latest.period !== posted?.period) {
    const reason = latest.error === null ? t("digest.show.skipped") : safeText(latest.error, ERROR_TEXT_MAX);
    lines.push(t("digest.show.not-posted", { period: latest.period, reason }));
  }

  // An error older than the last post has been overcome; only a newer one is news.
  const errorIsNews =
    digest.lastError !== null &&
    digest.lastErrorAt !== null &&
    (posted?.postedAt == null || digest.lastErrorAt > posted.postedAt);
  if (errorIsNews && digest.lastErrorAt !== null && digest.lastError !== null) {
    lines.push(
      t("digest.show.last-error", {
        when: stamp(digest.lastErrorAt, "R"),
        error: safeText(digest.lastError, ERROR_TEXT_MAX),
      }),
    );
  }

  const status = digest.pausedReason !== null ? "paused" : digest.enabled ? "on" : "off";
  return {
    name: t("digest.show.field", { id: digest.id, status: t(`digest.status.${status}`) }),
    value: lines.join("\n").slice(0, DISCORD_LIMITS.embedFieldValue),
  };
}
