import { Client, GatewayIntentBits, Options, REST } from "discord.js";
import { NO_MENTIONS } from "./answers.js";

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
    rest: {
      ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
      // Discord does not count interaction callbacks and their webhook edits against the bot's
      // global limit of 50 requests a second, but discord.js counts every request: a burst of
      // 200 /trends would queue its answers for seconds. This client sends interaction answers
      // (and a few reads); posts that do count go through `createChannelRest`.
      globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND,
    },
  });
}

const INTERACTION_REQUESTS_PER_SECOND = 1000;

/**
 * A REST client for requests under Discord's global rate limit (posts to channels: digests),
 * with discord.js's default of 50 a second, so that those never risk a global 429.
 */
export function createChannelRest(options: { apiUrl: string | undefined; token: string }): REST {
  return new REST(options.apiUrl === undefined ? {} : { api: options.apiUrl }).setToken(options.token);
}
