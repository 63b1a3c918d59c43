import { defineSubcommand } from "../../bot/command.js";
import type { CommandServices } from "../../bot/command-services.js";
import { ChannelRefusedError } from "../../bot/digest-delivery.js";
import { safeText } from "../../bot/discord-text.js";
import { UserFacingError } from "../../bot/user-facing-error.js";
import { render, type Translator } from "../../locales/index.js";
import type { Digest } from "../../services/digests/digest-store.js";
import { NoDataError } from "../../services/snapshots/trends-service.js";
import { withData } from "../data-notes.js";
import { DIGEST_NEEDS, ONE_DIGEST, theDigest } from "./options.js";
import { messageLink } from "./text.js";

/**
 * `/digest send-now [id]`: posts the digest now as this week's post, through the scheduler, so
 * the scheduled post of the week does not follow (and a week already posted is not posted again).
 */
export default defineSubcommand({
  name: "send-now",
  description: "digest.send-now.description",
  options: ONE_DIGEST,
  needs: DIGEST_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  async check(context) {
    const { services, guildId, t } = context;
    const digest = await theDigest(context);
    if (digest.pausedReason !== null) {
      throw new UserFacingError("digest.paused", {
        id: digest.id,
        reason: safeText(digest.pausedReason, 300),
      });
    }
    if (!digest.enabled) throw new UserFacingError("digest.is-off", { id: digest.id });
    const standing = services.digests.access(guildId, digest.channelId);
    if (standing.kind === "refused") {
      throw new UserFacingError("digest.cannot-post-now", {
        id: digest.id,
        channel: `<#${digest.channelId}>`,
        reason: render(t.locale, standing.reason),
      });
    }
    return digest;
  },

  async run({ services, guildId, t }, digest) {
    const result = await withData(() => sendNow(digest, services, t), services.collection, services.clock);
    const { id, channelId } = digest;
    const channel = `<#${channelId}>`;
    const { period } = result;
    if (result.status === "posted") {
      const link = messageLink(guildId, channelId, result.messageId);
      return { content: t("digest.posted", { id, channel, link, period }) };
    }
    if (result.status === "already-posted") {
      const link = result.messageId === null ? null : messageLink(guildId, channelId, result.messageId);
      return { content: t("digest.already-posted", { id, period, link }) };
    }
    return { content: t("digest.posting", { id, period, channel }) };
  },
});

/** The scheduler's send-now, with its delivery errors explained (it has recorded them already). */
async function sendNow(digest: Digest, services: CommandServices, t: Translator) {
  try {
    return await services.digests.scheduler.sendNow(digest);
  } catch (error) {
    if (error instanceof ChannelRefusedError) {
      throw new UserFacingError("digest.refused", {
        id: digest.id,
        channel: `<#${digest.channelId}>`,
        reason: render(t.locale, error.reason),
      });
    }
    // No snapshot and no Hub: withData explains that.
    if (error instanceof UserFacingError || error instanceof NoDataError) throw error;
    services.logger.warn({ err: error, digestId: digest.id, guildId: digest.guildId }, "send-now failed");
    const detail = error instanceof Error ? error.message.slice(0, 200) : t("digest.unknown-error");
    throw new UserFacingError("digest.send-failed", { detail });
  }
}
