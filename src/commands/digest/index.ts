import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from "discord.js";
import { defineParentCommand } from "../../bot/command.js";
import off from "./off.js";
import preview from "./preview.js";
import sendNow from "./send-now.js";
import set from "./set.js";
import show from "./show.js";

/**
 * `/digest`: weekly digests posted to channels admins choose. Only members with Manage Server see
 * it by default, only in servers; every subcommand needs both (DIGEST_NEEDS), which the router checks.
 */
export default defineParentCommand({
  name: "digest",
  description: "digest.description",
  registration: {
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    dm_permission: false,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  },
  subcommands: [set, show, preview, sendNow, off],
});
