import { type APIEmbedField, type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { CommandServices } from "../commands/command.js";
import type { Digest, DigestStore } from "../services/digests/digest-store.js";
import { MAX_DIGESTS_PER_GUILD } from "../services/digests/digest-store.js";
import { EMBED_COLOR, NO_MENTIONS } from "./answers.js";
import { requireManageServer } from "./digest-options.js";
import { describeContent, describeSchedule, messageLink, stamp, upcomingLines } from "./digest-text.js";
import { DISCORD_LIMITS, safeText } from "./discord-text.js";

/** Longest error text shown; a field holds 1,024 characters and there are up to five digests. */
const ERROR_TEXT_MAX = 300;

/** `/digest show`: every digest of the server, with its state, next post, last post and last error. */
export async function digestShow(
  interaction: ChatInputCommandInteraction,
  services: CommandServices,
): Promise<void> {
  const guildId = requireManageServer(interaction);
  const { store } = services.digests;
  const digests = store.listByGuild(guildId);
  if (digests.length === 0) {
    await interaction.reply({
      content:
        "This server has no digests yet. `/digest set` creates one: a channel, a weekday, a time and a time zone.",
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const now = services.clock();
  await interaction.reply({
    embeds: [
      {
        title: `Weekly digests (${digests.length} of ${MAX_DIGESTS_PER_GUILD})`,
        color: EMBED_COLOR,
        fields: digests.map((digest) => digestField(digest, store, now)),
        footer: { text: "Change one with /digest set id:…, stop one with /digest off id:…" },
      },
    ],
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}

function digestField(digest: Digest, store: DigestStore, now: Date): APIEmbedField {
  const lines = [`<#${digest.channelId}> · ${describeSchedule(digest)} · ${describeContent(digest)}`];
  if (digest.pausedReason !== null) {
    lines.push(
      `**Paused**: ${safeText(digest.pausedReason, ERROR_TEXT_MAX)}. Fix that, then \`/digest set id:${digest.id}\` resumes it.`,
    );
  } else if (!digest.enabled) {
    lines.push(`**Off**: \`/digest set id:${digest.id}\` turns it back on.`);
  } else {
    const [next] = upcomingLines(digest, store, now, 1);
    lines.push(next === undefined ? "Next post: none scheduled" : `Next post: ${next.slice(2)}`);
  }

  const posted = store.lastPosted(digest.id);
  if (posted?.postedAt != null && posted.messageId !== null) {
    const link = messageLink(digest.guildId, digest.channelId, posted.messageId);
    lines.push(`Last post: ${stamp(posted.postedAt, "f")} (${posted.period}) · [open](${link})`);
  } else {
    lines.push("Last post: none yet");
  }

  const latest = store.lastDelivery(digest.id);
  if (latest !== null && latest.status === "failed" && digest.pausedReason === null && latest.nextAttemptAt) {
    lines.push(`${latest.period}: failed, retrying ${stamp(latest.nextAttemptAt, "R")}`);
  } else if (latest !== null && latest.status === "skipped" && latest.period !== posted?.period) {
    lines.push(`${latest.period}: not posted (${safeText(latest.error ?? "skipped", ERROR_TEXT_MAX)})`);
  }

  // An error older than the last post has been overcome; only a newer one is news.
  const errorIsNews =
    digest.lastError !== null &&
    digest.lastErrorAt !== null &&
    (posted?.postedAt == null || digest.lastErrorAt > posted.postedAt);
  if (errorIsNews && digest.lastErrorAt !== null && digest.lastError !== null) {
    lines.push(
      `Last error (${stamp(digest.lastErrorAt, "R")}): ${safeText(digest.lastError, ERROR_TEXT_MAX)}`,
    );
  }

  const status = digest.pausedReason !== null ? "paused" : digest.enabled ? "on" : "off";
  return {
    name: `#${digest.id} · ${status}`,
    value: lines.join("\n").slice(0, DISCORD_LIMITS.embedFieldValue),
  };
}
