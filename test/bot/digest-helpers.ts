import { PermissionFlagsBits } from "discord.js";
import type { FakeChannelInit, InteractionOptionInit } from "../fakes/discord/index.js";
import { DEFAULT_EVERYONE_PERMISSIONS, Permission } from "../fakes/discord/index.js";
import { ackIsEphemeral } from "./answer-json.js";
import { type BotHarness, CHANNEL_ID, contentOf, type RunExtra } from "./harness.js";

/** Channels the digest tests add to the test guild. */
export const NEWS_CHANNEL_ID = "1190000000000000021";
export const VOICE_CHANNEL_ID = "1190000000000000022";
export const NO_ATTACH_CHANNEL_ID = "1190000000000000023";
export const SECOND_CHANNEL_ID = "1190000000000000024";
export const FORUM_CHANNEL_ID = "1190000000000000025";

export const DIGEST_CHANNELS: FakeChannelInit[] = [
  { id: NEWS_CHANNEL_ID, name: "announcements", type: 5 },
  { id: VOICE_CHANNEL_ID, name: "lounge", type: 2 },
  {
    id: NO_ATTACH_CHANNEL_ID,
    name: "no-files",
    type: 0,
    botPermissions: { deny: Permission.AttachFiles },
  },
  { id: SECOND_CHANNEL_ID, name: "weekly", type: 0 },
  { id: FORUM_CHANNEL_ID, name: "digests", type: 15 },
];

const CHANNEL_TYPES = new Map<string, { name: string; type: number }>([
  [CHANNEL_ID, { name: "trends", type: 0 }],
  ...DIGEST_CHANNELS.map((c): [string, { name: string; type: number }] => [c.id, c]),
]);

/** What a server admin has: the defaults plus Manage Server. */
export const ADMIN = (DEFAULT_EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild).toString();

export interface SetOptions {
  channel?: string;
  day?: string;
  time?: string;
  timezone?: string;
  region?: string;
  language?: string;
  by?: string;
  cohort?: string;
  id?: number;
}

/**
 * `/digest set` as Discord sends it: the subcommand's options plus the channel in `resolved`
 * (Discord resolves channel options; the fake leaves that to the caller). The resolved channel
 * carries the invoking member's permissions, as on Discord.
 */
export function setCommand(options: SetOptions): { options: InteractionOptionInit[]; extra: RunExtra } {
  const channelId = options.channel ?? CHANNEL_ID;
  const channel = CHANNEL_TYPES.get(channelId) ?? { name: "unknown", type: 0 };
  const given: InteractionOptionInit[] = [
    { name: "channel", type: 7, value: channelId },
    { name: "day", type: 3, value: options.day ?? "mon" },
    { name: "time", type: 3, value: options.time ?? "09:00" },
    { name: "timezone", type: 3, value: options.timezone ?? "Asia/Shanghai" },
  ];
  if (options.region !== undefined) given.push({ name: "region", type: 3, value: options.region });
  if (options.language !== undefined) given.push({ name: "language", type: 3, value: options.language });
  if (options.by !== undefined) given.push({ name: "by", type: 3, value: options.by });
  if (options.cohort !== undefined) given.push({ name: "cohort", type: 3, value: options.cohort });
  if (options.id !== undefined) given.push({ name: "id", type: 4, value: options.id });
  return {
    options: [{ name: "set", type: 1, options: given }],
    extra: {
      memberPermissions: ADMIN,
      resolved: {
        channels: {
          [channelId]: {
            id: channelId,
            name: channel.name,
            type: channel.type,
            permissions: ADMIN,
            flags: 0,
          },
        },
      },
    },
  };
}

/** Runs `/digest <subcommand>` as an admin. */
export function digest(
  h: BotHarness,
  subcommand: "show" | "preview" | "send-now" | "off",
  id?: number,
  extra: RunExtra = {},
) {
  const options = id === undefined ? [] : [{ name: "id", type: 4, value: id }];
  return h.run("digest", [{ name: subcommand, type: 1, options }], { memberPermissions: ADMIN, ...extra });
}

/** Runs `/digest set` as an admin and returns the answer's text. */
export async function setDigest(h: BotHarness, options: SetOptions, extra: RunExtra = {}): Promise<string> {
  const command = setCommand(options);
  const outcome = await h.run("digest", command.options, { ...command.extra, ...extra });
  return contentOf(outcome.json);
}

/** Messages the bot posted in a channel itself (the fake also keeps interaction answers there). */
export function postsIn(h: BotHarness, channelId: string): Record<string, unknown>[] {
  return h.discord
    .messagesIn(channelId)
    .filter((message) => message.interaction_metadata === undefined && message.webhook_id === undefined);
}

/** The footer of a posted message's first embed. */
export function footerOf(message: Record<string, unknown>): string {
  const embeds = message.embeds as { footer?: { text?: string } }[] | undefined;
  return embeds?.[0]?.footer?.text ?? "";
}

/** Resolves once the bot's cache no longer has the channel (CHANNEL_DELETE processed). */
export async function untilUncached(h: BotHarness, channelId: string): Promise<void> {
  for (let i = 0; i < 200 && h.bot.client.channels.cache.has(channelId); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (h.bot.client.channels.cache.has(channelId)) throw new Error(`channel ${channelId} is still cached`);
}

/** Whether an interaction's first callback was ephemeral (a deferred answer's edit carries no flags). */
export function answeredPrivately(h: BotHarness, outcome: { timings: { interactionId: string } }): boolean {
  return ackIsEphemeral(h, outcome.timings.interactionId);
}
