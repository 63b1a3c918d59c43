import { defineSubcommand } from "../../bot/command.js";
import { UserFacingError } from "../../bot/user-facing-error.js";
import { alertEmbed } from "../../bot/watch-message.js";
import type { ModelRecord } from "../../services/hub/types.js";
import { nameIndexOf } from "../../services/snapshots/name-index.js";
import { WATCH_ID, WATCH_NEEDS, watchOrThrow } from "./options.js";

/**
 * `/watch test id`: the alert the watch would post, shown only to the admin (nothing is posted),
 * for the org's newest model: from the Hub, else its most downloaded one in the snapshot.
 */
export default defineSubcommand({
  name: "test",
  description: "watch.test.description",
  options: WATCH_ID,
  needs: WATCH_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  check: ({ options, services, guildId }) => watchOrThrow(services.watches.store, guildId, options.id),

  async run({ services, t }, watch) {
    let model: ModelRecord | undefined;
    try {
      model = (await services.hub.listNewestModels(watch.org, 1)).models[0];
    } catch {
      const stored = services.trends.newestStored();
      model = stored === null ? undefined : nameIndexOf(stored).modelsOf(watch.org)[0];
    }
    if (model === undefined) throw new UserFacingError("watch.org-unchecked");
    const content = services.watches.compose({ watchId: watch.id, modelId: model.id, kind: "new" }, model);
    return {
      content: t("watch-post.sample"),
      embeds: [alertEmbed(content, watch.language, services.clock())],
    };
  },
});
