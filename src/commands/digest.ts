import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
} from "discord.js";
import { digestOff, digestPreview, digestSendNow } from "../bot/digest-actions.js";
import { DIGEST_CHANNEL_TYPES } from "../bot/digest-delivery.js";
import { timeZoneChoices } from "../bot/digest-options.js";
import { digestSet } from "../bot/digest-set.js";
import { digestShow } from "../bot/digest-show.js";
import { localeFor } from "../bot/locale.js";
import { regionChoices } from "../bot/region-option.js";
import { UserFacingError } from "../bot/user-facing-error.js";
import type { Command } from "./command.js";

const DAYS = [
  ["mon", "Monday", "周一"],
  ["tue", "Tuesday", "周二"],
  ["wed", "Wednesday", "周三"],
  ["thu", "Thursday", "周四"],
  ["fri", "Friday", "周五"],
  ["sat", "Saturday", "周六"],
  ["sun", "Sunday", "周日"],
] as const;

/** `id`: which digest; optional wherever the server's only digest is meant by default. */
const ID_OPTION = {
  type: ApplicationCommandOptionType.Integer,
  name: "id",
  description: "Which digest (see /digest show); may be left out when the server has only one",
  description_localizations: { "zh-CN": "哪一份周报（见 /digest show）；服务器只有一份时可省略" },
  min_value: 1,
} as const satisfies APIApplicationCommandBasicOption;

/**
 * `/digest`: weekly digests posted to channels admins choose. Only members with Manage Server
 * see it by default, only in servers; each subcommand checks the permission again.
 */
export default {
  data: {
    name: "digest",
    description: "Weekly open-source AI digests posted to a channel (Manage Server)",
    description_localizations: { "zh-CN": "每周开源 AI 周报，发布到指定频道（需要“管理服务器”权限）" },
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    dm_permission: false,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "set",
        description: "Create a weekly digest, or change one (with id); also turns an off digest back on",
        description_localizations: { "zh-CN": "创建周报，或用 id 修改已有周报（也会重新开启）" },
        options: [
          {
            type: ApplicationCommandOptionType.Channel,
            name: "channel",
            description: "Text or announcement channel to post in",
            description_localizations: { "zh-CN": "发布周报的文字或公告频道" },
            channel_types: [...DIGEST_CHANNEL_TYPES],
            required: true,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: "day",
            description: "Day of the week to post on",
            description_localizations: { "zh-CN": "每周哪一天发布" },
            choices: DAYS.map(([value, name, zh]) => ({ name, name_localizations: { "zh-CN": zh }, value })),
            required: true,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: "time",
            description: "Time of day, 24-hour HH:MM (09:00, 18:30)",
            description_localizations: { "zh-CN": "发布时间，24 小时制 HH:MM（如 09:00）" },
            max_length: 5,
            required: true,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: "timezone",
            description: "IANA time zone, e.g. Europe/Paris, America/New_York, Asia/Shanghai",
            description_localizations: { "zh-CN": "IANA 时区，如 Asia/Shanghai" },
            autocomplete: true,
            max_length: 64,
            required: true,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: "region",
            description: "china, us, europe, asia or other; leave empty for all regions",
            description_localizations: { "zh-CN": "中国、美国、欧洲、亚太或其他；留空为全部地区" },
            autocomplete: true,
            max_length: 40,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: "language",
            description: "Language of the digest (default: the server's)",
            description_localizations: { "zh-CN": "周报语言（默认为服务器语言）" },
            choices: [
              { name: "English", value: "en-US" },
              { name: "简体中文", value: "zh-CN" },
            ],
          },
          { ...ID_OPTION, description: "Change this digest instead of creating one" },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "show",
        description: "List this server's digests: schedule, next and last post, problems",
        description_localizations: { "zh-CN": "列出本服务器的周报：时间、下次和上次发布、问题" },
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "preview",
        description: "See the digest as it would be posted now (only you see it)",
        description_localizations: { "zh-CN": "预览现在发布的周报（仅你可见）" },
        options: [ID_OPTION],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "send-now",
        description: "Post this week's digest now instead of at the scheduled time",
        description_localizations: { "zh-CN": "立即发布本周周报（代替定时发布）" },
        options: [ID_OPTION],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "off",
        description: "Stop posting a digest; its settings are kept",
        description_localizations: { "zh-CN": "停止发布周报；保留设置" },
        options: [ID_OPTION],
      },
    ],
  },

  async execute(interaction, services) {
    const subcommand = interaction.options.getSubcommand();
    switch (subcommand) {
      case "set":
        return digestSet(interaction, services);
      case "show":
        return digestShow(interaction, services);
      case "preview":
        return digestPreview(interaction, services);
      case "send-now":
        return digestSendNow(interaction, services);
      case "off":
        return digestOff(interaction, services);
      default:
        throw new UserFacingError("unknown-command", `/digest ${subcommand} is not available any more.`);
    }
  },

  autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name === "timezone") return timeZoneChoices(focused.value);
    if (focused.name === "region") return regionChoices(focused.value, localeFor(interaction.locale));
    return [];
  },
} satisfies Command;
