import type { Kysely } from "kysely";
import type { Tables } from "./tables.js";

/** Tables of settings a server owns, by `id` within its `guild_id` (digests, watches). */
export type GuildTable = "digests" | "watches";

/**
 * Deleting a server's settings, the same for every such table: one of them by id (only within its
 * server, so an id from another server deletes nothing), or all of them when the bot leaves it.
 */
export function guildRows(db: Kysely<Tables>, table: GuildTable) {
  return {
    async remove(guildId: string, id: number): Promise<boolean> {
      const { numDeletedRows } = await db
        .deleteFrom(table)
        .where("id", "=", id)
        .where("guild_id", "=", guildId)
        .executeTakeFirstOrThrow();
      return numDeletedRows > 0n;
    },
    async deleteByGuild(guildId: string): Promise<number> {
      const { numDeletedRows } = await db
        .deleteFrom(table)
        .where("guild_id", "=", guildId)
        .executeTakeFirstOrThrow();
      return Number(numDeletedRows);
    },
  };
}
