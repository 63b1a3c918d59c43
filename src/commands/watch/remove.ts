import { defineSubcommand } from "../../bot/command.js";
import { safeText } from "../../bot/discord-text.js";
import { WATCH_ID, WATCH_NEEDS, watchOrThrow } from "./options.js";

/** `/watch remove id`: deletes a watch and its record of alerts. */
export default defineSubcommand({
  name: "remove",
  description: "watch.remove.description",
  options: WATCH_ID,
  needs: WATCH_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  check: ({ options, services, guildId }) => watchOrThrow(services.watches.store, guildId, options.id),

  async run({ services, guildId, t }, watch) {
    await services.watches.store.remove(guildId, watch.id);
    return { content: t("watch.removed", { id: watch.id, org: safeText(watch.org, 100) }) };
  },
});
