import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { CommandServices } from "../commands/command.js";
import { type Digest, DigestLimitError } from "../services/digests/digest-store.js";
import { NO_MENTIONS } from "./answers.js";
import { DIGEST_CHANNEL_TYPES } from "./digest-delivery.js";
import {
  digestOrThrow,
  readDay,
  readLanguage,
  readTime,
  readTimeZone,
  requireManageServer,
} from "./digest-options.js";
import { describeContent, describeSchedule, upcomingLines } from "./digest-text.js";
import { localeFor } from "./locale.js";
import { readRegion } from "./region-option.js";
import { UserFacingError } from "./user-facing-error.js";

/**
 * `/digest set`: creates a digest, or with `id` changes one (and turns it back on when it was off
 * or paused). Everything is checked before anything is saved: the options, then whether the bot
 * can post in the channel.
 */
export async function digestSet(
  interaction: ChatInputCommandInteraction,
  services: CommandServices,
): Promise<void> {
  const guildId = requireManageServer(interaction);
  const { store, access } = services.digests;
  const id = interaction.options.getInteger("id");
  const existing = id === null ? null : digestOrThrow(store, guildId, id);

  const channel = interaction.options.getChannel("channel", true);
  if (!(DIGEST_CHANNEL_TYPES as readonly number[]).includes(channel.type)) {
    throw new UserFacingError(
      "digest-channel-type",
      `<#${channel.id}> is not a text or announcement channel: pick one of those for the digest.`,
    );
  }
  const day = readDay(interaction);
  const time = readTime(interaction);
  const timezone = readTimeZone(interaction);
  const region =
    interaction.options.getString("region") === null
      ? (existing?.region ?? null)
      : readRegion(interaction, "region");
  const language = readLanguage(interaction) ?? existing?.language ?? localeFor(interaction.guildLocale);

  const standing = access(guildId, channel.id);
  if (standing.kind === "refused") {
    const fix =
      standing.missing.length > 0
        ? ` Give my role ${standing.missing.join(", ")} in <#${channel.id}> (channel settings → Permissions), then run this again.`
        : "";
    throw new UserFacingError(
      "digest-missing-permission",
      `I can't post the digest in <#${channel.id}>: ${standing.reason}.${fix} Nothing was saved.`,
    );
  }

  const settings = { channelId: channel.id, day, time, timezone, region, language };
  let saved: Digest;
  let verb: string;
  if (existing === null) {
    try {
      saved = store.create({ ...settings, guildId, createdBy: interaction.user.id });
    } catch (error) {
      if (!(error instanceof DigestLimitError)) throw error;
      throw new UserFacingError(
        "digest-limit",
        `This server already has ${error.limit} digests, the most allowed. Change one with \`/digest set id:…\` (\`/digest show\` lists them), or turn one off with \`/digest off\`.`,
      );
    }
    verb = "created";
  } else {
    const resumed = !existing.enabled || existing.pausedReason !== null;
    saved = store.update(guildId, existing.id, settings) ?? digestOrThrow(store, guildId, existing.id);
    if (resumed) saved = store.setEnabled(guildId, saved.id, true) ?? saved;
    verb = resumed ? "updated and back on" : "updated";
  }

  const upcoming = upcomingLines(saved, store, services.clock(), 3);
  const lines = [
    `Digest #${saved.id} ${verb}: it posts to <#${saved.channelId}> ${describeSchedule(saved)}, about ${describeContent(saved)}.`,
    "",
    "Next posts:",
    ...upcoming,
  ];
  if (standing.kind === "ok" && !standing.readHistory) {
    lines.push(
      "",
      `Tip: give me **Read Message History** in <#${saved.channelId}> too, so that after a crash I can check whether the week's post already went out.`,
    );
  }
  lines.push(
    "",
    `\`/digest preview id:${saved.id}\` shows it now; \`/digest send-now id:${saved.id}\` posts this week's at once.`,
  );
  await interaction.reply({
    content: lines.join("\n"),
    flags: MessageFlags.Ephemeral,
    allowedMentions: NO_MENTIONS,
  });
}
