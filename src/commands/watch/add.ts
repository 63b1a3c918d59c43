import { defineSubcommand, later } from "../../bot/command.js";
import { safeText } from "../../bot/discord-text.js";
import { channelOption, integerOption, roleOption, stringOption } from "../../bot/options.js";
import { UserFacingError } from "../../bot/user-facing-error.js";
import { channelKindOf, WATCHABLE_CHANNEL_TYPES } from "../../bot/watch-delivery.js";
import { render } from "../../locales/index.js";
import { ORG_PATTERN, WatchLimitError } from "../../services/watches/watch-store.js";
import { autocompleteIndex, closeNames, orgChoices, typedText } from "../names.js";
import { describeFilters, WATCH_NEEDS, watchLanguageOption } from "./options.js";

/**
 * `/watch add org channel [min-downloads] [role] [language]`: alerts in a channel when a Hub
 * organisation publishes a model. Everything is checked before anything is saved: the name (from
 * the name index, else asked of the Hub), the channel and the bot's standing there, the role.
 */
export default defineSubcommand({
  name: "add",
  description: "watch.add.description",
  options: {
    org: stringOption({
      description: "watch.add.org",
      required: true,
      maxLength: 96,
      autocomplete: (typed, { services, locale }) =>
        orgChoices(autocompleteIndex(services), typed, locale, services.lookup),
      parse: (raw) => {
        const name = raw.trim();
        if (!ORG_PATTERN.test(name)) throw new UserFacingError("watch.bad-org", { typed: typedText(raw) });
        return name;
      },
    }),
    channel: channelOption({
      description: "watch.add.channel",
      required: true,
      channelTypes: WATCHABLE_CHANNEL_TYPES,
      parse: (channel) => {
        if (channelKindOf(channel.type) === undefined) {
          throw new UserFacingError("watch.channel-type", { channel: `<#${channel.id}>` });
        }
        return channel;
      },
    }),
    "min-downloads": integerOption({ description: "watch.add.min-downloads", minValue: 0 }),
    role: roleOption({ description: "watch.add.role" }),
    language: watchLanguageOption,
  },
  needs: WATCH_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  check({ options, services, guildId, t }) {
    const standing = services.watches.access(guildId, options.channel.id);
    if (standing.kind === "refused") {
      throw new UserFacingError("watch.cannot-post", {
        channel: `<#${options.channel.id}>`,
        reason: render(t.locale, standing.reason),
      });
    }
    const role = options.role;
    if (
      role !== undefined &&
      (!role.mentionable || role.managed) &&
      !(standing.kind === "ok" && standing.mentionEveryone)
    ) {
      throw new UserFacingError("watch.role-not-mentionable", { role: `<@&${role.id}>` });
    }
    const index = autocompleteIndex(services);
    const known = index?.author(options.org);
    // Spelled as the snapshot spells it: no need to ask the Hub.
    if (known !== undefined) return { org: known };
    return later(async () => {
      let found: string | undefined;
      try {
        const newest = await services.hub.listNewestModels(options.org, 1);
        found = newest.models[0]?.author;
      } catch {
        throw new UserFacingError("watch.org-unchecked");
      }
      if (found === undefined) {
        throw new UserFacingError("watch.unknown-org", {
          typed: typedText(options.org),
          guesses: index === null ? [] : closeNames(index.authors, options.org),
        });
      }
      return { org: found };
    });
  },

  async run({ options, services, guildId, userId, guildLocale, t }, { org }) {
    const channelKind = channelKindOf(options.channel.type) ?? null;
    try {
      const watch = await services.watches.store.create({
        guildId,
        channelId: options.channel.id,
        channelKind,
        org,
        minDownloads: options["min-downloads"] ?? 0,
        roleId: options.role?.id ?? null,
        language: options.language ?? guildLocale,
        createdBy: userId,
      });
      return {
        content: t("watch.created", {
          id: watch.id,
          org: safeText(org, 100),
          channel: `<#${watch.channelId}>`,
          filters: describeFilters(watch, t),
        }),
      };
    } catch (error) {
      if (!(error instanceof WatchLimitError)) throw error;
      throw new UserFacingError("watch.limit", { limit: error.limit });
    }
  },
});
