import { defineSubcommand } from "../../bot/command.js";
import { digestAnswer } from "../../bot/digest-message.js";
import { periodOf } from "../../services/digests/schedule.js";
import { withData } from "../data-notes.js";
import { DIGEST_NEEDS, ONE_DIGEST, theDigest } from "./options.js";

/** `/digest preview [id]`: the digest as it would be posted now, shown to the admin only. */
export default defineSubcommand({
  name: "preview",
  description: "digest.preview.description",
  options: ONE_DIGEST,
  needs: DIGEST_NEEDS,
  visibility: "ephemeral",
  mayBeSlow: true,

  check: theDigest,

  async run({ services, t }, digest) {
    const period = periodOf(digest, services.clock());
    const rendered = await withData(
      () => services.digests.messages.render(digest, period),
      services.collection,
      services.clock,
    );
    return {
      content: t("digest.preview", { id: digest.id, channel: `<#${digest.channelId}>` }),
      ...digestAnswer(rendered),
    };
  },
});
