import { Client, GatewayIntentBits, Options } from "discord.js";
import { NO_MENTIONS } from "./chart-answer.js";

/**
 * The discord.js client: Guilds intent only (no privileged intents), mentions off by default, and
 * caches trimmed to what the bot reads (guilds, channels, its own member for permissions).
 * `apiUrl` points the REST client elsewhere (a REST proxy, or a loopback Discord in tests).
 */
export function createDiscordClient(options: { apiUrl: string | undefined }): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildMemberManager: { maxSize: 1, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    ...(options.apiUrl === undefined ? {} : { rest: { api: options.apiUrl } }),
  });
}
