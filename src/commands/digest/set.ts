import { defineSubcommand } from "../../bot/command.js";
import { roleOption } from "../../bot/options.js";
import { UserFacingError } from "../../bot/user-facing-error.js";
import { render } from "../../locales/index.js";
import { type Digest, DigestLimitError } from "../../services/digests/digest-store.js";
import { DEFAULT_METHOD } from "../../services/method/method.js";
import { byOption, cohortOption, idOption, postChannelOption, regionOption } from "../shared-options.js";
import {
  DIGEST_NEEDS,
  dayOption,
  digestOrThrow,
  languageOption,
  timeOption,
  timeZoneOption,
} from "./options.js";
import { describeContent, describeMethod, describeSchedule, upcomingLines } from "./text.js";

/**
 * `/digest set`: creates a digest, or with `id` changes one (and turns it back on when it was off
 * or paused). Everything is checked before anything is saved: the options, then whether the bot
 * can post in the channel.
 */
export default defineSubcommand({
  name: "set",
  description: "digest.set.description",
  options: {
    channel: postChannelOption({ description: "digest.set.channel", refusal: "digest.channel-type" }),
    day: dayOption,
    time: timeOption,
    timezone: timeZoneOption,
    region: regionOption({ description: "digest.set.region" }),
    language: languageOption,
    by: byOption({ description: "digest.set.by" }),
    cohort: cohortOption({ description: "digest.set.cohort" }),
    role: roleOption({ description: "digest.set.role" }),
    id: idOption("option.id.digest-set"),
  },
  needs: DIGEST_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  async check({ options, services, guildId, t }) {
    const existing =
      options.id === undefined ? null : await digestOrThrow(services.digests.store, guildId, options.id);
    const standing = services.digests.access(guildId, options.channel.id);
    if (standing.kind === "refused") {
      throw new UserFacingError("digest.cannot-post-set", {
        channel: `<#${options.channel.id}>`,
        reason: render(t.locale, standing.reason),
        missing: standing.missing,
      });
    }
    const role = options.role;
    // The bot may mention only what Discord lets it: a mentionable role (not an integration's).
    if (role !== undefined && (!role.mentionable || role.managed)) {
      throw new UserFacingError("watch.role-not-mentionable", { role: `<@&${role.id}>` });
    }
    return { existing, readHistory: standing.kind !== "ok" || standing.readHistory };
  },

  async run({ options, services, guildId, userId, guildLocale, t }, { existing, readHistory }) {
    const { store } = services.digests;
    const settings = {
      channelId: options.channel.id,
      day: options.day,
      time: options.time,
      timezone: options.timezone,
      // Not given: an existing digest keeps its region; "all" (or nothing typed): every region.
      region: options.region === undefined ? (existing?.region ?? null) : options.region,
      language: options.language ?? existing?.language ?? guildLocale,
      // Likewise the counting method: what was given, else what the digest has, else the default.
      by: options.by ?? existing?.by ?? DEFAULT_METHOD.by,
      cohort: options.cohort ?? existing?.cohort ?? DEFAULT_METHOD.cohort,
      // Not given: an existing digest keeps its role (or none).
      roleId: options.role?.id ?? existing?.roleId ?? null,
    };
    let saved: Digest;
    let verb: "digest.created" | "digest.updated" | "digest.resumed";
    if (existing === null) {
      try {
        saved = await store.create({ ...settings, guildId, createdBy: userId });
      } catch (error) {
        if (!(error instanceof DigestLimitError)) throw error;
        throw new UserFacingError("digest.limit", { limit: error.limit });
      }
      verb = "digest.created";
    } else {
      const resumed = !existing.enabled || existing.pausedReason !== null;
      saved =
        (await store.update(guildId, existing.id, settings)) ??
        (await digestOrThrow(store, guildId, existing.id));
      if (resumed) saved = (await store.setEnabled(guildId, saved.id, true)) ?? saved;
      verb = resumed ? "digest.resumed" : "digest.updated";
    }

    const channel = `<#${saved.channelId}>`;
    const lines = [
      t(verb, {
        id: saved.id,
        channel,
        schedule: describeSchedule(saved, t),
        content: describeContent(saved, t),
      }),
      describeMethod(saved, t),
      "",
      t("digest.next-posts"),
      ...(await upcomingLines(saved, store, services.clock(), 3, t)),
    ];
    if (!readHistory) lines.push("", t("digest.tip-history", { channel }));
    lines.push("", t("digest.what-next", { id: saved.id }));
    return { content: lines.join("\n") };
  },
});
