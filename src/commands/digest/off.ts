import { defineSubcommand } from "../../bot/command.js";
import { DIGEST_NEEDS, ONE_DIGEST, theDigest } from "./options.js";

/** `/digest off [id]`: stops posting; the settings stay, and `/digest set id:…` turns it back on. */
export default defineSubcommand({
  name: "off",
  description: "digest.off.description",
  options: ONE_DIGEST,
  needs: DIGEST_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  check: theDigest,

  async run({ services, guildId, t }, digest) {
    await services.digests.store.setEnabled(guildId, digest.id, false);
    return { content: t("digest.turned-off", { id: digest.id, channel: `<#${digest.channelId}>` }) };
  },
});
