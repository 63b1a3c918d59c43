import { defineSubcommand } from "../../bot/command.js";
import { idOption } from "../shared-options.js";
import { DIGEST_NEEDS, pickDigest } from "./options.js";

/** `/digest off [id]`: stops posting; the settings stay, and `/digest set id:…` turns it back on. */
export default defineSubcommand({
  name: "off",
  description: "digest.off.description",
  options: { id: idOption("option.id.digest") },
  needs: DIGEST_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: false,

  check: ({ options, services, guildId }) => pickDigest(options.id, services.digests.store, guildId),

  run({ services, guildId, t }, digest) {
    services.digests.store.setEnabled(guildId, digest.id, false);
    return { content: t("digest.turned-off", { id: digest.id, channel: `<#${digest.channelId}>` }) };
  },
});
