import type { NewWatch } from "../../src/services/watches/watch-store.js";

/** The guild most watch tests create their watches in. */
export const WATCH_GUILD = "100000000000000001";

/** A watch as `/watch add` would create it: Qwen into a text channel, no filter, no role. */
export function newWatch(overrides: Partial<NewWatch> = {}): NewWatch {
  return {
    guildId: WATCH_GUILD,
    channelId: "200000000000000001",
    channelKind: null,
    org: "Qwen",
    minDownloads: 0,
    roleId: null,
    language: "en-US",
    createdBy: "300000000000000001",
    ...overrides,
  };
}
