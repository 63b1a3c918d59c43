import { EMBED_COLOR } from "../../bot/answers.js";
import { defineSubcommand } from "../../bot/command.js";
import { DISCORD_LIMITS, safeText } from "../../bot/discord-text.js";
import { MAX_WATCHES_PER_GUILD } from "../../services/watches/watch-store.js";
import { describeFilters, WATCH_NEEDS } from "./options.js";

/** Longest error text shown per watch: 25 watches share one description of 4,096 characters. */
const ERROR_TEXT_MAX = 80;

/** `/watch list`: every watch of the server with its channel, filters, last alert and last problem. */
export default defineSubcommand({
  name: "list",
  description: "watch.list.description",
  needs: WATCH_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  async run({ services, guildId, t }) {
    const watches = await services.watches.store.listByGuild(guildId);
    if (watches.length === 0) return { content: t("watch.list.none") };
    const lines = watches.map((watch) => {
      const entry = t("watch.list.entry", {
        id: watch.id,
        org: safeText(watch.org, 100),
        channel: `<#${watch.channelId}>`,
        filters: describeFilters(watch, t),
        last:
          watch.lastAlertAt === null
            ? t("watch.list.never")
            : `<t:${Math.floor(Date.parse(watch.lastAlertAt) / 1000)}:R>`,
      });
      const problem =
        watch.pausedReason !== null
          ? t("watch.list.paused", { reason: safeText(watch.pausedReason, ERROR_TEXT_MAX) })
          : watch.lastError !== null
            ? t("watch.list.error", { error: safeText(watch.lastError, ERROR_TEXT_MAX) })
            : null;
      return problem === null ? entry : `${entry}\n  ${problem}`;
    });
    return {
      embeds: [
        {
          title: t("watch.list.title", { count: watches.length, max: MAX_WATCHES_PER_GUILD }),
          color: EMBED_COLOR,
          description: lines.join("\n").slice(0, DISCORD_LIMITS.embedDescription),
        },
      ],
    };
  },
});
